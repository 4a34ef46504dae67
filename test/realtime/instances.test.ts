import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { topics } from '../../src/realtime/index.js';
import { openSeededDatabase } from '../gateway.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoUsers } from '../policies.js';
import { insertMessageWithSql, startLiveGateway, waitFor, type LiveGateway, type Subscriber } from './harness.js';

/**
 * Several gateway instances on one PostgreSQL, each with its own pool and LISTEN connection (as two
 * processes would have), and the LISTEN connection killed under a running gateway. PostgreSQL only:
 * PGlite lives inside one process.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const QUERY = 'subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { content } } }';
const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }';
const TOPIC = topics.channel(channelId(CHANNEL.general));

let first: LiveGateway;
let second: LiveGateway;
let secondHandle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  if (!onPostgres) return;
  const database = await openSeededDatabase();
  drop = database.drop;
  first = await startLiveGateway(database.handle);
  secondHandle = await openDatabase({ url: database.handle.pool!.options.connectionString, poolSize: 4 });
  second = await startLiveGateway(secondHandle);
});

afterAll(async () => {
  await second?.close();
  await secondHandle?.close();
  await first?.close();
  await drop?.();
});

const contents = (subscriber: Subscriber) => subscriber.results.map((result) => result.data?.channelEvents?.message?.content as string);

/** Sends through a gateway's API as alice. */
async function send(gateway: LiveGateway, content: string): Promise<void> {
  const response = await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.general), content } }, await gateway.headersFor('alice'));
  expect(response.data?.sendMessage.__typename).toBe('MessagePayload');
}

describe('two gateway instances on one PostgreSQL', () => {
  it.skipIf(!onPostgres)('a subscriber on one instance gets each event written through the other exactly once', async () => {
    const onSecond = await second.subscribe('single', 'bob', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC);
    const onFirst = await first.subscribe('distinct', 'dave', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC);
    await send(first, 'two instances 1');
    await send(first, 'two instances 2');
    await send(second, 'two instances 3');
    await insertMessageWithSql(first.handle, channelId(CHANNEL.general), demoUsers.carol, 'two instances 4');
    await send(first, 'two instances 5');

    const expected = ['two instances 1', 'two instances 2', 'two instances 3', 'two instances 4', 'two instances 5'];
    for (const subscriber of [onSecond, onFirst]) await subscriber.result(expected.length - 1);
    // A duplicate would arrive right behind its original, before a later event: send one more and wait for it.
    await send(second, 'two instances end');
    for (const subscriber of [onSecond, onFirst]) {
      await subscriber.result(expected.length);
      expect(contents(subscriber)).toEqual([...expected, 'two instances end']);
    }
    onSecond.close();
    onFirst.close();
  });

  it.skipIf(!onPostgres)('after pg_terminate_backend on the LISTEN connections, events flow again within a few seconds', async () => {
    const subscribers = [
      await first.subscribe('distinct', 'bob', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC),
      await second.subscribe('single', 'bob', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC),
    ];
    const killed = await first.handle.pool!.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'pg-graphql-gateway-listener' and datname = current_database()`,
    );
    expect(killed.rowCount).toBe(2);
    const terminatedAt = Date.now();
    await waitFor(() => !first.realtime.listener.listening && !second.realtime.listener.listening, 'the drops to be noticed', 5_000);

    // Write every 200 ms until both subscribers receive one of these writes (at most 10 s).
    let written = 0;
    const received = () => subscribers.every((subscriber) => contents(subscriber).some((content) => content.startsWith('after the drop')));
    while (!received()) {
      if (Date.now() - terminatedAt > 10_000) throw new Error('no event within 10 s of pg_terminate_backend');
      await insertMessageWithSql(first.handle, channelId(CHANNEL.general), demoUsers.alice, `after the drop ${++written}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(Date.now() - terminatedAt).toBeLessThan(5_000);
    expect(first.realtime.stats()).toMatchObject({ listening: true, reconnects: 1 });
    expect(second.realtime.stats()).toMatchObject({ listening: true, reconnects: 1 });
    // Nothing arrives twice after the reconnect.
    for (const subscriber of subscribers) expect(new Set(contents(subscriber)).size).toBe(subscriber.results.length);
    subscribers.forEach((subscriber) => subscriber.close());
  });
});
