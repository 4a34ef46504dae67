import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, organizationMembers } from '../../src/db/schema/index.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  actorHeaders,
  addOrganizationMember,
  auditRowsFor,
  changeOrganizationMemberRole,
  expectNoLeak,
  globalId,
  joinOrganization,
  leaveOrganization,
  liveChannelIds,
  liveMembers,
  makeOrganization,
  membershipRows,
  outcome,
  removeOrganizationMember,
  withRefusedAudit,
} from './organization-fixtures.js';

// joinOrganization, addOrganizationMember, changeOrganizationMemberRole, removeOrganizationMember,
// leaveOrganization: happy path, validation, forbidden, missing target, conflicts, idempotency,
// concurrency, atomicity and audit. Most cases use a fresh organization of their own.

let gateway: TestGateway;
let as: ReturnType<typeof actorHeaders>;
beforeAll(async () => {
  gateway = await createTestGateway();
  as = actorHeaders(gateway);
});
afterAll(() => gateway.close());

const ACME = globalId('Organization', demoId(20, 1));
const GLOBEX = globalId('Organization', demoId(20, 2));
const UNKNOWN_ORG = globalId('Organization', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d');
const UNKNOWN_MEMBER = globalId('OrganizationMember', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d');
const user = (name: DemoUser) => globalId('User', demoUsers[name]);
const STAFF = { alice: 'owner', bob: 'admin', dave: 'member', judit: 'member' } as const;

describe('joinOrganization', () => {
  it('makes a person a member of a public organization and returns the membership', async () => {
    const org = await makeOrganization(gateway, true, { alice: 'owner' });
    const response = await joinOrganization(gateway, { organizationId: org.gid }, await as('gina'));
    expect(response.result).toMatchObject({
      __typename: 'OrganizationMemberPayload',
      member: { role: 'MEMBER', user: { id: user('gina') } },
      organization: { id: org.gid },
    });
    expect(await liveMembers(gateway, org.id)).toEqual({ alice: 'owner', gina: 'member' });
  });

  it('is idempotent: joining again returns the same membership, and two concurrent joins leave one row', async () => {
    const org = await makeOrganization(gateway, true, { alice: 'owner' });
    const headers = await as('judit');
    const [first, second] = await Promise.all([
      joinOrganization(gateway, { organizationId: org.gid }, headers),
      joinOrganization(gateway, { organizationId: org.gid }, headers),
    ]);
    const third = await joinOrganization(gateway, { organizationId: org.gid }, headers);
    expect([first, second, third].map(outcome)).toEqual(['OrganizationMemberPayload', 'OrganizationMemberPayload', 'OrganizationMemberPayload']);
    expect(new Set([first, second, third].map((r) => r.result!.member.id)).size).toBe(1);
    expect(await membershipRows(gateway, org.id, 'judit')).toHaveLength(1);
  });

  it('joining again after leaving makes a new live row and keeps the ended one', async () => {
    const org = await makeOrganization(gateway, true, { alice: 'owner', gina: 'member' });
    expect(outcome(await leaveOrganization(gateway, { organizationId: org.gid }, await as('gina')))).toBe('OrganizationMemberPayload');
    const rejoined = await joinOrganization(gateway, { organizationId: org.gid }, await as('gina'));
    expect(rejoined.result!.member.id).not.toBe(org.memberGid('gina'));
    const rows = await membershipRows(gateway, org.id, 'gina');
    expect(rows.map((row) => row.deletedAt === null).sort()).toEqual([false, true]);
  });

  it('answers NotFoundError for a private organization, exactly as for one that does not exist: the payload reveals nothing', async () => {
    const hidden = await joinOrganization(gateway, { organizationId: GLOBEX }, await as('gina'));
    const unknown = await joinOrganization(gateway, { organizationId: UNKNOWN_ORG }, await as('gina'));
    expect(hidden.response).toEqual(unknown.response);
    expect(hidden.result).toEqual({ __typename: 'NotFoundError', message: 'Organization not found.' });
    expect(await membershipRows(gateway, demoId(20, 2), 'gina')).toEqual([]);
  });

  it('refuses a member of a private organization (it is not public) and a deleted organization', async () => {
    expect(outcome(await joinOrganization(gateway, { organizationId: GLOBEX }, await as('carol')))).toBe('ForbiddenError');
    const org = await makeOrganization(gateway, true, { alice: 'owner' });
    await gateway.handle.exec(`update chat.organizations set deleted_at = now() where id = '${org.id}'`);
    expect(outcome(await joinOrganization(gateway, { organizationId: org.gid }, await as('gina')))).toBe('NotFoundError');
  });

  it('is for people: a bot is refused, with or without the organizations:write scope', async () => {
    const org = await makeOrganization(gateway, true, { alice: 'owner' });
    expect(outcome(await joinOrganization(gateway, { organizationId: org.gid }, await as('bot')))).toBe('ForbiddenError');
    await setBotScopes(gateway, ['organizations:write']);
    try {
      expect(outcome(await joinOrganization(gateway, { organizationId: org.gid }, await as('bot')))).toBe('ForbiddenError');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect(await liveMembers(gateway, org.id)).toEqual({ alice: 'owner' });
  });

  it.each<[string, Record<string, unknown>, Record<string, string> | 'anonymous', string]>([
    ['a malformed ID', { organizationId: '%%%' }, {}, 'BAD_USER_INPUT'],
    ['an ID of another type', { organizationId: user('alice') }, {}, 'BAD_USER_INPUT'],
    ['no organization at all', {}, {}, 'BAD_USER_INPUT'],
    ['an anonymous caller', { organizationId: ACME }, 'anonymous', 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, input, headers, expected) => {
    const response = await joinOrganization(gateway, input, headers === 'anonymous' ? {} : await as('gina'));
    expect(outcome(response)).toBe(expected);
    expectNoLeak(response.response);
  });
});

describe('addOrganizationMember', () => {
  it('lets an admin add a person, who is invited by them, and audits it', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    const response = await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('gina') }, await as('bob'));
    expect(response.result).toMatchObject({ __typename: 'OrganizationMemberPayload', member: { role: 'MEMBER', user: { id: user('gina') } } });
    const [row] = await membershipRows(gateway, org.id, 'gina');
    expect(row).toMatchObject({ role: 'member', invitedBy: demoUsers.bob, deletedAt: null });
    expect(await auditRowsFor(gateway, row!.id)).toMatchObject([
      { action: 'member.add', actorId: demoUsers.bob, organizationId: org.id, newValues: { userId: demoUsers.gina, role: 'member' } },
    ]);
  });

  it('is idempotent: an existing member is returned unchanged, concurrent adds leave one row and one audit entry', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    const headers = await as('alice');
    const results = await Promise.all([1, 2].map(() => addOrganizationMember(gateway, { organizationId: org.gid, userId: user('gina') }, headers)));
    const again = await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('dave'), role: 'ADMIN' }, headers);
    expect([...results, again].map(outcome)).toEqual(Array(3).fill('OrganizationMemberPayload'));
    expect(results[0]!.result!.member.id).toBe(results[1]!.result!.member.id);
    expect(again.result!.member).toMatchObject({ id: org.memberGid('dave'), role: 'MEMBER' });
    expect(await membershipRows(gateway, org.id, 'gina')).toHaveLength(1);
    const audit = await gateway.handle.db.select().from(auditLogs).where(and(eq(auditLogs.organizationId, org.id), eq(auditLogs.action, 'member.add')));
    expect(audit).toHaveLength(1);
  });

  it('adds an admin for an admin, an owner only for an owner (an admin cannot make anyone owner)', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    expect(outcome(await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('gina'), role: 'ADMIN' }, await as('bob')))).toBe(
      'OrganizationMemberPayload',
    );
    expect(outcome(await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('hanna'), role: 'OWNER' }, await as('bob')))).toBe(
      'ForbiddenError',
    );
    expect(outcome(await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('istvan'), role: 'OWNER' }, await as('alice')))).toBe(
      'OrganizationMemberPayload',
    );
    expect(await liveMembers(gateway, org.id)).toEqual({ ...STAFF, gina: 'admin', istvan: 'owner' });
  });

  it.each<[string, DemoUser, boolean, string]>([
    ['a member', 'dave', false, 'ForbiddenError'],
    ['a non-member of a public organization', 'gina', true, 'ForbiddenError'],
    ['a non-member of a private organization', 'gina', false, 'NotFoundError'],
    ['the platform administrator, who is no member', 'admin', false, 'NotFoundError'],
    ['the bot without the organizations:write scope', 'bot', false, 'ForbiddenError'],
  ])('refuses %s', async (_name, actor, isPublic, expected) => {
    const org = await makeOrganization(gateway, isPublic, { ...STAFF, bot: 'member' });
    expect(outcome(await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('hanna') }, await as(actor)))).toBe(expected);
    expect(await liveMembers(gateway, org.id)).toEqual({ ...STAFF, bot: 'member' });
  });

  it('a person cannot add themselves to a private organization they are not in', async () => {
    const org = await makeOrganization(gateway, false, { alice: 'owner' });
    expect(outcome(await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('dave') }, await as('dave')))).toBe('NotFoundError');
    expect(outcome(await addOrganizationMember(gateway, { organizationId: GLOBEX, userId: user('dave'), role: 'OWNER' }, await as('dave')))).toBe(
      'NotFoundError',
    );
    expect(await liveMembers(gateway, org.id)).toEqual({ alice: 'owner' });
  });

  it('answers NotFoundError for a user or organization that does not exist, and for a deleted user', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    const ghost = globalId('User', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d');
    const noUser = await addOrganizationMember(gateway, { organizationId: org.gid, userId: ghost }, await as('bob'));
    expect(noUser.result).toEqual({ __typename: 'NotFoundError', message: 'User not found.' });
    expect(outcome(await addOrganizationMember(gateway, { organizationId: UNKNOWN_ORG, userId: user('gina') }, await as('bob')))).toBe('NotFoundError');
    await gateway.handle.exec(`update auth.users set deleted_at = now() where id = '${demoUsers.gina}'`);
    try {
      expect(outcome(await addOrganizationMember(gateway, { organizationId: org.gid, userId: user('gina') }, await as('bob')))).toBe('NotFoundError');
    } finally {
      await gateway.handle.exec(`update auth.users set deleted_at = null where id = '${demoUsers.gina}'`);
    }
    expect(await liveMembers(gateway, org.id)).toEqual(STAFF);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a role that does not exist', { userId: user('gina'), role: 'KING' }],
    ['a user ID that names an organization', { userId: ACME }],
    ['a malformed user ID', { userId: 'bm90LWEtdXVpZA==' }],
  ])('refuses %s with BAD_USER_INPUT', async (_name, input) => {
    const org = await makeOrganization(gateway, false, STAFF);
    const response = await addOrganizationMember(gateway, { organizationId: org.gid, ...input }, await as('alice'));
    expect(outcome(response)).toBe('BAD_USER_INPUT');
    expectNoLeak(response.response);
  });
});

describe('changeOrganizationMemberRole', () => {
  it("lets an owner change a member's role, and audits old and new role", async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    const response = await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('dave'), role: 'ADMIN' }, await as('alice'));
    expect(response.result).toMatchObject({ __typename: 'OrganizationMemberPayload', member: { id: org.memberGid('dave'), role: 'ADMIN' } });
    expect(await auditRowsFor(gateway, org.memberIds.dave!)).toMatchObject([
      { action: 'member.role_change', actorId: demoUsers.alice, organizationId: org.id, oldValues: { role: 'member' }, newValues: { role: 'admin' } },
    ]);
  });

  it('lets an admin promote and demote between member and admin; setting the same role again is a no-op without audit', async () => {
    const org = await makeOrganization(gateway, false, { ...STAFF, gina: 'admin' });
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('dave'), role: 'ADMIN' }, await as('bob')))).toBe('OrganizationMemberPayload');
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('gina'), role: 'MEMBER' }, await as('bob')))).toBe('OrganizationMemberPayload');
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('judit'), role: 'MEMBER' }, await as('bob')))).toBe('OrganizationMemberPayload');
    expect(await liveMembers(gateway, org.id)).toEqual({ ...STAFF, dave: 'admin', gina: 'member' });
    expect(await auditRowsFor(gateway, org.memberIds.judit!)).toEqual([]);
  });

  it.each<[string, DemoUser, DemoUser, string]>([
    ['an admin cannot make anyone owner', 'bob', 'dave', 'OWNER'],
    ['an admin cannot make themselves owner', 'bob', 'bob', 'OWNER'],
    ["an admin cannot change an owner's role", 'bob', 'alice', 'MEMBER'],
    ['a member cannot change their own role', 'dave', 'dave', 'ADMIN'],
    ["a member cannot change another member's role", 'dave', 'judit', 'ADMIN'],
  ])('%s (ForbiddenError)', async (_name, actor, target, role) => {
    const org = await makeOrganization(gateway, false, STAFF);
    const response = await changeOrganizationMemberRole(gateway, { memberId: org.memberGid(target), role }, await as(actor));
    expect(outcome(response)).toBe('ForbiddenError');
    expect(await liveMembers(gateway, org.id)).toEqual(STAFF);
  });

  it('answers NotFoundError to a non-member, for an unknown membership and for an ended one', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('dave'), role: 'ADMIN' }, await as('gina')))).toBe('NotFoundError');
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: UNKNOWN_MEMBER, role: 'ADMIN' }, await as('alice')))).toBe('NotFoundError');
    await gateway.handle.exec(`update chat.organization_members set deleted_at = now() where id = '${org.memberIds.judit}'`);
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('judit'), role: 'ADMIN' }, await as('alice')))).toBe('NotFoundError');
  });

  it('refuses to demote the last owner (ConflictError) and changes nothing', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    const response = await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('alice'), role: 'ADMIN' }, await as('alice'));
    expect(response.result).toMatchObject({ __typename: 'ConflictError' });
    expect(await liveMembers(gateway, org.id)).toEqual(STAFF);
    expect(await auditRowsFor(gateway, org.memberIds.alice!)).toEqual([]);
  });

  it('lets an owner step down when another owner remains', async () => {
    const org = await makeOrganization(gateway, false, { ...STAFF, carol: 'owner' });
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('alice'), role: 'MEMBER' }, await as('alice')))).toBe(
      'OrganizationMemberPayload',
    );
    expect(await liveMembers(gateway, org.id)).toEqual({ ...STAFF, alice: 'member', carol: 'owner' });
  });

  it('two owners demoting each other at once leave one owner: one succeeds, the other is a ConflictError', async () => {
    const org = await makeOrganization(gateway, false, { alice: 'owner', carol: 'owner' });
    const results = await Promise.all([
      changeOrganizationMemberRole(gateway, { memberId: org.memberGid('carol'), role: 'MEMBER' }, await as('alice')),
      changeOrganizationMemberRole(gateway, { memberId: org.memberGid('alice'), role: 'MEMBER' }, await as('carol')),
    ]);
    const outcomes = results.map(outcome).sort();
    // The second to run is no longer an owner (FORBIDDEN) or would remove the last owner (CONFLICT).
    expect(outcomes[1]).toBe('OrganizationMemberPayload');
    expect(['ConflictError', 'ForbiddenError']).toContain(outcomes[0]);
    expect(Object.values(await liveMembers(gateway, org.id)).filter((role) => role === 'owner')).toHaveLength(1);
  });

  it('refuses a role that does not exist and a membership ID of another type with BAD_USER_INPUT', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    for (const input of [{ memberId: org.memberGid('dave'), role: 'GOD' }, { memberId: org.gid, role: 'ADMIN' }, { memberId: org.memberGid('dave') }]) {
      const response = await changeOrganizationMemberRole(gateway, input, await as('alice'));
      expect(outcome(response)).toBe('BAD_USER_INPUT');
      expectNoLeak(response.response);
    }
  });
});

describe('removeOrganizationMember', () => {
  it("ends a membership and the member's channel memberships of that organization only, and audits it", async () => {
    // carol is in acme and globex: removing her from acme keeps her globex channels.
    const globexChannels = (await liveChannelIds(gateway, 'carol')).filter((id) => id.startsWith('30000000-0000-4000-8000-00000000001'));
    const response = await removeOrganizationMember(gateway, { memberId: globalId('OrganizationMember', demoId(21, 3)) }, await as('bob'));
    expect(response.result).toMatchObject({ __typename: 'OrganizationMemberPayload', member: null, organization: { slug: 'acme' } });
    expect(await liveChannelIds(gateway, 'carol')).toEqual(globexChannels);
    expect(await auditRowsFor(gateway, demoId(21, 3))).toMatchObject([
      { action: 'member.remove', actorId: demoUsers.bob, organizationId: demoId(20, 1), oldValues: { userId: demoUsers.carol, role: 'member' } },
    ]);
    // Added back, she is a member again but not of the private #design she was in.
    expect(outcome(await addOrganizationMember(gateway, { organizationId: ACME, userId: user('carol') }, await as('bob')))).toBe('OrganizationMemberPayload');
    const design = await gateway.execute('query ($id: ID!) { node(id: $id) { id } }', { id: globalId('Channel', demoId(30, 3)) }, await as('carol'));
    expect(design.data.node).toBeNull();
  });

  it.each<[string, DemoUser, DemoUser, string]>([
    ['an admin removes another admin', 'bob', 'gina', 'OrganizationMemberPayload'],
    ['an owner removes another owner', 'alice', 'carol', 'OrganizationMemberPayload'],
    ['an admin cannot remove an owner', 'bob', 'carol', 'ForbiddenError'],
    ['a member cannot remove another member', 'dave', 'judit', 'ForbiddenError'],
    ['a non-member gets NotFoundError', 'hanna', 'judit', 'NotFoundError'],
  ])('%s', async (_name, actor, target, expected) => {
    const org = await makeOrganization(gateway, false, { ...STAFF, carol: 'owner', gina: 'admin' });
    expect(outcome(await removeOrganizationMember(gateway, { memberId: org.memberGid(target) }, await as(actor)))).toBe(expected);
    const left = await liveMembers(gateway, org.id);
    expect(target in left).toBe(expected !== 'OrganizationMemberPayload');
  });

  it('removing oneself is leaving (audited as member.leave); the last owner cannot (ConflictError)', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    expect(outcome(await removeOrganizationMember(gateway, { memberId: org.memberGid('dave') }, await as('dave')))).toBe('OrganizationMemberPayload');
    expect(await auditRowsFor(gateway, org.memberIds.dave!)).toMatchObject([{ action: 'member.leave', actorId: demoUsers.dave }]);
    const last = await removeOrganizationMember(gateway, { memberId: org.memberGid('alice') }, await as('alice'));
    expect(last.result).toMatchObject({ __typename: 'ConflictError' });
    expect(await liveMembers(gateway, org.id)).toEqual({ alice: 'owner', bob: 'admin', judit: 'member' });
  });

  it('answers NotFoundError for an unknown membership and one already ended', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    expect(outcome(await removeOrganizationMember(gateway, { memberId: UNKNOWN_MEMBER }, await as('alice')))).toBe('NotFoundError');
    expect(outcome(await removeOrganizationMember(gateway, { memberId: org.memberGid('dave') }, await as('alice')))).toBe('OrganizationMemberPayload');
    expect(outcome(await removeOrganizationMember(gateway, { memberId: org.memberGid('dave') }, await as('alice')))).toBe('NotFoundError');
  });

  it('fails as a whole: when the audit row cannot be written, the membership and channel memberships stay', async () => {
    const before = await liveChannelIds(gateway, 'dave');
    await withRefusedAudit(gateway, 'member.remove', async () => {
      const response = await removeOrganizationMember(gateway, { memberId: globalId('OrganizationMember', demoId(21, 4)) }, await as('alice'));
      expect(outcome(response)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(response.response)).not.toMatch(/audit refused|update|insert/i);
    });
    expect(await liveChannelIds(gateway, 'dave')).toEqual(before);
    expect(await gateway.handle.db.select().from(organizationMembers).where(eq(organizationMembers.id, demoId(21, 4)))).toMatchObject([{ deletedAt: null }]);
  });

  it('refuses a malformed ID with BAD_USER_INPUT and an anonymous caller with UNAUTHENTICATED', async () => {
    expect(outcome(await removeOrganizationMember(gateway, { memberId: "'; drop table x; --" }, await as('alice')))).toBe('BAD_USER_INPUT');
    expect(outcome(await removeOrganizationMember(gateway, { memberId: UNKNOWN_MEMBER }, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('leaveOrganization', () => {
  it('ends the own membership and channel memberships, audited as member.leave', async () => {
    const org = await makeOrganization(gateway, true, STAFF);
    const response = await leaveOrganization(gateway, { organizationId: org.gid }, await as('judit'));
    expect(response.result).toMatchObject({ __typename: 'OrganizationMemberPayload', member: null, organization: { id: org.gid } });
    expect(await auditRowsFor(gateway, org.memberIds.judit!)).toMatchObject([{ action: 'member.leave', actorId: demoUsers.judit, organizationId: org.id }]);
    expect(await liveMembers(gateway, org.id)).toEqual({ alice: 'owner', bob: 'admin', dave: 'member' });
  });

  it('a private organization is no longer visible in the payload of leaving it', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    const response = await leaveOrganization(gateway, { organizationId: org.gid }, await as('dave'));
    expect(response.result).toEqual({ __typename: 'OrganizationMemberPayload', member: null, organization: null });
  });

  it('the last owner cannot leave (ConflictError); once there is another owner they can', async () => {
    const org = await makeOrganization(gateway, false, STAFF);
    expect(outcome(await leaveOrganization(gateway, { organizationId: org.gid }, await as('alice')))).toBe('ConflictError');
    expect(outcome(await changeOrganizationMemberRole(gateway, { memberId: org.memberGid('bob'), role: 'OWNER' }, await as('alice')))).toBe(
      'OrganizationMemberPayload',
    );
    expect(outcome(await leaveOrganization(gateway, { organizationId: org.gid }, await as('alice')))).toBe('OrganizationMemberPayload');
    expect(await liveMembers(gateway, org.id)).toEqual({ bob: 'owner', dave: 'member', judit: 'member' });
  });

  it('answers one NotFoundError to a non-member, whether the organization is public, private or unknown', async () => {
    const answers = await Promise.all([ACME, GLOBEX, UNKNOWN_ORG].map(async (id) => (await leaveOrganization(gateway, { organizationId: id }, await as('gina'))).result));
    expect(answers).toEqual(Array(3).fill({ __typename: 'NotFoundError', message: 'Organization not found.' }));
  });

  it('a bot leaves only with the organizations:write scope', async () => {
    const org = await makeOrganization(gateway, false, { alice: 'owner', bot: 'member' });
    expect(outcome(await leaveOrganization(gateway, { organizationId: org.gid }, await as('bot')))).toBe('ForbiddenError');
    await setBotScopes(gateway, ['messages:read', 'organizations:write']);
    try {
      expect(outcome(await leaveOrganization(gateway, { organizationId: org.gid }, await as('bot')))).toBe('OrganizationMemberPayload');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect(await liveMembers(gateway, org.id)).toEqual({ alice: 'owner' });
  });

  it('refuses an ID of another type with BAD_USER_INPUT', async () => {
    const response = await leaveOrganization(gateway, { organizationId: globalId('Channel', demoId(30, 1)) }, await as('dave'));
    expect(outcome(response)).toBe('BAD_USER_INPUT');
    expectNoLeak(response.response);
  });
});
