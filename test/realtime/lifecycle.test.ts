import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../../src/realtime/index.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoUsers, type DemoUser } from '../policies.js';
import { MODES, Subscriber, insertMessageWithSql, useLiveGateway, waitFor, type LiveGateway, type Mode } from './harness.js';

/** What a subscriber holds is released when it goes away: hub subscriptions, buffers, and memory. */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const getGateway = useLiveGateway();
let gateway: LiveGateway;
beforeAll(() => {
  gateway = getGateway();
});

const QUERY = 'subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { content author { displayName } } } }';
const PEOPLE: DemoUser[] = ['alice', 'bob', 'carol', 'dave'];
const CHANNELS = [CHANNEL.general, CHANNEL.random];
const SUBSCRIBERS = 200;

/** The heap after a full collection (twice: finalizers of the first may free more). */
function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const idle = () => gateway.realtime.hub.stats().subscriptions === 0 && gateway.realtime.hub.stats().pending === 0;

/** Waits until the server holds no connection once idle keep-alive sockets are closed (a live stream is never idle). */
async function noConnections(): Promise<void> {
  const count = () => new Promise<number>((resolve) => gateway.running.server.getConnections((_error, n) => resolve(n)));
  const deadline = Date.now() + 15_000;
  for (;;) {
    gateway.running.server.closeIdleConnections();
    if ((await count()) === 0) return;
    if (Date.now() > deadline) throw new Error(`${await count()} connections still open`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens `count` subscribers over both modes, people and channels; resolves when the server holds them all. */
async function openSubscribers(count: number): Promise<Subscriber[]> {
  const headers = new Map(await Promise.all(PEOPLE.map(async (user) => [user, await gateway.headersFor(user)] as const)));
  const subscribers = Array.from({ length: count }, (_, i) => {
    const mode: Mode = MODES[i % 2]!;
    const channel = CHANNELS[i % CHANNELS.length]!;
    return new Subscriber(gateway.client(mode, headers.get(PEOPLE[i % PEOPLE.length]!)), QUERY, { channel: channelGid(channel) });
  });
  await waitFor(() => gateway.realtime.hub.stats().subscriptions === count, `${count} subscriptions`, 30_000);
  return subscribers;
}

/** One message in each channel, received by every subscriber (so buffers, checks and contexts were used). */
async function deliverOneEach(subscribers: Subscriber[], round: number): Promise<void> {
  for (const channel of CHANNELS) await insertMessageWithSql(gateway.handle, channelId(channel), demoUsers.alice, `round ${round}`);
  await Promise.all(subscribers.map((subscriber) => subscriber.result(round, 30_000)));
}

describe('releasing subscribers', () => {
  it('keeps no subscription, buffer or memory of subscribers that disconnected', async () => {
    await waitFor(idle, 'a quiet hub');
    // A first round of the same size warms up what is allocated once (compiled code, parser and socket pools).
    const warm = await openSubscribers(SUBSCRIBERS);
    await deliverOneEach(warm, 0);
    warm.forEach((subscriber) => subscriber.close());
    await waitFor(idle, 'the warm-up subscribers to be released');
    await noConnections();
    const baseline = { hub: gateway.realtime.hub.stats(), heap: heapAfterGc() };
    expect(baseline.hub).toMatchObject({ topics: 0, subscriptions: 0, pending: 0 });

    const subscribers = await openSubscribers(SUBSCRIBERS);
    await deliverOneEach(subscribers, 0);
    expect(gateway.realtime.hub.stats()).toMatchObject({ topics: 2, subscriptions: SUBSCRIBERS });
    const held = heapAfterGc() - baseline.heap;

    subscribers.forEach((subscriber) => subscriber.close());
    await waitFor(idle, 'every subscription to be released', 30_000);
    expect(gateway.realtime.hub.stats()).toMatchObject({ topics: 0, subscriptions: 0, pending: 0 });
    await noConnections();
    // Closed sockets and timers finish releasing asynchronously: a leak stays, noise does not (up to 2 s).
    let left = heapAfterGc() - baseline.heap;
    for (let attempt = 0; attempt < 20 && left >= held / 8; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      left = Math.min(left, heapAfterGc() - baseline.heap);
    }
    // What the open subscribers held (server and clients: ~18 MB for 200) is given back; a leak would keep most of it.
    // Measured here: 0.2-0.5 MB is left after a round (heap noise), with no growth of object counts between rounds.
    expect(held).toBeGreaterThan(0);
    expect(left).toBeLessThan(held / 8);
  });
});

describe.each(MODES)('one subscriber going away (%s mode)', (mode) => {
  it('is released while its stream waits for an event, and a new one still gets events', async () => {
    const topic = topics.channel(channelId(CHANNEL.random));
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'a quiet topic');
    const first = await gateway.subscribe(mode, 'bob', QUERY, { channel: channelGid(CHANNEL.random) }, topic);
    first.close();
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'the subscription to be released');
    const second = await gateway.subscribe(mode, 'bob', QUERY, { channel: channelGid(CHANNEL.random) }, topic);
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.dave, `after a disconnect (${mode})`);
    expect((await second.result(0)).data!.channelEvents.message.content).toBe(`after a disconnect (${mode})`);
    expect(first.results).toEqual([]);
    second.close();
  });
});

describe('the SSE wire (distinct connections, as a browser EventSource polyfill would use it)', () => {
  it('answers with a keep-alive comment at once, sends events as `next`, and releases on abort', async () => {
    const topic = topics.channel(channelId(CHANNEL.general));
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'a quiet topic');
    const abort = new AbortController();
    const response = await fetch(`${gateway.origin}/graphql`, {
      method: 'POST',
      signal: abort.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(await gateway.headersFor('bob')) },
      body: JSON.stringify({ query: QUERY, variables: { channel: channelGid(CHANNEL.general) } }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text.startsWith(':')).toBe(true); // the ping comment, repeated while idle
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.general), demoUsers.alice, 'over the wire');
    while (!text.includes('over the wire')) text += decoder.decode((await reader.read()).value);
    expect(text).toMatch(/event: next\ndata: \{"data":\{"channelEvents":\{"kind":"MESSAGE_CREATED"/);
    abort.abort();
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'the aborted stream to be released');
  });
});

describe('notifications that are not events', () => {
  it('are ignored: a malformed payload on the channel neither reaches subscribers nor stops the listener', async () => {
    const topic = topics.channel(channelId(CHANNEL.random));
    const bob = await gateway.subscribe('single', 'bob', QUERY, { channel: channelGid(CHANNEL.random) }, topic);
    await gateway.handle.exec(`select pg_notify('gateway_events', 'not json');
      select pg_notify('gateway_events', '{"topic": "${topic}", "kind": "MESSAGE_CREATED", "id": "not-a-uuid"}');
      select pg_notify('gateway_events', '{"topic": "elsewhere", "kind": "MESSAGE_CREATED", "id": "${channelId(CHANNEL.random)}"}')`);
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.dave, 'a real event');
    expect((await bob.result(0)).data!.channelEvents.message.content).toBe('a real event');
    expect(bob.results).toHaveLength(1);
    bob.close();
  });
});
