import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageReactions, messages } from '../../src/db/schema/index.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { CHANNEL, channelGid, globalId, messageGid, messageId, messageRow, mutationRunner, type MutationName } from '../mutations/message-helpers.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';

// Messages, reactions and pins through the GraphQL API: entity x action x actor for every rule of
// DOMAIN.md in this area. Each write acts on a fresh message of its own, and its effect (or its
// absence) is read back from the database. Channels: #general public, #design private (alice,
// carol, dave; not bob), alice-carol direct, the Q1 thread of #general, globex #altalanos.

let gateway: TestGateway;
let runner: ReturnType<typeof mutationRunner>;
beforeAll(async () => {
  gateway = await createTestGateway();
  runner = mutationRunner(gateway);
});
afterAll(() => gateway.close());

// gina: in no organization; admin: platform administrator, in no organization; hanna: owner of the
// other organization; dave: acme member; bob: acme admin; alice: acme owner; the bot, an acme member,
// with both message scopes, without messages:read, and without messages:write.
const ACTORS = ['anonymous', 'gina', 'admin', 'hanna', 'dave', 'bob', 'alice', 'bot', 'bot-no-read', 'bot-no-write'] as const;
type Actor = (typeof ACTORS)[number];
const BOT_SCOPES: Partial<Record<Actor, string[]>> = {
  bot: ['messages:read', 'messages:write'],
  'bot-no-read': ['messages:write'],
  'bot-no-write': ['messages:read'],
};

type Outcome = 'ok' | 'hidden' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
const [ok, hid, F, N, U] = ['ok', 'hidden', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'] as const;

/** The demo user an actor is (anonymous owns nothing: "own" rows of the anonymous column are dave's). */
const userOf = (actor: Actor): DemoUser => (actor === 'anonymous' ? 'dave' : actor.startsWith('bot') ? 'bot' : (actor as DemoUser));

async function actAs(actor: Actor) {
  const scopes = BOT_SCOPES[actor];
  if (scopes) await setBotScopes(gateway, scopes);
  return actor.startsWith('bot') ? 'bot' : (actor as 'anonymous' | DemoUser);
}

// ---------------------------------------------------------------------------------------------
// Reads: Message read = See(c), and messages:read for a bot; reactions are listed with their message.
// `ok`: node(id) returns it, the channel's list holds it, its reactions are listed; `hidden`: none of these.

const reads: [string, number, number, Outcome[]][] = [
  //                                                    anon gina admin hanna dave bob alice bot no-read no-write
  ['Message in public #general', 1, CHANNEL.general, [hid, hid, hid, hid, ok, ok, ok, ok, hid, ok]],
  ['Message in private #design', 33, CHANNEL.design, [hid, hid, hid, hid, ok, hid, ok, hid, hid, hid]],
  ['Message in the alice-carol direct channel', 41, CHANNEL.aliceCarol, [hid, hid, hid, hid, hid, hid, ok, hid, hid, hid]],
  ['Message in the thread of #general', 50, CHANNEL.q1Thread, [hid, hid, hid, hid, ok, ok, ok, ok, hid, ok]],
  ['Message in globex #altalanos', 60, CHANNEL.altalanos, [hid, hid, hid, ok, hid, hid, hid, hid, hid, hid]],
];

const READ = `query ($id: ID!, $channel: ID!) {
  node(id: $id) { ... on Message { id reactions { totalCount } reactionCount } }
  messages(channel: $channel, first: 100) { nodes { id } }
}`;

describe.each(reads)('%s: read', (_name, message, channel, outcomes) => {
  it.each(ACTORS.map((actor, index) => [actor, outcomes[index]!] as const))('%s: %s', async (actor, outcome) => {
    const headers = await runner.headers(await actAs(actor));
    const response = await gateway.execute(READ, { id: messageGid(message), channel: channelGid(channel) }, headers);
    expect(response.errors).toBeUndefined();
    const listed = response.data.messages.nodes.some((node: { id: string }) => node.id === messageGid(message));
    if (outcome === ok) {
      const stored = await gateway.handle.db.select().from(messageReactions).where(eq(messageReactions.messageId, messageId(message)));
      expect(response.data.node).toEqual({ id: messageGid(message), reactions: { totalCount: stored.length }, reactionCount: stored.length });
      expect(listed).toBe(true);
    } else {
      expect(response.data.node).toBeNull();
      expect(listed).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Writes, each on a fresh message: `self` is the acting user.

type Who = DemoUser | 'self';
interface Target {
  channel: number;
  author?: Who;
  pinnedBy?: Who;
  /** Whose 👍 is on the message before the action. */
  reactionBy?: Who;
}

const gen = CHANNEL.general;
const des = CHANNEL.design;
const dm = CHANNEL.aliceCarol;

// name, mutation, target, outcome per actor in ACTORS order
const writes: [string, MutationName, Target, Outcome[]][] = [
  //                                                                                     anon gina admin hanna dave bob alice bot no-read no-write
  // Message create: See(c); a bot needs messages:write
  ['Message create in #general', 'sendMessage', { channel: gen }, [U, N, N, N, ok, ok, ok, ok, ok, F]],
  ['Message create in the thread of #general', 'sendMessage', { channel: CHANNEL.q1Thread }, [U, N, N, N, ok, ok, ok, ok, ok, F]],
  ['Message create in private #design', 'sendMessage', { channel: des }, [U, N, N, N, ok, N, ok, N, N, N]],
  ['Message create in a direct channel', 'sendMessage', { channel: dm }, [U, N, N, N, N, N, ok, N, N, N]],
  ['Message create in globex #altalanos', 'sendMessage', { channel: CHANNEL.altalanos }, [U, N, N, ok, N, N, N, N, N, N]],
  // Message update: the author only
  ['Message update, own', 'editMessage', { channel: gen, author: 'self' }, [U, N, N, N, ok, ok, ok, ok, N, F]],
  ["Message update, carol's", 'editMessage', { channel: gen, author: 'carol' }, [U, N, N, N, F, F, F, F, N, F]],
  // Message delete: the author, or A(o) in a channel the admin sees
  ['Message delete, own', 'deleteMessage', { channel: gen, author: 'self' }, [U, N, N, N, ok, ok, ok, ok, N, F]],
  ["Message delete, carol's in #general", 'deleteMessage', { channel: gen, author: 'carol' }, [U, N, N, N, F, ok, ok, F, N, F]],
  ["Message delete, carol's in private #design", 'deleteMessage', { channel: des, author: 'carol' }, [U, N, N, N, F, N, ok, N, N, N]],
  ["Message delete, judit's in globex #altalanos", 'deleteMessage', { channel: CHANNEL.altalanos, author: 'judit' }, [U, N, N, ok, N, N, N, N, N, N]],
  // Message pin: See(c) and (not private or CM(c)); a bot needs messages:write
  ['Message pin in #general', 'pinMessage', { channel: gen, author: 'carol' }, [U, N, N, N, ok, ok, ok, ok, N, F]],
  ['Message pin in private #design', 'pinMessage', { channel: des, author: 'carol' }, [U, N, N, N, ok, N, ok, N, N, N]],
  ['Message pin in a direct channel', 'pinMessage', { channel: dm, author: 'carol' }, [U, N, N, N, N, N, ok, N, N, N]],
  // Message unpin: the pinner, or A(o)
  ['Message unpin, own pin', 'unpinMessage', { channel: gen, author: 'carol', pinnedBy: 'self' }, [U, N, N, N, ok, ok, ok, ok, N, F]],
  ["Message unpin, carol's pin in #general", 'unpinMessage', { channel: gen, author: 'carol', pinnedBy: 'carol' }, [U, N, N, N, F, ok, ok, F, N, F]],
  ["Message unpin, carol's pin in private #design", 'unpinMessage', { channel: des, author: 'carol', pinnedBy: 'carol' }, [U, N, N, N, F, N, ok, N, N, N]],
  // Reaction add: See(c); a bot needs messages:write
  ['Reaction add in #general', 'addReaction', { channel: gen, author: 'carol' }, [U, N, N, N, ok, ok, ok, ok, N, F]],
  ['Reaction add in private #design', 'addReaction', { channel: des, author: 'carol' }, [U, N, N, N, ok, N, ok, N, N, N]],
  ['Reaction add in a direct channel', 'addReaction', { channel: dm, author: 'carol' }, [U, N, N, N, N, N, ok, N, N, N]],
  // Reaction remove: own only
  ['Reaction remove, own', 'removeReaction', { channel: gen, author: 'carol', reactionBy: 'self' }, [U, N, N, N, ok, ok, ok, ok, N, F]],
  ["Reaction remove, carol's (never touched)", 'removeReaction', { channel: gen, author: 'carol', reactionBy: 'carol' }, [U, N, N, N, ok, ok, ok, ok, N, F]],
];

const userId = (who: Who | undefined, actor: Actor) => (who === undefined ? null : demoUsers[who === 'self' ? userOf(actor) : who]);

/** A fresh message for one cell of the matrix. */
async function freshMessage(target: Target, actor: Actor): Promise<string> {
  const [row] = await gateway.handle.db
    .insert(messages)
    .values({
      channelId: demoId(30, target.channel),
      authorId: userId(target.author, actor) ?? demoUsers.carol,
      content: 'matrix fixture',
      pinnedAt: target.pinnedBy ? new Date() : null,
      pinnedBy: userId(target.pinnedBy, actor),
    })
    .returning({ id: messages.id });
  const reactor = userId(target.reactionBy, actor);
  if (reactor) await gateway.handle.db.insert(messageReactions).values({ messageId: row!.id, userId: reactor, emoji: '👍' });
  return row!.id;
}

const hasReaction = async (id: string, user: string) =>
  (await gateway.handle.db.select().from(messageReactions).where(and(eq(messageReactions.messageId, id), eq(messageReactions.userId, user), eq(messageReactions.emoji, '👍')))).length > 0;

/** Whether the action took effect on the fixture (for the reactions: the reactor's 👍 is the one judged). */
async function tookEffect(mutation: MutationName, id: string, content: string, target: Target, actor: Actor): Promise<boolean> {
  if (mutation === 'sendMessage') return (await gateway.handle.db.select().from(messages).where(eq(messages.content, content))).length > 0;
  const row = (await messageRow(gateway, id))!;
  switch (mutation) {
    case 'editMessage':
      return row.content === content;
    case 'deleteMessage':
      return row.deletedAt !== null;
    case 'pinMessage':
      return row.pinnedAt !== null;
    case 'unpinMessage':
      return row.pinnedAt === null;
    case 'addReaction':
      return hasReaction(id, demoUsers[userOf(actor)]);
    case 'removeReaction':
      return !(await hasReaction(id, userId(target.reactionBy, actor)!));
  }
}

const OUTCOME_OF: Record<string, Outcome> = { MessagePayload: ok, ForbiddenError: F, NotFoundError: N, UNAUTHENTICATED: U };

describe.each(writes)('%s', (name, mutation, target, outcomes) => {
  it.each(ACTORS.map((actor, index) => [actor, outcomes[index]!] as const))('%s: %s', async (actor, outcome) => {
    const id = mutation === 'sendMessage' ? '' : await freshMessage(target, actor);
    const content = `matrix ${name} ${actor} ${Math.random()}`;
    const input: Record<string, unknown> = {
      sendMessage: { channelId: channelGid(target.channel), content },
      editMessage: { id: globalId('Message', id), content },
      addReaction: { messageId: globalId('Message', id), emoji: '👍' },
      removeReaction: { messageId: globalId('Message', id), emoji: '👍' },
    }[mutation as string] ?? { id: globalId('Message', id) };
    const { kind } = await runner.run(await actAs(actor), mutation, input as Record<string, unknown>);
    expect(OUTCOME_OF[kind] ?? kind).toBe(outcome);
    // Another's reaction is never removed: "own only" holds even when the call succeeds.
    const expectedEffect = outcome === ok && target.reactionBy !== 'carol';
    expect(await tookEffect(mutation, id, content, target, actor)).toBe(expectedEffect);
  });
});
