import { describe, expect, it } from 'vitest';
import { demoId, demoUsers } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  ACME,
  ALICE_CAROL,
  DESIGN,
  GENERAL,
  GLOBEX,
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
  message,
  messageGid,
  orgGid,
  rows,
  typename,
  type Actor,
} from './channel-helpers.js';

// createChannel, updateChannel, deleteChannel: happy path, validation, forbidden actor, missing
// target, conflicts, concurrency, atomicity and audit. Direct channels and threads:
// channel-conversations.test.ts; membership mutations: channel-members.test.ts. The allow/deny matrix: test/authorization/channels.test.ts.

const suite = channelMutationSuite();

const PROJECTS_SECTION = gid('ChannelSection', demoId(22, 2));
const GLOBEX_SECTION = gid('ChannelSection', demoId(22, 3));

const liveChannels = (organizationId: string, name: string) =>
  rows<{ id: string; type: string; topic: string | null; section_id: string | null; created_by: string }>(
    suite.gateway,
    `select id, type, topic, section_id, created_by from chat.channels where organization_id = '${organizationId}' and name = '${name}' and deleted_at is null`,
  );
const channelRow = async (id: string) =>
  (await rows<{ name: string; topic: string | null; deleted_at: unknown; section_id: string | null }>(
    suite.gateway,
    `select name, topic, deleted_at, section_id from chat.channels where id = '${id}'`,
  ))[0];

describe('createChannel', () => {
  it('lets a member create a public channel when the organization allows it; the creator joins; audited', async () => {
    const outcome = await suite.run('dave', 'createChannel', { organizationId: orgGid(ACME), name: '  Design-Review ', topic: ' Weekly ' });
    expect(outcome.result).toMatchObject({ __typename: 'ChannelPayload', channel: { name: 'design-review', type: 'PUBLIC', topic: 'Weekly' } });
    const [row] = await liveChannels(ACME, 'design-review');
    expect(row).toMatchObject({ type: 'public', created_by: demoUsers.dave, topic: 'Weekly' });
    expect(await liveMemberNames(suite.gateway, row!.id)).toEqual(['dave']);
    expect(await auditRows(suite.gateway, row!.id)).toMatchObject([
      { action: 'channel.create', actor_id: demoUsers.dave, organization_id: ACME, new_values: { name: 'design-review', type: 'public' } },
    ]);
  });

  it('lets an admin create a private channel in a section; only members see it', async () => {
    const outcome = await suite.run('bob', 'createChannel', { organizationId: orgGid(ACME), name: 'leadership', isPrivate: true, sectionId: PROJECTS_SECTION });
    expect(outcome.result).toMatchObject({ channel: { name: 'leadership', type: 'PRIVATE' } });
    const [row] = await liveChannels(ACME, 'leadership');
    expect(row).toMatchObject({ type: 'private', section_id: demoId(22, 2) });
    const seen = await suite.gateway.execute('query ($id: ID!) { channel(id: $id) { id } }', { id: channelGid(row!.id) }, await suite.as('alice'));
    expect(seen.data.channel).toBeNull(); // the owner has not joined it
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a name with spaces', { name: 'two words' }, ['name']],
    ['an empty name', { name: '   ' }, ['name']],
    ['a 10,000 character name', { name: 'x'.repeat(10_000) }, ['name']],
    ['a name with a NUL byte', { name: 'a\u0000b' }, ['name']],
    ['a topic with a NUL byte', { name: 'nul-topic', topic: 'a\u0000b' }, ['topic']],
    ['a topic with a lone surrogate', { name: 'surrogate-topic', topic: 'a\uD800b' }, ['topic']],
    ['a section of another organization', { name: 'other-section', sectionId: GLOBEX_SECTION }, ['sectionId']],
  ])('refuses %s with a ValidationError naming the field, and writes nothing', async (_name, input, fields) => {
    const before = await rows(suite.gateway, 'select id from chat.channels');
    const outcome = await suite.run('bob', 'createChannel', { organizationId: orgGid(ACME), ...input });
    expect(outcome.result?.__typename).toBe('ValidationError');
    expect(fieldPaths(outcome)).toEqual(fields);
    expect(await rows(suite.gateway, 'select id from chat.channels')).toHaveLength(before.length);
  });

  it.each<[Actor, string, string, string]>([
    ['judit', 'globex', GLOBEX, 'ForbiddenError'], // a globex member: globex does not let members create channels
    ['gina', 'acme', ACME, 'ForbiddenError'], // acme is public: she sees it but is no member
    ['gina', 'globex', GLOBEX, 'NotFoundError'], // globex is private: it does not exist for her
    ['admin', 'globex', GLOBEX, 'NotFoundError'], // a platform administrator is no organization member
    ['bot', 'acme', ACME, 'ForbiddenError'], // the bot has no channels:write scope
    ['anonymous', 'acme', ACME, 'UNAUTHENTICATED'],
  ])('%s in %s: %s', async (actor, _organization, organizationId, expected) => {
    const outcome = await suite.run(actor, 'createChannel', { organizationId: orgGid(organizationId), name: `by-${actor}` });
    expect(typename(outcome)).toBe(expected);
    expect(await liveChannels(organizationId, `by-${actor}`)).toEqual([]);
  });

  it('an unknown organization is a NotFoundError; a global ID of another type is BAD_USER_INPUT', async () => {
    expect(typename(await suite.run('bob', 'createChannel', { organizationId: orgGid(UNKNOWN), name: 'nowhere' }))).toBe('NotFoundError');
    expect(typename(await suite.run('bob', 'createChannel', { organizationId: channelGid(GENERAL), name: 'nowhere' }))).toBe('BAD_USER_INPUT');
  });

  it('follows settings.membersCanCreateChannels: globex members may once it is on', async () => {
    await suite.gateway.handle.exec(`update chat.organizations set settings = '{"membersCanCreateChannels": true}' where id = '${GLOBEX}'`);
    try {
      expect(typename(await suite.run('judit', 'createChannel', { organizationId: orgGid(GLOBEX), name: 'by-judit-allowed' }))).toBe('ChannelPayload');
    } finally {
      await suite.gateway.handle.exec(`update chat.organizations set settings = '{"membersCanCreateChannels": false}' where id = '${GLOBEX}'`);
    }
  });

  it('a bot with channels:write may create channels like the member it is', async () => {
    await setBotScopes(suite.gateway, ['messages:read', 'messages:write', 'channels:write']);
    try {
      expect(typename(await suite.run('bot', 'createChannel', { organizationId: orgGid(ACME), name: 'bot-news' }))).toBe('ChannelPayload');
    } finally {
      await setBotScopes(suite.gateway, ['messages:read', 'messages:write']);
    }
  });

  it('refuses a name a live public or private channel of the organization has (ConflictError), whatever its case', async () => {
    expect((await suite.run('bob', 'createChannel', { organizationId: orgGid(ACME), name: 'General' })).result).toMatchObject({
      __typename: 'ConflictError',
      message: 'A channel named "general" already exists in this organization.',
    });
    // A private channel's name is taken too, even for someone who cannot see it (names are one namespace).
    expect(typename(await suite.run('bob', 'createChannel', { organizationId: orgGid(ACME), name: 'design' }))).toBe('ConflictError');
    // Another organization's names and deleted channels' names are free.
    expect(typename(await suite.run('hanna', 'createChannel', { organizationId: orgGid(GLOBEX), name: 'general' }))).toBe('ChannelPayload');
    const gone = await makeChannel(suite.gateway, 'public', ['bob']);
    await suite.gateway.handle.exec(`update chat.channels set deleted_at = now() where id = '${gone.id}'`);
    expect(typename(await suite.run('bob', 'createChannel', { organizationId: orgGid(ACME), name: gone.name }))).toBe('ChannelPayload');
  });

  it('two concurrent creations of one name leave one channel; the other is a ConflictError', async () => {
    const outcomes = await Promise.all([
      suite.run('bob', 'createChannel', { organizationId: orgGid(ACME), name: 'race-name' }),
      suite.run('dave', 'createChannel', { organizationId: orgGid(ACME), name: 'race-name', isPrivate: true }),
    ]);
    expect(outcomes.map(typename).sort()).toEqual(['ChannelPayload', 'ConflictError']);
    expect(await liveChannels(ACME, 'race-name')).toHaveLength(1);
  });

  it('fails as a whole: when the creator cannot be made a member, no channel and no audit row stay', async () => {
    await suite.gateway.handle.exec(`
      create function test_refuse_member() returns trigger language plpgsql as $$
      begin raise exception 'member refused for the test'; end $$;
      create trigger test_refuse_member before insert on chat.channel_members
        for each row execute function test_refuse_member();`);
    try {
      const outcome = await suite.run('bob', 'createChannel', { organizationId: orgGid(ACME), name: 'half-done' });
      expect(outcome.result ?? null).toBeNull();
      expect(outcome.codes).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(outcome.text).not.toMatch(/member refused/);
    } finally {
      await suite.gateway.handle.exec('drop trigger test_refuse_member on chat.channel_members; drop function test_refuse_member();');
    }
    expect(await rows(suite.gateway, `select id from chat.channels where name = 'half-done'`)).toEqual([]);
    expect(await rows(suite.gateway, `select id from platform.audit_logs where new_values ->> 'name' = 'half-done'`)).toEqual([]);
  });
});

describe('updateChannel', () => {
  it('lets an admin rename, set the topic and move a channel to a section, audited with old and new values', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['dave']);
    const outcome = await suite.run('bob', 'updateChannel', { id: fixture.gid, name: 'Watercooler', topic: 'Chat', sectionId: PROJECTS_SECTION });
    expect(outcome.result).toMatchObject({ __typename: 'ChannelPayload', channel: { name: 'watercooler', topic: 'Chat' } });
    expect(await channelRow(fixture.id)).toMatchObject({ name: 'watercooler', topic: 'Chat', section_id: demoId(22, 2) });
    expect(await auditRows(suite.gateway, fixture.id)).toMatchObject([
      {
        action: 'channel.update',
        actor_id: demoUsers.bob,
        organization_id: ACME,
        old_values: { name: fixture.name, topic: null },
        new_values: { name: 'watercooler', topic: 'Chat', sectionId: demoId(22, 2) },
      },
    ]);
  });

  it('clears the topic and the section with null, and leaves absent fields alone', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', []);
    await suite.run('bob', 'updateChannel', { id: fixture.gid, topic: 'Set', sectionId: PROJECTS_SECTION });
    expect(typename(await suite.run('bob', 'updateChannel', { id: fixture.gid, topic: null, sectionId: null }))).toBe('ChannelPayload');
    expect(await channelRow(fixture.id)).toMatchObject({ name: fixture.name, topic: null, section_id: null });
  });

  it('keeps its own name (in another case) without a conflict, and renames threads freely', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', []);
    expect(typename(await suite.run('bob', 'updateChannel', { id: fixture.gid, name: fixture.name.toUpperCase() }))).toBe('ChannelPayload');
    expect(typename(await suite.run('bob', 'updateChannel', { id: channelGid(Q1_THREAD), name: 'Q1 launch: final plan' }))).toBe('ChannelPayload');
  });

  it("refuses another live channel's name (ConflictError) and changes nothing", async () => {
    const fixture = await makeChannel(suite.gateway, 'public', []);
    expect(typename(await suite.run('bob', 'updateChannel', { id: fixture.gid, name: 'random', topic: 'x' }))).toBe('ConflictError');
    expect(await channelRow(fixture.id)).toMatchObject({ name: fixture.name, topic: null });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a name with spaces', { name: 'a b' }, 'name'],
    ['a long topic', { topic: 'x'.repeat(251) }, 'topic'],
    ['a section of another organization', { sectionId: GLOBEX_SECTION }, 'sectionId'],
  ])('refuses %s (ValidationError) and changes nothing', async (_name, input, field) => {
    const outcome = await suite.run('bob', 'updateChannel', { id: channelGid(RANDOM), ...input });
    expect(fieldPaths(outcome)).toEqual([field]);
    expect(await channelRow(RANDOM)).toMatchObject({ name: 'random', topic: 'Lunch, music and everything else' });
  });

  it.each<[string, Actor, string, Record<string, unknown>, string]>([
    ['a member', 'dave', GENERAL, { topic: 'x' }, 'ForbiddenError'],
    ['the bot (no channels:write)', 'bot', GENERAL, { topic: 'x' }, 'ForbiddenError'],
    ['the owner renaming a direct channel', 'alice', ALICE_CAROL, { name: 'renamed' }, 'ForbiddenError'],
    ['an admin, on a private channel he is not in', 'bob', DESIGN, { topic: 'x' }, 'NotFoundError'],
    ['an admin, on a direct channel he is not in', 'bob', ALICE_CAROL, { topic: 'x' }, 'NotFoundError'],
    ['an admin of another organization', 'istvan', GENERAL, { topic: 'x' }, 'NotFoundError'],
    ['anyone, on an unknown channel', 'bob', UNKNOWN, { topic: 'x' }, 'NotFoundError'],
    ['anonymous', 'anonymous', GENERAL, { topic: 'x' }, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, channelId, input, expected) => {
    const before = await channelRow(channelId);
    expect(typename(await suite.run(actor, 'updateChannel', { id: channelGid(channelId), ...input }))).toBe(expected);
    expect(await channelRow(channelId)).toEqual(before);
  });

  it("lets the owner set a direct channel's topic", async () => {
    expect(typename(await suite.run('alice', 'updateChannel', { id: channelGid(ALICE_CAROL), topic: 'Contracts' }))).toBe('ChannelPayload');
  });
});

describe('deleteChannel', () => {
  it('soft-deletes the channel and its threads, frees the thread of its message, and audits it', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', ['bob', 'dave']);
    const started = await suite.run('dave', 'createThread', { messageId: messageGid(8) }); // a message of #general: its thread only
    const threadGid = started.result.channel.id as string;
    const outcome = await suite.run('bob', 'deleteChannel', { id: threadGid });
    expect(outcome.result).toEqual({ __typename: 'ChannelPayload', channel: null });
    expect((await rows(suite.gateway, `select thread_channel_id from chat.messages where id = '${message(8)}'`))[0]).toEqual({ thread_channel_id: null });

    const child = await makeChannel(suite.gateway, 'thread', ['dave'], { parentId: fixture.id });
    expect(typename(await suite.run('alice', 'deleteChannel', { id: fixture.gid }))).toBe('ChannelPayload');
    expect((await channelRow(fixture.id))?.deleted_at).not.toBeNull();
    expect((await channelRow(child.id))?.deleted_at).not.toBeNull();
    expect(await auditRows(suite.gateway, fixture.id)).toMatchObject([
      { action: 'channel.delete', actor_id: demoUsers.alice, organization_id: ACME, old_values: { name: fixture.name, type: 'public', threadsDeleted: 1 } },
    ]);
    const read = await suite.gateway.execute('query ($id: ID!) { channel(id: $id) { id } node(id: $id) { id } }', { id: fixture.gid }, await suite.as('dave'));
    expect(read.data).toEqual({ channel: null, node: null });
  });

  it.each<[string, Actor, string, string]>([
    ['a member', 'dave', RANDOM, 'ForbiddenError'],
    ['the bot (no channels:write)', 'bot', GENERAL, 'ForbiddenError'],
    ['an admin, on a private channel he is not in', 'bob', DESIGN, 'NotFoundError'],
    ['an admin of another organization', 'hanna', GENERAL, 'NotFoundError'],
    ['anyone, on an unknown channel', 'alice', UNKNOWN, 'NotFoundError'],
    ['anonymous', 'anonymous', GENERAL, 'UNAUTHENTICATED'],
  ])('refuses %s and deletes nothing', async (_name, actor, channelId, expected) => {
    expect(typename(await suite.run(actor, 'deleteChannel', { id: channelGid(channelId) }))).toBe(expected);
    if (channelId !== UNKNOWN) expect((await channelRow(channelId))?.deleted_at).toBeNull();
  });

  it('a deleted channel is a NotFoundError the second time, and its audit row stays single', async () => {
    const fixture = await makeChannel(suite.gateway, 'private', ['bob']);
    expect(typename(await suite.run('bob', 'deleteChannel', { id: fixture.gid }))).toBe('ChannelPayload');
    expect(typename(await suite.run('bob', 'deleteChannel', { id: fixture.gid }))).toBe('NotFoundError');
    expect(await auditRows(suite.gateway, fixture.id)).toHaveLength(1);
  });

  it('fails as a whole: when the audit row cannot be written, the channel stays', async () => {
    const fixture = await makeChannel(suite.gateway, 'public', []);
    await suite.gateway.handle.exec(`
      create function test_refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused for the test'; end $$;
      create trigger test_refuse_audit before insert on platform.audit_logs
        for each row when (new.action = 'channel.delete') execute function test_refuse_audit();`);
    try {
      expect((await suite.run('bob', 'deleteChannel', { id: fixture.gid })).codes).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await suite.gateway.handle.exec('drop trigger test_refuse_audit on platform.audit_logs; drop function test_refuse_audit();');
    }
    expect((await channelRow(fixture.id))?.deleted_at).toBeNull();
  });
});

describe('malformed input never gives a 500 or leaks SQL', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['a malformed global ID', 'createChannel', { organizationId: 'not-base64!', name: 'x' }],
    ['a global ID whose key is not a UUID', 'updateChannel', { id: gid('Channel', 'not-a-uuid'), name: 'x' }],
    ['a number for a name', 'createChannel', { organizationId: orgGid(ACME), name: 42 }],
    ['a list for a topic', 'updateChannel', { id: channelGid(GENERAL), topic: ['a'] }],
    ['a participant list of objects', 'createDirectChannel', { organizationId: orgGid(ACME), participantIds: [{ id: 1 }] }],
    ['a message ID of another type', 'createThread', { messageId: channelGid(GENERAL) }],
    ['an unknown input field', 'deleteChannel', { id: channelGid(GENERAL), force: true }],
  ])('%s', async (_name, mutation, input) => {
    const outcome = await suite.run('alice', mutation, input);
    expect(outcome.codes.length).toBeGreaterThan(0);
    expect(outcome.codes.every((code) => code === 'BAD_USER_INPUT')).toBe(true);
  });
});
