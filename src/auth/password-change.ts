import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { accounts, auditLogs } from '../db/schema/index.js';
import { recordFailedSignIn } from './accounts.js';
import { forgetCredentials } from './credential-cache.js';
import { verifyPassword } from './passwords.js';
import { writeSystemLog } from './system-log.js';
import { consumeResetTokens, revokeOtherSessions } from './password-reset.js';

export type ChangeOutcome =
  | { outcome: 'changed'; revokedSessionCount: number }
  | { outcome: 'noPassword' }
  | { outcome: 'wrongPassword' }
  | { outcome: 'locked'; lockedUntil: Date };

/**
 * Changes the password of the session's user, after checking the current one. A wrong current
 * password counts as a failed sign-in (a stolen session cannot guess the password past the lock);
 * failures are outcomes, not throws, so that count is committed. On success every other session of
 * the user ends (whoever else holds one is signed out), this one stays, and outstanding reset links stop working.
 */
export async function changePassword(
  db: Database,
  who: { userId: string; sessionId: string; ip: string | null },
  currentPassword: string,
  newPasswordHash: string,
): Promise<ChangeOutcome> {
  const outcome = await db.transaction(async (tx): Promise<ChangeOutcome> => {
    const [account] = await tx
      .select({
        id: accounts.id,
        passwordHash: accounts.passwordHash,
        lockedUntil: sql<Date | null>`case when ${accounts.lockedUntil} > now() then ${accounts.lockedUntil} end`.mapWith(accounts.lockedUntil),
      })
      .from(accounts)
      .where(and(eq(accounts.userId, who.userId), eq(accounts.provider, 'password')))
      .for('update');
    if (!account?.passwordHash) return { outcome: 'noPassword' };
    if (account.lockedUntil) return { outcome: 'locked', lockedUntil: account.lockedUntil };
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      const lockedUntil = await recordFailedSignIn(tx, account.id, { via: 'changePassword', ip: who.ip });
      return lockedUntil ? { outcome: 'locked', lockedUntil } : { outcome: 'wrongPassword' };
    }
    await tx.update(accounts).set({ passwordHash: newPasswordHash, failedLoginAttempts: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    const revokedSessionCount = await revokeOtherSessions(tx, who.userId, who.sessionId);
    await consumeResetTokens(tx, who.userId);
    await tx.insert(auditLogs).values({ actorId: who.userId, action: 'user.password.change', resourceType: 'user', resourceId: who.userId, ip: who.ip });
    await writeSystemLog(tx, {
      level: 'info',
      source: 'auth',
      message: 'Password changed; the other sessions of the user revoked',
      context: { event: 'password.changed', userId: who.userId, sessionId: who.sessionId, ip: who.ip, revokedSessionCount },
    });
    return { outcome: 'changed', revokedSessionCount };
  });
  if (outcome.outcome === 'changed') forgetCredentials(db, who.userId);
  return outcome;
}
