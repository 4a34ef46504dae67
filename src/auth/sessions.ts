import { and, eq, isNull, sql } from 'drizzle-orm';
import { isIP } from 'node:net';
import type { Database } from '../db/client.js';
import { sessions } from '../db/schema/index.js';
import { generateToken, hashToken } from './tokens.js';

/** A session as handed to the client: the plain token exists only here, once. */
export interface IssuedSession {
  sessionId: string;
  token: string;
  expiresAt: Date;
}

/** Where a sign-in came from, kept on the session for the user's "active sessions" view. */
export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

const DEFAULT_SESSION_TTL_HOURS = 720;
/** Long enough for any real browser's user agent; a hostile header is cut, not refused. */
const USER_AGENT_MAX_LENGTH = 512;

/** SESSION_TTL_HOURS (a positive integer), default 720 hours = 30 days. */
export function sessionTtlHours(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SESSION_TTL_HOURS;
  if (raw === undefined || raw === '') return DEFAULT_SESSION_TTL_HOURS;
  const hours = Number(raw);
  if (!Number.isInteger(hours) || hours <= 0) throw new Error(`SESSION_TTL_HOURS must be a positive integer, got "${raw}"`);
  return hours;
}

/** The request's origin in storable form: an inet-valid address or null, a bounded user agent. */
export function sessionOrigin(ip: string | null | undefined, userAgent: string | null | undefined): SessionOrigin {
  return {
    ip: ip && isIP(ip) ? ip : null,
    userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  };
}

/** Starts a session for the user; only the token's SHA-256 is stored. */
export async function createSession(db: Database, userId: string, origin: SessionOrigin): Promise<IssuedSession> {
  const token = generateToken('session');
  const expiresAt = new Date(Date.now() + sessionTtlHours() * 3_600_000);
  const [row] = await db
    .insert(sessions)
    .values({ userId, tokenHash: hashToken(token), expiresAt, ipAddress: origin.ip, userAgent: origin.userAgent })
    .returning({ id: sessions.id });
  return { sessionId: row!.id, token, expiresAt };
}

/** Revokes one session, or every live session of its user; answers how many were revoked. */
export async function revokeSessions(db: Database, session: { sessionId: string; userId: string }, everywhere: boolean): Promise<number> {
  const target = everywhere ? eq(sessions.userId, session.userId) : eq(sessions.id, session.sessionId);
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(target, isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
