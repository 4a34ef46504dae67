import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import {
  canAddOrganizationMember,
  canAddOrganizationOwner,
  canChangeMemberRole,
  canCreateOrganization,
  canDeleteOrganization,
  canJoinOrganization,
  canReadOrganizationDetails,
  canRemoveMember,
  canSeeOrganization,
  canSeeOrganizationMember,
  canUpdateOrganization,
  withinOrganizationScope,
} from './organization.js';
import type { Rule } from './rule.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

type Actor = DemoUser | 'anonymous';
const viewer = (actor: Actor) => (actor === 'anonymous' ? null : viewerOf(actor));

// 1 acme (public), 2 globex (private)
const orgs = (...numbers: number[]) => numbers.map((n) => demoId(20, n)).sort();
// acme: 1 alice owner, 2 bob admin, 3 carol, 4 dave, 9 the bot (members); globex: 5 hanna owner, 6 istvan admin, 7 judit, 8 carol
const members = (...numbers: number[]) => numbers.map((n) => demoId(21, n)).sort();
const ACME = [1, 2, 3, 4, 9];
const GLOBEX = [5, 6, 7, 8];

describe.each<[string, Rule, [Actor, number[]][]]>([
  // read: anyone sees a public organization, members see theirs
  ['canSeeOrganization', canSeeOrganization, [['anonymous', [1]], ['gina', [1]], ['admin', [1]], ['dave', [1]], ['carol', [1, 2]], ['judit', [1, 2]], ['bot', [1]]]],
  // everything beyond name, slug and logo: M(o)
  ['canReadOrganizationDetails', canReadOrganizationDetails, [['anonymous', []], ['gina', []], ['admin', []], ['dave', [1]], ['carol', [1, 2]], ['hanna', [2]], ['bot', [1]]]],
  // update: A(o)
  ['canUpdateOrganization', canUpdateOrganization, [['anonymous', []], ['admin', []], ['alice', [1]], ['bob', [1]], ['carol', []], ['dave', []], ['hanna', [2]], ['istvan', [2]], ['judit', []]]],
  // delete: O(o)
  ['canDeleteOrganization', canDeleteOrganization, [['alice', [1]], ['bob', []], ['hanna', [2]], ['istvan', []], ['carol', []], ['admin', []]]],
  // join self: a public organization, for a person (a bot is installed by an admin, it does not join by itself)
  ['canJoinOrganization', canJoinOrganization, [['anonymous', []], ['gina', [1]], ['judit', [1]], ['hanna', [1]], ['bot', []]]],
  // add another member: A(o)
  ['canAddOrganizationMember', canAddOrganizationMember, [['anonymous', []], ['gina', []], ['bob', [1]], ['dave', []], ['istvan', [2]], ['judit', []]]],
  // add another member as an owner: O(o) (an admin may not make anyone owner)
  ['canAddOrganizationOwner', canAddOrganizationOwner, [['anonymous', []], ['gina', []], ['alice', [1]], ['bob', []], ['dave', []], ['hanna', [2]], ['istvan', []]]],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (actor, expected) => {
    expect(await allowedIds(db, rule, viewer(actor))).toEqual(orgs(...expected));
  });
});

describe('canCreateOrganization: Auth and human', () => {
  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['gina', true],
    ['dave', true],
    ['bot', false],
  ])('%s: %s', (actor, expected) => {
    expect(canCreateOrganization(viewer(actor))).toBe(expected);
  });
});

describe('withinOrganizationScope: a person always, a bot only with organizations:write', () => {
  it.each<[string, ReturnType<typeof viewer>, boolean]>([
    ['anonymous', null, false],
    ['dave', viewerOf('dave'), true],
    ['bot with the messages scopes', viewerOf('bot'), false],
    ['bot with organizations:write', viewerOf('bot', ['organizations:write']), true],
  ])('%s: %s', (_name, actor, expected) => {
    expect(withinOrganizationScope(actor)).toBe(expected);
  });
});

describe.each<[string, Rule, [Actor, number[]][]]>([
  // member list: M(o)
  ['canSeeOrganizationMember', canSeeOrganizationMember, [['anonymous', []], ['gina', []], ['admin', []], ['dave', ACME], ['bot', ACME], ['judit', GLOBEX], ['carol', [...ACME, ...GLOBEX]]]],
  // change to admin or member: O(o), or A(o) for a row whose role is not owner
  ['canChangeMemberRole(admin)', canChangeMemberRole('admin'), [['alice', ACME], ['bob', [2, 3, 4, 9]], ['dave', []], ['carol', []], ['hanna', GLOBEX], ['istvan', [6, 7, 8]], ['gina', []]]],
  ['canChangeMemberRole(member)', canChangeMemberRole('member'), [['alice', ACME], ['bob', [2, 3, 4, 9]], ['istvan', [6, 7, 8]], ['judit', []]]],
  // promote to owner: O(o) only (an admin may not)
  ['canChangeMemberRole(owner)', canChangeMemberRole('owner'), [['alice', ACME], ['bob', []], ['hanna', GLOBEX], ['istvan', []], ['anonymous', []]]],
  // remove: self (leave), O(o), or A(o) for a member who is not an owner
  ['canRemoveMember', canRemoveMember, [['anonymous', []], ['gina', []], ['dave', [4]], ['carol', [3, 8]], ['bob', [2, 3, 4, 9]], ['alice', ACME], ['istvan', [6, 7, 8]], ['bot', [9]]]],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (actor, expected) => {
    expect(await allowedIds(db, rule, viewer(actor))).toEqual(members(...expected));
  });
});
