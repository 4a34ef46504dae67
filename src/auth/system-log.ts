import type { Database } from '../db/client.js';
import { systemLogs } from '../db/schema/index.js';

/**
 * The system log (platform.system_logs): security events the gateway writes itself, in the
 * transaction of the change they describe, read with P(log.system.view). Lockouts, revocations
 * (sign-out, deactivation, bot token rotation or deletion) and password changes and resets.
 */

export type SystemLogLevel = (typeof systemLogs.$inferInsert)['level'];

export interface SystemLogEntry {
  level: SystemLogLevel;
  /** The gateway area: `auth`, `sessions`, `users`, `bots`. */
  source: string;
  message: string;
  context?: Record<string, unknown>;
}

// Keys that could carry a credential: dropped from the context whatever a caller passes.
const SECRET_KEY = /password|token|hash|secret|credential/i;

/** The context without any value under a credential-like key (nested objects too). */
export function withoutSecrets(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !SECRET_KEY.test(key))
      .map(([key, item]) => [key, item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Date) ? withoutSecrets(item as Record<string, unknown>) : item]),
  );
}

/** Appends one entry, in the caller's transaction. */
export async function writeSystemLog(db: Database, entry: SystemLogEntry): Promise<void> {
  await db.insert(systemLogs).values({ level: entry.level, source: entry.source, message: entry.message, context: withoutSecrets(entry.context ?? {}) });
}
