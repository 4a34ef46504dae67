import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, demoUsers, viewerOf, type DemoUser } from '../../test/policies.js';
import { canCreateBotIn, canInstallBotIn, canManageBot, canPickBot, canSeeBot } from './bot.js';
import type { Rule } from './rule.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const { handle, drop: dropDatabase } = await openSeededDatabase();
  ({ db } = handle);
  drop = dropDatabase;
  // The seeds have one bot, private and installed in acme. Added: two bots of hanna installed nowhere, 2 public and
  // 3 private; and the helper bot becomes an acme admin, so that only "human" tells bot.create from bot.install.
  await handle.exec(`
    insert into auth.users (id, email, display_name, user_type) values
      ('${demoId(10, 21)}', 'public-bot@bots.example.com', 'Public Bot', 'machine'),
      ('${demoId(10, 22)}', 'secret-bot@bots.example.com', 'Secret Bot', 'machine');
    insert into chat.bots (id, user_id, created_by, name, token_hash, scopes, is_public) values
      ('${demoId(50, 2)}', '${demoId(10, 21)}', '${demoUsers.hanna}', 'Public Bot', 'test-hash-2', '{messages:read}', true),
      ('${demoId(50, 3)}', '${demoId(10, 22)}', '${demoUsers.hanna}', 'Secret Bot', 'test-hash-3', '{}', false);
    update chat.organization_members set role = 'admin' where id = '${demoId(21, 9)}';`);
});
afterAll(() => drop());

// 1 Helper Bot (alice's, private, installed in acme), 2 Public Bot (hanna's, public), 3 Secret Bot (hanna's, private)
const bots = (...numbers: number[]) => numbers.map((n) => demoId(50, n)).sort();
// 1 acme, 2 globex
const orgs = (...numbers: number[]) => numbers.map((n) => demoId(20, n)).sort();

type Cases = [DemoUser | 'anonymous', number[]][];
const viewer = (user: DemoUser | 'anonymous') => (user === 'anonymous' ? null : viewerOf(user));

describe.each<[string, Rule, Cases]>([
  // read (DOMAIN.md is silent): signed in, and public, the creator's, or installed in one of the viewer's organizations
  [
    'canSeeBot',
    canSeeBot,
    [
      ['anonymous', []], // not even a public bot
      ['gina', [2]],
      ['admin', [2]],
      ['alice', [1, 2]], // creator of 1, and in acme
      ['dave', [1, 2]], // in acme
      ['hanna', [2, 3]], // creator of 3
      ['istvan', [2]],
      ['bot', [1, 2]],
    ],
  ],
  // update, delete, rotate the token: the creator
  ['canManageBot', canManageBot, [['anonymous', []], ['alice', [1]], ['bob', []], ['hanna', [2, 3]], ['istvan', []], ['bot', []]]],
  // install where one may (DOMAIN.md is silent): public bots, and one's own private ones
  ['canPickBot', canPickBot, [['anonymous', [2]], ['alice', [1, 2]], ['bob', [2]], ['hanna', [2, 3]], ['bot', [2]]]],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (user, expected) => {
    expect(await allowedIds(db, rule, viewer(user))).toEqual(bots(...expected));
  });
});

describe.each<[string, Rule, Cases]>([
  // create in an organization: A(o) and a person
  [
    'canCreateBotIn',
    canCreateBotIn,
    [
      ['anonymous', []],
      ['gina', []],
      ['admin', []],
      ['alice', [1]],
      ['bob', [1]],
      ['carol', []],
      ['dave', []],
      ['hanna', [2]],
      ['istvan', [2]],
      ['judit', []],
      ['bot', []], // an acme admin here, but a machine user
    ],
  ],
  // install, uninstall: A(o)
  ['canInstallBotIn', canInstallBotIn, [['anonymous', []], ['gina', []], ['bob', [1]], ['carol', []], ['dave', []], ['istvan', [2]], ['judit', []], ['bot', [1]]]],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (user, expected) => {
    expect(await allowedIds(db, rule, viewer(user))).toEqual(orgs(...expected));
  });
});
