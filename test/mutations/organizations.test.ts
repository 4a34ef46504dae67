import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../src/db/schema/index.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  actorHeaders,
  auditRowsFor,
  createOrganization,
  deleteOrganization,
  expectNoLeak,
  globalId,
  liveMembers,
  makeOrganization,
  organizationRow,
  outcome,
  updateOrganization,
  withRefusedAudit,
} from './organization-fixtures.js';

// createOrganization, updateOrganization, deleteOrganization: happy path, validation, forbidden,
// missing target, conflicts, atomicity and audit. Membership mutations: organization-members.test.ts.

let gateway: TestGateway;
let as: ReturnType<typeof actorHeaders>;
beforeAll(async () => {
  gateway = await createTestGateway();
  as = actorHeaders(gateway);
});
afterAll(() => gateway.close());

const ACME = globalId('Organization', demoId(20, 1));
const GLOBEX = globalId('Organization', demoId(20, 2));
const UNKNOWN = globalId('Organization', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d');

const liveWithSlug = (slug: string) =>
  gateway.handle.db.select().from(organizations).where(and(eq(organizations.slug, slug), isNull(organizations.deletedAt)));

describe('createOrganization', () => {
  it('creates the organization with its creator as the only owner, and audits it', async () => {
    const response = await createOrganization(gateway, { slug: 'Gina-Co ', name: ' Gina & Co ', isPublic: true, defaultLocale: 'hu' }, await as('gina'));
    expect(response.result).toMatchObject({ __typename: 'OrganizationPayload', organization: { slug: 'gina-co', name: 'Gina & Co', isPublic: true } });
    const [row] = await liveWithSlug('gina-co');
    expect(row).toMatchObject({ defaultLocale: 'hu', isPublic: true });
    expect(await liveMembers(gateway, row!.id)).toEqual({ gina: 'owner' });
    const audit = await auditRowsFor(gateway, row!.id);
    expect(audit).toMatchObject([{ action: 'organization.create', actorId: demoUsers.gina, organizationId: row!.id }]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a slug with spaces', { slug: 'a b', name: 'X' }, ['slug']],
    ['a one-letter slug', { slug: 'a', name: 'X' }, ['slug']],
    ['an empty name', { slug: 'empty-name', name: '   ' }, ['name']],
    ['a name with a NUL byte', { slug: 'nul-name', name: 'a\u0000b' }, ['name']],
    ['a 10,000 character name', { slug: 'long-name', name: 'x'.repeat(10_000) }, ['name']],
    ['a logo that is not an http(s) URL', { slug: 'bad-logo', name: 'X', logoUrl: 'javascript:alert(1)' }, ['logoUrl']],
    ['a locale the platform does not have', { slug: 'no-locale', name: 'X', defaultLocale: 'fr' }, ['defaultLocale']],
    ['everything wrong at once', { slug: '--', name: '' }, ['slug', 'name']],
  ])('refuses %s with a ValidationError naming the field, and writes nothing', async (_name, input, fields) => {
    const response = await createOrganization(gateway, input, await as('dave'));
    expect(response.result?.__typename).toBe('ValidationError');
    expect(response.result!.fieldErrors.map((error: { path: string[] }) => error.path[0])).toEqual(fields);
    expectNoLeak(response.response);
    expect(await liveWithSlug(String(input.slug))).toEqual([]);
  });

  it('refuses a slug a live organization has (ConflictError), whatever its case', async () => {
    const response = await createOrganization(gateway, { slug: 'ACME', name: 'Another Acme' }, await as('gina'));
    expect(response.result).toMatchObject({ __typename: 'ConflictError', message: 'The slug "acme" is taken.' });
    expect(await liveWithSlug('acme')).toHaveLength(1);
  });

  it('two concurrent creations of one slug leave one organization; the other is a ConflictError', async () => {
    const [first, second] = await Promise.all([
      createOrganization(gateway, { slug: 'race-slug', name: 'First' }, await as('gina')),
      createOrganization(gateway, { slug: 'race-slug', name: 'Second' }, await as('dave')),
    ]);
    expect([first, second].map(outcome).sort()).toEqual(['ConflictError', 'OrganizationPayload']);
    expectNoLeak(first.response);
    expectNoLeak(second.response);
    expect(await liveWithSlug('race-slug')).toHaveLength(1);
  });

  it('is for people: a bot is refused with or without the organizations:write scope', async () => {
    expect(outcome(await createOrganization(gateway, { slug: 'bot-co', name: 'Bot' }, await as('bot')))).toBe('ForbiddenError');
    await setBotScopes(gateway, ['messages:read', 'organizations:write']);
    try {
      const response = await createOrganization(gateway, { slug: 'bot-co', name: 'Bot' }, await as('bot'));
      expect(response.result).toMatchObject({ __typename: 'ForbiddenError', message: 'Only a person can create an organization.' });
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
    expect(await liveWithSlug('bot-co')).toEqual([]);
  });

  it('needs a signed-in viewer (UNAUTHENTICATED)', async () => {
    expect(outcome(await createOrganization(gateway, { slug: 'anon-co', name: 'Anon' }, {}))).toBe('UNAUTHENTICATED');
  });

  it('fails as a whole: when the audit row cannot be written, neither the organization nor its owner stays', async () => {
    await withRefusedAudit(gateway, 'organization.create', async () => {
      const response = await createOrganization(gateway, { slug: 'half-done', name: 'Half' }, await as('gina'));
      expect(response.result ?? null).toBeNull();
      expect(response.response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(response.response)).not.toMatch(/audit refused|insert/i);
    });
    expect(await gateway.handle.db.select().from(organizations).where(eq(organizations.slug, 'half-done'))).toEqual([]);
  });
});

describe('updateOrganization', () => {
  it('lets an admin rename and reconfigure, keeping other settings, and audits old and new values', async () => {
    const response = await updateOrganization(gateway, { id: ACME, name: 'Acme Inc.', membersCanCreateChannels: false }, await as('bob'));
    expect(response.result).toMatchObject({ __typename: 'OrganizationPayload', organization: { slug: 'acme', name: 'Acme Inc.' } });
    const row = await organizationRow(gateway, demoId(20, 1));
    expect(row).toMatchObject({ name: 'Acme Inc.', logoUrl: 'https://logos.example.com/acme.png', settings: { membersCanCreateChannels: false } });
    const audit = (await auditRowsFor(gateway, demoId(20, 1))).filter((entry) => entry.action === 'organization.update');
    expect(audit).toMatchObject([
      { actorId: demoUsers.bob, oldValues: { name: 'Acme Corporation' }, newValues: { name: 'Acme Inc.', settings: { membersCanCreateChannels: false } } },
    ]);
  });

  it('clears the logo with null', async () => {
    const fixture = await makeOrganization(gateway, true, { alice: 'owner' });
    await gateway.handle.exec(`update chat.organizations set logo_url = 'https://x.example/logo.png' where id = '${fixture.id}'`);
    expect(outcome(await updateOrganization(gateway, { id: fixture.gid, logoUrl: null }, await as('alice')))).toBe('OrganizationPayload');
    expect((await organizationRow(gateway, fixture.id))?.logoUrl).toBeNull();
  });

  it.each<[string, Record<string, unknown>]>([
    ['an empty name', { name: '' }],
    ['a logo that is not a URL', { logoUrl: 'logo.png' }],
  ])('refuses %s (ValidationError) and changes nothing', async (_name, input) => {
    const before = await organizationRow(gateway, demoId(20, 2));
    const response = await updateOrganization(gateway, { id: GLOBEX, ...input }, await as('hanna'));
    expect(response.result?.__typename).toBe('ValidationError');
    expect(await organizationRow(gateway, demoId(20, 2))).toEqual(before);
  });

  it.each<[string, 'dave' | 'gina' | 'admin' | 'bot', string, string]>([
    ['a member', 'dave', ACME, 'ForbiddenError'],
    ['a non-member of a public organization', 'gina', ACME, 'ForbiddenError'],
    ['a non-member of a private organization (existence does not leak)', 'gina', GLOBEX, 'NotFoundError'],
    ['the platform administrator, who is no member', 'admin', GLOBEX, 'NotFoundError'],
    ['a bot without the organizations:write scope', 'bot', ACME, 'ForbiddenError'],
  ])('refuses %s', async (_name, actor, id, expected) => {
    const response = await updateOrganization(gateway, { id, name: 'Taken over' }, await as(actor));
    expect(outcome(response)).toBe(expected);
    expect((await organizationRow(gateway, demoId(20, 2)))?.name).toBe('Globex Kft.');
  });

  it('answers NotFoundError for an organization that does not exist, the same as for a hidden one', async () => {
    const unknown = await updateOrganization(gateway, { id: UNKNOWN, name: 'X' }, await as('gina'));
    const hidden = await updateOrganization(gateway, { id: GLOBEX, name: 'X' }, await as('gina'));
    expect(unknown.result).toEqual(hidden.result);
    expect(unknown.result).toMatchObject({ __typename: 'NotFoundError', message: 'Organization not found.' });
  });

  it.each<[string, unknown]>([
    ['a malformed ID', 'not-an-id'],
    ['an ID of another type', globalId('User', demoUsers.alice)],
    ['a number', 42],
  ])('refuses %s with BAD_USER_INPUT, never a 500', async (_name, id) => {
    const response = await updateOrganization(gateway, { id, name: 'X' }, await as('alice'));
    expect(outcome(response)).toBe('BAD_USER_INPUT');
    expectNoLeak(response.response);
  });
});

describe('deleteOrganization', () => {
  it('soft-deletes for an owner: gone from every read, slug free again, audited', async () => {
    const fixture = await makeOrganization(gateway, true, { alice: 'owner', bob: 'admin', dave: 'member' });
    const response = await deleteOrganization(gateway, { id: fixture.gid }, await as('alice'));
    expect(response.result).toEqual({ __typename: 'OrganizationPayload', organization: null });
    expect((await organizationRow(gateway, fixture.id))?.deletedAt).toBeInstanceOf(Date);
    const read = await gateway.execute('query ($slug: String!) { organization(slug: $slug) { id } }', { slug: fixture.slug }, await as('dave'));
    expect(read.data.organization).toBeNull();
    const audit = await auditRowsFor(gateway, fixture.id);
    expect(audit).toMatchObject([{ action: 'organization.delete', actorId: demoUsers.alice, oldValues: { slug: fixture.slug } }]);
    const again = await createOrganization(gateway, { slug: fixture.slug, name: 'Reborn' }, await as('gina'));
    expect(again.result).toMatchObject({ __typename: 'OrganizationPayload', organization: { slug: fixture.slug } });
  });

  it.each<['bob' | 'dave' | 'gina' | 'istvan', string, string]>([
    ['bob', 'an admin', 'ForbiddenError'],
    ['dave', 'a member', 'ForbiddenError'],
    ['gina', 'a non-member of a public organization', 'ForbiddenError'],
  ])('refuses %s (%s)', async (actor, _name, expected) => {
    const fixture = await makeOrganization(gateway, true, { alice: 'owner', bob: 'admin', dave: 'member' });
    expect(outcome(await deleteOrganization(gateway, { id: fixture.gid }, await as(actor)))).toBe(expected);
    expect((await organizationRow(gateway, fixture.id))?.deletedAt).toBeNull();
  });

  it('answers NotFoundError for a private organization of others, an unknown one and one already deleted', async () => {
    expect(outcome(await deleteOrganization(gateway, { id: GLOBEX }, await as('alice')))).toBe('NotFoundError');
    expect(outcome(await deleteOrganization(gateway, { id: UNKNOWN }, await as('alice')))).toBe('NotFoundError');
    const fixture = await makeOrganization(gateway, false, { alice: 'owner' });
    expect(outcome(await deleteOrganization(gateway, { id: fixture.gid }, await as('alice')))).toBe('OrganizationPayload');
    expect(outcome(await deleteOrganization(gateway, { id: fixture.gid }, await as('alice')))).toBe('NotFoundError');
  });

  it('refuses a malformed ID with BAD_USER_INPUT, and an anonymous caller with UNAUTHENTICATED', async () => {
    expect(outcome(await deleteOrganization(gateway, { id: 'x' }, await as('alice')))).toBe('BAD_USER_INPUT');
    expect(outcome(await deleteOrganization(gateway, { id: ACME }, {}))).toBe('UNAUTHENTICATED');
    expect((await organizationRow(gateway, demoId(20, 1)))?.deletedAt).toBeNull();
  });
});
