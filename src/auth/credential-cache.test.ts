import { describe, expect, it } from 'vitest';
import type { Viewer } from '../context.js';
import { CredentialCache } from './credential-cache.js';

const viewer = (userId: string): Viewer => ({ userId, userType: 'human', scopes: null, sessionId: 's', botId: null });

describe('CredentialCache', () => {
  it('answers within the TTL and forgets after it', () => {
    const cache = new CredentialCache(1_000);
    cache.set('h1', viewer('u1'), null, 0);
    expect(cache.get('h1', 999)?.userId).toBe('u1');
    expect(cache.get('h1', 1_000)).toBeUndefined();
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
});
