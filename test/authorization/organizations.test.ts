import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import {
  actorHeaders,
  addOrganizationMember,
  changeOrganizationMemberRole,
  createOrganization,
  deleteOrganization,
  globalId,
  joinOrganization,
  leaveOrganization,
  liveMembers,
  makeOrganization,
  organizationRow,
  removeOrganizationMember,
  retireFixtures,
  updateOrganization,
  type Fixture,
} from '../mutations/organization-fixtures.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';

// Organizations and their members, through the GraphQL API: (1) the matrix of entity x action x
// actor of DOMAIN.md, each write on a fresh organization of its own; (2) every path by which the
// private organization globex and its members could reach a non-member.

let gateway: TestGateway;
let as: ReturnType<typeof actorHeaders>;
beforeAll(async () => {
  gateway = await createTestGateway();
  as = actorHeaders(gateway);
});
afterAll(() => gateway.close());

// ---------------------------------------------------------------------------------------------
// (1) The matrix. Every fixture organization has: alice and carol owners, bob admin, dave and
// judit members, and the bot installed as a member. gina is in no organization; admin is the
// platform administrator, a member of none (platform permissions give no organization rights).

type Actor = 'anonymous' | 'gina' | 'admin' | 'dave' | 'bob' | 'alice' | 'bot' | 'bot+scope';
const ACTORS: Actor[] = ['anonymous', 'gina', 'admin', 'dave', 'bob', 'alice', 'bot', 'bot+scope'];
const ACTOR_ROLES = 'anonymous, non-member, system administrator, member, admin, owner, bot (messages scopes), bot with organizations:write';

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';
const [ok, F, N, U] = ['ok', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'] as const;

const MEMBERS = { alice: 'owner', carol: 'owner', bob: 'admin', dave: 'member', judit: 'member', bot: 'member' } as const;

async function headersOf(actor: Actor) {
  return as(actor === 'bot+scope' ? 'bot' : actor);
}

/** The outcome of a mutation answer: a payload is allowed; a typed error or top-level code is denied. */
function outcomeOf({ response, result }: Awaited<ReturnType<typeof joinOrganization>>): string {
  if (result?.__typename?.endsWith('Payload')) return ok;
  const byType: Record<string, string> = { ForbiddenError: F, NotFoundError: N, ConflictError: 'CONFLICT', ValidationError: 'BAD_USER_INPUT' };
  return byType[result?.__typename ?? ''] ?? String(response.errors?.[0]?.extensions?.code);
}

type Run = (fixture: Fixture, headers: Record<string, string>) => ReturnType<typeof joinOrganization>;

// action, public organization?, the write, outcome per actor in ACTORS order
const writes: [string, boolean, Run, Outcome[]][] = [
  ['Organization update (public)', true, (o, h) => updateOrganization(gateway, { id: o.gid, name: 'Renamed' }, h), [U, F, F, F, ok, ok, F, F]],
  ['Organization update (private)', false, (o, h) => updateOrganization(gateway, { id: o.gid, name: 'Renamed' }, h), [U, N, N, F, ok, ok, F, F]],
  ['Organization delete (public)', true, (o, h) => deleteOrganization(gateway, { id: o.gid }, h), [U, F, F, F, F, ok, F, F]],
  ['Organization delete (private)', false, (o, h) => deleteOrganization(gateway, { id: o.gid }, h), [U, N, N, F, F, ok, F, F]],
  // Joining again as a member returns the membership (idempotent); bots are installed, they do not join.
  ['OrganizationMember join self (public)', true, (o, h) => joinOrganization(gateway, { organizationId: o.gid }, h), [U, ok, ok, ok, ok, ok, F, F]],
  ['OrganizationMember join self (private)', false, (o, h) => joinOrganization(gateway, { organizationId: o.gid }, h), [U, N, N, F, F, F, F, F]],
  ['OrganizationMember add other (public)', true, (o, h) => addOrganizationMember(gateway, { organizationId: o.gid, userId: globalId('User', demoUsers.hanna) }, h), [U, F, F, F, ok, ok, F, F]],
  ['OrganizationMember add other (private)', false, (o, h) => addOrganizationMember(gateway, { organizationId: o.gid, userId: globalId('User', demoUsers.hanna) }, h), [U, N, N, F, ok, ok, F, F]],
  ['OrganizationMember add other as owner', false, (o, h) => addOrganizationMember(gateway, { organizationId: o.gid, userId: globalId('User', demoUsers.hanna), role: 'OWNER' }, h), [U, N, N, F, F, ok, F, F]],
  ['OrganizationMember change role member -> admin', false, (o, h) => changeOrganizationMemberRole(gateway, { memberId: o.memberGid('judit'), role: 'ADMIN' }, h), [U, N, N, F, ok, ok, F, F]],
  ['OrganizationMember change role member -> owner', false, (o, h) => changeOrganizationMemberRole(gateway, { memberId: o.memberGid('judit'), role: 'OWNER' }, h), [U, N, N, F, F, ok, F, F]],
  ['OrganizationMember change role owner -> member', false, (o, h) => changeOrganizationMemberRole(gateway, { memberId: o.memberGid('carol'), role: 'MEMBER' }, h), [U, N, N, F, F, ok, F, F]],
  ['OrganizationMember remove a member', false, (o, h) => removeOrganizationMember(gateway, { memberId: o.memberGid('judit') }, h), [U, N, N, F, ok, ok, F, F]],
  ['OrganizationMember remove an owner', false, (o, h) => removeOrganizationMember(gateway, { memberId: o.memberGid('carol') }, h), [U, N, N, F, F, ok, F, F]],
  ['OrganizationMember leave (another owner remains)', false, (o, h) => leaveOrganization(gateway, { organizationId: o.gid }, h), [U, N, N, ok, ok, ok, F, ok]],
];

const cases = writes.flatMap(([action, isPublic, run, outcomes]) => ACTORS.map((actor, i) => [action, actor, isPublic, run, outcomes[i]!] as const));

describe(`writes: entity x action x actor (${ACTOR_ROLES})`, () => {
  afterAll(() => retireFixtures(gateway));

  it.each(cases)('%s by %s', async (_action, actor, isPublic, run, expected) => {
    const fixture = await makeOrganization(gateway, isPublic, MEMBERS);
    const before = { row: await organizationRow(gateway, fixture.id), members: await liveMembers(gateway, fixture.id) };
    if (actor === 'bot+scope') await setBotScopes(gateway, ['messages:read', 'messages:write', 'organizations:write']);
    try {
      expect(outcomeOf(await run(fixture, await headersOf(actor)))).toBe(expected);
    } finally {
      if (actor === 'bot+scope') await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    // A refusal changes nothing.
    if (expected !== ok) expect({ row: await organizationRow(gateway, fixture.id), members: await liveMembers(gateway, fixture.id) }).toEqual(before);
  });

  it.each(ACTORS.map((actor, i) => [actor, [U, ok, ok, ok, ok, ok, F, F][i]!] as const))('Organization create by %s: %s', async (actor, expected) => {
    if (actor === 'bot+scope') await setBotScopes(gateway, ['organizations:write']);
    try {
      const slug = `created-by-${actor.replace('+', '-')}`;
      expect(outcomeOf(await createOrganization(gateway, { slug, name: 'New' }, await headersOf(actor)))).toBe(expected);
    } finally {
      if (actor === 'bot+scope') await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
  });
});

const READ = /* GraphQL */ `
  query ($slug: String!) {
    organization(slug: $slug) { name slug logoUrl settings createdAt defaultLocale memberCount members { totalCount nodes { id } } }
  }
`;

/** What a read shows: the public profile, the member-only details, the member list. */
async function readAs(fixture: Fixture, actor: Actor) {
  const { data } = await gateway.execute(READ, { slug: fixture.slug }, await headersOf(actor));
  const o = data.organization;
  return {
    profile: o ? o.slug === fixture.slug && o.name !== null : false,
    details: o ? o.settings !== null && o.createdAt !== null && o.defaultLocale !== null : false,
    members: o ? o.members.totalCount === 6 && o.members.nodes.length === 6 && o.memberCount === 6 : false,
    // A denied list is empty, never partial.
    emptyWhenDenied: o ? o.members.totalCount === 0 || o.members.totalCount === 6 : true,
  };
}

// public?, part, allowed per actor in ACTORS order
const reads: [boolean, 'profile' | 'details' | 'members', boolean[]][] = [
  [true, 'profile', [true, true, true, true, true, true, true, true]],
  [true, 'details', [false, false, false, true, true, true, true, true]],
  [true, 'members', [false, false, false, true, true, true, true, true]],
  [false, 'profile', [false, false, false, true, true, true, true, true]],
  [false, 'details', [false, false, false, true, true, true, true, true]],
  [false, 'members', [false, false, false, true, true, true, true, true]],
];

describe('reads: Organization (name, slug, logo to anyone when public; the rest M(o)) and OrganizationMember list M(o)', () => {
  let publicOrg: Fixture;
  let privateOrg: Fixture;
  beforeAll(async () => {
    publicOrg = await makeOrganization(gateway, true, MEMBERS);
    privateOrg = await makeOrganization(gateway, false, MEMBERS);
  });
  afterAll(() => retireFixtures(gateway));

  const readCases = reads.flatMap(([isPublic, part, allowed]) => ACTORS.map((actor, i) => [isPublic ? 'public' : 'private', part, actor, allowed[i]!] as const));
  it.each(readCases)('%s organization %s by %s: %s', async (visibility, part, actor, expected) => {
    const seen = await readAs(visibility === 'public' ? publicOrg : privateOrg, actor);
    expect(seen[part]).toBe(expected);
    expect(seen.emptyWhenDenied).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// (2) Every path to the private organization globex and its members, for non-members: gina (in
// no organization), dave (acme member, who shares acme with carol, a globex member too) and the
// platform administrator (who may view every user, not every organization).

const GLOBEX = globalId('Organization', demoId(20, 2));
const GLOBEX_MEMBERS = [5, 6, 7, 8].map((n) => globalId('OrganizationMember', demoId(21, n)));
const CAROL = globalId('User', demoUsers.carol);
const HANNA = globalId('User', demoUsers.hanna);
const outsiders: DemoUser[] = ['gina', 'dave', 'admin'];

/** Every string in a response: no slug, name or ID of globex or its members may appear. */
function expectNoGlobex(data: unknown) {
  const text = JSON.stringify(data);
  expect(text).not.toMatch(/globex/i);
  for (const id of [GLOBEX, ...GLOBEX_MEMBERS]) expect(text).not.toContain(id);
  for (const n of [2, 5, 6, 7, 8]) expect(text).not.toContain(demoId(n === 2 ? 20 : 21, n));
}

describe.each(outsiders)('the private organization globex is unreachable for %s', (outsider) => {
  const query = async (document: string, variables: Record<string, unknown> = {}) => {
    const response = await gateway.execute(document, variables, await as(outsider));
    expect(response.errors).toBeUndefined();
    expectNoGlobex(response.data);
    return response.data;
  };

  it('root list `organizations` and its totalCount, searched or not', async () => {
    const data = await query('{ all: organizations { totalCount nodes { slug } } found: organizations(search: "Glob") { totalCount nodes { slug } } }');
    expect(data.all.totalCount).toBe(data.all.nodes.length);
    expect(data.found).toEqual({ totalCount: 0, nodes: [] });
  });

  it('`organization(slug)`, also next to an alias that finds a visible one', async () => {
    const data = await query('{ hidden: organization(slug: "globex") { id name } visible: organization(slug: "acme") { slug } }');
    expect(data).toEqual({ hidden: null, visible: { slug: 'acme' } });
  });

  it('`node` and `nodes` for the organization and its memberships', async () => {
    const data = await query('query ($id: ID!, $ids: [ID!]!) { node(id: $id) { id } nodes(ids: $ids) { id } }', { id: GLOBEX, ids: [GLOBEX, ...GLOBEX_MEMBERS] });
    expect(data).toEqual({ node: null, nodes: [null, null, null, null, null] });
  });

  it('`user.memberships` of a globex member, with totalCount, through two aliases with different arguments', async () => {
    const data = await query(
      `query ($carol: ID!, $hanna: ID!) {
        carol: user(id: $carol) { a: memberships(first: 1) { totalCount nodes { role organization { slug } } } b: memberships(first: 10) { totalCount nodes { organization { slug } } } }
        hanna: user(id: $hanna) { memberships { totalCount nodes { id } } }
      }`,
      { carol: CAROL, hanna: HANNA },
    );
    const expected = outsider === 'dave' ? 1 : 0; // dave shares acme with carol, and sees only that membership
    expect(data.carol?.a.totalCount ?? 0).toBe(expected);
    expect(data.carol?.b.nodes.length ?? 0).toBe(expected);
    expect(data.hanna?.memberships.totalCount ?? 0).toBe(0);
  });

  it('`notification.organization`, `viewer.memberships` and member counts of a public organization', async () => {
    const data = await query(
      `{ viewer { memberships { totalCount nodes { organization { slug } } } notifications(first: 50) { nodes { organization { slug name } } } }
         organizations { nodes { slug memberCount owners: members(role: OWNER) { totalCount } everyone: members { totalCount nodes { user { id } } } } } }`,
    );
    // The platform administrator has a notification about globex's creation: its organization is null.
    if (outsider === 'admin') expect(data.viewer.notifications.nodes.some((n: { organization: unknown }) => n.organization === null)).toBe(true);
  });

  it('mutation payloads: joining, adding oneself, updating or leaving globex say NotFoundError, exactly like an unknown organization', async () => {
    const unknown = globalId('Organization', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d');
    const headers = await as(outsider);
    const self = globalId('User', demoUsers[outsider]);
    for (const id of [GLOBEX, unknown]) {
      const answers = await Promise.all([
        joinOrganization(gateway, { organizationId: id }, headers),
        addOrganizationMember(gateway, { organizationId: id, userId: self }, headers),
        updateOrganization(gateway, { id, name: 'Mine now' }, headers),
        leaveOrganization(gateway, { organizationId: id }, headers),
        deleteOrganization(gateway, { id }, headers),
      ]);
      for (const answer of answers) {
        expect(answer.result).toEqual({ __typename: 'NotFoundError', message: 'Organization not found.' });
        expectNoGlobex(answer.response);
      }
    }
    for (const memberId of GLOBEX_MEMBERS) {
      const changed = await changeOrganizationMemberRole(gateway, { memberId, role: 'MEMBER' }, headers);
      const removed = await removeOrganizationMember(gateway, { memberId }, headers);
      expect([changed.result, removed.result]).toEqual(Array(2).fill({ __typename: 'NotFoundError', message: 'Organization member not found.' }));
    }
    expect(await liveMembers(gateway, demoId(20, 2))).toEqual({ carol: 'member', hanna: 'owner', istvan: 'admin', judit: 'member' });
  });

  it("a payload's nested relations: carol's memberships read from an acme payload show no globex", async () => {
    if (outsider !== 'dave') return; // only an acme member gets an acme payload with carol in it
    const response = await gateway.execute(
      `mutation ($input: JoinOrganizationInput!) { joinOrganization(input: $input) { ... on OrganizationMemberPayload {
        organization { members { nodes { user { displayName memberships { totalCount nodes { organization { slug } } } } } } } } } }`,
      { input: { organizationId: globalId('Organization', demoId(20, 1)) } },
      await as('dave'),
    );
    expectNoGlobex(response.data);
    const carol = response.data.joinOrganization.organization.members.nodes.find((m: { user: { displayName: string } }) => /carol/i.test(m.user.displayName));
    expect(carol.user.memberships.totalCount).toBe(1);
  });
});

describe('globex for its own members (the same paths do reach it)', () => {
  it('carol sees globex in the list, by slug, by node and in her memberships', async () => {
    const response = await gateway.execute(
      `query ($id: ID!) { organizations { nodes { slug } } organization(slug: "globex") { slug memberCount } node(id: $id) { id }
         viewer { memberships { totalCount } } }`,
      { id: GLOBEX },
      await as('carol'),
    );
    expect(response.data.organizations.nodes.map((o: { slug: string }) => o.slug)).toContain('globex');
    expect(response.data.organization).toEqual({ slug: 'globex', memberCount: 4 });
    expect(response.data.node).toEqual({ id: GLOBEX });
    expect(response.data.viewer.memberships.totalCount).toBe(2);
  });
});
