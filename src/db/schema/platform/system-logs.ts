import { index, jsonb, text } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../columns.js';
import { platformSchema, systemLogLevel } from './schema.js';

/**
 * Security events the gateway writes (lockouts, revocations, password changes and resets): read
 * with P(log.system.view), append-only (a trigger refuses UPDATE and DELETE). No foreign keys on
 * purpose: a user's deletion must not rewrite the log (ON DELETE SET NULL would be an UPDATE);
 * the user's id is in `context`.
 */
export const systemLogs = platformSchema.table(
  'system_logs',
  {
    id: id(),
    level: systemLogLevel('level').notNull(),
    source: text('source').notNull(),
    message: text('message').notNull(),
    context: jsonb('context').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    // systemLogs is `created_at desc, id desc` (nulls first, as ORDER BY DESC has them).
    index('system_logs_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);
