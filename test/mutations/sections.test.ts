import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import { actorRunner, auditRows, gid, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// Channel sections (one sidebar per organization, A(o)): create, rename, reorder, delete, and a
// channel moved into and out of a section with updateChannel.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
});
afterAll(() => gateway.close());

const ACME = gid('Organization', demoId(20, 1));
const GLOBEX = gid('Organization', demoId(20, 2));
const section = (n: number) => gid('ChannelSection', demoId(22, n));
const SECTION = '... on ChannelSectionPayload { section { id name position organization { slug } channels { nodes { name } } } }';
const CREATE = mutation('createChannelSection', 'CreateChannelSectionInput', SECTION);
const RENAME = mutation('renameChannelSection', 'RenameChannelSectionInput', SECTION);
const DELETE = mutation('deleteChannelSection', 'ChannelSectionInput', SECTION);
const REORDER = mutation('reorderChannelSections', 'ReorderChannelSectionsInput', '... on ReorderChannelSectionsPayload { sections { id name position } }');
const TABLES = ['chat.channel_sections', 'chat.channels', 'platform.audit_logs'];

const sectionsOf = (organization: number) =>
  sqlRows<{ id: string; name: string; position: number }>(
    gateway,
    `select id, name, position from chat.channel_sections where organization_id = '${demoId(20, organization)}' order by position, id`,
  );

describe('createChannelSection', () => {
  it('an admin adds one at the end; audited', async () => {
    const response = await run('bob', CREATE, { input: { organizationId: ACME, name: '  Clients ' } });
    expect(response.data.createChannelSection.section).toMatchObject({ name: 'Clients', position: 2, organization: { slug: 'acme' }, channels: { nodes: [] } });
    expect((await sectionsOf(1)).map((row) => row.name)).toEqual(['Company', 'Projects', 'Clients']);
    expect((await auditRows(gateway, 'channel_section.create')).at(-1)).toMatchObject({ organization_id: demoId(20, 1), new_values: { name: 'Clients', position: 2 } });
  });

  it.each<[string, Actor, Record<string, unknown>, string]>([
    ['an empty name', 'bob', { organizationId: ACME, name: '   ' }, 'ValidationError'],
    ['a name over 80 characters', 'bob', { organizationId: ACME, name: 'x'.repeat(81) }, 'ValidationError'],
    ['a member who is not an admin', 'dave', { organizationId: ACME, name: 'Mine' }, 'ForbiddenError'],
    ['an admin of another organization (it is private to them)', 'bob', { organizationId: GLOBEX, name: 'Mine' }, 'NotFoundError'],
    ['the bot (no channels:write)', 'bot', { organizationId: ACME, name: 'Mine' }, 'ForbiddenError'],
    ['anonymous', 'anonymous', { organizationId: ACME, name: 'Mine' }, 'UNAUTHENTICATED'],
    ['an ID of another type', 'bob', { organizationId: section(1), name: 'Mine' }, 'BAD_USER_INPUT'],
  ])('refuses %s, changing nothing', async (_name, actor, input, expected) => {
    const before = await snapshot(gateway, TABLES);
    expect(outcomeOf(await run(actor, CREATE, { input }), 'createChannelSection')).toBe(expected);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });
});

describe('renameChannelSection, deleteChannelSection', () => {
  it('an admin renames; a member may not; an outsider gets NOT_FOUND', async () => {
    const renamed = await run('istvan', RENAME, { input: { id: section(4), name: 'Csapatok és projektek' } });
    expect(renamed.data.renameChannelSection.section).toMatchObject({ name: 'Csapatok és projektek', position: 1 });
    expect((await auditRows(gateway, 'channel_section.rename')).at(-1)).toMatchObject({ old_values: { name: 'Csapatok' }, new_values: { name: 'Csapatok és projektek' } });
    expect(outcomeOf(await run('judit', RENAME, { input: { id: section(4), name: 'X' } }), 'renameChannelSection')).toBe('ForbiddenError');
    expect(outcomeOf(await run('bob', RENAME, { input: { id: section(4), name: 'X' } }), 'renameChannelSection')).toBe('NotFoundError');
    expect(outcomeOf(await run('istvan', RENAME, { input: { id: section(4), name: '' } }), 'renameChannelSection')).toBe('ValidationError');
  });

  it('deleting a section keeps its channels, outside any section; audited with their count', async () => {
    const filed = await sqlRows<{ name: string }>(gateway, `select name from chat.channels where section_id = '${demoId(22, 2)}' order by name`);
    expect(filed.length).toBeGreaterThan(0);
    expect(outcomeOf(await run('dave', DELETE, { input: { id: section(2) } }), 'deleteChannelSection')).toBe('ForbiddenError');
    const deleted = await run('alice', DELETE, { input: { id: section(2) } });
    expect(deleted.data.deleteChannelSection).toEqual({ __typename: 'ChannelSectionPayload', section: null });
    const names = filed.map((row) => `'${row.name}'`).join(', ');
    expect(await sqlRows(gateway, `select section_id from chat.channels where name in (${names}) and organization_id = '${demoId(20, 1)}'`)).toEqual(
      filed.map(() => ({ section_id: null })),
    );
    expect((await auditRows(gateway, 'channel_section.delete')).at(-1)).toMatchObject({ old_values: { name: 'Projects', channels: filed.length } });
    expect(outcomeOf(await run('alice', DELETE, { input: { id: section(2) } }), 'deleteChannelSection')).toBe('NotFoundError');
  });
});

describe('reorderChannelSections', () => {
  it('puts every section of the organization in the given order', async () => {
    const [a, b] = await sectionsOf(2);
    const response = await run('hanna', REORDER, { input: { organizationId: GLOBEX, sectionIds: [gid('ChannelSection', b!.id), gid('ChannelSection', a!.id)] } });
    expect(response.data.reorderChannelSections.sections.map((row: { id: string; position: number }) => [row.id, row.position])).toEqual([
      [gid('ChannelSection', b!.id), 0],
      [gid('ChannelSection', a!.id), 1],
    ]);
    expect((await auditRows(gateway, 'channel_section.reorder')).at(-1)).toMatchObject({ resource_id: demoId(20, 2), new_values: { sectionIds: [b!.id, a!.id] } });
  });

  it.each<[string, Actor, (ids: string[]) => string[], string]>([
    ['a list missing a section (stale)', 'hanna', (ids) => ids.slice(1), 'ConflictError'],
    ['a section of another organization', 'hanna', (ids) => [...ids.slice(1), section(1)], 'ConflictError'],
    ['a section twice', 'hanna', (ids) => [ids[0]!, ids[0]!, ...ids.slice(1)], 'ValidationError'],
    ['a member', 'judit', (ids) => ids.reverse(), 'ForbiddenError'],
    ['an outsider', 'dave', (ids) => ids.reverse(), 'NotFoundError'],
  ])('refuses %s, changing nothing', async (_name, actor, list, expected) => {
    const ids = (await sectionsOf(2)).map((row) => gid('ChannelSection', row.id));
    const before = await snapshot(gateway, TABLES);
    expect(outcomeOf(await run(actor, REORDER, { input: { organizationId: GLOBEX, sectionIds: list(ids) } }), 'reorderChannelSections')).toBe(expected);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });
});

describe('moving a channel into and out of a section (updateChannel)', () => {
  const UPDATE = mutation('updateChannel', 'UpdateChannelInput', '... on ChannelPayload { channel { name section { name } } }');
  const GENERAL = gid('Channel', demoId(30, 1));

  it('an admin files a channel in a section of its organization and takes it out again', async () => {
    const [company] = await sectionsOf(1);
    const moved = await run('bob', UPDATE, { input: { id: GENERAL, sectionId: gid('ChannelSection', company!.id) } });
    expect(moved.data.updateChannel.channel.section).toEqual({ name: company!.name });
    const out = await run('bob', UPDATE, { input: { id: GENERAL, sectionId: null } });
    expect(out.data.updateChannel.channel.section).toBeNull();
    expect(outcomeOf(await run('bob', UPDATE, { input: { id: GENERAL, sectionId: section(3) } }), 'updateChannel')).toBe('ValidationError');
    expect(outcomeOf(await run('dave', UPDATE, { input: { id: GENERAL, sectionId: null } }), 'updateChannel')).toBe('ForbiddenError');
  });

  it('a bot with channels:write may arrange sections only where it is an admin', async () => {
    await setBotScopes(gateway, ['messages:read', 'channels:write']);
    try {
      expect(outcomeOf(await run('bot', CREATE, { input: { organizationId: ACME, name: 'Bots' } }), 'createChannelSection')).toBe('ForbiddenError');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
  });
});
