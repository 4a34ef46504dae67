import { describe, expect, it } from 'vitest';
import type { Viewer } from '../context.js';
import type { Database } from '../db/client.js';
import { CredentialCache, credentialCacheOf, forgetCredentials, setInvalidationListening, useCredentialCache } from './credential-cache.js';

const viewer = (userId: string): Viewer => ({ userId, userType: 'human', scopes: null, sessionId: 's', botId: null });

describe('CredentialCache', () => {
  it('answers within the TTL and forgets after it', () => {
    const cache = new CredentialCache(1_000);
    cache.set('h1', viewer('u1'), null, 0);
    expect(cache.get('h1', 999)?.userId).toBe('u1');
    expect(cache.get('h1', 1_000)).toBeUndefined();
  });

  it('keeps an entry past its TTL, for one more TTL, as stale only', () => {
    const cache = new CredentialCache(1_000);
    cache.set('h1', viewer('u1'), null, 0);
    expect(cache.get('h1', 1_500)).toBeUndefined();
    expect(cache.stale('h1', 1_500)?.userId).toBe('u1');
    expect(cache.stale('h1', 2_000)).toBeUndefined();
  });

  it('never serves stale past the session, after a forget, or after a refused lookup', () => {
    const cache = new CredentialCache(1_000);
    cache.set('h1', viewer('u1'), new Date(1_200), 0);
    expect(cache.stale('h1', 1_100)?.userId).toBe('u1');
    expect(cache.stale('h1', 1_200)).toBeUndefined();
    cache.set('h2', viewer('u2'), null, 0);
    cache.forgetUser('u2');
    expect(cache.stale('h2', 1_100)).toBeUndefined();
    cache.set('h3', viewer('u3'), null, 0);
    cache.refuse('h3');
    expect(cache.stale('h3', 1_100)).toBeUndefined();
  });

  it('never outlives the session itself', () => {
    const cache = new CredentialCache(60_000);
    cache.set('h1', viewer('u1'), new Date(500), 0);
    expect(cache.get('h1', 499)).toBeDefined();
    expect(cache.get('h1', 500)).toBeUndefined();
  });

  it("forgets every entry of a user (sign-out, bot change) and only theirs", () => {
    const cache = new CredentialCache(60_000);
    cache.set('h1', viewer('u1'), null, 0);
    cache.set('h2', viewer('u1'), null, 0);
    cache.set('h3', viewer('u2'), null, 0);
    cache.forgetUser('u1');
    expect([cache.get('h1', 1), cache.get('h2', 1), cache.get('h3', 1)?.userId]).toEqual([undefined, undefined, 'u2']);
  });

  it('drops the oldest entry when full', () => {
    const cache = new CredentialCache(60_000, 2);
    cache.set('h1', viewer('u1'), null, 0);
    cache.set('h2', viewer('u2'), null, 0);
    cache.set('h3', viewer('u3'), null, 0);
    expect([cache.get('h1', 1), cache.get('h2', 1)?.userId, cache.get('h3', 1)?.userId]).toEqual([undefined, 'u2', 'u3']);
  });

  it('does not cache a lookup that a forget overtook (it may have read the rows before the revocation)', () => {
    const cache = new CredentialCache(60_000);
    const started = cache.generation; // a lookup starts
    cache.forgetUser('u1'); // a revocation is heard while it runs
    cache.set('h1', viewer('u1'), null, 0, started);
    expect(cache.get('h1', 1)).toBeUndefined();
    cache.set('h1', viewer('u1'), null, 0, cache.generation); // a lookup that started after it is cached
    expect(cache.get('h1', 1)?.userId).toBe('u1');
  });

  it('forgets everything on clear, and re-caching a token keeps one entry per token', () => {
    const cache = new CredentialCache(60_000);
    cache.set('h1', viewer('u1'), null, 0);
    cache.set('h1', viewer('u2'), null, 0);
    cache.forgetUser('u1');
    expect(cache.get('h1', 1)?.userId).toBe('u2');
    cache.clear();
    expect([cache.get('h1', 1), cache.size]).toEqual([undefined, 0]);
  });
});

describe('credential cache of a database handle', () => {
  const db = {} as Database;

  it('is bypassed while the invalidation listener is down, and starts empty when it is back', () => {
    useCredentialCache(db, 60_000);
    credentialCacheOf(db)!.set('h1', viewer('u1'), null);
    setInvalidationListening(db, false);
    expect(credentialCacheOf(db)).toBeUndefined();
    setInvalidationListening(db, true);
    expect(credentialCacheOf(db)?.get('h1')).toBeUndefined();
  });

  it('forgets a user for the handle', () => {
    useCredentialCache(db, 60_000);
    credentialCacheOf(db)!.set('h1', viewer('u1'), null);
    forgetCredentials(db, 'u1');
    expect(credentialCacheOf(db)?.get('h1')).toBeUndefined();
  });
});
