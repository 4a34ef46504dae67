import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { topics } from '../../src/realtime/index.js';
import { openSeededDatabase } from '../gateway.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoUsers } from '../policies.js';
import { insertMessageWithSql, startLiveGateway, waitFor, type LiveGateway, type Subscriber } from './harness.js';

/**
 * The event log under PostgreSQL's concurrency and faults (PGlite runs one transaction at a time
 * in one process): the LISTEN connection killed while events are committed, and transactions
 * committing in another order than their positions.
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const QUERY = 'subscription ($channel: ID!, $after: String) { channelEvents(channel: $channel, after: $after) { kind cursor message { content } } }';
const GENERAL = channelId(CHANNEL.general);
const TOPIC = topics.channel(GENERAL);

let first: LiveGateway;
let second: LiveGateway;
let secondHandle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  if (!onPostgres) return;
  const database = await openSeededDatabase();
  drop = database.drop;
  // The first instance waits 1.5-3 s before reconnecting (jitter), so the events below are committed while its LISTEN is down.
  first = await startLiveGateway(database.handle, { minDelayMs: 3_000, maxDelayMs: 5_000 });
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
const errors = (subscriber: Subscriber) => subscriber.results.filter((result) => result.errors);

describe.skipIf(!onPostgres)('the event log on PostgreSQL', () => {
  it('delivers the 50 events committed while the LISTEN connections were down, exactly once and in order, without errors', async () => {
    const subscribers = [
      await first.subscribe('distinct', 'bob', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC),
      await first.subscribe('single', 'dave', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC),
      await second.subscribe('distinct', 'carol', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC),
    ];
    const killed = await first.handle.pool!.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'pg-graphql-gateway-listener' and datname = current_database()`,
    );
    expect(killed.rowCount).toBe(2);
    await waitFor(() => !first.realtime.listener.listening, 'the drop to be noticed', 5_000);

    const expected = Array.from({ length: 50 }, (_, i) => `while down ${i + 1}`);
    for (const content of expected) await insertMessageWithSql(first.handle, GENERAL, demoUsers.alice, content);
    // All 50 were committed while the first instance was not listening.
    expect(first.realtime.listener.listening).toBe(false);

    for (const subscriber of subscribers) await subscriber.result(49);
    // A duplicate would arrive before a later event: one more, then compare everything.
    await insertMessageWithSql(first.handle, GENERAL, demoUsers.alice, 'after the reconnect');
    for (const subscriber of subscribers) {
      await subscriber.result(50);
      expect(contents(subscriber)).toEqual([...expected, 'after the reconnect']);
      expect(errors(subscriber)).toEqual([]);
    }
    expect(first.realtime.stats()).toMatchObject({ listening: true, reconnects: 1 });
    expect(second.realtime.stats()).toMatchObject({ listening: true, reconnects: 1 });
    subscribers.forEach((subscriber) => subscriber.close());
  });

  it('never skips a position that commits after a higher one, and resumes across instances', async () => {
    const live = await second.subscribe('distinct', 'bob', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC);
    const early = await first.handle.pool!.connect();
    const late = await first.handle.pool!.connect();
    try {
      // `early` takes the lower position, `late` the higher one and commits first.
      await early.query('begin');
      await early.query(`insert into chat.messages (channel_id, author_id, content) values ($1, $2, 'lower position, committed last')`, [GENERAL, demoUsers.alice]);
      await late.query(`insert into chat.messages (channel_id, author_id, content) values ($1, $2, 'higher position, committed first')`, [GENERAL, demoUsers.alice]);
      await early.query('commit');
    } finally {
      early.release();
      late.release();
    }
    await live.result(1);
    await insertMessageWithSql(first.handle, GENERAL, demoUsers.alice, 'the end');
    await live.result(2);
    // Delivered in the log's reading order (the older transaction first), each once.
    expect(contents(live)).toEqual(['lower position, committed last', 'higher position, committed first', 'the end']);
    const [lower, higher] = live.results.map((result) => BigInt(result.data!.channelEvents.cursor));
    expect(lower! < higher!).toBe(true);

    // A client that saw the first event on one instance resumes on the other with exactly the rest.
    const resumed = await first.subscribe('single', 'bob', QUERY, { channel: channelGid(CHANNEL.general), after: live.results[0]!.data!.channelEvents.cursor }, TOPIC);
    await resumed.result(1);
    await insertMessageWithSql(first.handle, GENERAL, demoUsers.alice, 'live after the resume');
    await resumed.result(2);
    expect(contents(resumed)).toEqual(['higher position, committed first', 'the end', 'live after the resume']);
    live.close();
    resumed.close();
  });

  it('after pg_terminate_backend on every connection of the gateways (pools and LISTEN), subscribers get the next events without errors', async () => {
    const subscriber = await second.subscribe('distinct', 'bob', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC);
    await insertMessageWithSql(first.handle, GENERAL, demoUsers.alice, 'before the kill');
    await subscriber.result(0);
    // Every connection of both instances but the one asking (the pools reconnect on demand).
    const killed = await first.handle.pool!.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name like 'pg-graphql-gateway%' and pid <> pg_backend_pid()`,
    );
    expect(killed.rowCount).toBeGreaterThan(0);
    const expected = Array.from({ length: 5 }, (_, i) => `after the kill ${i + 1}`);
    for (const content of expected) await insertMessageWithSql(first.handle, GENERAL, demoUsers.alice, content);
    await subscriber.result(5);
    expect(contents(subscriber)).toEqual(['before the kill', ...expected]);
    expect(errors(subscriber)).toEqual([]);
    subscriber.close();
  });

  it('delivers an event held back by an older transaction that writes no event, once that one ends (no notification comes then)', async () => {
    // The second instance: it has long caught up with the events of the tests before.
    await waitFor(() => second.realtime.listener.listening, 'the second instance to listen');
    const subscriber = await second.subscribe('distinct', 'bob', QUERY, { channel: channelGid(CHANNEL.general) }, TOPIC);
    const older = await first.handle.pool!.connect();
    try {
      // An older transaction id, from a write that publishes nothing.
      await older.query('begin');
      await older.query(`update chat.channel_sections set name = name where id = (select id from chat.channel_sections limit 1)`);
      await insertMessageWithSql(first.handle, GENERAL, demoUsers.alice, 'behind an older transaction');
      // Committed, but not final while the older transaction may still write a row that sorts before it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await waitFor(() => second.realtime.hub.stats().pending === 0, 'a quiet hub');
      expect(subscriber.results).toEqual([]);
      await older.query('commit');
    } finally {
      older.release();
    }
    expect((await subscriber.result(0)).data!.channelEvents.message.content).toBe('behind an older transaction');
    subscriber.close();
  });
});
