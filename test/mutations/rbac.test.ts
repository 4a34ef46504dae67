import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { actorRunner, auditRows, catalogIds, failAuditOf, gid, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// Roles and groups (create, update, delete), permission grants, user roles and groups, app access:
// happy path, validation, forbidden actor, missing target, conflicts, idempotency, audit, atomicity,
// and the escalation rules: nobody hands out a permission they do not hold.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
let id: (ref: string) => string;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  // Custom rows: role `auditor` (log.activity.view, held by carol); group `delegates` giving bob
  // users.permissions.assign (bob holds users.users.view and users.groups.view through staff);
  // group `editors` giving hanna (role manager) users.roles.update and users.groups.update.
  await gateway.handle.exec(`
    insert into auth.roles (key, name, is_system) values ('auditor', '{"en": "Auditor"}', false);
    insert into auth.groups (key, name, is_system) values ('delegates', '{"en": "Delegates"}', false), ('editors', '{"en": "Editors"}', false);
    insert into auth.role_permissions (role_id, permission_id)
      select r.id, p.id from auth.roles r, auth.permissions p where r.key = 'auditor' and p.key = 'log.activity.view';
    insert into auth.group_permissions (group_id, permission_id)
      select g.id, p.id from auth.groups g, auth.permissions p
      where (g.key, p.key) in (('delegates', 'users.permissions.assign'), ('editors', 'users.roles.update'), ('editors', 'users.groups.update'));
    insert into auth.user_roles (user_id, role_id) select '${demoUsers.carol}', id from auth.roles where key = 'auditor';
    insert into auth.user_groups (user_id, group_id)
      select u.id::uuid, g.id from auth.groups g, (values ('${demoUsers.bob}', 'delegates'), ('${demoUsers.hanna}', 'editors')) as u(id, key) where g.key = u.key;`);
  id = await catalogIds(gateway);
});
afterAll(() => gateway.close());

const UNKNOWN = '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d';
const en = (text: string) => [{ locale: 'en', text }];

interface Kind {
  kind: 'role' | 'group';
  what: 'Role' | 'Group';
  system: string;
  custom: string;
  /** The demo person holding view but not write permissions on this kind. */
  viewer: Actor;
}
const KINDS: Kind[] = [
  { kind: 'role', what: 'Role', system: 'user', custom: 'auditor', viewer: 'alice' },
  { kind: 'group', what: 'Group', system: 'staff', custom: 'delegates', viewer: 'bob' },
];

const catalogSelection = (k: Kind) => `... on ${k.what}Payload { ${k.kind} { id key name nameTranslations description isSystem permissions { nodes { key } } } }`;
const catalogMutation = (k: Kind, verb: 'create' | 'update' | 'delete') => mutation(`${verb}${k.what}`, `${verb[0]!.toUpperCase()}${verb.slice(1)}${k.what}Input`, catalogSelection(k));

describe.each(KINDS)('$what: create, update, delete', (k) => {
  const create = (actor: Actor, input: Record<string, unknown>) => run(actor, catalogMutation(k, 'create'), { input });
  const update = (actor: Actor, input: Record<string, unknown>) => run(actor, catalogMutation(k, 'update'), { input });
  const remove = (actor: Actor, input: Record<string, unknown>) => run(actor, catalogMutation(k, 'delete'), { input });
  const rowsWithKey = (key: string) => sqlRows(gateway, `select * from auth.${k.kind}s where key = '${key}'`);

  it('creates one with localized texts, and audits it', async () => {
    const response = await create('admin', { key: ` support-${k.kind} `, name: [{ locale: 'en', text: 'Support' }, { locale: 'hu', text: 'Ügyfélszolgálat' }], description: en('Helps') });
    const row = response.data[`create${k.what}`][k.kind];
    expect(row).toMatchObject({ key: `support-${k.kind}`, name: 'Support', nameTranslations: { en: 'Support', hu: 'Ügyfélszolgálat' }, description: 'Helps', isSystem: false });
    const [audit] = await auditRows(gateway, `${k.kind}.create`);
    expect(audit).toMatchObject({ actor_id: demoUsers.admin, resource_type: k.kind, new_values: { key: `support-${k.kind}` } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a key with spaces and capitals', { key: 'Bad Key', name: en('X') }, 'key'],
    ['a name without the default locale', { key: 'no-default', name: [{ locale: 'hu', text: 'X' }] }, 'name'],
    ['a name in an unknown locale', { key: 'unknown-locale', name: [...en('X'), { locale: 'fr', text: 'X' }] }, 'name'],
    ['a blank name', { key: 'blank', name: en('   ') }, 'name'],
    ['a name with a NUL', { key: 'nul', name: en('a\u0000b') }, 'name'],
  ])('refuses %s (ValidationError) and writes nothing', async (_name, input, field) => {
    const response = await create('admin', input);
    expect(outcomeOf(response, `create${k.what}`)).toBe('ValidationError');
    expect(response.data[`create${k.what}`].fieldErrors[0].path).toEqual([field]);
    expect(await rowsWithKey(String(input.key))).toEqual([]);
  });

  it.each<[Actor, string]>([
    [k.viewer, 'ForbiddenError'],
    ['dave', 'ForbiddenError'],
    ['bot', 'ForbiddenError'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('refuses creation by %s: %s', async (actor, expected) => {
    expect(outcomeOf(await create(actor, { key: 'not-allowed', name: en('X') }), `create${k.what}`)).toBe(expected);
    expect(await rowsWithKey('not-allowed')).toEqual([]);
  });

  it('refuses a taken key (ConflictError); two concurrent creations leave one row', async () => {
    expect(outcomeOf(await create('admin', { key: k.system, name: en('Again') }), `create${k.what}`)).toBe('ConflictError');
    const twins = await Promise.all([create('admin', { key: 'twin', name: en('A') }), create('admin', { key: 'twin', name: en('B') })]);
    expect(twins.map((response) => outcomeOf(response, `create${k.what}`)).sort()).toEqual(['ConflictError', `${k.what}Payload`]);
    expect(await rowsWithKey('twin')).toHaveLength(1);
  });

  it('updates the name and clears the description, and audits old and new values', async () => {
    const response = await update('admin', { id: gid(k.what, id(`${k.kind}:${k.custom}`)), name: [...en('Renamed'), { locale: 'de', text: 'Umbenannt' }], description: null });
    expect(response.data[`update${k.what}`][k.kind]).toMatchObject({ name: 'Renamed', nameTranslations: { en: 'Renamed', de: 'Umbenannt' }, description: null });
    const [audit] = await auditRows(gateway, `${k.kind}.update`);
    expect(audit).toMatchObject({ old_values: { key: k.custom, name: { en: k.custom === 'auditor' ? 'Auditor' : 'Delegates' } }, new_values: { name: { en: 'Renamed' } } });
  });

  it('update: a null name is a ValidationError; a stranger is refused; an unknown or hidden id is NOT_FOUND', async () => {
    const target = gid(k.what, id(`${k.kind}:${k.custom}`));
    expect(outcomeOf(await update('admin', { id: target, name: null }), `update${k.what}`)).toBe('ValidationError');
    expect(outcomeOf(await update(k.viewer, { id: target, name: en('Mine') }), `update${k.what}`)).toBe('ForbiddenError');
    expect(outcomeOf(await update('admin', { id: gid(k.what, UNKNOWN), name: en('X') }), `update${k.what}`)).toBe('NotFoundError');
    // An ID of another type never reaches SQL.
    expect(outcomeOf(await update('admin', { id: gid('User', UNKNOWN), name: en('X') }), `update${k.what}`)).toBe('BAD_USER_INPUT');
  });

  it('refuses to delete a system row, a stranger, an unknown id, an ID of another type', async () => {
    const system = await remove('admin', { id: gid(k.what, id(`${k.kind}:${k.system}`)) });
    expect(system.data[`delete${k.what}`]).toMatchObject({ __typename: 'ForbiddenError', message: `A system ${k.kind} cannot be deleted.` });
    expect(outcomeOf(await remove(k.viewer, { id: gid(k.what, id(`${k.kind}:${k.custom}`)) }), `delete${k.what}`)).toBe('ForbiddenError');
    expect(outcomeOf(await remove('admin', { id: gid(k.what, UNKNOWN) }), `delete${k.what}`)).toBe('NotFoundError');
    expect(outcomeOf(await remove('admin', { id: gid('App', UNKNOWN) }), `delete${k.what}`)).toBe('BAD_USER_INPUT');
    expect(await rowsWithKey(k.system)).toHaveLength(1);
  });

  it('a delete that fails at its audit row leaves every table as it was', async () => {
    const tables = [`auth.${k.kind}s`, `auth.${k.kind}_permissions`, `auth.user_${k.kind}s`, `platform.${k.kind}_app_access`, 'platform.audit_logs'];
    const before = await snapshot(gateway, tables);
    const restore = await failAuditOf(gateway, `${k.kind}.delete`);
    try {
      expect(outcomeOf(await remove('admin', { id: gid(k.what, id(`${k.kind}:${k.custom}`)) }), `delete${k.what}`)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await restore();
    }
    expect(await snapshot(gateway, tables)).toBe(before);
  });

  it('deletes a custom row with its grants and holders, and audits it', async () => {
    const rowId = id(`${k.kind}:${k.custom}`);
    const response = await remove('admin', { id: gid(k.what, rowId) });
    expect(response.data[`delete${k.what}`]).toEqual({ __typename: `${k.what}Payload`, [k.kind]: null });
    expect(await rowsWithKey(k.custom)).toEqual([]);
    expect(await sqlRows(gateway, `select 1 from auth.user_${k.kind}s where ${k.kind}_id = '${rowId}'`)).toEqual([]);
    const [audit] = await auditRows(gateway, `${k.kind}.delete`);
    expect(audit).toMatchObject({ actor_id: demoUsers.admin, resource_id: rowId, old_values: { key: k.custom } });
  });
});
