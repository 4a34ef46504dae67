import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { accounts, auditLogs, passwordResetTokens, sessions, users } from '../db/schema/index.js';
import { forgetCredentials } from './credential-cache.js';
import { writeSystemLog } from './system-log.js';
import { hashToken } from './tokens.js';

/**
 * Forgotten passwords (issue 17). A request always answers the same, whether or not the email
 * belongs to anyone, and costs the same one statement either way; only when it does is a random
 * token stored, as its SHA-256, with an expiry, and its link written to the mail outbox in the same
 * statement (src/mail/ sends it). The token is single-use: a reset consumes it and every other
 * outstanding token of the user, sets the password, lifts a sign-in lock and ends every session.
 */

export interface PasswordResetSettings {
  /** The client page that takes the token: the mail links to `<url>?token=<token>` (PASSWORD_RESET_URL). */
  url: string;
  /** How long a link works (PASSWORD_RESET_TTL_MINUTES). */
  ttlMinutes: number;
}

let settings: PasswordResetSettings = { url: 'http://localhost:3000/reset-password', ttlMinutes: 30 };

/** Set by the process at start from its configuration (src/main.ts); tests set their own. */
export function configurePasswordReset(chosen: PasswordResetSettings): void {
  settings = { ...chosen };
}

export const passwordResetSettings = (): PasswordResetSettings => settings;

/** Reset tokens carry their own prefix, so a leaked one is recognizable (they are never bearer tokens). */
export const RESET_TOKEN_PREFIX = 'gw_r_';

/** Unused, unexpired links one user may have at once: more requests are answered alike but mail nothing (no mail bombing). */
export const MAX_OUTSTANDING_RESETS = 3;

export function resetLink(token: string, base = settings.url): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  return url.toString();
}

const storableIp = (ip: string | null) => (ip && isIP(ip) ? ip : null);

/** Stores a reset token for the active person with this email, if any, and writes its mail; answers nothing either way. */
export async function requestPasswordReset(db: Database, email: string, ip: string | null): Promise<void> {
  const token = RESET_TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const { ttlMinutes } = settings;
  // One statement whether or not the email matches: the answer's timing tells nothing.
  await db.execute(sql`
    with target as (
      select u.id, u.email, u.locale, u.display_name from auth.users u
      where lower(u.email) = lower(${email}) and u.deleted_at is null and u.deactivated_at is null and u.user_type = 'human'
        and (select count(*) from auth.password_reset_tokens t where t.user_id = u.id and t.used_at is null and t.expires_at > now()) < ${MAX_OUTSTANDING_RESETS}
      limit 1
    ), token as (
      insert into auth.password_reset_tokens (user_id, token_hash, expires_at)
      select id, ${hashToken(token)}, now() + make_interval(mins => ${ttlMinutes}::int) from target
      returning user_id, expires_at
    ), mail as (
      insert into platform.mail_outbox (kind, to_address, locale, params, expires_at)
      select 'password_reset', target.email, target.locale, jsonb_build_object('resetUrl', ${resetLink(token)}::text, 'expiresInMinutes', ${String(ttlMinutes)}::text, 'userName', coalesce(target.display_name, '')), token.expires_at
      from target join token on token.user_id = target.id
      returning id
    )
    insert into platform.audit_logs (actor_id, action, resource_type, resource_id, ip)
    select null, 'user.password.resetRequested', 'user', target.id, ${storableIp(ip)}::inet from target where exists (select 1 from mail)`);
}

export type ResetOutcome = { outcome: 'reset'; userId: string; revokedSessionCount: number } | { outcome: 'invalid' | 'used' | 'expired' };

/** Consumes the token and sets the password (already hashed), in one transaction. */
export async function resetPassword(db: Database, token: string, passwordHash: string, ip: string | null): Promise<ResetOutcome> {
  const outcome = await db.transaction(async (tx): Promise<ResetOutcome> => {
    const [found] = await tx
      .select({
        userId: passwordResetTokens.userId,
        used: sql<boolean>`${passwordResetTokens.usedAt} is not null`,
        expired: sql<boolean>`${passwordResetTokens.expiresAt} <= now()`,
      })
      .from(passwordResetTokens)
      // A deleted or deactivated user's links do not work (deactivation also consumes them).
      .innerJoin(users, and(eq(users.id, passwordResetTokens.userId), isNull(users.deletedAt), isNull(users.deactivatedAt)))
      .where(eq(passwordResetTokens.tokenHash, hashToken(token)))
      .for('update', { of: passwordResetTokens });
    if (!found) return { outcome: 'invalid' };
    if (found.used) return { outcome: 'used' };
    if (found.expired) return { outcome: 'expired' };
    await consumeResetTokens(tx, found.userId);
    await tx
      .insert(accounts)
      .values({ userId: found.userId, provider: 'password', passwordHash })
      // Proving the mailbox lifts a sign-in lock too.
      .onConflictDoUpdate({ target: [accounts.userId, accounts.provider], set: { passwordHash, failedLoginAttempts: 0, lockedUntil: null } });
    const revokedSessionCount = await revokeOtherSessions(tx, found.userId, null);
    await tx.insert(auditLogs).values({ actorId: found.userId, action: 'user.password.reset', resourceType: 'user', resourceId: found.userId, ip: storableIp(ip) });
    await writeSystemLog(tx, {
      level: 'info',
      source: 'auth',
      message: 'Password reset with an emailed link; every session of the user revoked and the sign-in lock lifted',
      context: { event: 'password.reset', userId: found.userId, ip: storableIp(ip), revokedSessionCount },
    });
    return { outcome: 'reset', userId: found.userId, revokedSessionCount };
  });
  if (outcome.outcome === 'reset') forgetCredentials(db, outcome.userId);
  return outcome;
}

/** Marks every outstanding reset token of the user used (a reset, a password change, a deactivation). */
export async function consumeResetTokens(tx: Database, userId: string): Promise<void> {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

/** Revokes the user's sessions except `keep` (the one asking); answers how many. */
export async function revokeOtherSessions(tx: Database, userId: string, keep: string | null): Promise<number> {
  const revoked = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined))
    .returning({ id: sessions.id });
  return revoked.length;
}
