import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/sessions.js';
import { topics } from '../../src/realtime/index.js';
import { eventExecutions } from '../../src/realtime/shared-execution.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { openSeededDatabase, type StatementCounter } from '../gateway.js';
import { DEMO_BOT_TOKEN } from '../sign-in.js';
import { demoUsers } from '../policies.js';
import { Subscriber, insertMessageWithSql, startLiveGateway, waitFor, type LiveGateway } from './harness.js';

/**
 * Fan-out (issue 16): an event costs one statement per distinct selection and rule shape, not one
 * per subscriber, while each subscriber still gets what its own rules show it.
 */

// Two selections; the first reads the author's email, which only the author (and user admins) may read.
const WITH_EMAIL = `subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { id content author { displayName email } } } }`;
const WITH_COUNTS = `subscription ($channel: ID!) { channelEvents(channel: $channel) { kind messageId message { content isDeleted reactionCount } } }`;

const statements: StatementCounter = {
  count: 0,
  log: [],
  reset() {
    this.count = 0;
    this.log = [];
  },
};
let gateway: LiveGateway;
let drop: () => Promise<void>;
const extraMembers: string[] = [];

beforeAll(async () => {
  const database = await openSeededDatabase(statements);
  drop = database.drop;
  // The credential cache on, as in production: an event then costs no token lookup, only its own statements.
  gateway = await startLiveGateway(database.handle, { authCacheTtlMs: 60_000 });
  // 40 more people in acme, so the subscribers are distinct viewers (each judged and loaded as themselves).
  await gateway.handle.exec(`
    insert into auth.users (email, display_name) select 'fan-' || n || '@example.com', 'Fan ' || n from generate_series(1, 40) n;
    insert into chat.organization_members (organization_id, user_id)
      select '20000000-0000-4000-8000-000000000001', id from auth.users where email like 'fan-%@example.com';`);
  const rows = await gateway.handle.db.query.users.findMany({ columns: { id: true }, where: { email: { like: 'fan-%@example.com' } } });
  extraMembers.push(...rows.map((row) => row.id));
});
afterAll(async () => {
  await gateway?.close();
  await drop?.();
});

const general = { channel: channelGid(CHANNEL.general) };
const topic = topics.channel(channelId(CHANNEL.general));

/** Opens `count` subscribers on #general: people (alice first, then the extra members) and the bot, alternating two selections. */
async function openSubscribers(count: number, bots: number): Promise<Subscriber[]> {
  const people = [demoUsers.alice, demoUsers.dave, ...extraMembers];
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < count; i++) {
    const headers =
      i < bots
        ? { authorization: `Bearer ${DEMO_BOT_TOKEN}` }
        : { authorization: `Bearer ${(await createSession(gateway.handle.db, people[(i - bots) % people.length]!, { ip: null, userAgent: 'fan-out test' })).token}` };
    subscribers.push(new Subscriber(gateway.client('single', headers), i % 2 === 0 ? WITH_EMAIL : WITH_COUNTS, general));
  }
  await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === count, `${count} subscriptions to start`);
  return subscribers;
}

/** Statements the gateway runs for one message inserted with SQL, until every subscriber has received it. */
async function statementsForOneEvent(subscribers: Subscriber[], content: string): Promise<number> {
  const before = subscribers.map((subscriber) => subscriber.results.length);
  statements.reset();
  await insertMessageWithSql(gateway.handle, channelId(CHANNEL.general), demoUsers.alice, content);
  await waitFor(() => subscribers.every((subscriber, i) => subscriber.results.length > before[i]!), 'every subscriber to receive the event');
  return statements.count;
}

describe('fan-out of one event', () => {
  it('costs the same statements for 50 subscribers as for 10 (2 selections, people and a bot), and each sees its own rows', async () => {
    const few = await openSubscribers(10, 1);
    await statementsForOneEvent(few, 'warm-up'); // credentials cached, statements prepared
    const forFew = await statementsForOneEvent(few, 'to ten subscribers');
    few.forEach((subscriber) => subscriber.close());
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'the first subscribers to leave');

    const many = await openSubscribers(50, 2);
    await statementsForOneEvent(many, 'warm-up again');
    const executedBefore = eventExecutions.executed;
    const forMany = await statementsForOneEvent(many, 'to fifty subscribers');
    // The 48 people share two executions (one per selection) and whoever's rows differ runs alone (alice, who reads her
    // own email; the bots): src/realtime/shared-execution.ts. Each executing would be 50.
    expect(eventExecutions.executed - executedBefore).toBeLessThanOrEqual(8);
    // Per event: the event log's read, one rule check per rule shape (people, the bot) and one load per selection: 5.
    // A loaded machine may split an event's reads over two turns of the event loop (one statement more); one per subscriber would be 10 and 50.
    expect(forFew).toBeLessThanOrEqual(6);
    expect(forMany).toBeLessThanOrEqual(6);

    const last = many.map((subscriber) => subscriber.results.at(-1)!);
    for (const result of last) expect(result.data?.channelEvents.kind).toBe('MESSAGE_CREATED');
    // Subscriber 2 is alice (the author, who reads her own email), subscriber 4 another member (who may not).
    expect(last[2]!.data!.channelEvents.message).toMatchObject({ content: 'to fifty subscribers', author: { email: 'alice@example.com' } });
    expect(last[4]!.data!.channelEvents.message.author.email).toBeNull();
    expect(last[4]!.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(last[3]!.data!.channelEvents.message).toEqual({ content: 'to fifty subscribers', isDeleted: false, reactionCount: 0 });
    // Shared or not, every subscriber got its own answer: the email only where alice herself subscribed (2 and 44).
    const people = [demoUsers.alice, demoUsers.dave, ...extraMembers];
    last.forEach((result, i) => {
      if (i % 2 !== 0) return;
      const isAlice = i >= 2 && people[(i - 2) % people.length] === demoUsers.alice;
      expect([i, result.data!.channelEvents.message.author.email]).toEqual([i, isAlice ? 'alice@example.com' : null]);
    });
    many.forEach((subscriber) => subscriber.close());
  });
});
