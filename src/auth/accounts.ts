import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { accounts, users } from '../db/schema/index.js';
import { writeSystemLog } from './system-log.js';

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

const PASSWORD_PROVIDER = 'password';

export interface PasswordAccount {
  accountId: string;
  userId: string;
  userType: 'human' | 'machine';
  locale: string | null;
  passwordHash: string | null;
  /** Set while the lock holds (judged by the database clock). */
  lockedUntil: Date | null;
}

/** Emails compare case-insensitively (the live-email unique index is on lower(email)). */
const sameEmail = (email: string) => sql`lower(${users.email}) = lower(${email})`;

/** The password account of the live, active user with this email, if any (a deactivated user cannot sign in). */
export async function findPasswordAccount(db: Database, email: string): Promise<PasswordAccount | null> {
  const [row] = await db
    .select({
      accountId: accounts.id,
      userId: accounts.userId,
      userType: users.userType,
      locale: users.locale,
      passwordHash: accounts.passwordHash,
      lockedUntil: sql<Date | null>`case when ${accounts.lockedUntil} > now() then ${accounts.lockedUntil} end`.mapWith(accounts.lockedUntil),
    })
    .from(accounts)
    .innerJoin(users, and(eq(users.id, accounts.userId), isNull(users.deletedAt), isNull(users.deactivatedAt)))
    .where(and(sameEmail(email), eq(accounts.provider, PASSWORD_PROVIDER)))
    .limit(1);
  return row ?? null;
}

/** Where a failed password check happened, for the system log of a lockout. */
export interface FailedCheck {
  via: 'signIn' | 'changePassword';
  ip: string | null;
}

/**
 * Counts a failure in one atomic statement; the failure that reaches the limit locks the account
 * and restarts the count, so the next lock needs another full run of failures. Answers the lock's end.
 * A lock is written to the system log in the same transaction (callers commit it: failures are outcomes, not throws).
 */
export async function recordFailedSignIn(db: Database, accountId: string, check: FailedCheck): Promise<Date | null> {
  const reachesLimit = sql`${accounts.failedLoginAttempts} + 1 >= ${MAX_FAILED_SIGN_INS}`;
  const [row] = await db
    .update(accounts)
    .set({
      failedLoginAttempts: sql`case when ${reachesLimit} then 0 else ${accounts.failedLoginAttempts} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit} then now() + make_interval(mins => ${LOCK_MINUTES}) else null end`,
    })
    .where(eq(accounts.id, accountId))
    .returning({ lockedUntil: accounts.lockedUntil, userId: accounts.userId });
  if (row?.lockedUntil) {
    await writeSystemLog(db, {
      level: 'warn',
      source: 'auth',
      message: `Account locked for ${LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failed password checks in a row`,
      context: { event: 'account.locked', userId: row.userId, via: check.via, ip: check.ip, lockedUntil: row.lockedUntil.toISOString() },
    });
  }
  return row?.lockedUntil ?? null;
}

/** A success clears the failure count and any expired lock. */
export async function recordSuccessfulSignIn(db: Database, accountId: string): Promise<void> {
  await db
    .update(accounts)
    .set({ failedLoginAttempts: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(eq(accounts.id, accountId));
}

/** True when a live user already has this email (any case). */
export async function emailTaken(db: Database, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(sameEmail(email), isNull(users.deletedAt))).limit(1);
  return row !== undefined;
}

export interface NewPasswordUser {
  email: string;
  displayName: string;
  locale: string | null;
  passwordHash: string;
}

/** A human user with a password account; answers the user's id. */
export async function createPasswordUser(db: Database, input: NewPasswordUser): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: input.email, displayName: input.displayName, locale: input.locale, userType: 'human' })
    .returning({ id: users.id });
  await db.insert(accounts).values({ userId: user!.id, provider: PASSWORD_PROVIDER, passwordHash: input.passwordHash });
  return user!.id;
}
