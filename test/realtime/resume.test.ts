import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../../src/realtime/index.js';
import { trimEventLog } from '../../src/realtime/retention.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { Subscriber, globalId, insertMessageWithSql, useLiveGateway, waitFor, type LiveGateway } from './harness.js';

/**
 * Resuming a subscription from an event's cursor: with the `after` argument, and with the
 * `Last-Event-ID` an SSE client sends back. What is replayed is what the viewer may see now; past
 * the replay limit or the log's retention the subscription is refused with EVENTS_EXPIRED.
 */

const getGateway = useLiveGateway();
let gateway: LiveGateway;
beforeAll(() => {
  gateway = getGateway();
});

const CHANNEL_EVENTS = `subscription ($channel: ID!, $after: String) {
  channelEvents(channel: $channel, after: $after) { kind cursor message { content } }
}`;
const ORGANIZATION_EVENTS = `subscription ($organization: ID!, $after: String) {
  organizationEvents(organization: $organization, after: $after) { kind cursor channel { name } }
}`;
const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }';
const acme = demoId(20, 1);
const design = channelId(CHANNEL.design);

const contents = (subscriber: Subscriber) => subscriber.results.map((result) => result.data?.channelEvents?.message?.content);
const errorCode = (subscriber: Subscriber) => subscriber.results[0]?.errors?.[0]?.extensions?.code;

/** Makes carol a member of private #design again (idempotent). */
const carolInDesign = () =>
  gateway.handle.exec(`insert into chat.channel_members (channel_id, user_id)
    select '${design}', '${demoUsers.carol}' where not exists (select 1 from chat.channel_members
      where channel_id = '${design}' and user_id = '${demoUsers.carol}' and deleted_at is null)`);
const removeCarolFromDesign = () =>
  gateway.handle.exec(`update chat.channel_members set deleted_at = now() where channel_id = '${design}' and user_id = '${demoUsers.carol}' and deleted_at is null`);

/** Opens a subscription (resuming or not) and waits for its first result or for the server to hold it. */
async function open(user: DemoUser, query: string, variables: Record<string, unknown>, topic: string): Promise<Subscriber> {
  return gateway.subscribe('distinct', user, query, variables, topic);
}

/** Waits until nothing is being judged, then one more event proves nothing else was on its way. */
async function settle(): Promise<void> {
  await waitFor(() => gateway.realtime.hub.stats().pending === 0, 'the events to be judged');
}

describe('resuming with `after`', () => {
  it('replays exactly what was missed and may be seen, then goes live; a removed member gets nothing of the private channel', async () => {
    await carolInDesign();
    const topic = topics.channel(design);
    const dave = await open('dave', CHANNEL_EVENTS, { channel: channelGid(CHANNEL.design) }, topic);
    await insertMessageWithSql(gateway.handle, design, demoUsers.alice, 'seen live');
    const cursor = (await dave.result(0)).data!.channelEvents.cursor as string;
    expect(cursor).toMatch(/^\d+$/);
    dave.close();

    // While nobody listens: two messages, carol is removed from #design, one more.
    await insertMessageWithSql(gateway.handle, design, demoUsers.alice, 'missed 1');
    await insertMessageWithSql(gateway.handle, design, demoUsers.alice, 'missed 2');
    await removeCarolFromDesign();
    await insertMessageWithSql(gateway.handle, design, demoUsers.alice, 'missed 3');

    const resumed = await open('dave', CHANNEL_EVENTS, { channel: channelGid(CHANNEL.design), after: cursor }, topic);
    await resumed.result(2);
    await insertMessageWithSql(gateway.handle, design, demoUsers.alice, 'live again');
    await resumed.result(3);
    await settle();
    expect(contents(resumed)).toEqual(['missed 1', 'missed 2', 'missed 3', 'live again']);
    // Cursors grow along the stream and the first one replayed is after the one resumed from.
    const cursors = resumed.results.map((result) => BigInt(result.data!.channelEvents.cursor));
    expect(cursors[0]! > BigInt(cursor)).toBe(true);
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    resumed.close();

    // carol may no longer see #design: the resumed subscription is refused, nothing replayed.
    const carol = new Subscriber(gateway.client('distinct', await gateway.headersFor('carol')), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.design), after: cursor });
    await carol.result(0);
    expect(errorCode(carol)).toBe('NOT_FOUND');
    expect(JSON.stringify(carol.results)).not.toContain('missed');
    carol.close();
  });

  it('skips, in a replay, the events of a private channel the viewer was removed from in between', async () => {
    await carolInDesign();
    const topic = topics.organization(acme);
    const variables = { organization: globalId('Organization', acme) };
    const alice = await gateway.headersFor('alice');
    const carol = await open('carol', ORGANIZATION_EVENTS, variables, topic);
    await gateway.handle.exec(`update chat.channels set topic = 'first topic' where id = '${design}'`);
    const first = (await carol.result(0)).data!.organizationEvents;
    expect(first).toMatchObject({ kind: 'CHANNEL_UPDATED', channel: { name: 'design' } });
    carol.close();

    // While carol is away: #design changes (she may still see it then), she is removed, then a public channel appears.
    await gateway.handle.exec(`update chat.channels set topic = 'second topic' where id = '${design}'`);
    await removeCarolFromDesign();
    const created = await gateway.execute(
      'mutation ($input: CreateChannelInput!) { createChannel(input: $input) { __typename } }',
      { input: { organizationId: variables.organization, name: 'resume-public' } },
      alice,
    );
    expect(created.data?.createChannel.__typename).toBe('ChannelPayload');

    const resumed = await open('carol', ORGANIZATION_EVENTS, { ...variables, after: first.cursor }, topic);
    await resumed.result(0);
    await settle();
    expect(resumed.results.map((result) => result.data?.organizationEvents)).toEqual([
      { kind: 'CHANNEL_CREATED', cursor: expect.any(String), channel: { name: 'resume-public' } },
    ]);
    resumed.close();
  });
});

describe('resuming an SSE stream with Last-Event-ID', () => {
  /** Reads `count` events of an SSE response: their ids and data. */
  async function readEvents(response: Response, count: number): Promise<{ id: string | undefined; data: any }[]> {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const events: { id: string | undefined; data: any }[] = [];
    while (events.length < count) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
      let end: number;
      while ((end = text.indexOf('\n\n')) !== -1) {
        const frame = text.slice(0, end);
        text = text.slice(end + 2);
        const fields = Object.fromEntries(frame.split('\n').filter((line) => !line.startsWith(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
        if (fields.event === 'next') events.push({ id: fields.id, data: JSON.parse(fields.data!) });
      }
    }
    await reader.cancel();
    return events;
  }

  const stream = async (headers: Record<string, string>) =>
    fetch(`${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(await gateway.headersFor('bob')), ...headers },
      body: JSON.stringify({ query: CHANNEL_EVENTS, variables: { channel: channelGid(CHANNEL.random) } }),
    });

  it('sends each event with its cursor as `id:`, and a reconnect with Last-Event-ID gets what it missed', async () => {
    const topic = topics.channel(channelId(CHANNEL.random));
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'a quiet topic');
    const first = await stream({});
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 1, 'the stream to start');
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.dave, 'before the drop');
    const [seen] = await readEvents(first, 1);
    expect(seen!.id).toBe(seen!.data.data.channelEvents.cursor);
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'the stream to be released');

    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.dave, 'during the drop 1');
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.dave, 'during the drop 2');
    const again = await stream({ 'last-event-id': seen!.id! });
    const missed = await readEvents(again, 2);
    expect(missed.map((event) => event.data.data.channelEvents.message.content)).toEqual(['during the drop 1', 'during the drop 2']);
    expect(missed.map((event) => event.id)).toEqual(missed.map((event) => event.data.data.channelEvents.cursor));
  });

  it('refuses a malformed Last-Event-ID with BAD_USER_INPUT', async () => {
    const response = await stream({ 'last-event-id': 'not-a-cursor' });
    const text = await response.text();
    expect(text).toContain('BAD_USER_INPUT');
  });
});

describe('EVENTS_EXPIRED', () => {
  it('refuses a resume that missed more events of its topic than the replay limit, and replays up to the limit', async () => {
    const REPLAY_LIMIT = 20; // 1,000 by default; smaller here so the test stays fast
    gateway.realtime.hub.replayLimit = REPLAY_LIMIT;
    const topic = topics.user(demoUsers.dave);
    const dave = await open('dave', 'subscription ($after: String) { notificationEvents(after: $after) { kind cursor } }', {}, topic);
    await gateway.handle.exec(`insert into platform.notifications (user_id, type, title) values ('${demoUsers.dave}', 'mention', '{"en": "first"}')`);
    const cursor = (await dave.result(0)).data!.notificationEvents.cursor as string;
    dave.close();
    await gateway.handle.exec(`insert into platform.notifications (user_id, type, title)
      select '${demoUsers.dave}', 'mention', '{"en": "many"}' from generate_series(1, ${REPLAY_LIMIT + 1})`);
    const resumed = new Subscriber(gateway.client('distinct', await gateway.headersFor('dave')), 'subscription ($after: String) { notificationEvents(after: $after) { kind } }', { after: cursor });
    await resumed.result(0);
    expect(errorCode(resumed)).toBe('EVENTS_EXPIRED');
    resumed.close();

    // Exactly the limit is still replayed: resume after the first of the many.
    const found = await gateway.handle.db.execute<{ position: string }>(sql`select position::text from platform.event_log where topic = ${topic} and position > ${cursor}::bigint order by xid, position limit 1`);
    const { position } = ((found as unknown as { rows?: { position: string }[] }).rows ?? (found as unknown as { position: string }[]))[0]!;
    const withinLimit = await open('dave', 'subscription ($after: String) { notificationEvents(after: $after) { kind } }', { after: position }, topic);
    await withinLimit.result(REPLAY_LIMIT - 1);
    await settle();
    expect(withinLimit.results).toHaveLength(REPLAY_LIMIT);
    expect(withinLimit.results.every((result) => result.data?.notificationEvents.kind === 'CREATED')).toBe(true);
    withinLimit.close();
    gateway.realtime.hub.replayLimit = 1_000;
  });

  it('refuses a cursor the log no longer keeps (trimmed by count, or by age)', async () => {
    const topic = topics.channel(channelId(CHANNEL.general));
    const bob = await open('bob', CHANNEL_EVENTS, { channel: channelGid(CHANNEL.general) }, topic);
    await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.general), content: 'soon trimmed' } }, await gateway.headersFor('alice'));
    const cursor = (await bob.result(0)).data!.channelEvents.cursor as string;
    bob.close();
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.general), demoUsers.alice, 'kept');

    // By count: only the newest row stays.
    expect(await trimEventLog(gateway.handle, { maxAgeHours: 24, maxRows: 1 })).toBeGreaterThan(0);
    const refused = new Subscriber(gateway.client('distinct', await gateway.headersFor('bob')), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.general), after: cursor });
    await refused.result(0);
    expect(errorCode(refused)).toBe('EVENTS_EXPIRED');
    refused.close();

    // By age: the last row, made old, goes too.
    await gateway.handle.exec(`update platform.event_log set created_at = now() - interval '2 hours'`);
    expect(await trimEventLog(gateway.handle, { maxAgeHours: 1, maxRows: 1_000 })).toBe(1);
  });
});
