import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../context.js';
import type { Database } from '../db/client.js';
import { messageReactions } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, demoUsers, viewerOf, type DemoUser } from '../../test/policies.js';
import {
  canDeleteMessage,
  canEditMessage,
  canPinMessage,
  canPostInChannel,
  canReactToMessage,
  canReadMessage,
  canRequestUnpin,
  canSeeReaction,
  canUnpinMessage,
} from './message.js';
import type { Rule } from './rule.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const { handle, drop: dropDatabase } = await openSeededDatabase();
  ({ db } = handle);
  drop = dropDatabase;
  // The seeds have no message pinned by the bot: added, its own digest (7, #general) pinned by itself.
  await handle.exec(`update chat.messages set pinned_at = '2026-01-05T11:01:00Z', pinned_by = '${demoUsers.bot}' where id = '${demoId(40, 7)}'`);
});
afterAll(() => drop());

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ids = (prefix: number, numbers: number[]) => numbers.map((n) => demoId(prefix, n)).sort();

// Messages by channel (40…NNN). 11 is soft-deleted: still a row the rules judge (its content is hidden elsewhere).
const GENERAL = range(1, 13); // acme #general, public
const RANDOM = range(20, 24); // acme #random, public
const DESIGN = range(30, 34); // acme #design, private: alice, carol, dave
const ALICE_CAROL = range(40, 43); // acme direct
const Q1_THREAD = range(50, 53); // acme thread of #general
const ALTALANOS = range(60, 67); // globex public
const PENZUGY = range(70, 73); // globex private: hanna, judit, carol
const HANNA_ISTVAN = range(80, 82); // globex direct
const JELENTES_THREAD = range(90, 92); // globex thread of #altalanos
const ACME = [...GENERAL, ...RANDOM, ...DESIGN, ...ALICE_CAROL, ...Q1_THREAD];
const GLOBEX = [...ALTALANOS, ...PENZUGY, ...HANNA_ISTVAN, ...JELENTES_THREAD];

// Authors
const BY = {
  alice: [1, 5, 12, 22, 31, 34, 40, 42, 52],
  carol: [4, 9, 13, 30, 33, 41, 43, 63, 72],
  dave: [3, 8, 10, 21, 24, 32, 51],
  istvan: [61, 65, 81],
  bot: [7],
};

// The demo bot has messages:read and messages:write; these lack one of them, or both.
type Actor = DemoUser | 'anonymous' | 'bot without messages:read' | 'bot without messages:write' | 'bot without scopes';
function viewer(actor: Actor): Viewer | null {
  if (actor === 'anonymous') return null;
  if (actor === 'bot without messages:read') return viewerOf('bot', ['messages:write']);
  if (actor === 'bot without messages:write') return viewerOf('bot', ['messages:read']);
  if (actor === 'bot without scopes') return viewerOf('bot', []);
  return viewerOf(actor);
}

type Case = [Actor, number[]];

// Pinned messages (with 7 pinned by the bot above) and those pinned by someone else than the key.
const PINNED = [1, 5, 7, 33, 60];
const PINNED_BY_OTHERS_THAN = { carol: [1, 5, 7, 60], bot: [1, 5, 33, 60] };
const without = (numbers: number[], excluded: number[]) => numbers.filter((n) => !excluded.includes(n));

describe.each<[string, Rule, Case[]]>([
  // read: See(c), and messages:read for a bot
  [
    'canReadMessage',
    canReadMessage,
    [
      ['anonymous', []],
      ['gina', []],
      ['admin', []],
      ['alice', ACME],
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // admin, not in #design nor the direct
      ['dave', [...GENERAL, ...RANDOM, ...DESIGN, ...Q1_THREAD]],
      ['carol', [...ACME, ...ALTALANOS, ...PENZUGY, ...JELENTES_THREAD]],
      ['istvan', [...ALTALANOS, ...HANNA_ISTVAN, ...JELENTES_THREAD]], // admin, not in #penzugy
      ['judit', [...ALTALANOS, ...PENZUGY, ...JELENTES_THREAD]],
      ['bot', [...GENERAL, ...RANDOM, ...Q1_THREAD]],
      ['bot without messages:read', []],
    ],
  ],
  // update: the author only, and messages:write for a bot
  [
    'canEditMessage',
    canEditMessage,
    [
      ['anonymous', []],
      ['gina', []],
      ['alice', BY.alice],
      ['bob', [2, 6, 11, 20, 23, 50, 53]],
      ['istvan', BY.istvan],
      ['bot', BY.bot],
      ['bot without messages:write', []],
    ],
  ],
  // delete: the author, or A(o) in a channel the admin sees; and messages:write for a bot
  [
    'canDeleteMessage',
    canDeleteMessage,
    [
      ['anonymous', []],
      ['admin', []],
      ['alice', ACME], // owner, in every acme channel
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // admin, but not in #design nor the direct (and authored nothing there)
      ['carol', BY.carol],
      ['dave', BY.dave],
      ['hanna', GLOBEX], // owner, in every globex channel
      ['istvan', [...ALTALANOS, ...HANNA_ISTVAN, ...JELENTES_THREAD]], // admin, but not in #penzugy
      ['bot', BY.bot],
      ['bot without messages:write', []],
    ],
  ],
  // unpin: the pinner, or A(o) in a channel the admin sees; and messages:write for a bot
  // (pinned: 1 by alice, 5 by bob, 7 by the bot (added here), 33 by carol, 60 by hanna)
  [
    'canUnpinMessage',
    canUnpinMessage,
    [
      ['anonymous', []],
      ['gina', []],
      ['carol', [33]], // pinner of 33
      ['dave', []],
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // admin, but not 33 in #design, which he does not see
      ['istvan', [...ALTALANOS, ...HANNA_ISTVAN, ...JELENTES_THREAD]], // admin, but not in #penzugy
      ['judit', []],
      ['bot', [7]], // pinner of 7
      ['bot without messages:write', []],
      ['bot without scopes', []],
    ],
  ],
  // pin: See(c) and (not private or CM(c)) on the message's channel; and messages:write for a bot
  [
    'canPinMessage',
    canPinMessage,
    [
      ['anonymous', []],
      ['gina', []],
      ['admin', []],
      ['alice', ACME],
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // admin, not in #design nor the direct
      ['dave', [...GENERAL, ...RANDOM, ...DESIGN, ...Q1_THREAD]],
      ['istvan', [...ALTALANOS, ...HANNA_ISTVAN, ...JELENTES_THREAD]],
      ['bot', [...GENERAL, ...RANDOM, ...Q1_THREAD]],
      ['bot without messages:write', []],
    ],
  ],
  // unpin as a request: canUnpinMessage on a pinned message, canPinMessage on an unpinned one (a no-op)
  [
    'canRequestUnpin',
    canRequestUnpin,
    [
      ['anonymous', []],
      ['gina', []],
      ['carol', without([...ACME, ...ALTALANOS, ...PENZUGY, ...JELENTES_THREAD], PINNED_BY_OTHERS_THAN.carol)],
      ['dave', without([...GENERAL, ...RANDOM, ...DESIGN, ...Q1_THREAD], PINNED)],
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // admin: every pin in the channels he sees
      ['bot', without([...GENERAL, ...RANDOM, ...Q1_THREAD], PINNED_BY_OTHERS_THAN.bot)],
      ['bot without messages:write', []],
    ],
  ],
  // react (add or remove one's own): See(c) of the message's channel; and messages:write for a bot
  [
    'canReactToMessage',
    canReactToMessage,
    [
      ['anonymous', []],
      ['gina', []],
      ['admin', []],
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]],
      ['carol', [...ACME, ...ALTALANOS, ...PENZUGY, ...JELENTES_THREAD]],
      ['istvan', [...ALTALANOS, ...HANNA_ISTVAN, ...JELENTES_THREAD]],
      ['bot', [...GENERAL, ...RANDOM, ...Q1_THREAD]],
      ['bot without messages:read', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // the mutation still needs to read it
      ['bot without messages:write', []],
    ],
  ],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s', async (actor, expected) => {
    expect(await allowedIds(db, rule, viewer(actor))).toEqual(ids(40, expected));
  });
});

describe('canPostInChannel: See(c), and messages:write for a bot', () => {
  it.each<Case>([
    ['anonymous', []],
    ['gina', []],
    ['dave', [1, 2, 3, 5]],
    ['bob', [1, 2, 5]],
    ['istvan', [11, 13, 14]],
    ['bot', [1, 2, 5]],
    ['bot without messages:write', []],
  ])('%s: %j', async (actor, expected) => {
    expect(await allowedIds(db, canPostInChannel, viewer(actor))).toEqual(ids(30, expected));
  });
});

describe('canSeeReaction: reactions of the messages the viewer reads', () => {
  // Reactions are on messages 1, 3, 5, 10, 21, 33, 50 (acme) and 60, 65, 72 (globex).
  it.each<Case>([
    ['anonymous', []],
    ['gina', []],
    ['alice', [1, 3, 5, 10, 21, 33, 50]],
    ['bob', [1, 3, 5, 10, 21, 50]],
    ['istvan', [60, 65]],
    ['judit', [60, 65, 72]],
    ['bot', [1, 3, 5, 10, 21, 50]],
    ['bot without messages:read', []],
  ])('%s: %j', async (actor, expected) => {
    const rows = await db
      .selectDistinct({ id: messageReactions.messageId })
      .from(messageReactions)
      .where(canSeeReaction(viewer(actor), messageReactions));
    expect(rows.map((row) => row.id).sort()).toEqual(ids(40, expected));
  });
});
