import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { ConcurrencyLimiter, type Admission, type Release } from './concurrency.js';

const rule = { perClient: 2, queue: 2, maxWaitMs: 5_000 };

function slot(admission: Admission | Promise<Admission>): Release {
  if (admission instanceof Promise || !('release' in admission)) throw new Error(`expected a slot at once, got ${JSON.stringify(admission)}`);
  return admission.release;
}

/** Settles pending promise callbacks. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('ConcurrencyLimiter', () => {
  it('runs perClient requests of a key at once, queues the next ones in order, and hands a released slot to the first waiter', async () => {
    const limiter = new ConcurrencyLimiter(rule);
    const first = slot(limiter.acquire('alice'));
    slot(limiter.acquire('alice'));
    const granted: string[] = [];
    const third = Promise.resolve(limiter.acquire('alice')).then((admission) => (granted.push('third'), admission));
    const fourth = Promise.resolve(limiter.acquire('alice')).then((admission) => (granted.push('fourth'), admission));
    await flush();
    expect(granted).toEqual([]);
    expect([limiter.running('alice'), limiter.waiting('alice')]).toEqual([2, 2]);
    first();
    const admitted = await third;
    expect('release' in admitted).toBe(true);
    await flush();
    expect(granted).toEqual(['third']);
    expect([limiter.running('alice'), limiter.waiting('alice')]).toEqual([2, 1]);
    void fourth;
  });

  it('refuses at once beyond the queue', () => {
    const limiter = new ConcurrencyLimiter(rule);
    slot(limiter.acquire('alice'));
    slot(limiter.acquire('alice'));
    void limiter.acquire('alice');
    void limiter.acquire('alice');
    expect(limiter.acquire('alice')).toEqual({ refused: 'queue-full' });
  });

  it('keeps clients apart: one client at its limit does not hold another back', () => {
    const limiter = new ConcurrencyLimiter({ perClient: 1, queue: 0, maxWaitMs: 1_000 });
    slot(limiter.acquire('alice'));
    expect(limiter.acquire('alice')).toEqual({ refused: 'queue-full' });
    expect('release' in (limiter.acquire('bob') as Admission)).toBe(true);
  });

  it('refuses a waiter after maxWaitMs and takes it out of the queue', async () => {
    vi.useFakeTimers();
    const limiter = new ConcurrencyLimiter(rule);
    const releases = [slot(limiter.acquire('alice')), slot(limiter.acquire('alice'))];
    const waiting = limiter.acquire('alice');
    vi.advanceTimersByTime(rule.maxWaitMs);
    await expect(waiting).resolves.toEqual({ refused: 'wait-timeout' });
    expect(limiter.waiting('alice')).toBe(0);
    // The slot a timed-out waiter never got is not lost: after the two releases the key is gone.
    releases.forEach((release) => release());
    expect(limiter.size).toBe(0);
  });

  it('takes an aborted waiter out of the queue; an aborted request gets no slot', async () => {
    const limiter = new ConcurrencyLimiter(rule);
    const release = slot(limiter.acquire('alice'));
    slot(limiter.acquire('alice'));
    const controller = new AbortController();
    const waiting = limiter.acquire('alice', controller.signal);
    expect(limiter.waiting('alice')).toBe(1);
    controller.abort();
    await expect(waiting).resolves.toEqual({ refused: 'aborted' });
    expect(limiter.waiting('alice')).toBe(0);
    expect(limiter.acquire('alice', controller.signal)).toEqual({ refused: 'aborted' });
    // The freed slot goes back to the pool, not to the aborted waiter.
    release();
    expect(limiter.running('alice')).toBe(1);
  });

  it('releasing twice gives back one slot; a key with nothing running or waiting is forgotten', () => {
    const limiter = new ConcurrencyLimiter(rule);
    const first = slot(limiter.acquire('alice'));
    const second = slot(limiter.acquire('alice'));
    first();
    first();
    expect(limiter.running('alice')).toBe(1);
    second();
    expect(limiter.running('alice')).toBe(0);
    expect(limiter.size).toBe(0);
  });
});

describe('configuration', () => {
  it('is on by default (4 running, 32 waiting up to 5 s per client), tunable, and off with LIMIT_CLIENT_CONCURRENCY=0', () => {
    expect(loadConfig({}).concurrency).toEqual({ perClient: 4, queue: 32, maxWaitMs: 5_000, trustProxy: 0, exemptLoopback: true });
    const tuned = { LIMIT_CLIENT_CONCURRENCY: '2', LIMIT_CLIENT_QUEUE: '0', LIMIT_CLIENT_QUEUE_WAIT_MS: '100', TRUST_PROXY: '1', RATE_LIMIT_LOOPBACK: 'true' };
    expect(loadConfig(tuned).concurrency).toEqual({ perClient: 2, queue: 0, maxWaitMs: 100, trustProxy: 1, exemptLoopback: false });
    expect(loadConfig({ LIMIT_CLIENT_CONCURRENCY: '0' }).concurrency).toBeNull();
    expect(() => loadConfig({ LIMIT_CLIENT_QUEUE: '-1' })).toThrow(/LIMIT_CLIENT_QUEUE/);
  });
});
