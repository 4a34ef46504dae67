import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession } from '../src/auth/sessions.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { ConcurrencyLimiter, type Admission } from '../src/limits/concurrency.js';
import { createRealtime, type Realtime } from '../src/realtime/index.js';
import { createYogaApp, listen, type RunningGateway } from '../src/server.js';
import { openSeededDatabase } from './gateway.js';
import { demoUsers, globalId } from './policies.js';
import { silentLogger } from '../src/observe/logger.js';

/**
 * Per-client concurrency over real HTTP: one request of a client at a time and one waiting, so a
 * slot that was not given back shows in the limiter (and as a wait on the client's next request). One trusted proxy hop:
 * each test picks its client address with X-Forwarded-For. The test holds a client's slot itself
 * (through the limiter it passes in) to see which requests need one.
 */
let handle: DatabaseHandle;
let drop: () => Promise<void>;
let realtime: Realtime;
let gateway: RunningGateway;
let url: string;
const limiter = new ConcurrencyLimiter({ perClient: 1, queue: 1, maxWaitMs: 30_000 });

beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase());
  realtime = createRealtime(handle, { log: silentLogger() });
  await realtime.start();
  const yoga = createYogaApp({ handle, realtime, logError: () => undefined, concurrency: { perClient: 1, queue: 1, maxWaitMs: 30_000, trustProxy: 1, limiter } });
  gateway = await listen(yoga, 0, '127.0.0.1');
  url = gateway.url;
});

afterAll(async () => {
  await gateway?.close();
  await realtime?.stop();
  await drop();
});

const READ = '{ organizations { nodes { slug channels(first: 3) { totalCount nodes { name } } } } }';

async function post(from: string, body: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': from, ...headers }, body, signal });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
}

const query = (text: string, variables: object = {}) => JSON.stringify({ query: text, variables });

/** Takes the client's one slot from the test's side; returns its release. */
function hold(key: string): () => void {
  const admission = limiter.acquire(key) as Admission;
  if (!('release' in admission)) throw new Error(`${key} has no free slot`);
  return admission.release;
}

async function headersOf(user: keyof typeof demoUsers) {
  const session = await createSession(handle.db, demoUsers[user], { ip: null, userAgent: 'concurrency test' });
  return { authorization: `Bearer ${session.token}` };
}

describe('per-client concurrency', () => {
  it('by default this host (loopback, no trusted proxy) takes no slot', async () => {
    const own = new ConcurrencyLimiter({ perClient: 1, queue: 0, maxWaitMs: 30_000 });
    const yoga = createYogaApp({ handle, logError: () => undefined, concurrency: { perClient: 1, queue: 0, maxWaitMs: 30_000, trustProxy: 0, exemptLoopback: true, limiter: own } });
    const local = await listen(yoga, 0, '127.0.0.1');
    try {
      const held = own.acquire('address:127.0.0.1') as Admission;
      if (!('release' in held)) throw new Error('no slot');
      // With the loopback client's only slot held and no queue, a limited request would be refused at once.
      const response = await fetch(local.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: query(READ) });
      expect(response.status).toBe(200);
      held.release();
    } finally {
      await local.close();
    }
  });

  it('a compiled read takes a slot: with the client\'s slot held it waits, and runs once the slot is free', async () => {
    const from = '198.51.100.1';
    // The second one is answered by the compiled statement (PostgreSQL's JSON spacing).
    expect((await post(from, query(READ))).text).not.toContain('" : ');
    expect((await post(from, query(READ))).text).toContain('" : ');
    const release = hold(`address:${from}`);
    const waiting = post(from, query(READ));
    await vi.waitFor(() => expect(limiter.waiting(`address:${from}`)).toBe(1));
    // Beyond the one running and the one waiting: refused at once, like the rate limits.
    const refused = await post(from, query(READ));
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(JSON.parse(refused.text).errors[0].extensions).toEqual({ code: 'RATE_LIMITED', limit: 'concurrency', retryAfter: 1 });
    release();
    const answered = await waiting;
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('" : ');
    expect(limiter.size).toBe(0);
  });

  it('counts a signed-in viewer by its user, from any address; others behind the same address go on', async () => {
    const alice = await headersOf('alice');
    const release = hold(`viewer:${demoUsers.alice}`);
    try {
      const waiting = post('198.51.100.2', query(READ), alice);
      await vi.waitFor(() => expect(limiter.waiting(`viewer:${demoUsers.alice}`)).toBe(1));
      expect((await post('198.51.100.3', query(READ), alice)).status).toBe(429);
      expect((await post('198.51.100.2', query(READ))).status).toBe(200);
      expect((await post('198.51.100.2', query(READ), await headersOf('bob'))).status).toBe(200);
      release();
      expect((await waiting).status).toBe(200);
    } finally {
      release();
    }
    expect(limiter.size).toBe(0);
  });

  it('gives the slot back after every kind of failed request', async () => {
    const from = '198.51.100.4';
    const failures = [
      '{"query": ', // not JSON
      query('{ organizations { nope } }'), // validation error
      query(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: organizations(first: 100) { nodes { channels(first: 100) { nodes { id } } } }`).join(' ')} }`), // cost refusal
      query('query ($n: Int!) { organizations(first: $n) { nodes { slug } } }', { n: 'many' }), // bad variables
      query('mutation { nope }'),
    ];
    for (const body of failures) {
      const answer = await post(from, body);
      expect(answer.status).not.toBe(429);
      expect(answer.text).toContain('"errors"');
    }
    // Refused credentials: counted by the address, answered, and the slot given back.
    expect((await post(from, query(READ), { authorization: 'Bearer not-a-token' })).status).not.toBe(429);
    expect(limiter.size).toBe(0);
    expect((await post(from, query(READ))).status).toBe(200);
  });

  it('a request whose client goes away while it waits leaves the queue', async () => {
    const from = '198.51.100.5';
    const release = hold(`address:${from}`);
    const controller = new AbortController();
    const abandoned = post(from, query(READ), {}, controller.signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(limiter.waiting(`address:${from}`)).toBe(1));
    controller.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    await vi.waitFor(() => expect(limiter.waiting(`address:${from}`)).toBe(0));
    release();
    expect(limiter.size).toBe(0);
    expect((await post(from, query(READ))).status).toBe(200);
  });

  it('an event stream holds no slot while it streams', async () => {
    const from = '198.51.100.6';
    const subscription = 'subscription ($channel: ID!) { channelEvents(channel: $channel) { kind } }';
    const channel = globalId('Channel', '30000000-0000-4000-8000-000000000001');
    const controller = new AbortController();
    const stream = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-forwarded-for': from, ...(await headersOf('alice')) },
      body: query(subscription, { channel }),
      signal: controller.signal,
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const reader = stream.body!.getReader();
      await reader.read(); // the subscription is running
      await vi.waitFor(() => expect(limiter.size).toBe(0));
      expect((await post(from, query(READ), await headersOf('alice'))).status).toBe(200);
    } finally {
      controller.abort();
    }
  });
});
