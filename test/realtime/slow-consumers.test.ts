import { parse, subscribe, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createRequestLocale } from '../../src/i18n/request.js';
import { silentLogger } from '../../src/observe/logger.js';
import { EndAfter, RealtimeHub } from '../../src/realtime/hub.js';
import { createRealtime, topics, type Realtime, type RealtimeEvent } from '../../src/realtime/index.js';
import { schema } from '../../src/schema/index.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { openSeededDatabase } from '../gateway.js';
import { demoUsers, viewerOf } from '../policies.js';
import { insertMessageWithSql, waitFor } from './harness.js';

/** A subscriber that stops reading is bounded: past the buffer limit its stream ends with SUBSCRIBER_TOO_SLOW, never a silent gap. */

const event = (n: number): RealtimeEvent => ({ topic: 'channel:x', kind: 'MESSAGE_CREATED', id: `${n}` });

async function drain<T>(iterator: AsyncIterator<T>): Promise<T[]> {
  const values: T[] = [];
  for (let result = await iterator.next(); !result.done; result = await iterator.next()) values.push(result.value);
  return values;
}

describe('the hub buffer limit', () => {
  it('delivers what a stalled reader holds, then the too-slow value, then ends (and leaves the topic)', async () => {
    const hub = new RealtimeHub(() => undefined, 3);
    const stream = hub.subscribe('channel:x', async (e) => e.id, { tooSlow: () => 'too slow' });
    for (let n = 1; n <= 6; n++) hub.publish(event(n));
    await waitFor(() => hub.subscriptionCount('channel:x') === 0, 'the stream to leave its topic');
    expect(await drain(stream)).toEqual(['1', '2', '3', 'too slow']);
    expect(hub.stats().pending).toBe(0);
  });

  it('never ends a reader that keeps up, however many events pass', async () => {
    const hub = new RealtimeHub(() => undefined, 2);
    const stream = hub.subscribe('channel:x', async (e) => e.id, { tooSlow: () => 'too slow' });
    const read: string[] = [];
    for (let n = 1; n <= 20; n++) {
      hub.publish(event(n));
      read.push((await stream.next()).value);
    }
    expect(read).toEqual(Array.from({ length: 20 }, (_, i) => `${i + 1}`));
    expect(hub.subscriptionCount('channel:x')).toBe(1);
    await stream.return?.();
  });

  it('keeps an ending value (a revoked session) ahead of the limit', async () => {
    const hub = new RealtimeHub(() => undefined, 2);
    const stream = hub.subscribe('channel:x', async (e) => (e.id === '2' ? new EndAfter('revoked') : e.id), { tooSlow: () => 'too slow' });
    for (let n = 1; n <= 5; n++) hub.publish(event(n));
    expect(await drain(stream)).toEqual(['1', 'revoked']);
  });
});

describe('a subscription that falls behind', () => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let realtime: Realtime;

  beforeAll(async () => {
    ({ handle, drop } = await openSeededDatabase());
    realtime = createRealtime(handle, { log: silentLogger(), bufferLimit: 2 });
    await realtime.start();
  });
  afterAll(async () => {
    await realtime?.stop();
    await drop?.();
  });

  it('gets the events it holds, then a SUBSCRIBER_TOO_SLOW error, and its stream completes', async () => {
    const viewer = { ...viewerOf('dave'), locale: null };
    const context: Context = {
      db: handle.db,
      viewer,
      credentialsError: null,
      clientIp: null,
      realtime: realtime.hub,
      locale: createRequestLocale({ db: handle.db, acceptLanguage: null, viewer: () => viewer }),
    };
    const document = parse('subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { content } } }');
    const stream = (await subscribe({ schema, document, contextValue: context, variableValues: { channel: channelGid(CHANNEL.general) } })) as AsyncGenerator<ExecutionResult<any>>;
    const topic = topics.channel(channelId(CHANNEL.general));
    expect(realtime.hub.subscriptionCount(topic)).toBe(1);
    // Nobody reads: the third event finds two held, and the stream stops taking events.
    for (const content of ['one', 'two', 'three', 'four']) await insertMessageWithSql(handle, channelId(CHANNEL.general), demoUsers.alice, content);
    await waitFor(() => realtime.hub.subscriptionCount(topic) === 0, 'the stream to fall behind');
    const results = await drain(stream);
    expect(results.slice(0, 2).map((result) => result.data?.channelEvents.message.content)).toEqual(['one', 'two']);
    expect(results).toHaveLength(3);
    expect(results[2]!.errors?.[0]?.extensions?.code).toBe('SUBSCRIBER_TOO_SLOW');
  });
});
