import type { Viewer } from '../context.js';
import type { Database } from '../db/client.js';

interface Entry {
  viewer: Viewer;
  /** When this entry stops being used: the cache's TTL, or the session's own expiry if sooner. */
  until: number;
}

/**
 * Accepted credentials, kept for a few seconds by token hash so that most requests cost no
 * token lookup (a request then runs one SQL statement). Sign-out and bot changes on this process
 * forget a user's entries at once; another gateway process sees a revocation within the TTL.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now = Date.now()): Viewer | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.viewer;
  }

  set(tokenHash: string, viewer: Viewer, expiresAt: Date | null, now = Date.now()): void {
    const until = Math.min(now + this.ttlMs, expiresAt ? expiresAt.getTime() : Number.POSITIVE_INFINITY);
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { viewer, until });
  }

  /** Forgets every cached credential of a user (their sessions, or the bot acting as them). */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) if (entry.viewer.userId === userId) this.entries.delete(hash);
  }
}

// One cache per database handle, set up by the server; none (no caching) unless configured.
const caches = new WeakMap<Database, CredentialCache>();

export function useCredentialCache(db: Database, ttlMs: number): void {
  if (ttlMs > 0) caches.set(db, new CredentialCache(ttlMs));
  else caches.delete(db);
}

export const credentialCacheOf = (db: Database): CredentialCache | undefined => caches.get(db);

/** Call after revoking sessions or changing a bot, so this process stops accepting the old credentials. */
export function forgetCredentials(db: Database, userId: string): void {
  caches.get(db)?.forgetUser(userId);
}
