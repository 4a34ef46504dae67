import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits/limits.js';
import type { GraphQLResponse } from '../gateway.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import {
  ALICE_CAROL,
  DESIGN,
  GENERAL,
  channelGid,
  channelMutationSuite,
  gid,
  messageGid,
  rows,
  runMutation,
  userGid,
  type Actor,
} from '../mutations/channel-helpers.js';

// Channel and ChannelMember reads (See(c)) through the GraphQL API, and the acceptance test of the
// access-control issue: a private channel (and a direct channel) is unreachable, by any path, to an
// organization admin who is not a member of it. The writes: channel-writes.test.ts.

// Two reads below walk every path to a channel at once (cost ~21,400 and ~27,000), above the default budget.
const suite = channelMutationSuite({ limits: { ...DEFAULT_LIMITS, cost: 30_000 } });

const query = async (actor: Actor, text: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> =>
  suite.gateway.execute(text, variables, await suite.as(actor));

// Seeded channels 30…NN and their channel_members rows 31…NN (seeds/channels.sql, bots.sql).
const SEEDED_CHANNELS = [1, 2, 3, 4, 5, 11, 12, 13, 14];
const MEMBERS_OF: Record<number, number[]> = {
  1: [1, 2, 3, 4, 40],
  2: [5, 6, 7],
  3: [8, 9, 10],
  4: [11, 12],
  5: [13, 14, 15],
  11: [21, 22, 23, 24],
  12: [25, 26, 27],
  13: [28, 29],
  14: [30, 31],
};
const SEES: [Actor, number[]][] = [
  ['anonymous', []],
  ['gina', []], // in no organization
  ['admin', []], // a platform administrator is no organization member
  ['alice', [1, 2, 3, 4, 5]], // acme owner, in #design and the direct channel
  ['bob', [1, 2, 5]], // acme admin: not #design, not alice-carol
  ['dave', [1, 2, 3, 5]],
  ['carol', [1, 2, 3, 4, 5, 11, 12, 14]], // in both organizations
  ['istvan', [11, 13, 14]], // globex admin: not #penzugy
  ['hanna', [11, 12, 13, 14]],
  ['bot', [1, 2, 5]],
];
const channelId = (n: number) => demoId(30, n);
const memberGid = (n: number) => gid('ChannelMember', demoId(31, n));
const nodeIds = (data: ({ id: string } | null)[] | undefined): string[] => (data ?? []).filter(Boolean).map((node) => node!.id);

describe('Channel read: See(c)', () => {
  it.each(SEES)('%s sees %j in the root list, by channel(id) and by node(id)', async (actor, visible) => {
    const expected = visible.map((n) => channelGid(channelId(n))).sort();
    const list = await query(actor, '{ channels(first: 100) { totalCount nodes { id } } }');
    expect(nodeIds(list.data.channels.nodes).sort()).toEqual(expected);
    expect(list.data.channels.totalCount).toBe(expected.length);
    const singles = SEEDED_CHANNELS.map((n) => `c${n}: channel(id: "${channelGid(channelId(n))}") { id }`).join(' ');
    const single = await query(actor, `{ ${singles} }`);
    expect(nodeIds(Object.values(single.data)).sort()).toEqual(expected);
    const nodes = await query(actor, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: SEEDED_CHANNELS.map((n) => channelGid(channelId(n))) });
    expect(nodeIds(nodes.data.nodes).sort()).toEqual(expected);
  });
});

describe('ChannelMember read: with the channel', () => {
  it.each(SEES)('%s sees the members of %j only', async (actor, visible) => {
    const allMembers = Object.values(MEMBERS_OF).flat();
    const expected = visible.flatMap((n) => MEMBERS_OF[n]!).map(memberGid).sort();
    const nodes = await query(actor, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: allMembers.map(memberGid) });
    expect(nodeIds(nodes.data.nodes).sort()).toEqual(expected);
    const listed = await query(actor, '{ channels(first: 100) { nodes { memberCount members(first: 100) { totalCount nodes { id } } } } }');
    const fromLists = (listed.data.channels.nodes as { memberCount: number; members: { totalCount: number; nodes: { id: string }[] } }[]).flatMap(
      (node) => {
        expect(node.members.totalCount).toBe(node.members.nodes.length);
        expect(node.memberCount).toBe(node.members.nodes.length);
        return node.members.nodes.map((member) => member.id);
      },
    );
    expect(fromLists.sort()).toEqual(expected);
  });
});

/** What must never reach bob about a channel: its ids, its messages' ids and text, its members, its files. */
interface Hidden {
  label: string;
  channel: string;
  name: string;
  messages: number[];
  members: number[];
  file: string;
  fileName: string;
  memberUser: DemoUser;
}
const TARGETS: Hidden[] = [
  { label: 'private #design', channel: DESIGN, name: 'design', messages: [30, 31, 32, 33, 34], members: [8, 9, 10], file: demoId(70, 3), fileName: 'logo-v2.svg', memberUser: 'carol' },
  { label: 'direct alice–carol', channel: ALICE_CAROL, name: 'alice-carol', messages: [40, 41, 42, 43], members: [11, 12], file: demoId(70, 4), fileName: 'contract-draft.docx', memberUser: 'carol' },
];

describe.each(TARGETS)("$label is unreachable to bob (acme admin, not a member), by any path", (target) => {
  // Rows that point into the hidden channel from where bob can look: made per target.
  const crossing = { threadId: randomUUID(), threadMessage: randomUUID(), replyInto: randomUUID(), replyFrom: randomUUID(), threadPointer: randomUUID() };
  let secrets: string[] = [];

  beforeAll(async () => {
    const contents = await rows<{ content: string }>(suite.gateway, `select content from chat.messages where channel_id = '${target.channel}'`);
    const first = target.messages[0]!;
    await suite.gateway.handle.exec(`
      insert into chat.channels (id, organization_id, type, name, parent_channel_id) values
        ('${crossing.threadId}', '${demoId(20, 1)}', 'thread', 'Hidden thread ${target.name}', '${target.channel}');
      insert into chat.messages (id, channel_id, author_id, content, reply_to_message_id, thread_channel_id) values
        ('${crossing.threadMessage}', '${crossing.threadId}', '${demoUsers.carol}', 'Secret thread reply ${target.name}', null, null),
        ('${crossing.replyInto}', '${GENERAL}', '${demoUsers.carol}', 'A public reply into ${target.name}', '${demoId(40, first)}', null),
        ('${crossing.replyFrom}', '${target.channel}', '${demoUsers.carol}', 'Secret reply to general ${target.name}', '${demoId(40, 1)}', null),
        ('${crossing.threadPointer}', '${GENERAL}', '${demoUsers.carol}', 'Points at the hidden thread ${target.name}', null, '${crossing.threadId}');
      update chat.channel_members set last_read_message_id = '${demoId(40, first)}' where id = '${demoId(31, 1)}';`);
    secrets = [
      target.channel,
      channelGid(target.channel),
      crossing.threadId,
      channelGid(crossing.threadId),
      crossing.threadMessage,
      crossing.replyFrom,
      gid('Message', crossing.threadMessage),
      gid('Message', crossing.replyFrom),
      ...target.messages.flatMap((n) => [demoId(40, n), messageGid(n)]),
      ...target.members.flatMap((n) => [demoId(31, n), memberGid(n)]),
      target.file,
      gid('File', target.file),
      target.fileName,
      `"${target.name}"`,
      'Secret',
      'Hidden thread',
      ...contents.map((row) => row.content),
    ];
  });

  const expectNoSecret = (response: GraphQLResponse) => {
    const text = JSON.stringify(response);
    for (const secret of secrets) expect(text, `leaks ${secret}`).not.toContain(secret);
  };
  const bob = async (text: string, variables?: Record<string, unknown>) => {
    const response = await query('bob', text, variables);
    expect(response.errors ?? []).toEqual([]);
    expectNoSecret(response);
    return response.data;
  };

  it('root channels: absent from the list, its filters, its aliases and its totalCounts', async () => {
    const data = await bob(`{
      all: channels(first: 100) { totalCount nodes { id name } }
      private: channels(type: PRIVATE) { totalCount nodes { id } }
      direct: channels(type: DIRECT) { totalCount nodes { id } }
      threads: channels(type: THREAD) { totalCount nodes { id name } }
      named: channels(nameContains: "${target.name}") { totalCount nodes { id } }
    }`);
    expect(data.all.totalCount).toBe(data.all.nodes.length);
    expect([data.private.totalCount, data.direct.totalCount, data.named.totalCount]).toEqual([0, 0, 0]);
    expect(data.threads.totalCount).toBe(data.threads.nodes.length);
  });

  it('organization.channels (with and without filters), channelCount and sections', async () => {
    const data = await bob(`{ organization(slug: "acme") {
      channelCount
      all: channels(first: 100) { totalCount nodes { id threads { totalCount nodes { id } } } }
      private: channels(type: PRIVATE) { totalCount nodes { id } }
      direct: channels(type: DIRECT) { totalCount }
      named: channels(nameContains: "${target.name}") { totalCount nodes { id } }
      projects: channels(section: "${gid('ChannelSection', demoId(22, 2))}") { totalCount nodes { id } }
      sections { channels { totalCount nodes { id } } }
    } }`);
    const organization = data.organization;
    expect(organization.channelCount).toBe(organization.all.nodes.length);
    expect(organization.all.totalCount).toBe(organization.all.nodes.length);
    expect([organization.private.totalCount, organization.direct.totalCount, organization.named.totalCount, organization.projects.totalCount]).toEqual([
      0, 0, 0, 0,
    ]);
  });

  it('channel(id), node(id) and nodes(ids) of the channel, its thread, messages, members and file are null', async () => {
    const ids = [
      channelGid(target.channel),
      channelGid(crossing.threadId),
      gid('Message', crossing.threadMessage),
      gid('Message', crossing.replyFrom),
      ...target.messages.map(messageGid),
      ...target.members.map(memberGid),
      gid('File', target.file),
    ];
    const data = await bob(
      `query ($id: ID!, $thread: ID!, $ids: [ID!]!) {
        open: channel(id: "${channelGid(GENERAL)}") { id }
        hidden: channel(id: $id) { id name }
        hiddenThread: channel(id: $thread) { id name }
        node(id: $id) { id }
        nodes(ids: $ids) { id }
      }`,
      { id: channelGid(target.channel), thread: channelGid(crossing.threadId), ids },
    );
    expect(data).toEqual({ open: { id: channelGid(GENERAL) }, hidden: null, hiddenThread: null, node: null, nodes: ids.map(() => null) });
  });

  it('messages(channel:) of the channel and of its thread are empty, with aliases and filters', async () => {
    const data = await bob(
      `query ($id: ID!, $thread: ID!) {
        a: messages(channel: $id) { totalCount nodes { id } }
        b: messages(channel: $id, contains: "e", order: ASC) { totalCount nodes { id } }
        c: messages(channel: $id, author: "${userGid('carol')}") { totalCount }
        d: messages(channel: $thread) { totalCount nodes { id } }
        open: messages(channel: "${channelGid(GENERAL)}", first: 100) { totalCount nodes { id } }
      }`,
      { id: channelGid(target.channel), thread: channelGid(crossing.threadId) },
    );
    expect([data.a.totalCount, data.b.totalCount, data.c.totalCount, data.d.totalCount]).toEqual([0, 0, 0, 0]);
    expect(data.open.totalCount).toBe(data.open.nodes.length);
  });

  it(`user.messages and user.channelMemberships of a member of it`, async () => {
    const data = await bob(
      `query ($user: ID!) { user(id: $user) {
        messages(first: 100) { totalCount nodes { id content } }
        channelMemberships(first: 100) { totalCount nodes { id channel { id } } }
      } }`,
      { user: userGid(target.memberUser) },
    );
    expect(data.user.messages.totalCount).toBe(data.user.messages.nodes.length);
    expect(data.user.channelMemberships.totalCount).toBe(data.user.channelMemberships.nodes.length);
  });

  it('replyTo, replies, thread and lastReadMessage pointing into it are null or absent', async () => {
    const data = await bob(`{ channel(id: "${channelGid(GENERAL)}") {
      messages(first: 100) { totalCount nodes { id replyTo { id content } replies(first: 100) { totalCount nodes { id } } thread { id } files { totalCount nodes { id } } } }
      members(first: 100) { nodes { id lastReadMessage { id content } } }
    } }`);
    const messages = data.channel.messages.nodes as { id: string; replyTo: unknown; replies: { totalCount: number; nodes: unknown[] }; thread: unknown }[];
    expect(messages.find((node) => node.id === gid('Message', crossing.replyInto))).toMatchObject({ replyTo: null });
    expect(messages.find((node) => node.id === gid('Message', crossing.threadPointer))).toMatchObject({ thread: null });
    for (const node of messages) expect(node.replies.totalCount).toBe(node.replies.nodes.length);
    const alice = (data.channel.members.nodes as { id: string; lastReadMessage: unknown }[]).find((node) => node.id === memberGid(1));
    expect(alice).toEqual({ id: memberGid(1), lastReadMessage: null });
  });

  it('channel and membership mutations on it answer NotFoundError, never its data, and change nothing', async () => {
    const before = await rows(suite.gateway, `select * from chat.channel_members where channel_id = '${target.channel}' order by id`);
    const channel = channelGid(target.channel);
    const attempts: [string, Record<string, unknown>][] = [
      ['joinChannel', { channelId: channel }],
      ['leaveChannel', { channelId: channel }],
      ['updateChannelPreferences', { channelId: channel, isFavorite: true }],
      ['addChannelMember', { channelId: channel, userId: userGid('bob') }],
      ['removeChannelMember', { channelId: channel, userId: userGid(target.memberUser) }],
      ['updateChannel', { id: channel, topic: 'Taken over' }],
      ['deleteChannel', { id: channel }],
      ['createThread', { messageId: messageGid(target.messages[0]!) }],
      ['joinChannel', { channelId: channelGid(crossing.threadId) }],
    ];
    for (const [mutation, input] of attempts) {
      const outcome = await runMutation(suite.gateway, await suite.as('bob'), mutation, input);
      expect(outcome.result?.__typename, mutation).toBe('NotFoundError');
      expectNoSecret(JSON.parse(outcome.text) as GraphQLResponse);
    }
    expect(await rows(suite.gateway, `select * from chat.channel_members where channel_id = '${target.channel}' order by id`)).toEqual(before);
  });

  it("the message and file mutations on its messages answer NOT_FOUND, never its data", async () => {
    const message = messageGid(target.messages[0]!);
    const attempts: [string, string, Record<string, unknown>][] = [
      ['sendMessage', 'SendMessageInput', { channelId: channelGid(target.channel), content: 'Hello?' }],
      ['editMessage', 'EditMessageInput', { id: message, content: 'Edited' }],
      ['deleteMessage', 'MessageIdInput', { id: message }],
      ['pinMessage', 'MessageIdInput', { id: message }],
      ['addReaction', 'ReactionInput', { messageId: message, emoji: '👍' }],
      ['deleteFile', 'FileInput', { id: gid('File', target.file) }],
    ];
    for (const [mutation, inputType, input] of attempts) {
      const response = await query('bob', `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { __typename ... on Error { message } } }`, {
        input,
      });
      const code = response.data?.[mutation]?.__typename ?? response.errors?.[0]?.extensions?.code;
      expect(['NotFoundError', 'NOT_FOUND'], `${mutation}: ${JSON.stringify(response)}`).toContain(code);
      expectNoSecret(response);
    }
  });
});
