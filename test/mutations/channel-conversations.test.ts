import { describe, expect, it } from 'vitest';
import { demoUsers } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  ACME,
  ALICE_CAROL,
  GENERAL,
  GLOBEX,
  Q1_THREAD,
  UNKNOWN,
  channelGid,
  channelMutationSuite,
  fieldPaths,
  gid,
  liveMemberNames,
  message,
  messageGid,
  orgGid,
  rows,
  typename,
  userGid,
  type Actor,
} from './channel-helpers.js';

// createDirectChannel and createThread: happy path, reuse of an existing conversation, validation,
// forbidden actor, missing target, concurrency. Other channel mutations: channels.test.ts.

const suite = channelMutationSuite();


describe('createDirectChannel', () => {
  const direct = (actor: Actor, participants: string[], organizationId = ACME) =>
    suite.run(actor, 'createDirectChannel', { organizationId: orgGid(organizationId), participantIds: participants });
  const channelIdOf = (outcome: { result: { channel: { id: string } } }) => Buffer.from(outcome.result.channel.id, 'base64').toString().split(':')[1]!;

  it('opens a direct channel whose members are exactly the participants and the creator', async () => {
    const outcome = await direct('bob', [userGid('dave'), userGid('bob')]);
    expect(outcome.result).toMatchObject({ __typename: 'ChannelPayload', channel: { type: 'DIRECT', name: 'bob-dave' } });
    expect(await liveMemberNames(suite.gateway, channelIdOf(outcome))).toEqual(['bob', 'dave']);
  });

  it('returns the existing direct channel of the same people instead of a second one', async () => {
    expect(channelIdOf(await direct('alice', [userGid('carol')]))).toBe(ALICE_CAROL);
    expect(channelIdOf(await direct('carol', [userGid('alice')]))).toBe(ALICE_CAROL);
    // A different set of people is a different conversation.
    const group = await direct('alice', [userGid('carol'), userGid('dave')]);
    expect(channelIdOf(group)).not.toBe(ALICE_CAROL);
    expect(await liveMemberNames(suite.gateway, channelIdOf(group))).toEqual(['alice', 'carol', 'dave']);
  });

  it('two people opening the same conversation at once get one channel', async () => {
    const [first, second] = await Promise.all([direct('dave', [userGid('carol')]), direct('carol', [userGid('dave')])]);
    expect(channelIdOf(first)).toBe(channelIdOf(second));
    const found = await rows(
      suite.gateway,
      `select c.id from chat.channels c where c.type = 'direct' and c.deleted_at is null
         and (select array_agg(user_id order by user_id) from chat.channel_members m where m.channel_id = c.id and m.deleted_at is null)
           = (select array_agg(u order by u) from unnest(array['${demoUsers.dave}', '${demoUsers.carol}']::uuid[]) u)`,
    );
    expect(found).toHaveLength(1);
  });

  it.each<[string, string[]]>([
    ['no participant', []],
    ['nine participants', Array.from({ length: 9 }, () => userGid('dave'))],
  ])('refuses %s (ValidationError)', async (_name, participants) => {
    const outcome = await direct('bob', participants);
    expect(outcome.result?.__typename).toBe('ValidationError');
    expect(fieldPaths(outcome)).toEqual(['participantIds']);
  });

  it.each<[string, Actor, string[], string, string]>([
    ['a participant outside the organization', 'bob', ['hanna'], ACME, 'ForbiddenError'],
    ['a participant who does not exist', 'bob', ['__unknown'], ACME, 'ForbiddenError'],
    ['a creator outside the (public) organization', 'gina', ['alice'], ACME, 'ForbiddenError'],
    ['a creator outside the (private) organization', 'bob', ['carol'], GLOBEX, 'NotFoundError'],
    ['a bot without channels:write', 'bot', ['alice'], ACME, 'ForbiddenError'],
    ['anonymous', 'anonymous', ['alice'], ACME, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, participants, organizationId, expected) => {
    const ids = participants.map((user) => (user === '__unknown' ? gid('User', UNKNOWN) : userGid(user as 'alice')));
    const before = await rows(suite.gateway, `select id from chat.channels where type = 'direct'`);
    expect(typename(await direct(actor, ids, organizationId))).toBe(expected);
    expect(await rows(suite.gateway, `select id from chat.channels where type = 'direct'`)).toHaveLength(before.length);
  });

  it('an unknown organization is a NotFoundError', async () => {
    expect(typename(await direct('bob', [userGid('dave')], UNKNOWN))).toBe('NotFoundError');
  });
});

describe('createThread', () => {
  const thread = (actor: Actor, n: number, name?: string) => suite.run(actor, 'createThread', { messageId: messageGid(n), name });
  const threadOf = async (n: number) =>
    (await rows<{ thread_channel_id: string | null }>(suite.gateway, `select thread_channel_id from chat.messages where id = '${message(n)}'`))[0]!
      .thread_channel_id;

  it('starts a thread of the message in its channel, named after the message; the starter follows it', async () => {
    const outcome = await thread('carol', 2);
    expect(outcome.result).toMatchObject({ __typename: 'ChannelPayload', channel: { type: 'THREAD', name: 'Thanks Alice, glad to be here!' } });
    const threadId = await threadOf(2);
    const [row] = await rows<{ parent_channel_id: string; organization_id: string }>(
      suite.gateway,
      `select parent_channel_id, organization_id from chat.channels where id = '${threadId}'`,
    );
    expect(row).toEqual({ parent_channel_id: GENERAL, organization_id: ACME });
    expect(await liveMemberNames(suite.gateway, threadId!)).toEqual(['carol']);
  });

  it('returns the existing thread of a message instead of a second one', async () => {
    const outcome = await thread('dave', 5, 'Another plan');
    expect(outcome.result.channel).toMatchObject({ id: channelGid(Q1_THREAD), name: 'Q1 launch plan' });
    expect(await rows(suite.gateway, `select id from chat.channels where parent_channel_id = '${GENERAL}' and type = 'thread'`)).toHaveLength(2);
  });

  it('two threads started at once from one message are one thread', async () => {
    const [first, second] = await Promise.all([thread('bob', 3, 'Coffee'), thread('dave', 3, 'Coffee too')]);
    expect(first.result.channel.id).toBe(second.result.channel.id);
    expect(await rows(suite.gateway, `select id from chat.channels where parent_channel_id = '${GENERAL}' and name like 'Coffee%'`)).toHaveLength(1);
  });

  it('lets members of a private channel start threads there', async () => {
    expect(typename(await thread('dave', 32, 'Fonts'))).toBe('ChannelPayload');
  });

  it.each<[string, number, string | undefined, string]>([
    ['a name that is too long', 4, 'x'.repeat(101), 'name'],
    ['a name with a control character', 4, 'a\u0007b', 'name'],
    ['a message that is itself in a thread', 50, undefined, 'messageId'],
  ])('refuses %s (ValidationError) and writes nothing', async (_name, n, name, field) => {
    const outcome = await thread('alice', n, name);
    expect(fieldPaths(outcome)).toEqual([field]);
    expect(await threadOf(n)).toBeNull();
  });

  it.each<[string, Actor, number, string]>([
    ["an admin, on a message of a private channel he is not in", 'bob', 30, 'NotFoundError'],
    ['anyone, on a deleted message', 'alice', 11, 'NotFoundError'],
    ['an outsider, on a public channel of a public organization', 'gina', 4, 'NotFoundError'],
    ['anonymous', 'anonymous', 4, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, n, expected) => {
    expect(typename(await thread(actor, n))).toBe(expected);
    expect(await threadOf(n)).toBeNull();
  });

  it('a bot needs messages:write: with messages:read only it sees the message but may not start a thread', async () => {
    await setBotScopes(suite.gateway, ['messages:read']);
    try {
      expect(typename(await thread('bot', 6))).toBe('ForbiddenError');
    } finally {
      await setBotScopes(suite.gateway, ['messages:read', 'messages:write']);
    }
    expect(typename(await thread('bot', 6))).toBe('ChannelPayload');
  });

  it('an unknown message is a NotFoundError', async () => {
    expect(typename(await suite.run('alice', 'createThread', { messageId: gid('Message', UNKNOWN) }))).toBe('NotFoundError');
  });
});
