import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { bucketAddress, clientAddress, isLoopback } from './client-address.js';
import { countRootFields, passwordFields } from './rate-limit-plugin.js';
import { MemoryRateLimitStore, type BucketRule } from './rate-limit.js';

// 10 at once, then one every 6 s.
const rule: BucketRule = { burst: 10, perMinute: 10 };

describe('MemoryRateLimitStore (token bucket)', () => {
  it('allows a burst, then refuses with the time until the next token', () => {
    const store = new MemoryRateLimitStore();
    const decisions = Array.from({ length: 11 }, () => store.take('k', rule, 1, 0));
    expect(decisions.slice(0, 10).every((d) => d.allowed)).toBe(true);
    expect(decisions[9]!.remaining).toBe(0);
    expect(decisions[10]).toEqual({ allowed: false, remaining: 0, retryAfterMs: 6_000 });
  });

  it('refills at the sustained rate, never above the burst', () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 10; i++) store.take('k', rule, 1, 0);
    expect(store.take('k', rule, 1, 5_999).allowed).toBe(false);
    expect(store.take('k', rule, 1, 6_000).allowed).toBe(true);
    expect(store.take('k', rule, 1, 6_001).allowed).toBe(false);
    // A day later the bucket holds the burst, not a day's worth.
    const later = Array.from({ length: 11 }, () => store.take('k', rule, 1, 86_400_000));
    expect(later.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('keeps keys apart', () => {
    const store = new MemoryRateLimitStore();
    for (let i = 0; i < 10; i++) store.take('a', rule, 1, 0);
    expect(store.take('a', rule, 1, 0).allowed).toBe(false);
    expect(store.take('b', rule, 1, 0).allowed).toBe(true);
  });

  it('takes a cost in one piece or not at all', () => {
    const store = new MemoryRateLimitStore();
    expect(store.take('k', rule, 7, 0)).toMatchObject({ allowed: true, remaining: 3 });
    expect(store.take('k', rule, 4, 0)).toMatchObject({ allowed: false, remaining: 3, retryAfterMs: 6_000 });
    expect(store.take('k', rule, 3, 0)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refuses a cost larger than the burst for ever (Infinity), without taking anything', () => {
    const store = new MemoryRateLimitStore();
    expect(store.take('k', rule, 11, 0)).toEqual({ allowed: false, remaining: 10, retryAfterMs: Number.POSITIVE_INFINITY });
    expect(store.take('k', rule, 10, 0).allowed).toBe(true);
  });

  it('cost 0 asks whether a token is there and takes none', () => {
    const store = new MemoryRateLimitStore();
    expect(store.take('k', rule, 0, 0)).toMatchObject({ allowed: true, remaining: 10 });
    for (let i = 0; i < 10; i++) store.take('k', rule, 1, 0);
    expect(store.take('k', rule, 0, 0)).toMatchObject({ allowed: false, retryAfterMs: 6_000 });
    expect(store.take('k', rule, 0, 6_000).allowed).toBe(true);
  });

  it('keeps no bucket that is full, and sweeps out those that have refilled', () => {
    const store = new MemoryRateLimitStore({ sweepIntervalMs: 1_000 });
    store.take('probe', rule, 0, 0);
    expect(store.size).toBe(0);
    store.take('a', rule, 1, 0);
    store.take('b', rule, 5, 0);
    expect(store.size).toBe(2);
    // 'a' is full again after 6 s, 'b' after 30 s.
    store.take('c', rule, 1, 10_000);
    expect(store.size).toBe(2);
    store.take('d', rule, 0, 40_000);
    expect(store.size).toBe(0);
  });

  it('holds at most maxBuckets, forgetting the least recently used first', () => {
    const store = new MemoryRateLimitStore({ maxBuckets: 3 });
    for (const key of ['a', 'b', 'c']) for (let i = 0; i < 10; i++) store.take(key, rule, 1, 0);
    store.take('a', rule, 0, 1); // a is used again: b is now the oldest
    store.take('d', rule, 1, 2);
    expect(store.size).toBe(3);
    expect(store.take('a', rule, 1, 3).allowed).toBe(false);
    expect(store.take('c', rule, 1, 3).allowed).toBe(false);
    expect(store.take('b', rule, 1, 3).allowed).toBe(true); // forgotten: a fresh bucket
  });
});

describe('isLoopback', () => {
  it('is this host (127.0.0.0/8, ::1, IPv4-mapped loopback), never another address', () => {
    for (const address of ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1']) expect(isLoopback(bucketAddress(address))).toBe(true);
    for (const address of ['10.0.0.1', '198.51.100.1', '2001:db8::1', '::ffff:10.0.0.1', 'fe80::1']) expect(isLoopback(bucketAddress(address))).toBe(false);
  });
});

describe('clientAddress', () => {
  it('is the socket peer unless proxies are trusted', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(clientAddress(undefined, null, 0)).toBeNull();
  });

  it('reads as many hops from the right of X-Forwarded-For as proxies are trusted', () => {
    // The client wrote "1.1.1.1" itself; the one trusted proxy appended the address it saw.
    expect(clientAddress('10.0.0.2', '1.1.1.1, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.1', 2)).toBe('198.51.100.7');
    // Fewer entries than hops: the leftmost; a malformed entry: the socket.
    expect(clientAddress('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', 'not-an-address', 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', null, 1)).toBe('10.0.0.2');
  });

  it('groups IPv6 by /64 and unwraps IPv4-mapped addresses', () => {
    expect(bucketAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(bucketAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(bucketAddress('2001:DB8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(bucketAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(bucketAddress('::1')).toBe('0:0:0:0::/64');
    expect(bucketAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});

describe('password operations', () => {
  it('are the mutations that take a password, read from the schema', () => {
    const fields = passwordFields(schema);
    expect(fields.has('signIn')).toBe(true);
    expect(fields.has('signUp')).toBe(true);
    expect(fields.has('changePassword')).toBe(true);
    expect(fields.has('resetPassword')).toBe(true);
    expect(fields.has('requestPasswordReset')).toBe(true); // named for one: it mails, so it is counted like one
    expect(fields.has('signOut')).toBe(false);
    expect(fields.has('sendMessage')).toBe(false);
  });

  it('count once per selected field: aliases and fragments included, queries never', () => {
    const fields = new Set(['signIn', 'signUp']);
    const count = (source: string, operationName?: string) => countRootFields(parse(source), operationName, fields);
    expect(count('mutation { a: signIn(input: $i) { __typename } b: signIn(input: $i) { __typename } signOut { __typename } }')).toBe(2);
    expect(count('mutation { ...F ... on Mutation { signUp(input: $i) { __typename } } } fragment F on Mutation { signIn(input: $i) { __typename } }')).toBe(2);
    expect(count('query Q { signIn } mutation M { signIn(input: $i) { __typename } }', 'Q')).toBe(0);
    expect(count('mutation { sendMessage(input: $i) { __typename } }')).toBe(0);
  });
});
