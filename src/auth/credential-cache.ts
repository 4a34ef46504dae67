import type { Viewer } from '../context.js';
import type { Database } from '../db/client.js';
import { rootDatabase } from '../db/counting.js';

interface Entry {
  viewer: Viewer;
  /** When this entry stops being used: the cache's TTL, or the session's own expiry if sooner. */
  until: number;
  /** The session's own expiry (or infinity): never used past it, not even stale. */
  expiresAt: number;
}

/**
 * Accepted credentials, kept for a few seconds by token hash so that most requests cost no
 * token lookup (a request then runs one SQL statement). Anything that ends or narrows a credential
 * (sign-out, session revoked or expired by hand, bot rotated, rescoped or deleted, user deactivated)
 * makes every process forget that user's entries at once: this process directly, the others through
 * the `credentials:<user>` event of drizzle/*_credential_invalidation (src/realtime/). The TTL is
 * only the safety net for a process that cannot hear those events.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  /** Token hashes by user, so forgetting a user costs their entries only. */
  private readonly byUser = new Map<string, Set<string>>();
  /**
   * Bumped by every forget. A lookup that started before a forget may have read the old rows:
   * its result is not cached (see `set`), or a revocation racing a lookup could be undone.
   */
  generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(tokenHash: string, now = Date.now()): Viewer | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.delete(tokenHash);
      return undefined;
    }
    // Past its TTL an entry is kept (until replaced or pushed out) for `stale`.
    return entry.until > now ? entry.viewer : undefined;
  }

  /**
   * An entry past its TTL by less than one more TTL, and still within its session: what subscription
   * events use while the credential is looked up again off their path (src/auth/authenticate.ts).
   * A forget removes entries, so a revoked credential is never served stale.
   */
  stale(tokenHash: string, now = Date.now()): Viewer | undefined {
    const entry = this.entries.get(tokenHash);
    return entry && entry.expiresAt > now && entry.until + this.ttlMs > now ? entry.viewer : undefined;
  }

  /** Drops one credential (its lookup refused it). */
  refuse(tokenHash: string): void {
    this.delete(tokenHash);
  }

  /** Caches an accepted credential, unless a forget happened since `generation` was read (the lookup's start). */
  set(tokenHash: string, viewer: Viewer, expiresAt: Date | null, now = Date.now(), generation = this.generation): void {
    if (generation !== this.generation) return;
    const expiry = expiresAt ? expiresAt.getTime() : Number.POSITIVE_INFINITY;
    const until = Math.min(now + this.ttlMs, expiry);
    this.delete(tokenHash);
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { viewer, until, expiresAt: expiry });
    let hashes = this.byUser.get(viewer.userId);
    if (!hashes) this.byUser.set(viewer.userId, (hashes = new Set()));
    hashes.add(tokenHash);
  }

  /** Forgets every cached credential of a user (their sessions, or the bot acting as them). */
  forgetUser(userId: string): void {
    this.generation++;
    for (const hash of this.byUser.get(userId) ?? []) this.entries.delete(hash);
    this.byUser.delete(userId);
  }

  /** Forgets everything (e.g. invalidation events may have been missed). */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.byUser.clear();
  }

  private delete(tokenHash: string): void {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    this.entries.delete(tokenHash);
    const hashes = this.byUser.get(entry.viewer.userId);
    hashes?.delete(tokenHash);
    if (hashes?.size === 0) this.byUser.delete(entry.viewer.userId);
  }
}

// One cache per database handle (one per gateway instance: each has its own pool), set up by the server; a request's counting view (src/db/counting.ts) shares its handle's.
const caches = new WeakMap<Database, CredentialCache>();
// Handles whose realtime listener is down: invalidation events would be missed, so nothing is cached.
const deaf = new WeakSet<Database>();

export function useCredentialCache(db: Database, ttlMs: number): void {
  if (ttlMs > 0) caches.set(db, new CredentialCache(ttlMs));
  else caches.delete(db);
}

/** The cache to use for this handle now, if any. */
export const credentialCacheOf = (db: Database): CredentialCache | undefined => (deaf.has(rootDatabase(db)) ? undefined : caches.get(rootDatabase(db)));

/** Call after revoking sessions or changing a bot, so this process stops accepting the old credentials. */
export function forgetCredentials(db: Database, userId: string): void {
  caches.get(rootDatabase(db))?.forgetUser(userId);
}

/**
 * Told by the realtime listener whether it hears invalidation events. While it does not (its
 * connection dropped), credentials are looked up on every request; when it hears again, whatever
 * was cached before is forgotten, since events of the gap are not replayed.
 */
export function setInvalidationListening(db: Database, listening: boolean): void {
  if (listening) deaf.delete(db);
  else deaf.add(db);
  caches.get(db)?.clear();
}
