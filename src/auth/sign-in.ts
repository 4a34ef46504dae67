import { sql } from 'drizzle-orm';
import type { Viewer } from '../context.js';
import { postgresError } from '../errors.js';
import type { Database } from '../db/client.js';
import { createPasswordUser, emailTaken, findPasswordAccount, recordFailedSignIn, recordSuccessfulSignIn, type NewPasswordUser } from './accounts.js';
import { passwordSignInEnabled } from './providers.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords.js';
import { forgetCredentials } from './credential-cache.js';
import { writeSystemLog } from './system-log.js';
import { createSession, revokeSessions, type IssuedSession, type SessionOrigin } from './sessions.js';

/** A new session, and the viewer it makes of the caller (the mutation's payload is read as them). */
export type SignedIn = { outcome: 'signedIn'; session: IssuedSession; viewer: Viewer };
export type SignInOutcome = SignedIn | { outcome: 'invalidCredentials' } | { outcome: 'locked'; lockedUntil: Date } | { outcome: 'disabled' };
export type SignUpOutcome = SignedIn | { outcome: 'emailTaken' } | { outcome: 'disabled' };

/**
 * Checks an email and password in one transaction. Failures are answered as outcomes, not thrown,
 * so that the failure count they record is committed. Unknown emails cost a full verification too.
 */
export function signInWithPassword(db: Database, credentials: { email: string; password: string }, origin: SessionOrigin): Promise<SignInOutcome> {
  return db.transaction(async (tx): Promise<SignInOutcome> => {
    if (!(await passwordSignInEnabled(tx))) return { outcome: 'disabled' };
    const account = await findPasswordAccount(tx, credentials.email);
    if (!account?.passwordHash) {
      await verifyAgainstNothing(credentials.password);
      return { outcome: 'invalidCredentials' };
    }
    // The lock holds even for the right password.
    if (account.lockedUntil) return { outcome: 'locked', lockedUntil: account.lockedUntil };
    if (!(await verifyPassword(account.passwordHash, credentials.password))) {
      const lockedUntil = await recordFailedSignIn(tx, account.accountId, { via: 'signIn', ip: origin.ip });
      return lockedUntil ? { outcome: 'locked', lockedUntil } : { outcome: 'invalidCredentials' };
    }
    await recordSuccessfulSignIn(tx, account.accountId);
    return signedIn(await createSession(tx, account.userId, origin), account);
  });
}

type SignUpInput = Omit<NewPasswordUser, 'passwordHash'> & { password: string };

/** Creates a human user with a password account and signs them in, in one transaction. */
export async function signUpWithPassword(db: Database, input: SignUpInput, origin: SessionOrigin): Promise<SignUpOutcome> {
  // Hashing takes ~100 ms: done before the transaction, so no connection waits on it.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx): Promise<SignUpOutcome> => {
      if (!(await passwordSignInEnabled(tx))) return { outcome: 'disabled' };
      if (await emailTaken(tx, input.email)) return { outcome: 'emailTaken' };
      const userId = await createPasswordUser(tx, { email: input.email, displayName: input.displayName, locale: input.locale, passwordHash });
      await joinDefaultGroups(tx, userId);
      return signedIn(await createSession(tx, userId, origin), { userId, userType: 'human', locale: input.locale });
    });
  } catch (error) {
    // A concurrent sign-up with the same email passed the check first: the unique index decides.
    if (isUniqueViolation(error, 'users_email_live')) return { outcome: 'emailTaken' };
    throw error;
  }
}

/**
 * A new person joins the groups marked is_default (seeds: everyone), in the sign-up's transaction.
 * Bots' machine users do not: groups are for people, a bot is bounded by its scopes and installs.
 */
export async function joinDefaultGroups(tx: Database, userId: string): Promise<void> {
  await tx.execute(sql`insert into auth.user_groups (user_id, group_id) select ${userId}::uuid, g.id from auth.groups g where g.is_default on conflict do nothing`);
}

/** A person signed in with a password: unlimited by scopes, tied to the new session. */
function signedIn(session: IssuedSession, user: Pick<Viewer, 'userId' | 'userType' | 'locale'>): SignedIn {
  const viewer: Viewer = { userId: user.userId, userType: user.userType, scopes: null, sessionId: session.sessionId, botId: null, locale: user.locale };
  return { outcome: 'signedIn', session, viewer };
}

/** Ends the viewer's session (or all of their sessions); answers how many were revoked. */
export async function signOut(db: Database, viewer: Viewer & { sessionId: string }, everywhere: boolean): Promise<number> {
  const revoked = await db.transaction(async (tx) => {
    const count = await revokeSessions(tx, { sessionId: viewer.sessionId, userId: viewer.userId }, everywhere);
    await writeSystemLog(tx, {
      level: 'info',
      source: 'sessions',
      message: everywhere ? 'Every session of the user revoked (sign out everywhere)' : 'Session revoked (sign out)',
      context: { event: everywhere ? 'sessions.revoked' : 'session.revoked', userId: viewer.userId, sessionId: viewer.sessionId, revokedSessionCount: count },
    });
    return count;
  });
  forgetCredentials(db, viewer.userId);
  return revoked;
}

/** PostgreSQL's unique_violation (23505) on the named index. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  const refusal = postgresError(error);
  return refusal?.code === '23505' && (refusal.constraint ?? constraint) === constraint;
}
