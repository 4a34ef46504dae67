import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import { globalId, MESSAGE, messageGid, messageId, mutationRunner, reactionRows } from './message-helpers.js';

let gateway: TestGateway;
let run: ReturnType<typeof mutationRunner>['run'];
beforeAll(async () => {
  gateway = await createTestGateway();
  ({ run } = mutationRunner(gateway));
});
afterAll(() => gateway.close());

const UNKNOWN = '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d';
const react = (actor: Parameters<typeof run>[0], message: number, emoji: string) => run(actor, 'addReaction', { messageId: messageGid(message), emoji });
const unreact = (actor: Parameters<typeof run>[0], message: number, emoji: string) => run(actor, 'removeReaction', { messageId: messageGid(message), emoji });
const mine = (user: keyof typeof demoUsers, emojis: string[]) => emojis.map((emoji) => `${demoUsers[user]} ${emoji}`);

describe('addReaction', () => {
  it('adds the viewer’s reaction, listed with the message', async () => {
    const outcome = await react('dave', MESSAGE.thanks, '👍');
    expect(outcome.kind).toBe('MessagePayload');
    expect(outcome.message.reactions.nodes).toContainEqual({ emoji: '👍', user: { id: globalId('User', demoUsers.dave) } });
    expect(await reactionRows(gateway, messageId(MESSAGE.thanks), 'dave')).toEqual(mine('dave', ['👍']));
  });

  it('is idempotent: the same reaction twice leaves one row', async () => {
    await react('dave', MESSAGE.thanks, '🎉');
    expect((await react('dave', MESSAGE.thanks, '🎉')).kind).toBe('MessagePayload');
    expect(await reactionRows(gateway, messageId(MESSAGE.thanks), 'dave')).toEqual(mine('dave', ['👍', '🎉']).sort());
  });

  it('two concurrent identical reactions leave one row', async () => {
    const outcomes = await Promise.all([react('carol', MESSAGE.coffee, '☕'), react('carol', MESSAGE.coffee, '☕')]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['MessagePayload', 'MessagePayload']);
    expect(await reactionRows(gateway, messageId(MESSAGE.coffee), 'carol')).toEqual(mine('carol', ['☕']));
  });

  it('accepts emoji sequences, flags and :shortcodes:, and stores a bare ❤ as ❤️', async () => {
    for (const emoji of ['👩‍💻', '🇭🇺', '👍🏽', ':party_parrot:', ' 🚀 ', '❤', '❤️']) expect((await react('alice', MESSAGE.thanks, emoji)).kind).toBe('MessagePayload');
    expect(await reactionRows(gateway, messageId(MESSAGE.thanks), 'alice')).toEqual(mine('alice', ['👩‍💻', '🇭🇺', '👍🏽', ':party_parrot:', '🚀', '❤️']).sort());
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['text', 'like'],
    ['two emoji', '👍👍'],
    ['an emoji with text', '👍 nice'],
    ['a shortcode in capitals', ':Party:'],
    ['a shortcode of 65 characters', `:${'a'.repeat(63)}:`],
    ['a NUL character', '\u0000'],
    ['an unpaired surrogate', '\uD83D'],
  ])('refuses %s (ValidationError on emoji)', async (_name, emoji) => {
    const before = await reactionRows(gateway, messageId(MESSAGE.welcome));
    const outcome = await react('dave', MESSAGE.welcome, emoji);
    expect(outcome.kind).toBe('ValidationError');
    expect(outcome.fieldErrors?.map((error) => error.path)).toContainEqual(['emoji']);
    expect(await reactionRows(gateway, messageId(MESSAGE.welcome))).toEqual(before);
  });

  it('a bot without messages:write may not react (ForbiddenError)', async () => {
    await setBotScopes(gateway, ['messages:read']);
    try {
      expect((await react('bot', MESSAGE.welcome, '🤖')).kind).toBe('ForbiddenError');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect(await reactionRows(gateway, messageId(MESSAGE.welcome), 'bot')).toEqual([]);
    expect((await react('bot', MESSAGE.welcome, '🤖')).kind).toBe('MessagePayload');
  });

  it.each([
    ['a message of a private channel the viewer is not in', 'bob', MESSAGE.designDraft],
    ['a direct message between others', 'dave', MESSAGE.direct],
    ['a message of another organization', 'judit', MESSAGE.welcome],
    ['a deleted message', 'alice', MESSAGE.deleted],
  ] as const)('reacting to %s is NotFoundError', async (_name, actor, message) => {
    expect((await react(actor, message, '👍')).kind).toBe('NotFoundError');
  });

  it('an unknown message is NotFoundError; a channel ID is BAD_USER_INPUT; anonymous is UNAUTHENTICATED', async () => {
    expect((await run('alice', 'addReaction', { messageId: globalId('Message', UNKNOWN), emoji: '👍' })).kind).toBe('NotFoundError');
    expect((await run('alice', 'addReaction', { messageId: globalId('Channel', UNKNOWN), emoji: '👍' })).kind).toBe('BAD_USER_INPUT');
    expect((await react('anonymous', MESSAGE.welcome, '👍')).kind).toBe('UNAUTHENTICATED');
  });
});

describe('removeReaction', () => {
  it('removes only the viewer’s own reaction', async () => {
    // Message 1 has 👋 from bob and carol (seeds); bob removes his.
    const outcome = await unreact('bob', MESSAGE.welcome, '👋');
    expect(outcome.kind).toBe('MessagePayload');
    expect(outcome.message.reactions.nodes).not.toContainEqual({ emoji: '👋', user: { id: globalId('User', demoUsers.bob) } });
    expect(await reactionRows(gateway, messageId(MESSAGE.welcome), 'bob')).toEqual([]);
    expect(await reactionRows(gateway, messageId(MESSAGE.welcome), 'carol')).toEqual(mine('carol', ['👋']));
  });

  it('is idempotent: removing a reaction that is not there changes nothing', async () => {
    const before = await reactionRows(gateway, messageId(MESSAGE.welcome));
    expect((await unreact('dave', MESSAGE.welcome, '👋')).kind).toBe('MessagePayload');
    expect((await unreact('bob', MESSAGE.welcome, '👋')).kind).toBe('MessagePayload');
    expect(await reactionRows(gateway, messageId(MESSAGE.welcome))).toEqual(before);
  });

  it('removes a ❤️ given as a bare ❤', async () => {
    await react('dave', MESSAGE.coffee, '❤️');
    await unreact('dave', MESSAGE.coffee, '❤');
    expect(await reactionRows(gateway, messageId(MESSAGE.coffee), 'dave')).toEqual([]);
  });

  it('refuses a malformed emoji (ValidationError)', async () => {
    expect((await unreact('carol', MESSAGE.welcome, 'wave')).kind).toBe('ValidationError');
    expect(await reactionRows(gateway, messageId(MESSAGE.welcome), 'carol')).toEqual(mine('carol', ['👋']));
  });

  it('a bot without messages:write may not remove its reaction (ForbiddenError)', async () => {
    await react('bot', MESSAGE.thanks, '🤖');
    await setBotScopes(gateway, ['messages:read']);
    try {
      expect((await unreact('bot', MESSAGE.thanks, '🤖')).kind).toBe('ForbiddenError');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect(await reactionRows(gateway, messageId(MESSAGE.thanks), 'bot')).toEqual(mine('bot', ['🤖']));
  });

  it.each([
    ['a message the viewer may not read', 'bob', MESSAGE.designV2],
    ['a deleted message', 'bob', MESSAGE.deleted],
  ] as const)('removing from %s is NotFoundError', async (_name, actor, message) => {
    expect((await unreact(actor, message, '👍')).kind).toBe('NotFoundError');
  });

  it('an unknown message is NotFoundError', async () => {
    expect((await run('alice', 'removeReaction', { messageId: globalId('Message', UNKNOWN), emoji: '👍' })).kind).toBe('NotFoundError');
  });
});
