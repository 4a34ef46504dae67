import { beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../../src/realtime/index.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { MODES, Subscriber, globalId, insertMessageWithSql, useLiveGateway, waitFor, type LiveGateway, type Mode } from './harness.js';

/**
 * Subscriptions end to end, on a real HTTP server on loopback, with the graphql-sse client in both
 * modes: distinct connections (yoga's SSE on /graphql) and single connection (/graphql/stream).
 */

const CHANNEL_EVENTS = `subscription ($channel: ID!) {
  channelEvents(channel: $channel) { kind messageId message { id content isDeleted author { displayName } } reaction { emoji user { displayName } } }
}`;

const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename ... on MessagePayload { chatMessage { id } } } }`;
const DELETE = `mutation ($input: MessageIdInput!) { deleteMessage(input: $input) { __typename } }`;
const REMOVE_MEMBER = `mutation ($input: RemoveChannelMemberInput!) { removeChannelMember(input: $input) { __typename } }`;

const acme = demoId(20, 1);
const getGateway = useLiveGateway();
let gateway: LiveGateway;
beforeAll(() => {
  gateway = getGateway();
});

const subscribe = (mode: Mode, user: DemoUser, query: string, variables: Record<string, unknown>, topic: string) =>
  gateway.subscribe(mode, user, query, variables, topic);
const insertWithSql = (channel: string, author: string, content: string) => insertMessageWithSql(gateway.handle, channel, author, content);

describe.each(MODES)('channel events over graphql-sse (%s mode)', (mode) => {
  it('delivers a message sent through the API', async () => {
    const bob = await subscribe(mode, 'bob', CHANNEL_EVENTS, { channel: channelGid(CHANNEL.general) }, topics.channel(channelId(CHANNEL.general)));
    const sent = await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.general), content: `hello from the API (${mode})` } }, await gateway.headersFor('alice'));
    expect(sent.data?.sendMessage.__typename).toBe('MessagePayload');
    const event = (await bob.result(0)).data!.channelEvents;
    expect(event).toMatchObject({ kind: 'MESSAGE_CREATED', message: { content: `hello from the API (${mode})`, author: { displayName: expect.any(String) } } });
    expect(event.messageId).toBe(sent.data!.sendMessage.chatMessage.id);
    bob.close();
  });

  it('delivers a row inserted with SQL', async () => {
    const dave = await subscribe(mode, 'dave', CHANNEL_EVENTS, { channel: channelGid(CHANNEL.random) }, topics.channel(channelId(CHANNEL.random)));
    await insertWithSql(channelId(CHANNEL.random), demoUsers.carol, `written with psql (${mode})`);
    expect((await dave.result(0)).data!.channelEvents).toMatchObject({ kind: 'MESSAGE_CREATED', message: { content: `written with psql (${mode})` } });
    dave.close();
  });
});

describe.each(MODES)('authorization over graphql-sse (%s mode)', (mode) => {
  /** The first answer of a subscription that should be refused: its error code, or `HTTP <status>` when the request itself was refused. */
  async function refusal(headers: Record<string, string>, query: string, variables: Record<string, unknown>) {
    const subscriber = new Subscriber(gateway.client(mode, headers), query, variables);
    try {
      await waitFor(() => subscriber.results.length > 0 || subscriber.error !== null, 'the first answer');
      const status = (subscriber.error as { response?: Response } | null)?.response?.status;
      if (status !== undefined) return `HTTP ${status}`;
      const result = await subscriber.result(0);
      return result.errors?.[0]?.extensions?.code;
    } finally {
      subscriber.close();
    }
  }

  it('refuses an anonymous subscriber, a bad token, and a channel the viewer may not see', async () => {
    await waitFor(() => gateway.realtime.hub.stats().subscriptions === 0, 'earlier subscriptions to end');
    const variables = { channel: channelGid(CHANNEL.design) };
    expect(await refusal({}, CHANNEL_EVENTS, variables)).toBe('UNAUTHENTICATED');
    // Refused credentials: HTTP 401 for the request of a distinct connection; on a single connection's stream, the operation's error.
    expect(await refusal({ authorization: 'Bearer gw_s_not-a-token' }, CHANNEL_EVENTS, variables)).toBe(mode === 'distinct' ? 'HTTP 401' : 'UNAUTHENTICATED');
    // bob administers acme but is not in private #design: it does not exist for him.
    expect(await refusal(await gateway.headersFor('bob'), CHANNEL_EVENTS, variables)).toBe('NOT_FOUND');
    // gina sees the public organization acme but is no member of it.
    const organizationEvents = 'subscription ($organization: ID!) { organizationEvents(organization: $organization) { kind } }';
    expect(await refusal(await gateway.headersFor('gina'), organizationEvents, { organization: globalId('Organization', acme) })).toBe('FORBIDDEN');
    expect(gateway.realtime.hub.stats().subscriptions).toBe(0);
  });

  it('stops delivering a private channel to a member removed from it', async () => {
    // Idempotent set-up: carol is a member of private #design whatever ran before.
    await gateway.handle.exec(`insert into chat.channel_members (channel_id, user_id)
      select '${channelId(CHANNEL.design)}', '${demoUsers.carol}' where not exists (select 1 from chat.channel_members
        where channel_id = '${channelId(CHANNEL.design)}' and user_id = '${demoUsers.carol}' and deleted_at is null)`);
    const topic = topics.channel(channelId(CHANNEL.design));
    const variables = { channel: channelGid(CHANNEL.design) };
    const carol = await subscribe(mode, 'carol', CHANNEL_EVENTS, variables, topic);
    const dave = await subscribe(mode, 'dave', CHANNEL_EVENTS, variables, topic);
    const alice = await gateway.headersFor('alice');

    await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.design), content: 'before the removal' } }, alice);
    expect((await carol.result(0)).data!.channelEvents.message.content).toBe('before the removal');

    const removed = await gateway.execute(REMOVE_MEMBER, { input: { channelId: channelGid(CHANNEL.design), userId: globalId('User', demoUsers.carol) } }, alice);
    expect(removed.data?.removeChannelMember.__typename, JSON.stringify(removed)).toBe("ChannelMemberPayload");
    await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.design), content: 'after the removal' } }, alice);
    await insertWithSql(channelId(CHANNEL.design), demoUsers.alice, 'after the removal, with SQL');

    expect((await dave.result(2)).data!.channelEvents.message.content).toBe('after the removal, with SQL');
    // Both subscriptions got the same events; carol's were judged and skipped by the time nothing is pending.
    await waitFor(() => gateway.realtime.hub.stats().pending === 0, 'the events to be judged');
    expect(carol.results).toHaveLength(1);
    expect(JSON.stringify(carol.results)).not.toContain('after the removal');
    carol.close();
    dave.close();
  });

  it('delivers a deleted message without its content', async () => {
    const topic = topics.channel(channelId(CHANNEL.general));
    const bob = await subscribe(mode, 'bob', CHANNEL_EVENTS, { channel: channelGid(CHANNEL.general) }, topic);
    const alice = await gateway.headersFor('alice');
    const secret = `soon to be deleted (${mode})`;
    const sent = await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.general), content: secret } }, alice);
    const id = sent.data!.sendMessage.chatMessage.id as string;
    await bob.result(0);
    const deleted = await gateway.execute(DELETE, { input: { id } }, alice);
    expect(deleted.data?.deleteMessage.__typename).toBe('MessagePayload');

    const event = (await bob.result(1)).data!.channelEvents;
    expect(event).toMatchObject({ kind: 'MESSAGE_DELETED', messageId: id, message: { id, content: null, isDeleted: true } });
    expect(JSON.stringify(bob.results[1])).not.toContain(secret);
    bob.close();
  });
});

describe.each(MODES)('credentials over a subscription (%s mode)', (mode) => {
  it('ends the subscription with UNAUTHENTICATED at the first event after its session was signed out', async () => {
    const topic = topics.channel(channelId(CHANNEL.random));
    const headers = await gateway.headersFor('bob');
    const before = gateway.realtime.hub.subscriptionCount(topic);
    const bob = new Subscriber(gateway.client(mode, headers), CHANNEL_EVENTS, { channel: channelGid(CHANNEL.random) });
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) > before, 'the subscription to start');
    await insertWithSql(channelId(CHANNEL.random), demoUsers.dave, `while signed in (${mode})`);
    expect((await bob.result(0)).data!.channelEvents.message.content).toBe(`while signed in (${mode})`);

    const signedOut = await gateway.execute('mutation { signOut { __typename } }', {}, headers);
    expect(signedOut.data?.signOut.__typename).toBe('SignOutPayload');
    await insertWithSql(channelId(CHANNEL.random), demoUsers.dave, `after signing out (${mode})`);
    const last = await bob.result(1);
    expect(last.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(last)).not.toContain('after signing out');
    await waitFor(() => bob.completed, 'the subscription to complete');
    expect(gateway.realtime.hub.subscriptionCount(topic)).toBe(before);
  });
});
