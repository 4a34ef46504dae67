/**
 * Token buckets: each key (a client address, a viewer, ...) holds up to `burst` tokens and gains
 * `perMinute` of them back per minute; a request takes its cost or is refused. The buckets live
 * behind `RateLimitStore`, so several gateway instances can share them (see below).
 */

/** One kind of limit: how many requests at once, and how fast the allowance comes back. */
export interface BucketRule {
  /** Tokens a full bucket holds: requests allowed at once after a quiet period. 0 turns the rule off. */
  burst: number;
  /** Tokens regained per minute: the sustained rate. 0 turns the rule off. */
  perMinute: number;
}

export interface Decision {
  allowed: boolean;
  /** Tokens left after this decision. */
  remaining: number;
  /** When refused: how long until the bucket holds what was asked (Infinity: more than it ever holds). */
  retryAfterMs: number;
}

/**
 * Where buckets are kept. `take` is atomic per key: it refills the bucket for the time passed,
 * then takes `cost` tokens if it holds them (cost 0 only asks whether one token is there).
 *
 * Shared by several instances: implement `take` on Redis as one Lua script per call (EVALSHA),
 * so read-refill-take-write is atomic across instances: HMGET key tokens at; refill with the
 * script's own clock (`redis.call('TIME')`, not the instances' clocks); HSET the new state;
 * PEXPIRE key to the time the bucket is full again (an idle bucket then disappears by itself,
 * which is this store's eviction). The memory store below is the same arithmetic in process.
 */
export interface RateLimitStore {
  take(key: string, rule: BucketRule, cost: number, now: number): Decision | Promise<Decision>;
}

export const ruleEnabled = (rule: BucketRule) => rule.burst > 0 && rule.perMinute > 0;

interface Bucket {
  tokens: number;
  /** When `tokens` was computed. */
  at: number;
  /** When the bucket is full again: from then on it is the same as no bucket, so it may go. */
  fullAt: number;
}

/** The refill-and-take arithmetic, shared by every store (a Redis script mirrors it). */
export function takeTokens(bucket: { tokens: number; at: number } | undefined, rule: BucketRule, cost: number, now: number) {
  const perMs = rule.perMinute / 60_000;
  const before = bucket ? Math.min(rule.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs) : rule.burst;
  const need = Math.max(cost, 1);
  const allowed = before >= need;
  const tokens = allowed ? before - cost : before;
  const retryAfterMs = allowed ? 0 : need > rule.burst ? Number.POSITIVE_INFINITY : Math.ceil((need - before) / perMs);
  return { tokens, decision: { allowed, remaining: tokens, retryAfterMs }, fullAt: now + (rule.burst - tokens) / perMs };
}

export interface MemoryStoreOptions {
  /** At most this many buckets; past it the least recently used goes (it forgets its debt). */
  maxBuckets?: number;
  /** How often full buckets are swept out (a full bucket is the same as none). */
  sweepIntervalMs?: number;
}

/** Buckets in a Map of this process, bounded: full buckets are swept out, the least recently used go first. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxBuckets: number;
  private readonly sweepIntervalMs: number;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor({ maxBuckets = 100_000, sweepIntervalMs = 10_000 }: MemoryStoreOptions = {}) {
    this.maxBuckets = Math.max(1, maxBuckets);
    this.sweepIntervalMs = sweepIntervalMs;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, rule: BucketRule, cost: number, now: number): Decision {
    if (now - this.lastSweep >= this.sweepIntervalMs) this.sweep(now);
    const bucket = this.buckets.get(key);
    const { tokens, decision, fullAt } = takeTokens(bucket, rule, cost, now);
    // Re-inserted on every use, so the Map's first entry is the least recently used.
    if (bucket) this.buckets.delete(key);
    if (fullAt > now) {
      if (this.buckets.size >= this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value as string);
      this.buckets.set(key, { tokens, at: now, fullAt });
    }
    return decision;
  }

  /** Drops every bucket that has refilled completely. */
  sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.fullAt <= now) this.buckets.delete(key);
  }
}
