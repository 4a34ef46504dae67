import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  auditRows,
  CHANNEL,
  channelGid,
  channelId,
  channelSnapshot,
  globalId,
  MESSAGE,
  messageGid,
  messageId,
  messageRow,
  mutationRunner,
  withAuditRefused,
} from './message-helpers.js';

let gateway: TestGateway;
let run: ReturnType<typeof mutationRunner>['run'];
beforeAll(async () => {
  gateway = await createTestGateway();
  ({ run } = mutationRunner(gateway));
});
afterAll(() => gateway.close());

const UNKNOWN = '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d';
const idOf = (outcome: { message?: { id: string } }) => Buffer.from(outcome.message!.id, 'base64').toString().split(':')[1]!;

/** Posts a fresh message as `actor` in #general (or `channel`) and returns its uuid. */
async function post(actor: 'alice' | 'bob' | 'carol' | 'dave', content = `note ${Math.random()}`, channel: number = CHANNEL.general) {
  const outcome = await run(actor, 'sendMessage', { channelId: channelGid(channel), content });
  expect(outcome.kind).toBe('MessagePayload');
  return idOf(outcome);
}

describe('sendMessage', () => {
  it('posts in a channel the viewer sees and returns the message', async () => {
    const outcome = await run('dave', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'Hello from the tests' });
    expect(outcome.kind).toBe('MessagePayload');
    expect(outcome.message).toMatchObject({ content: 'Hello from the tests', isDeleted: false, editedAt: null, embeds: [], replyTo: null });
    const row = await messageRow(gateway, idOf(outcome));
    expect(row).toMatchObject({ channelId: channelId(CHANNEL.general), authorId: demoUsers.dave, content: 'Hello from the tests' });
  });

  it('stores embeds and keeps the text as written', async () => {
    const embeds = [{ type: 'link', url: 'https://example.com', title: 'Example' }];
    const outcome = await run('carol', 'sendMessage', { channelId: channelGid(CHANNEL.design), content: '  indented\n', embeds });
    expect(outcome.message).toMatchObject({ content: '  indented\n', embeds });
  });

  it('replies to a message of the same channel', async () => {
    const outcome = await run('dave', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'Agreed', replyToId: messageGid(MESSAGE.welcome) });
    expect(outcome.message.replyTo).toMatchObject({ id: messageGid(MESSAGE.welcome) });
  });

  it("posts in a thread (the thread channel), replying to a message of the thread's parent channel", async () => {
    const outcome = await run('dave', 'sendMessage', { channelId: channelGid(CHANNEL.q1Thread), content: 'On it', replyToId: messageGid(MESSAGE.q1Plan) });
    expect(outcome.kind).toBe('MessagePayload');
    expect(outcome.message.channel.id).toBe(channelGid(CHANNEL.q1Thread));
  });

  it.each([
    ['another channel', CHANNEL.random, MESSAGE.welcome],
    ['a thread, from its parent channel', CHANNEL.general, MESSAGE.q1Reply],
  ])('refuses a reply to a message of %s (ValidationError on replyTo)', async (_name, channel, replyTo) => {
    const outcome = await run('dave', 'sendMessage', { channelId: channelGid(channel), content: 'x', replyToId: messageGid(replyTo) });
    expect(outcome.kind).toBe('ValidationError');
    expect(outcome.fieldErrors?.map((error) => error.path)).toEqual([['replyToId']]);
  });

  it.each([
    ['a deleted message', 'bob', MESSAGE.deleted],
    ['a message the viewer may not read', 'bob', MESSAGE.designDraft],
    ['an unknown message', 'bob', null],
  ] as const)('a reply to %s is NotFoundError', async (_name, actor, replyTo) => {
    const before = await channelSnapshot(gateway, channelId(CHANNEL.general));
    const target = replyTo ? messageGid(replyTo) : globalId('Message', UNKNOWN);
    const outcome = await run(actor, 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'x', replyToId: target });
    expect(outcome.kind).toBe('NotFoundError');
    expect(await channelSnapshot(gateway, channelId(CHANNEL.general))).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['empty content', { content: '' }, 'content'],
    ['blank content', { content: ' \n\t ' }, 'content'],
    ['4001 characters', { content: 'a'.repeat(4001) }, 'content'],
    ['a NUL character', { content: 'a\u0000b' }, 'content'],
    ['an unpaired surrogate', { content: 'a\uD800b' }, 'content'],
    ['embeds that are not a list', { content: 'x', embeds: { type: 'link' } }, 'embeds'],
    ['embeds that are not objects', { content: 'x', embeds: [1, 'two'] }, 'embeds'],
    ['11 embeds', { content: 'x', embeds: Array.from({ length: 11 }, () => ({ type: 'x' })) }, 'embeds'],
    ['embeds over 16 kB', { content: 'x', embeds: [{ text: 'a'.repeat(16_001) }] }, 'embeds'],
    ['embeds nested 17 deep', { content: 'x', embeds: [JSON.parse(`${'{"a":'.repeat(16)}1${'}'.repeat(16)}`)] }, 'embeds'],
    ['embeds with a NUL character', { content: 'x', embeds: [{ text: 'a\u0000' }] }, 'embeds'],
  ])('refuses %s (ValidationError)', async (_name, fields, path) => {
    const before = await channelSnapshot(gateway, channelId(CHANNEL.general));
    const outcome = await run('dave', 'sendMessage', { channelId: channelGid(CHANNEL.general), ...fields });
    expect(outcome.kind).toBe('ValidationError');
    expect(outcome.fieldErrors?.map((error) => error.path[0])).toContain(path);
    expect(await channelSnapshot(gateway, channelId(CHANNEL.general))).toBe(before);
  });

  it('accepts 4000 characters, counting an emoji once', async () => {
    const outcome = await run('dave', 'sendMessage', { channelId: channelGid(CHANNEL.random), content: '🎉'.repeat(4000) });
    expect(outcome.kind).toBe('MessagePayload');
  });

  it.each([
    ['a private channel the viewer is not in', 'bob', CHANNEL.design],
    ['a channel of another organization', 'dave', CHANNEL.altalanos],
    ['a channel, for someone in no organization', 'gina', CHANNEL.general],
    ['an unknown channel', 'alice', null],
  ] as const)('posting in %s is NotFoundError', async (_name, actor, channel) => {
    const target = channel ? channelGid(channel) : globalId('Channel', UNKNOWN);
    expect((await run(actor, 'sendMessage', { channelId: target, content: 'x' })).kind).toBe('NotFoundError');
  });

  it('a deleted channel is NotFoundError', async () => {
    const archived = demoId(30, 99);
    await gateway.handle.exec(`insert into chat.channels (id, organization_id, type, name, deleted_at)
      values ('${archived}', '${demoId(20, 1)}', 'public', 'archived', now())`);
    expect((await run('alice', 'sendMessage', { channelId: globalId('Channel', archived), content: 'x' })).kind).toBe('NotFoundError');
  });

  it('an ID of another type is BAD_USER_INPUT', async () => {
    expect((await run('alice', 'sendMessage', { channelId: messageGid(MESSAGE.welcome), content: 'x' })).kind).toBe('BAD_USER_INPUT');
  });

  it('anonymous is UNAUTHENTICATED', async () => {
    expect((await run('anonymous', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'x' })).kind).toBe('UNAUTHENTICATED');
  });

  it('a bot with only messages:read cannot send a message (FORBIDDEN)', async () => {
    await setBotScopes(gateway, ['messages:read']);
    try {
      const outcome = await run('bot', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'beep' });
      expect(outcome.kind).toBe('ForbiddenError');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect((await run('bot', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'beep' })).kind).toBe('MessagePayload');
  });
});

describe('editMessage', () => {
  it("changes the author's text and sets editedAt", async () => {
    const id = await post('dave', 'first words');
    const outcome = await run('dave', 'editMessage', { id: globalId('Message', id), content: 'second thoughts' });
    expect(outcome.kind).toBe('MessagePayload');
    expect(outcome.message.content).toBe('second thoughts');
    expect(outcome.message.editedAt).not.toBeNull();
    expect((await messageRow(gateway, id))?.editedAt).toBeInstanceOf(Date);
  });

  it('replaces the embeds when given and keeps them when omitted', async () => {
    const sent = await run('dave', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'x', embeds: [{ type: 'a' }] });
    const id = sent.message.id as string;
    expect((await run('dave', 'editMessage', { id, content: 'y' })).message.embeds).toEqual([{ type: 'a' }]);
    expect((await run('dave', 'editMessage', { id, content: 'z', embeds: [] })).message.embeds).toEqual([]);
  });

  it('refuses blank content (ValidationError) and changes nothing', async () => {
    const id = await post('dave', 'kept');
    const outcome = await run('dave', 'editMessage', { id: globalId('Message', id), content: '   ' });
    expect(outcome.kind).toBe('ValidationError');
    expect(await messageRow(gateway, id)).toMatchObject({ content: 'kept', editedAt: null });
  });

  it.each([
    ['an admin', 'bob', MESSAGE.welcome],
    ['the owner', 'alice', MESSAGE.coffee],
    ['another member', 'carol', MESSAGE.thanks],
  ] as const)("%s may not edit someone else's message (ForbiddenError)", async (_name, actor, message) => {
    const before = await messageRow(gateway, messageId(message));
    expect((await run(actor, 'editMessage', { id: messageGid(message), content: 'hijacked' })).kind).toBe('ForbiddenError');
    expect(await messageRow(gateway, messageId(message))).toEqual(before);
  });

  it.each([
    ['a deleted message, even by its author', 'bob', MESSAGE.deleted],
    ['a message the viewer may not read', 'bob', MESSAGE.designDraft],
  ] as const)('editing %s is NotFoundError', async (_name, actor, message) => {
    expect((await run(actor, 'editMessage', { id: messageGid(message), content: 'x' })).kind).toBe('NotFoundError');
    expect((await messageRow(gateway, messageId(MESSAGE.deleted)))?.content).toBe('Oops, wrong channel.');
  });

  it('an unknown message is NotFoundError', async () => {
    expect((await run('alice', 'editMessage', { id: globalId('Message', UNKNOWN), content: 'x' })).kind).toBe('NotFoundError');
  });

  it('the bot edits its own message only with messages:write', async () => {
    await setBotScopes(gateway, ['messages:read']);
    try {
      expect((await run('bot', 'editMessage', { id: messageGid(MESSAGE.digest), content: 'x' })).kind).toBe('ForbiddenError');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect((await run('bot', 'editMessage', { id: messageGid(MESSAGE.digest), content: 'Digest v2' })).message.content).toBe('Digest v2');
  });
});

describe('deleteMessage', () => {
  it('the author deletes their message: content null, kept in the database, no audit row', async () => {
    const id = await post('dave', 'to be removed');
    const outcome = await run('dave', 'deleteMessage', { id: globalId('Message', id) });
    expect(outcome.kind).toBe('MessagePayload');
    expect(outcome.message).toMatchObject({ isDeleted: true, content: null });
    expect(await messageRow(gateway, id)).toMatchObject({ content: 'to be removed', deletedAt: expect.any(Date) });
    expect(await auditRows(gateway, id)).toEqual([]);
  });

  it("an admin deletes someone else's message in a channel they see, audited without the content", async () => {
    const id = await post('carol', 'moderate me');
    const outcome = await run('bob', 'deleteMessage', { id: globalId('Message', id) });
    expect(outcome.message).toMatchObject({ isDeleted: true, content: null });
    const audit = await auditRows(gateway, id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'message.delete',
      actorId: demoUsers.bob,
      organizationId: demoId(20, 1),
      resourceType: 'message',
      oldValues: { channelId: channelId(CHANNEL.general), authorId: demoUsers.carol },
    });
    expect(JSON.stringify(audit)).not.toContain('moderate me');
  });

  it("a member may not delete someone else's message (ForbiddenError)", async () => {
    expect((await run('dave', 'deleteMessage', { id: messageGid(MESSAGE.welcome) })).kind).toBe('ForbiddenError');
    expect((await messageRow(gateway, messageId(MESSAGE.welcome)))?.deletedAt).toBeNull();
  });

  it.each([
    ['an admin, in a private channel they are not in', 'bob', MESSAGE.designDraft],
    ['a deleted message (deleting twice)', 'bob', MESSAGE.deleted],
    ['someone of another organization', 'hanna', MESSAGE.welcome],
  ] as const)('%s: NotFoundError', async (_name, actor, message) => {
    expect((await run(actor, 'deleteMessage', { id: messageGid(message) })).kind).toBe('NotFoundError');
  });

  it('a malformed ID is BAD_USER_INPUT', async () => {
    expect((await run('alice', 'deleteMessage', { id: 'not-an-id' })).kind).toBe('BAD_USER_INPUT');
  });

  it('two concurrent deletes: one succeeds, one finds nothing, one audit row', async () => {
    const id = await post('dave', 'raced');
    const outcomes = await Promise.all([run('alice', 'deleteMessage', { id: globalId('Message', id) }), run('alice', 'deleteMessage', { id: globalId('Message', id) })]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['MessagePayload', 'NotFoundError']);
    expect(await auditRows(gateway, id)).toHaveLength(1);
  });

  it('a failure halfway (the audit row refused) leaves the message as it was', async () => {
    const id = await post('dave', 'survivor');
    const outcome = await withAuditRefused(gateway, () => run('alice', 'deleteMessage', { id: globalId('Message', id) }));
    expect(outcome.kind).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(outcome.response)).not.toMatch(/audit refused|insert into/i);
    expect(await messageRow(gateway, id)).toMatchObject({ content: 'survivor', deletedAt: null });
    expect(await auditRows(gateway, id)).toEqual([]);
  });
});

describe('pinMessage', () => {
  it('pins a message: pinnedAt and pinnedBy set', async () => {
    const outcome = await run('dave', 'pinMessage', { id: messageGid(MESSAGE.coffee) });
    expect(outcome.message).toMatchObject({ pinnedBy: { id: globalId('User', demoUsers.dave) }, pinnedAt: expect.any(String) });
  });

  it('is idempotent: pinning again keeps the first pinner', async () => {
    const outcome = await run('carol', 'pinMessage', { id: messageGid(MESSAGE.welcome) });
    expect(outcome.kind).toBe('MessagePayload');
    expect(await messageRow(gateway, messageId(MESSAGE.welcome))).toMatchObject({ pinnedBy: demoUsers.alice });
  });

  it('two concurrent pins leave one pin', async () => {
    const id = await post('dave', 'pin me twice');
    const outcomes = await Promise.all([run('dave', 'pinMessage', { id: globalId('Message', id) }), run('carol', 'pinMessage', { id: globalId('Message', id) })]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['MessagePayload', 'MessagePayload']);
    const row = await messageRow(gateway, id);
    expect([demoUsers.dave, demoUsers.carol]).toContain(row?.pinnedBy);
    expect(outcomes.map((outcome) => outcome.message.pinnedAt)).toEqual([row?.pinnedAt?.toISOString(), row?.pinnedAt?.toISOString()]);
  });

  it('a bot without messages:write may not pin (ForbiddenError)', async () => {
    await setBotScopes(gateway, ['messages:read']);
    try {
      expect((await run('bot', 'pinMessage', { id: messageGid(MESSAGE.thanks) })).kind).toBe('ForbiddenError');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect((await messageRow(gateway, messageId(MESSAGE.thanks)))?.pinnedAt).toBeNull();
  });

  it.each([
    ['a message of a private channel the viewer is not in', 'bob', MESSAGE.designDraft],
    ['a deleted message', 'bob', MESSAGE.deleted],
    ['an unknown message', 'alice', null],
  ] as const)('pinning %s is NotFoundError', async (_name, actor, message) => {
    const id = message ? messageGid(message) : globalId('Message', UNKNOWN);
    expect((await run(actor, 'pinMessage', { id })).kind).toBe('NotFoundError');
  });

  it('a channel ID in place of a message ID is BAD_USER_INPUT', async () => {
    expect((await run('alice', 'pinMessage', { id: channelGid(CHANNEL.general) })).kind).toBe('BAD_USER_INPUT');
  });
});

describe('unpinMessage', () => {
  it('the pinner unpins, unaudited', async () => {
    const outcome = await run('carol', 'unpinMessage', { id: messageGid(MESSAGE.designV2) });
    expect(outcome.message).toMatchObject({ pinnedAt: null, pinnedBy: null });
    expect(await auditRows(gateway, messageId(MESSAGE.designV2))).toEqual([]);
  });

  it("an admin unpins someone else's pin, audited", async () => {
    const outcome = await run('bob', 'unpinMessage', { id: messageGid(MESSAGE.welcome) });
    expect(outcome.message).toMatchObject({ pinnedAt: null });
    const audit = await auditRows(gateway, messageId(MESSAGE.welcome));
    expect(audit).toEqual([expect.objectContaining({ action: 'message.unpin', actorId: demoUsers.bob, oldValues: expect.objectContaining({ pinnedBy: demoUsers.alice }) })]);
  });

  it("a member may not unpin someone else's pin (ForbiddenError)", async () => {
    expect((await run('dave', 'unpinMessage', { id: messageGid(MESSAGE.q1Plan) })).kind).toBe('ForbiddenError');
    expect(await messageRow(gateway, messageId(MESSAGE.q1Plan))).toMatchObject({ pinnedBy: demoUsers.bob });
  });

  it('unpinning a message that is not pinned changes nothing and is not an error', async () => {
    expect((await run('dave', 'unpinMessage', { id: messageGid(MESSAGE.randomLunch) })).kind).toBe('MessagePayload');
    expect((await run('dave', 'unpinMessage', { id: messageGid(MESSAGE.randomLunch) })).message.pinnedAt).toBeNull();
  });

  it.each([
    ['a message of another organization', 'istvan', MESSAGE.welcome],
    ['an unknown message', 'alice', null],
  ] as const)('unpinning %s is NotFoundError', async (_name, actor, message) => {
    const id = message ? messageGid(message) : globalId('Message', UNKNOWN);
    expect((await run(actor, 'unpinMessage', { id })).kind).toBe('NotFoundError');
  });

  it('a failure halfway (the audit row refused) leaves the pin in place', async () => {
    const outcome = await withAuditRefused(gateway, () => run('alice', 'unpinMessage', { id: messageGid(MESSAGE.q1Plan) }));
    expect(outcome.kind).toBe('INTERNAL_SERVER_ERROR');
    expect(await messageRow(gateway, messageId(MESSAGE.q1Plan))).toMatchObject({ pinnedBy: demoUsers.bob, pinnedAt: expect.any(Date) });
  });
});
