import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/auth/sessions.js';
import type { DatabaseHandle } from '../src/db/client.js';
import type { RateLimitOptions, RateLimitRules } from '../src/limits/rate-limit-plugin.js';
import { createYogaApp, listen, type RunningGateway } from '../src/server.js';
import { openSeededDatabase } from './gateway.js';
import { demoUsers } from './policies.js';
import { DEMO_PASSWORD } from './sign-in.js';

/**
 * Rate limits over real HTTP. One trusted proxy hop, so each test picks its client address with
 * X-Forwarded-For; the limiter's clock stands still, so no bucket refills during a test.
 */
let handle: DatabaseHandle;
let drop: () => Promise<void>;
const running: RunningGateway[] = [];

beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase());
});

afterAll(async () => {
  for (const gateway of running) await gateway.close();
  await drop();
});

const OFF = { burst: 0, perMinute: 0 };

/** A gateway whose limits are `rules` (the others off), over a socket on loopback. */
async function gatewayWith(rules: Partial<RateLimitRules>, options: Partial<RateLimitOptions> = {}): Promise<string> {
  const rateLimits: RateLimitOptions = { address: OFF, viewer: OFF, password: OFF, refusedCredentials: OFF, ...rules, trustProxy: 1, maxBuckets: 1_000, now: () => 0, ...options };
  const yoga = createYogaApp({ handle, logError: () => undefined, rateLimits });
  const gateway = await listen(yoga, 0, '127.0.0.1');
  running.push(gateway);
  return gateway.url;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, from: string, query: string, variables: object = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': from, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text, body: JSON.parse(text) };
}

const READ = '{ organizations { nodes { slug channels(first: 3) { totalCount nodes { name } } } } }';
const VIEWER = '{ viewer { id } }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }';
const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { __typename } }';

function expectRateLimited(answer: Answer, limit: string) {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit, retryAfter: Number(answer.retryAfter) });
  expect(answer.body.data ?? null).toBeNull();
}

describe('rate limits', () => {
  it('per client address: a burst, then 429 with Retry-After; compiled reads count like any other', async () => {
    // 3 at once, then one a minute: the fourth request waits 60 s.
    const url = await gatewayWith({ address: { burst: 3, perMinute: 1 } });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(url, '198.51.100.1', READ));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // The second and third were answered by the compiled statement (PostgreSQL's JSON spacing).
    expect(answers[0]!.text).not.toContain('" : ');
    expect(answers[2]!.text).toContain('" : ');
    const refused = await post(url, '198.51.100.1', READ);
    expectRateLimited(refused, 'address');
    expect(refused.retryAfter).toBe('60');
    // Another address has its own bucket.
    expect((await post(url, '198.51.100.2', READ)).status).toBe(200);
  });

  it('per viewer, whichever address the requests come from', async () => {
    const url = await gatewayWith({ address: { burst: 100, perMinute: 100 }, viewer: { burst: 2, perMinute: 6 } });
    const alice = { authorization: `Bearer ${(await createSession(handle.db, demoUsers.alice, { ip: null, userAgent: 'test' })).token}` };
    const bob = { authorization: `Bearer ${(await createSession(handle.db, demoUsers.bob, { ip: null, userAgent: 'test' })).token}` };
    expect((await post(url, '198.51.100.10', VIEWER, {}, alice)).status).toBe(200);
    expect((await post(url, '198.51.100.11', VIEWER, {}, alice)).status).toBe(200);
    const refused = await post(url, '198.51.100.12', VIEWER, {}, alice);
    expectRateLimited(refused, 'viewer');
    expect(refused.retryAfter).toBe('10');
    // Bob on Alice's address, and anonymous requests, are not Alice.
    expect((await post(url, '198.51.100.10', VIEWER, {}, bob)).body.data.viewer.id).toBeTruthy();
    expect((await post(url, '198.51.100.10', READ)).status).toBe(200);
  });

  it('by default this host (loopback) skips the address and viewer buckets, but not the password bucket', async () => {
    // No trusted proxy: the socket's peer, 127.0.0.1, is the client.
    const url = await gatewayWith({ address: { burst: 1, perMinute: 1 }, viewer: { burst: 1, perMinute: 1 }, password: { burst: 1, perMinute: 1 } }, { trustProxy: 0, exemptLoopback: true });
    const alice = { authorization: `Bearer ${(await createSession(handle.db, demoUsers.alice, { ip: null, userAgent: 'rate-limit test' })).token}` };
    for (let i = 0; i < 3; i++) expect((await post(url, 'ignored', READ)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await post(url, 'ignored', VIEWER, {}, alice)).body.data.viewer.id).toBeTruthy();
    const wrong = { input: { email: 'alice@example.com', password: 'not-the-password' } };
    expect((await post(url, 'ignored', SIGN_IN, wrong)).status).toBe(200);
    expectRateLimited(await post(url, 'ignored', SIGN_IN, wrong), 'password');
    // The same gateway without the exemption limits loopback like any address.
    const strict = await gatewayWith({ address: { burst: 1, perMinute: 1 } }, { trustProxy: 0, exemptLoopback: false });
    expect((await post(strict, 'ignored', READ)).status).toBe(200);
    expectRateLimited(await post(strict, 'ignored', READ), 'address');
  });

  it('password operations have a stricter bucket than reads: each signIn or signUp field counts', async () => {
    const url = await gatewayWith({ address: { burst: 100, perMinute: 100 }, password: { burst: 3, perMinute: 1 } });
    const from = '198.51.100.20';
    const wrong = { input: { email: 'alice@example.com', password: 'not-the-password' } };
    expect((await post(url, from, SIGN_IN, wrong)).body.data.signIn.__typename).toBe('InvalidCredentialsError');
    const signUp = { input: { email: 'rate-limit@example.com', password: 'a-long-enough-password', displayName: 'Rate Limit' } };
    expect((await post(url, from, SIGN_UP, signUp)).body.data.signUp.__typename).toBe('SessionPayload');
    // One token left. Two aliases are refused by the one-password-check limit before they could take it.
    const twice = `mutation ($input: SignInInput!) { a: signIn(input: $input) { __typename } b: signIn(input: $input) { __typename } }`;
    const refused = await post(url, from, twice, { input: { email: 'alice@example.com', password: DEMO_PASSWORD } });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'passwordHashes' });
    expect((await post(url, from, SIGN_IN, wrong)).status).toBe(200);
    expectRateLimited(await post(url, from, SIGN_IN, wrong), 'password');
    // Reads from that address go on; another address may still sign in.
    expect((await post(url, from, READ)).status).toBe(200);
    expect((await post(url, '198.51.100.21', SIGN_IN, wrong)).status).toBe(200);
  });

  it('refused credentials count against a strict per-address bucket, after which no token of that address is looked up', async () => {
    const url = await gatewayWith({ address: { burst: 100, perMinute: 100 }, refusedCredentials: { burst: 2, perMinute: 1 } });
    const from = '198.51.100.30';
    const guess = (n: number) => ({ authorization: `Bearer gw_s_guess-${n}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa` });
    for (const n of [1, 2]) {
      const answer = await post(url, from, VIEWER, {}, guess(n));
      expect(answer.status).not.toBe(429);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(await post(url, from, VIEWER, {}, guess(3)), 'refusedCredentials');
    // A valid token from that address is refused too: a guess must not be told apart from it.
    const valid = { authorization: `Bearer ${(await createSession(handle.db, demoUsers.carol, { ip: null, userAgent: 'test' })).token}` };
    expectRateLimited(await post(url, from, VIEWER, {}, valid), 'refusedCredentials');
    // Without credentials that address is served; elsewhere the valid token works.
    expect((await post(url, from, READ)).status).toBe(200);
    expect((await post(url, '198.51.100.31', VIEWER, {}, valid)).body.data.viewer.id).toBeTruthy();
  });

  it('leaves health and readiness probes alone', async () => {
    const url = await gatewayWith({ address: { burst: 1, perMinute: 1 } });
    const base = url.replace(/\/graphql$/, '');
    expect((await post(url, '198.51.100.40', READ)).status).toBe(200);
    expect((await post(url, '198.51.100.40', READ)).status).toBe(429);
    for (const path of ['/health', '/ready', '/ready']) {
      expect((await fetch(`${base}${path}`, { headers: { 'x-forwarded-for': '198.51.100.40' } })).status).toBe(200);
    }
  });
});
