import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConcurrencyLimiter } from '../../src/limits/concurrency.js';
import { topics } from '../../src/realtime/index.js';
import { createYogaApp, listen, type RunningGateway } from '../../src/server.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoUsers, type DemoUser } from '../policies.js';
import { insertMessageWithSql, useLiveGateway, waitFor, type LiveGateway } from '../realtime/harness.js';

/**
 * GraphQL over WebSocket (graphql-ws, `graphql-transport-ws`) on /graphql of a real server, with
 * the graphql-ws client: the same events, authorization, limits and shutdown as the HTTP transports.
 */

const CHANNEL_EVENTS = 'subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { content author { displayName } } } }';
const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }';

const getGateway = useLiveGateway();
let gateway: LiveGateway;
beforeAll(() => {
  gateway = getGateway();
});

const clients = new Set<Client>();
afterAll(async () => {
  for (const client of clients) await client.dispose();
});

interface Closed {
  code: number;
  reason: string;
}

/** A graphql-ws client that never reconnects, so a refusal is seen as it is. */
function wsClient(origin: string, connectionParams?: Record<string, unknown>, onClosed?: (event: Closed) => void): Client {
  const client = createClient({
    url: `${origin.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    on: { closed: (event) => onClosed?.(event as Closed) },
  });
  clients.add(client);
  return client;
}

/** One subscription's results, error and completion. */
class WsSubscriber {
  readonly results: ExecutionResult<any>[] = [];
  error: unknown = null;
  completed = false;
  readonly unsubscribe: () => void;
  constructor(client: Client, query: string, variables: Record<string, unknown>) {
    this.unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (result) => void this.results.push(result as ExecutionResult<any>),
        error: (error) => void (this.error = error),
        complete: () => void (this.completed = true),
      },
    );
  }
  async result(index: number): Promise<ExecutionResult<any>> {
    await waitFor(() => this.results.length > index || this.error !== null, `result #${index}`);
    if (this.results.length <= index) throw new Error(`subscription failed: ${JSON.stringify(this.error)}`);
    return this.results[index]!;
  }
}

/** The first answer of one operation: its result, or the errors (an array) or close event it failed with. */
function firstAnswer(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  return new Promise((resolve) => client.subscribe({ query, variables }, { next: resolve, error: resolve, complete: () => undefined }));
}

async function signedIn(user: DemoUser): Promise<Record<string, string>> {
  return { authorization: (await gateway.headersFor(user)).authorization! };
}

describe('GraphQL over WebSocket', () => {
  it('delivers a message written by another user, over the connection_init credential', async () => {
    const topic = topics.channel(channelId(CHANNEL.general));
    const before = gateway.realtime.hub.subscriptionCount(topic);
    const bob = new WsSubscriber(wsClient(gateway.origin, await signedIn('bob')), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.general) });
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) > before, 'the subscription to start');
    const sent = await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.general), content: 'hello over graphql-ws' } }, await gateway.headersFor('alice'));
    expect(sent.data?.sendMessage.__typename).toBe('MessagePayload');
    const event = (await bob.result(0)).data!.channelEvents;
    expect(event).toMatchObject({ kind: 'MESSAGE_CREATED', message: { content: 'hello over graphql-ws', author: { displayName: expect.any(String) } } });
    bob.unsubscribe();
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === before, 'the subscription to be released');
  });

  it('runs queries and mutations with the same context: the viewer, and the policies', async () => {
    const client = wsClient(gateway.origin, await signedIn('alice'));
    const viewer = await firstAnswer(client, '{ viewer { id displayName } }');
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data.viewer.displayName).toEqual(expect.any(String));
    const anonymous = wsClient(gateway.origin);
    const refused = await firstAnswer(anonymous, SEND, { input: { channelId: channelGid(CHANNEL.general), content: 'anonymous' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('closes a connection whose credential is refused with 4401, delivering nothing', async () => {
    for (const params of [{ authorization: 'Bearer gw_s_not-a-token' }, { Authorization: 42 }]) {
      let closed: Closed | null = null;
      const client = wsClient(gateway.origin, params, (event) => (closed = event));
      const subscriber = new WsSubscriber(client, CHANNEL_EVENTS, { channel: channelGid(CHANNEL.general) });
      await waitFor(() => subscriber.error !== null, 'the refusal');
      expect(closed).toMatchObject({ code: 4401, reason: 'Unauthenticated: the access token is not valid.' });
      expect(subscriber.results).toEqual([]);
    }
    // A signed-out session says why.
    const headers = await gateway.headersFor('dave');
    await gateway.execute('mutation { signOut { __typename } }', {}, headers);
    let closed: Closed | null = null;
    const subscriber = new WsSubscriber(wsClient(gateway.origin, headers, (event) => (closed = event)), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.general) });
    await waitFor(() => subscriber.error !== null, 'the refusal');
    expect(closed).toMatchObject({ code: 4401, reason: expect.stringContaining('signed out') });
  });

  it('does not deliver a channel the viewer is not a member of (same rule as SSE)', async () => {
    const before = gateway.realtime.hub.stats().subscriptions;
    // bob administers acme but is not in private #design: it does not exist for him.
    const bob = new WsSubscriber(wsClient(gateway.origin, await signedIn('bob')), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.design) });
    const result = await bob.result(0);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await waitFor(() => bob.completed, 'the refused subscription to complete');
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.design), demoUsers.carol, 'private to #design');
    await waitFor(() => gateway.realtime.hub.stats().pending === 0, 'the event to be judged');
    expect(bob.results).toHaveLength(1);
    expect(gateway.realtime.hub.stats().subscriptions).toBe(before);
  });

  it('ends a subscription with UNAUTHENTICATED at the first event after its session was signed out', async () => {
    const topic = topics.channel(channelId(CHANNEL.random));
    const before = gateway.realtime.hub.subscriptionCount(topic);
    const headers = await gateway.headersFor('bob');
    const bob = new WsSubscriber(wsClient(gateway.origin, headers), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.random) });
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) > before, 'the subscription to start');
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.dave, 'while signed in (ws)');
    expect((await bob.result(0)).data!.channelEvents.message.content).toBe('while signed in (ws)');
    expect((await gateway.execute('mutation { signOut { __typename } }', {}, headers)).data?.signOut.__typename).toBe('SignOutPayload');
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.dave, 'after signing out (ws)');
    const last = await bob.result(1);
    expect(last.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(last)).not.toContain('after signing out');
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === before, 'the subscription to end');
  });

  it('applies the query limits and the subscription root rule, with their codes', async () => {
    const client = wsClient(gateway.origin, await signedIn('alice'));
    const first = (query: string) => firstAnswer(client, query, { channel: channelGid(CHANNEL.general) });
    const deep = `{ viewer { ${'organizations { edges { node { channels { edges { node { organization '.repeat(6)}{ id }${' } } } } } }'.repeat(6)} } }`;
    const tooDeep = (await first(deep)) as { extensions?: { code?: string; limit?: string; http?: unknown } }[];
    expect(tooDeep[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
    // Server-only extensions stay on the server.
    expect(tooDeep[0]?.extensions?.http).toBeUndefined();
    const conditionalRoot = 'subscription ($channel: ID!) { channelEvents(channel: $channel) @include(if: true) { kind } }';
    const conditional = (await first(conditionalRoot)) as { message: string; extensions?: unknown }[];
    expect(conditional[0]?.message).toContain('must not use @skip or @include');
    // The same error, code included, as over HTTP.
    const overHttp = await gateway.execute(conditionalRoot, { channel: channelGid(CHANNEL.general) }, await signedIn('alice'));
    expect(conditional[0]?.extensions).toEqual(overHttp.errors?.[0]?.extensions);
  });
});

describe('GraphQL over WebSocket: rate limits and shutdown', () => {
  let running: RunningGateway;
  let origin: string;
  beforeAll(async () => {
    const none = { burst: 0, perMinute: 0 };
    const yoga = createYogaApp({
      handle: gateway.handle,
      realtime: gateway.realtime,
      logError: () => undefined,
      rateLimits: { address: { burst: 3, perMinute: 1 }, viewer: none, password: none, refusedCredentials: none, trustProxy: 0, exemptLoopback: false, maxBuckets: 100 },
    });
    running = await listen(yoga, 0, '127.0.0.1');
    origin = new URL(running.url).origin;
  });

  it('counts each operation against the same buckets as HTTP requests', async () => {
    // The connection takes one token, each operation one: the third operation is refused.
    const client = wsClient(origin, await signedIn('alice'));
    const answers: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await firstAnswer(client, '{ viewer { id } }'));
    }
    expect((answers[0] as ExecutionResult).data).toBeDefined();
    expect((answers[1] as ExecutionResult).data).toBeDefined();
    expect((answers[2] as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The HTTP request of the same address shares the bucket.
    const http = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(http.status).toBe(429);
  });

  it("outlives the server's request, header and keep-alive timeouts (they are for HTTP requests)", async () => {
    const yoga = createYogaApp({ handle: gateway.handle, logError: () => undefined });
    const timed = await listen(yoga, 0, '127.0.0.1', { requestTimeoutMs: 500, headersTimeoutMs: 300, keepAliveTimeoutMs: 300 });
    let closed: Closed | null = null;
    // Not lazy: a lazy client closes its socket itself once no operation is running.
    const client = createClient({
      url: timed.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: await signedIn('alice'),
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      on: { closed: (event) => void (closed = event as Closed) },
    });
    clients.add(client);
    expect((await firstAnswer(client, '{ viewer { id } }')).data.viewer.id).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(closed).toBeNull();
    expect((await firstAnswer(client, '{ viewer { id } }')).data.viewer.id).toEqual(expect.any(String));
    await client.dispose();
    await timed.close();
    await yoga.dispose();
  });

  it("takes a slot of the client's concurrency per operation, given back once it is answered", async () => {
    const limiter = new ConcurrencyLimiter({ perClient: 1, queue: 0, maxWaitMs: 1_000 });
    const yoga = createYogaApp({ handle: gateway.handle, logError: () => undefined, concurrency: { perClient: 1, queue: 0, maxWaitMs: 1_000, trustProxy: 0, exemptLoopback: false, limiter } });
    const limited = await listen(yoga, 0, '127.0.0.1');
    // Not lazy: the connection, which passes the gates like a request, is made before the slot is taken below.
    const client = createClient({ url: limited.url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: await signedIn('alice'), lazy: false, retryAttempts: 0, onNonLazyError: () => undefined });
    clients.add(client);
    expect((await firstAnswer(client, '{ viewer { id } }')).data.viewer.id).toEqual(expect.any(String));
    const key = `viewer:${demoUsers.alice}`;
    expect(limiter.running(key)).toBe(0);
    // Alice's one slot is busy (an HTTP request of hers, say): her next operation is refused at once (no queue).
    const busy = await limiter.acquire(key);
    const refused = await firstAnswer(client, '{ viewer { id } }');
    expect(refused[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'concurrency' });
    if ('release' in busy) busy.release();
    expect((await firstAnswer(client, '{ viewer { id } }')).data.viewer.id).toEqual(expect.any(String));
    expect(limiter.running(key)).toBe(0);
    await client.dispose();
    await limited.close();
    await yoga.dispose();
  });

  it('closes WebSockets with 1001 on shutdown, ending their subscriptions', async () => {
    // A fresh gateway: the one above has used its bucket.
    const yoga = createYogaApp({ handle: gateway.handle, realtime: gateway.realtime, logError: () => undefined });
    const stopping = await listen(yoga, 0, '127.0.0.1');
    const topic = topics.channel(channelId(CHANNEL.random));
    const before = gateway.realtime.hub.subscriptionCount(topic);
    let closed: Closed | null = null;
    const subscriber = new WsSubscriber(wsClient(new URL(stopping.url).origin, await signedIn('bob'), (event) => (closed = event)), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.random) });
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) > before, 'the subscription to start');
    const { forced } = await stopping.shutdown(5_000);
    expect(forced).toBe(0);
    expect(closed).toMatchObject({ code: 1001 });
    expect(subscriber.error).not.toBeNull();
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === before, 'the subscription to be released');
    await yoga.dispose();
  });

  afterAll(async () => {
    await running?.close();
  });
});
