import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import { canRemoveChannelMember, canSeeChannelMember, canUpdateChannelPreferences } from './channel-member.js';
import type { Rule } from './rule.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

// channel_members rows (31…NN) by channel:
// acme   #general 1 alice, 2 bob, 3 carol, 4 dave, 40 bot | #random 5 bob, 6 alice, 7 dave
//        #design (private) 8 carol, 9 alice, 10 dave | alice-carol (direct) 11 alice, 12 carol | Q1 thread 13 alice, 14 bob, 15 dave
// globex #altalanos 21 hanna, 22 istvan, 23 judit, 24 carol | #penzugy (private) 25 hanna, 26 judit, 27 carol
//        hanna-istvan (direct) 28 hanna, 29 istvan | thread 30 hanna, 31 judit
const ids = (...numbers: number[]) => numbers.map((n) => demoId(31, n)).sort();
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const GENERAL = [1, 2, 3, 4, 40];
const RANDOM = [5, 6, 7];
const DESIGN = [8, 9, 10];
const ALICE_CAROL = [11, 12];
const Q1_THREAD = [13, 14, 15];
const ACME = [...GENERAL, ...RANDOM, ...DESIGN, ...ALICE_CAROL, ...Q1_THREAD];
const GLOBEX = range(21, 31);

describe.each<[string, Rule, [DemoUser | 'anonymous', number[]][]]>([
  // read: whoever sees the channel sees its members
  [
    'canSeeChannelMember',
    canSeeChannelMember,
    [
      ['anonymous', []],
      ['gina', []],
      ['admin', []],
      ['alice', ACME],
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // not #design nor the direct channel
      ['dave', [...GENERAL, ...RANDOM, ...DESIGN, ...Q1_THREAD]],
      ['istvan', [21, 22, 23, 24, 28, 29, 30, 31]], // not #penzugy
      ['carol', [...ACME, ...range(21, 27), 30, 31]],
      ['bot', [...GENERAL, ...RANDOM, ...Q1_THREAD]],
    ],
  ],
  // remove: self (leave), or A(o) in a channel the admin sees
  [
    'canRemoveChannelMember',
    canRemoveChannelMember,
    [
      ['anonymous', []],
      ['gina', []],
      ['dave', [4, 7, 10, 15]],
      ['carol', [3, 8, 12, 24, 27]],
      ['bob', [...GENERAL, ...RANDOM, ...Q1_THREAD]], // A(acme), but not in #design nor the direct channel: he does not see them
      ['istvan', [21, 22, 23, 24, 28, 29, 30, 31]], // A(globex), but not in #penzugy
      ['alice', ACME], // O(acme), in every acme channel
      ['hanna', GLOBEX], // O(globex), in every globex channel
      ['bot', [40]],
    ],
  ],
  // own preferences: only the member
  [
    'canUpdateChannelPreferences',
    canUpdateChannelPreferences,
    [
      ['anonymous', []],
      ['gina', []],
      ['dave', [4, 7, 10, 15]],
      ['bob', [2, 5, 14]], // A(acme) does not reach the others' preferences
      ['hanna', [21, 25, 28, 30]],
    ],
  ],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (user, expected) => {
    expect(await allowedIds(db, rule, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});
