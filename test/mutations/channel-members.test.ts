import { describe, expect, it } from 'vitest';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  ALICE_CAROL,
  DESIGN,
  GENERAL,
  Q1_THREAD,
  RANDOM,
  UNKNOWN,
  auditRows,
  channelGid,
  channelMutationSuite,
  fieldPaths,
  gid,
  liveMemberNames,
  makeChannel,
  messageGid,
  rows,
  typename,
  userGid,
  type Actor,
} from './channel-helpers.js';

// joinChannel, leaveChannel, addChannelMember, removeChannelMember, updateChannelPreferences:
// happy path, validation, forbidden actor, missing target, conflicts, idempotence and concurrency,
// atomicity and audit. Channel mutations: channels.test.ts.

const suite = channelMutationSuite();

const join = (actor: Actor, channelId: string) => suite.run(actor, 'joinChannel', { channelId: channelGid(channelId) });
const leave = (actor: Actor, channelId: string) => suite.run(actor, 'leaveChannel', { channelId: channelGid(channelId) });
const add = (actor: Actor, channelId: string, user: DemoUser) => suite.run(actor, 'addChannelMember', { channelId: channelGid(channelId), userId: userGid(user) });
const remove = (actor: Actor, channelId: string, user: DemoUser) =>
  suite.run(actor, 'removeChannelMember', { channelId: channelGid(channelId), userId: userGid(user) });
const preferences = (actor: Actor, channelId: string, input: Record<string, unknown>) =>
  suite.run(actor, 'updateChannelPreferences', { channelId: channelGid(channelId), ...input });

/** Every membership row (live and left) of a user in a channel. */
const membershipRows = (channelId: string, user: DemoUser) =>
  rows<{ id: string; deleted_at: unknown }>(
    suite.gateway,
    `select id, deleted_at from chat.channel_members where channel_id = '${channelId}' and user_id = '${demoUsers[user]}' order by joined_at`,
  );

describe('joinChannel', () => {
  it('makes the viewer a member of a public channel; joining again changes nothing', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['bob']);
    const outcome = await join('dave', fixture.id);
    expect(outcome.result).toMatchObject({
      __typename: 'ChannelMemberPayload',
      channelMember: { user: { id: userGid('dave') }, isMuted: false },
      channel: { id: fixture.gid },
    });
    expect(typename(await join('dave', fixture.id))).toBe('ChannelMemberPayload');
    expect(await membershipRows(fixture.id, 'dave')).toHaveLength(1);
  });

  it('two joins at once leave one live membership', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', []);
    const outcomes = await Promise.all([join('carol', fixture.id), join('carol', fixture.id)]);
    expect(outcomes.map(typename)).toEqual(['ChannelMemberPayload', 'ChannelMemberPayload']);
    expect(await membershipRows(fixture.id, 'carol')).toHaveLength(1);
  });

  it('re-joining after leaving makes a new live membership and keeps the old one as history', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['dave']);
    expect(typename(await leave('dave', fixture.id))).toBe('ChannelMemberPayload');
    expect(typename(await join('dave', fixture.id))).toBe('ChannelMemberPayload');
    const memberships = await membershipRows(fixture.id, 'dave');
    expect(memberships.map((row) => row.deleted_at === null)).toEqual([false, true]);
  });

  it.each<[string, Actor, string, string]>([
    ['a thread (not public)', 'carol', Q1_THREAD, 'ForbiddenError'],
    ['the bot (no channels:write)', 'bot', RANDOM, 'ForbiddenError'],
    ['an admin, into a private channel he is not in', 'bob', DESIGN, 'NotFoundError'],
    ['an admin, into a direct channel he is not in', 'bob', ALICE_CAROL, 'NotFoundError'],
    ['an outsider, into a public channel of a public organization', 'gina', GENERAL, 'NotFoundError'],
    ['an unknown channel', 'dave', UNKNOWN, 'NotFoundError'],
    ['anonymous', 'anonymous', GENERAL, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, channelId, expected) => {
    expect(typename(await join(actor, channelId))).toBe(expected);
    if (actor !== 'anonymous') expect((await membershipRows(channelId, actor)).filter((row) => row.deleted_at === null).length).toBeLessThan(2);
  });

  it('a bot with channels:write joins public channels like the member it is', async () => {
    await setBotScopes(suite.gateway, ['messages:read', 'messages:write', 'channels:write']);
    try {
      expect(typename(await join('bot', RANDOM))).toBe('ChannelMemberPayload');
    } finally {
      await setBotScopes(suite.gateway, ['messages:read', 'messages:write']);
    }
    expect(await liveMemberNames(suite.gateway, RANDOM)).toContain('bot');
  });

  it('refuses a global ID of another type (BAD_USER_INPUT)', async () => {
    expect(typename(await suite.run('dave', 'joinChannel', { channelId: userGid('dave') }))).toBe('BAD_USER_INPUT');
  });
});

describe('leaveChannel', () => {
  it('ends the membership; the payload has no membership, and no channel once it is private', async () => {
    const open = await makeChannel(suite.gateway, 'public', ['dave', 'carol']);
    const left = await leave('dave', open.id);
    expect(left.result).toMatchObject({ __typename: 'ChannelMemberPayload', channelMember: null, channel: { id: open.gid } });
    expect(await liveMemberNames(suite.gateway, open.id)).toEqual(['carol']);

    const closed = await makeChannel(suite.gateway, 'private', ['dave', 'carol']);
    expect((await leave('dave', closed.id)).result).toMatchObject({ channelMember: null, channel: null });
    expect(await auditRows(suite.gateway, closed.id)).toEqual([]); // leaving is not audited
  });

  it('leaving a channel one is not in changes nothing', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['carol']);
    expect(typename(await leave('dave', fixture.id))).toBe('ChannelMemberPayload');
    expect(await liveMemberNames(suite.gateway, fixture.id)).toEqual(['carol']);
  });

  it('the last member cannot leave a private channel (ConflictError): nobody could reach it again', async () => {
    const fixture = await makeChannel(suite.gateway, 'private', ['carol']);
    expect((await leave('carol', fixture.id)).result).toMatchObject({ __typename: 'ConflictError' });
    expect(await liveMemberNames(suite.gateway, fixture.id)).toEqual(['carol']);
  });

  it('of the last two members of a private channel leaving at once, one stays', async () => {
    const fixture = await makeChannel(suite.gateway, 'private', ['carol', 'dave']);
    const outcomes = await Promise.all([leave('carol', fixture.id), leave('dave', fixture.id)]);
    expect(outcomes.map(typename).sort()).toEqual(['ChannelMemberPayload', 'ConflictError']);
    expect(await liveMemberNames(suite.gateway, fixture.id)).toHaveLength(1);
  });

  it.each<[string, Actor, string, string]>([
    ['a direct channel (its members are fixed)', 'carol', ALICE_CAROL, 'ForbiddenError'],
    ['the bot (no channels:write)', 'bot', GENERAL, 'ForbiddenError'],
    ['an admin, from a private channel he is not in', 'bob', DESIGN, 'NotFoundError'],
    ['an unknown channel', 'dave', UNKNOWN, 'NotFoundError'],
    ['anonymous', 'anonymous', GENERAL, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, channelId, expected) => {
    const before = channelId === UNKNOWN ? [] : await liveMemberNames(suite.gateway, channelId);
    expect(typename(await leave(actor, channelId))).toBe(expected);
    if (channelId !== UNKNOWN) expect(await liveMemberNames(suite.gateway, channelId)).toEqual(before);
  });
});

describe('addChannelMember', () => {
  it("lets a channel member add a member of the organization, who then sees the private channel; again changes nothing", async () => {
    const fixture = await makeChannel(suite.gateway, 'private', ['carol']);
    const outcome = await add('carol', fixture.id, 'bob');
    expect(outcome.result).toMatchObject({ __typename: 'ChannelMemberPayload', channelMember: { user: { id: userGid('bob') } } });
    expect(typename(await add('carol', fixture.id, 'bob'))).toBe('ChannelMemberPayload');
    expect(await liveMemberNames(suite.gateway, fixture.id)).toEqual(['bob', 'carol']);
    const seen = await suite.gateway.execute('query ($id: ID!) { channel(id: $id) { id } }', { id: fixture.gid }, await suite.as('bob'));
    expect(seen.data.channel).toEqual({ id: fixture.gid });
  });

  it('lets an admin add to a public channel he is not in; two adds at once leave one row', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', []);
    const outcomes = await Promise.all([add('bob', fixture.id, 'dave'), add('alice', fixture.id, 'dave')]);
    expect(outcomes.map(typename)).toEqual(['ChannelMemberPayload', 'ChannelMemberPayload']);
    expect(await membershipRows(fixture.id, 'dave')).toHaveLength(1);
  });

  it.each<[string, Actor, 'fixture' | string, DemoUser, string]>([
    ['someone outside the organization', 'carol', 'fixture', 'hanna', 'ForbiddenError'],
    ['a member who is not in a public channel', 'dave', 'fixture', 'carol', 'ForbiddenError'],
    ['anyone, to a direct channel (its members are fixed)', 'alice', ALICE_CAROL, 'dave', 'ForbiddenError'],
    ['the bot (no channels:write)', 'bot', GENERAL, 'dave', 'ForbiddenError'],
    ['an admin, to a private channel he is not in', 'bob', DESIGN, 'bob', 'NotFoundError'],
    ['an unknown channel', 'alice', UNKNOWN, 'dave', 'NotFoundError'],
    ['anonymous', 'anonymous', GENERAL, 'dave', 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, target, user, expected) => {
    const channelId = target === 'fixture' ? (await makeChannel(suite.gateway, 'public', ['carol'])).id : target;
    const before = channelId === UNKNOWN ? [] : await liveMemberNames(suite.gateway, channelId);
    expect(typename(await add(actor, channelId, user))).toBe(expected);
    if (channelId !== UNKNOWN) expect(await liveMemberNames(suite.gateway, channelId)).toEqual(before);
  });

  it('an unknown user is refused like a non-member, so it does not tell which users exist', async () => {
    const outcome = await suite.run('alice', 'addChannelMember', { channelId: channelGid(GENERAL), userId: gid('User', UNKNOWN) });
    expect(outcome.result).toMatchObject({ __typename: 'ForbiddenError', message: 'Only a member of the organization can be added to its channels.' });
  });
});

describe('removeChannelMember', () => {
  it('lets an admin remove someone from a channel he sees, audited', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['dave', 'carol']);
    const outcome = await remove('bob', fixture.id, 'dave');
    expect(outcome.result).toMatchObject({ __typename: 'ChannelMemberPayload', channelMember: null, channel: { id: fixture.gid } });
    expect(await liveMemberNames(suite.gateway, fixture.id)).toEqual(['carol']);
    const [membership] = await membershipRows(fixture.id, 'dave');
    expect(await auditRows(suite.gateway, membership!.id)).toMatchObject([
      { action: 'channel_member.remove', actor_id: demoUsers.bob, old_values: { channelId: fixture.id, userId: demoUsers.dave } },
    ]);
  });

  it('lets anyone remove themselves, without an audit row', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['dave']);
    expect(typename(await remove('dave', fixture.id, 'dave'))).toBe('ChannelMemberPayload');
    const [membership] = await membershipRows(fixture.id, 'dave');
    expect(await auditRows(suite.gateway, membership!.id)).toEqual([]);
  });

  it('an owner may not remove the last member of a private channel other than by deleting it (ConflictError)', async () => {
    const fixture = await makeChannel(suite.gateway, 'private', ['alice']);
    expect(typename(await remove('alice', fixture.id, 'alice'))).toBe('ConflictError');
  });

  it.each<[string, Actor, string, DemoUser, string]>([
    ['a member removing someone else', 'dave', GENERAL, 'carol', 'ForbiddenError'],
    ['the owner, from a direct channel', 'alice', ALICE_CAROL, 'carol', 'ForbiddenError'],
    ['the bot (no channels:write), itself', 'bot', GENERAL, 'bot', 'ForbiddenError'],
    ['an admin, from a private channel he is not in', 'bob', DESIGN, 'carol', 'NotFoundError'],
    ['someone who is not a member', 'alice', RANDOM, 'carol', 'NotFoundError'],
    ['an unknown channel', 'alice', UNKNOWN, 'carol', 'NotFoundError'],
    ['anonymous', 'anonymous', GENERAL, 'carol', 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, channelId, user, expected) => {
    const before = channelId === UNKNOWN ? [] : await liveMemberNames(suite.gateway, channelId);
    expect(typename(await remove(actor, channelId, user))).toBe(expected);
    if (channelId !== UNKNOWN) expect(await liveMemberNames(suite.gateway, channelId)).toEqual(before);
  });

  it('fails as a whole: when the audit row cannot be written, the member stays', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['dave']);
    await suite.gateway.handle.exec(`
      create function test_refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused for the test'; end $$;
      create trigger test_refuse_audit before insert on platform.audit_logs
        for each row when (new.action = 'channel_member.remove') execute function test_refuse_audit();`);
    try {
      expect((await remove('alice', fixture.id, 'dave')).codes).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await suite.gateway.handle.exec('drop trigger test_refuse_audit on platform.audit_logs; drop function test_refuse_audit();');
    }
    expect(await liveMemberNames(suite.gateway, fixture.id)).toEqual(['dave']);
  });
});

describe('updateChannelPreferences', () => {
  const preferenceRow = async (channelId: string, user: DemoUser) =>
    (
      await rows(
        suite.gateway,
        `select is_muted, is_hidden, is_favorite, last_read_message_id from chat.channel_members
          where channel_id = '${channelId}' and user_id = '${demoUsers[user]}' and deleted_at is null`,
      )
    )[0];

  it("sets the viewer's own flags and read position; absent fields stay, null clears the read position", async () => {
    const outcome = await preferences('carol', GENERAL, { isMuted: true, isFavorite: true, lastReadMessageId: messageGid(12) });
    expect(outcome.result).toMatchObject({
      __typename: 'ChannelMemberPayload',
      channelMember: { isMuted: true, isFavorite: true, isHidden: false, lastReadMessage: { id: messageGid(12) } },
    });
    expect(typename(await preferences('carol', GENERAL, { isHidden: true, lastReadMessageId: null }))).toBe('ChannelMemberPayload');
    expect(await preferenceRow(GENERAL, 'carol')).toEqual({ is_muted: true, is_hidden: true, is_favorite: true, last_read_message_id: null });
    expect(typename(await preferences('carol', GENERAL, {}))).toBe('ChannelMemberPayload'); // nothing asked, nothing changed
  });

  it.each<[string, number]>([
    ['a message of another channel', 30],
    ['a deleted message', 11],
  ])('refuses %s as the read position (ValidationError) and changes nothing', async (_name, n) => {
    const before = await preferenceRow(GENERAL, 'dave');
    const outcome = await preferences('dave', GENERAL, { isMuted: true, lastReadMessageId: messageGid(n) });
    expect(fieldPaths(outcome)).toEqual(['lastReadMessageId']);
    expect(await preferenceRow(GENERAL, 'dave')).toEqual(before);
  });

  it.each<[string, Actor, string, string]>([
    ['the bot (no channels:write)', 'bot', GENERAL, 'ForbiddenError'],
    ['an admin, on a private channel he is not in', 'bob', DESIGN, 'NotFoundError'],
    ['a member of the organization who is not in the channel', 'carol', RANDOM, 'NotFoundError'],
    ['an unknown channel', 'carol', UNKNOWN, 'NotFoundError'],
    ['anonymous', 'anonymous', GENERAL, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, channelId, expected) => {
    expect(typename(await preferences(actor, channelId, { isMuted: true }))).toBe(expected);
  });

  it('a membership in an organization one has left is out of reach (NotFoundError)', async () => {
    await suite.gateway.handle.exec(`update chat.organization_members set deleted_at = now() where user_id = '${demoUsers.dave}' and organization_id = '${demoId(20, 1)}'`);
    try {
      expect(typename(await preferences('dave', DESIGN, { isMuted: true }))).toBe('NotFoundError');
    } finally {
      await suite.gateway.handle.exec(`update chat.organization_members set deleted_at = null where user_id = '${demoUsers.dave}' and organization_id = '${demoId(20, 1)}'`);
    }
  });
});

describe('malformed input never gives a 500 or leaks SQL', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['a malformed channel ID', 'joinChannel', { channelId: '%%%' }],
    ['a user ID whose key is not a UUID', 'addChannelMember', { channelId: channelGid(GENERAL), userId: gid('User', "1' or '1'='1") }],
    ['a string for a flag', 'updateChannelPreferences', { channelId: channelGid(GENERAL), isMuted: 'yes' }],
    ['a read position of another type', 'updateChannelPreferences', { channelId: channelGid(GENERAL), lastReadMessageId: channelGid(GENERAL) }],
    ['a missing user', 'removeChannelMember', { channelId: channelGid(GENERAL) }],
  ])('%s', async (_name, mutation, input) => {
    const outcome = await suite.run('alice', mutation, input);
    expect(outcome.codes.length).toBeGreaterThan(0);
    expect(outcome.codes.every((code) => code === 'BAD_USER_INPUT')).toBe(true);
  });
});
