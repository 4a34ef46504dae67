import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import type { Rule } from './rule.js';
import { canArrangeSections, canManageSection, canSeeSection, canWriteSection } from './section.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

// acme: 1 Company, 2 Projects; globex: 3 Általános, 4 Csapatok
const ids = (...numbers: number[]) => numbers.map((n) => demoId(22, n)).sort();

describe.each<[string, Rule, [DemoUser | 'anonymous', number[]][]]>([
  // read: M(o)
  ['canSeeSection', canSeeSection, [['anonymous', []], ['gina', []], ['admin', []], ['dave', [1, 2]], ['bot', [1, 2]], ['judit', [3, 4]], ['carol', [1, 2, 3, 4]]]],
  // manage: A(o)
  ['canManageSection', canManageSection, [['anonymous', []], ['alice', [1, 2]], ['bob', [1, 2]], ['carol', []], ['dave', []], ['hanna', [3, 4]], ['istvan', [3, 4]], ['judit', []]]],
  // rename, delete: A(o), a bot within channels:write
  ['canWriteSection', canWriteSection, [['anonymous', []], ['bob', [1, 2]], ['istvan', [3, 4]], ['carol', []], ['admin', []], ['bot', []]]],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (user, expected) => {
    expect(await allowedIds(db, rule, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});

// acme 1, globex 2
const organizationIds = (...numbers: number[]) => numbers.map((n) => demoId(20, n)).sort();

describe('canArrangeSections: create and reorder in o, A(o) (a bot within channels:write)', () => {
  it.each<[DemoUser | 'anonymous', number[]]>([
    ['anonymous', []],
    ['alice', [1]],
    ['bob', [1]],
    ['hanna', [2]],
    ['carol', []], // member of both
    ['admin', []], // platform administrator, in no organization
    ['bot', []],
  ])('%s: %j', async (user, expected) => {
    expect((await allowedIds(db, canArrangeSections, user === 'anonymous' ? null : viewerOf(user))).filter((id) => id.startsWith('20'))).toEqual(
      organizationIds(...expected),
    );
  });
});
