import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../context.js';
import type { Database } from '../db/client.js';
import { bots, sessions, users } from '../db/schema/index.js';
import type { RequestHead } from '../http/request-head.js';
import { credentialCacheOf, type CredentialCache } from './credential-cache.js';
import { hashToken, parseAuthorization, tokenKind } from './tokens.js';

/** Why presented credentials were refused; absent credentials are not an error (anonymous). */
export type CredentialsError = 'invalid' | 'expired' | 'revoked';

/** The outcome of reading a request's credentials: a viewer, anonymous, or refused credentials. */
export type Authentication = { viewer: Viewer; credentialsError: null } | { viewer: null; credentialsError: CredentialsError | null };

export const ANONYMOUS: Authentication = { viewer: null, credentialsError: null };
const refused = (credentialsError: CredentialsError): Authentication => ({ viewer: null, credentialsError });
const accepted = (viewer: Viewer): Authentication => ({ viewer, credentialsError: null });

/**
 * Reads `Authorization: Bearer <token>` and resolves it to a viewer with at most one SQL statement
 * (none without a header or for a token of the wrong shape). Tokens are never logged.
 * `lookups` runs that statement: subscription events pass one that merges them (src/realtime/shared-reads.ts),
 * which also keeps the token's hash and the built statement between events; `db` keys the cache.
 */
export async function authenticate(db: Database, request: RequestHead, lookups: Database = db): Promise<Authentication> {
  const header = parseAuthorization(request.headers.get('authorization'));
  if (header.kind === 'none') return ANONYMOUS;
  if (header.kind === 'malformed') return refused('invalid');
  const kind = tokenKind(header.token);
  if (kind === null) return refused('invalid');
  const merging = lookups !== db;
  const tokenHash = merging ? hashOf(request, header.token) : hashToken(header.token);
  const cache = credentialCacheOf(db);
  const cached = cache?.get(tokenHash);
  if (cached) return accepted(cached);
  if (merging && cache) {
    const stale = cache.stale(tokenHash);
    if (stale) {
      lookUpSoon(cache, lookups, kind, tokenHash);
      return accepted(stale);
    }
  }
  return lookUp(cache, lookups, kind, tokenHash, merging);
}

async function lookUp(cache: CredentialCache | undefined, lookups: Database, kind: 'session' | 'bot', tokenHash: string, merging: boolean): Promise<Authentication> {
  // A revocation heard while the lookup runs keeps its result out of the cache.
  const generation = cache?.generation;
  const result = kind === 'session' ? await authenticateSession(lookups, tokenHash, merging) : await authenticateBot(lookups, tokenHash, merging);
  if (result.viewer) cache?.set(tokenHash, result.viewer, result.expiresAt, Date.now(), generation);
  else cache?.refuse(tokenHash);
  return result.credentialsError ? refused(result.credentialsError) : result.viewer ? accepted(result.viewer) : ANONYMOUS;
}

/**
 * Subscription events do not wait for the TTL's re-check: every subscriber's entry was filled at
 * the same event, so every AUTH_CACHE_TTL_MS one event re-checked them all (a thousand lookups, the
 * benchmark's p99). The event uses the entry just past its TTL, and the lookups run together a
 * moment later, between events; a refusal drops the entry, so the next event ends the subscription.
 * Revocations are still immediate: they remove entries (forget), and then nothing stale is left.
 */
const dueLookups = new Map<CredentialCache, Map<string, { lookups: Database; kind: 'session' | 'bot' }>>();
let dueTimer: NodeJS.Timeout | undefined;
const LOOKUP_DELAY_MS = 50;

function lookUpSoon(cache: CredentialCache, lookups: Database, kind: 'session' | 'bot', tokenHash: string): void {
  let due = dueLookups.get(cache);
  if (!due) dueLookups.set(cache, (due = new Map()));
  due.set(tokenHash, { lookups, kind });
  dueTimer ??= setTimeout(() => {
    dueTimer = undefined;
    const batches = [...dueLookups];
    dueLookups.clear();
    // Issued in one turn: a merging database runs them as one statement. A failure drops the entry: the next event looks it up itself.
    for (const [owner, tokens] of batches) for (const [hash, { lookups: db, kind: which }] of tokens) lookUp(owner, db, which, hash, true).catch(() => owner.refuse(hash));
  }, LOOKUP_DELAY_MS).unref();
}

// A subscription's request is judged again at every event (`merging`): its token is hashed once, checked against the header each time.
const hashes = new WeakMap<RequestHead, { token: string; hash: string }>();

function hashOf(request: RequestHead, token: string): string {
  const known = hashes.get(request);
  if (known?.token === token) return known.hash;
  const hash = hashToken(token);
  hashes.set(request, { token, hash });
  return hash;
}

/** The hash as a cast parameter, so the lookups of many subscribers at one event merge into one statement (src/realtime/shared-reads.ts). */
const tokenParam = (tokenHash: unknown) => sql`${tokenHash}::text`;

/** A lookup's outcome, with the session's expiry so a cache never outlives it. */
type Lookup = Authentication & { expiresAt: Date | null };

/** A session of a live user; expiry is judged by the database clock, like every other timestamp. */
const sessionLookup = (db: Database, tokenHash: unknown) =>
  db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      userType: users.userType,
      locale: users.locale,
      revoked: sql<boolean>`${sessions.revokedAt} is not null`,
      expired: sql<boolean>`${sessions.expiresAt} <= now()`,
      // Deactivation revokes the sessions too; this also covers a user deactivated by hand (psql).
      deactivated: sql<boolean>`${users.deactivatedAt} is not null`,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.deletedAt)))
    .where(eq(sessions.tokenHash, tokenParam(tokenHash)))
    .limit(1);

/**
 * A live bot whose machine user is live and active, and whose creator is not deactivated (a bot is
 * its creator's credential: it stops with them, and works again on reactivation); it acts only within its scopes.
 */
const botLookup = (db: Database, tokenHash: unknown) =>
  db
    .select({ botId: bots.id, userId: bots.userId, userType: users.userType, locale: users.locale, scopes: bots.scopes })
    .from(bots)
    .innerJoin(users, and(eq(users.id, bots.userId), isNull(users.deletedAt), isNull(users.deactivatedAt)))
    .where(
      and(
        eq(bots.tokenHash, tokenParam(tokenHash)),
        isNull(bots.deletedAt),
        sql`not exists (select 1 from auth.users bot_creator where bot_creator.id = ${bots.createdBy} and bot_creator.deactivated_at is not null)`,
      ),
    )
    .limit(1);

type SessionRow = Awaited<ReturnType<typeof sessionLookup>>[number];
type BotRow = Awaited<ReturnType<typeof botLookup>>[number];

/**
 * A merging database's lookups (an event's thousand subscribers), written by drizzle once and run
 * with each hash; `prepare()` there names nothing on the server (shared-reads only batches).
 * Elsewhere `prepare()` would make a named server-side statement, so a request builds its own.
 */
const builtLookups = new WeakMap<Database, { session: (hash: string) => Promise<SessionRow[]>; bot: (hash: string) => Promise<BotRow[]> }>();

function lookupsOf(db: Database, merging: boolean) {
  if (!merging) return { session: (hash: string) => sessionLookup(db, hash), bot: (hash: string) => botLookup(db, hash) };
  let built = builtLookups.get(db);
  if (!built) {
    const session = sessionLookup(db, sql.placeholder('tokenHash')).prepare();
    const bot = botLookup(db, sql.placeholder('tokenHash')).prepare();
    builtLookups.set(db, (built = { session: (tokenHash) => session.execute({ tokenHash }), bot: (tokenHash) => bot.execute({ tokenHash }) }));
  }
  return built;
}

async function authenticateSession(db: Database, tokenHash: string, merging: boolean): Promise<Lookup> {
  const [row] = await lookupsOf(db, merging).session(tokenHash);
  if (!row) return { ...refused('invalid'), expiresAt: null };
  if (row.revoked || row.deactivated) return { ...refused('revoked'), expiresAt: null };
  if (row.expired) return { ...refused('expired'), expiresAt: null };
  const viewer: Viewer = { userId: row.userId, userType: row.userType, scopes: null, sessionId: row.sessionId, botId: null, locale: row.locale };
  return { ...accepted(viewer), expiresAt: row.expiresAt };
}

async function authenticateBot(db: Database, tokenHash: string, merging: boolean): Promise<Lookup> {
  const [row] = await lookupsOf(db, merging).bot(tokenHash);
  if (!row) return { ...refused('invalid'), expiresAt: null };
  const viewer: Viewer = { userId: row.userId, userType: row.userType, scopes: row.scopes, sessionId: null, botId: row.botId, locale: row.locale };
  return { ...accepted(viewer), expiresAt: null };
}
