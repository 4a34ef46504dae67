import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers, type DemoUser } from '../policies.js';
import { actorRunner, auditRows, catalogIds, failAuditOf, gid, mutation, outcomeOf, snapshot, sqlRows, userGid, type Actor } from './platform-helpers.js';

// Permission grants, user roles and groups, app access: happy path, validation, forbidden actor,
// missing target, idempotency (concurrent twins leave one row), audit, atomicity, and escalation:
// nobody hands out, to themselves or anyone, a permission they do not hold.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
let id: (ref: string) => string;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  // Custom rows: role `auditor` (no permissions); group `delegates` giving bob users.permissions.assign
  // and .view (bob holds users.users.view and users.groups.view through staff, and sees no roles); group
  // `editors` giving hanna (role manager: the six view/translate/log permissions) users.roles.update
  // and users.groups.update.
  await gateway.handle.exec(`
    insert into auth.roles (key, name, is_system) values ('auditor', '{"en": "Auditor"}', false);
    insert into auth.groups (key, name, is_system) values ('delegates', '{"en": "Delegates"}', false), ('editors', '{"en": "Editors"}', false);
    insert into auth.group_permissions (group_id, permission_id)
      select g.id, p.id from auth.groups g, auth.permissions p
      where (g.key, p.key) in (('delegates', 'users.permissions.assign'), ('delegates', 'users.permissions.view'), ('editors', 'users.roles.update'), ('editors', 'users.groups.update'));
    insert into auth.user_groups (user_id, group_id)
      select u.id::uuid, g.id from auth.groups g, (values ('${demoUsers.bob}', 'delegates'), ('${demoUsers.hanna}', 'editors')) as u(id, key) where g.key = u.key;`);
  id = await catalogIds(gateway);
});
afterAll(() => gateway.close());

const UNKNOWN = '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d';
const role = (key: string) => gid('Role', id(`role:${key}`));
const group = (key: string) => gid('Group', id(`group:${key}`));
const permission = (key: string) => gid('Permission', id(`permission:${key}`));
const app = (key: string) => gid('App', id(`app:${key}`));

const grantPermission = (actor: Actor, kind: 'Role' | 'Group', change: 'grant' | 'revoke', input: Record<string, unknown>) =>
  run(actor, mutation(`${change}${kind}Permission`, `${kind}PermissionInput`, `... on ${kind}Payload { ${kind.toLowerCase()} { key permissions { nodes { key } } } }`), { input });
const membership = (actor: Actor, name: string, input: Record<string, unknown>) =>
  run(actor, mutation(name, name.endsWith('Role') ? 'UserRoleInput' : 'UserGroupInput', '... on UserPayload { user { id } }'), { input });
const appAccess = (actor: Actor, change: 'grant' | 'revoke', input: Record<string, unknown>) =>
  run(actor, mutation(`${change}AppAccess`, 'AppAccessInput', '... on AppAccessPayload { app { key } role { key } group { key } }'), { input });

const grantsOf = (table: 'role' | 'group', key: string) =>
  sqlRows<{ key: string }>(
    gateway,
    `select p.key from auth.${table}_permissions x join auth.${table}s o on o.id = x.${table}_id join auth.permissions p on p.id = x.permission_id
     where o.key = '${key}' order by p.key`,
  ).then((rows) => rows.map((row) => row.key));
const holdings = (table: 'role' | 'group', user: DemoUser) =>
  sqlRows<{ key: string }>(
    gateway,
    `select o.key from auth.user_${table}s x join auth.${table}s o on o.id = x.${table}_id where x.user_id = '${demoUsers[user]}' order by o.key`,
  ).then((rows) => rows.map((row) => row.key));

describe('grant and revoke a permission of a role or group', () => {
  it('grants, repeats without effect (one audit row), and revokes, each audited', async () => {
    const input = { roleId: role('auditor'), permissionId: permission('log.activity.view') };
    const granted = await grantPermission('admin', 'Role', 'grant', input);
    expect(granted.data.grantRolePermission).toEqual({ __typename: 'RolePayload', role: { key: 'auditor', permissions: { nodes: [{ key: 'log.activity.view' }] } } });
    expect(outcomeOf(await grantPermission('admin', 'Role', 'grant', input), 'grantRolePermission')).toBe('RolePayload');
    expect(await auditRows(gateway, 'role.permission_grant')).toMatchObject([
      { actor_id: demoUsers.admin, resource_type: 'role', resource_id: id('role:auditor'), new_values: { role: 'auditor', permission: 'log.activity.view' } },
    ]);
    const grantedBy = await sqlRows(gateway, `select granted_by from auth.role_permissions where role_id = '${id('role:auditor')}'`);
    expect(grantedBy).toEqual([{ granted_by: demoUsers.admin }]);

    expect(outcomeOf(await grantPermission('admin', 'Role', 'revoke', input), 'revokeRolePermission')).toBe('RolePayload');
    expect(outcomeOf(await grantPermission('admin', 'Role', 'revoke', input), 'revokeRolePermission')).toBe('RolePayload');
    expect(await grantsOf('role', 'auditor')).toEqual([]);
    expect(await auditRows(gateway, 'role.permission_revoke')).toMatchObject([{ old_values: { permission: 'log.activity.view' } }]);
  });

  it('two concurrent grants leave one row', async () => {
    const input = { groupId: group('delegates'), permissionId: permission('apps.manage') };
    const twins = await Promise.all([grantPermission('admin', 'Group', 'grant', input), grantPermission('admin', 'Group', 'grant', input)]);
    expect(twins.map((response) => outcomeOf(response, 'grantGroupPermission'))).toEqual(['GroupPayload', 'GroupPayload']);
    try {
      expect(await grantsOf('group', 'delegates')).toEqual(['apps.manage', 'users.permissions.assign', 'users.permissions.view']);
      expect(await auditRows(gateway, 'group.permission_grant')).toHaveLength(1);
    } finally {
      await grantPermission('admin', 'Group', 'revoke', input);
    }
  });

  it('escalation: without users.permissions.assign nobody grants, not even to their own role', async () => {
    // carol holds role user: she tries to give it the administrator's powers.
    for (const actor of ['carol', 'alice', 'dave'] as const) {
      const response = await grantPermission(actor, 'Role', 'grant', { roleId: role('user'), permissionId: permission('users.roles.delete') });
      expect(outcomeOf(response, 'grantRolePermission')).toBe('ForbiddenError');
    }
    expect(await grantsOf('role', 'user')).toEqual([]);
  });

  it('escalation: with users.permissions.assign, only permissions the granter holds', async () => {
    // bob holds users.permissions.assign and .view, users.users.view, users.groups.view; staff is his own group.
    const lacking = await grantPermission('bob', 'Group', 'grant', { groupId: group('staff'), permissionId: permission('apps.manage') });
    expect(outcomeOf(lacking, 'grantGroupPermission')).toBe('ForbiddenError');
    const lackingRevoke = await grantPermission('bob', 'Group', 'revoke', { groupId: group('administrators'), permissionId: permission('apps.manage') });
    expect(outcomeOf(lackingRevoke, 'revokeGroupPermission')).toBe('ForbiddenError');
    expect(await grantsOf('group', 'staff')).toEqual(['users.groups.view', 'users.users.view']);

    const held = await grantPermission('bob', 'Group', 'grant', { groupId: group('everyone'), permissionId: permission('users.users.view') });
    expect(outcomeOf(held, 'grantGroupPermission')).toBe('GroupPayload');
    expect(await grantsOf('group', 'everyone')).toEqual(['users.users.view']);
    await grantPermission('bob', 'Group', 'revoke', { groupId: group('everyone'), permissionId: permission('users.users.view') });
  });

  it('a role the granter may not see is NOT_FOUND; an unknown permission too; IDs of another type are BAD_USER_INPUT', async () => {
    // bob holds users.permissions.assign but not users.roles.view.
    expect(outcomeOf(await grantPermission('bob', 'Role', 'grant', { roleId: role('user'), permissionId: permission('users.users.view') }), 'grantRolePermission')).toBe('NotFoundError');
    expect(outcomeOf(await grantPermission('admin', 'Role', 'grant', { roleId: role('user'), permissionId: gid('Permission', UNKNOWN) }), 'grantRolePermission')).toBe('NotFoundError');
    expect(outcomeOf(await grantPermission('admin', 'Role', 'grant', { roleId: group('staff'), permissionId: permission('apps.manage') }), 'grantRolePermission')).toBe('BAD_USER_INPUT');
    expect(outcomeOf(await grantPermission('anonymous', 'Role', 'grant', { roleId: role('user'), permissionId: permission('apps.manage') }), 'grantRolePermission')).toBe('UNAUTHENTICATED');
    expect(outcomeOf(await grantPermission('bot', 'Role', 'grant', { roleId: role('user'), permissionId: permission('apps.manage') }), 'grantRolePermission')).toBe('ForbiddenError');
  });
});

describe('assign and remove a role or group of a user', () => {
  it('escalation: a member cannot give themselves a role', async () => {
    for (const key of ['administrator', 'manager', 'auditor']) {
      const response = await membership('dave', 'assignUserRole', { userId: userGid('dave'), roleId: role(key) });
      expect(outcomeOf(response, 'assignUserRole')).toBe('ForbiddenError');
    }
    expect(await holdings('role', 'dave')).toEqual(['user']);
  });

  it('escalation: even with users.roles.update, not a role with permissions the actor lacks (nor take it away)', async () => {
    // hanna holds users.roles.update and the manager permissions, not the administrator's.
    expect(outcomeOf(await membership('hanna', 'assignUserRole', { userId: userGid('hanna'), roleId: role('administrator') }), 'assignUserRole')).toBe('ForbiddenError');
    expect(outcomeOf(await membership('hanna', 'removeUserRole', { userId: userGid('admin'), roleId: role('administrator') }), 'removeUserRole')).toBe('ForbiddenError');
    expect(outcomeOf(await membership('hanna', 'assignUserGroup', { userId: userGid('hanna'), groupId: group('administrators') }), 'assignUserGroup')).toBe('ForbiddenError');
    expect(await holdings('role', 'hanna')).toEqual(['manager']);
    expect(await holdings('role', 'admin')).toEqual(['administrator']);
  });

  it('assigns a role whose permissions the actor holds, idempotently, and removes it; each change audited', async () => {
    const input = { userId: userGid('dave'), roleId: role('manager') };
    const twins = await Promise.all([membership('hanna', 'assignUserRole', input), membership('hanna', 'assignUserRole', input)]);
    expect(twins.map((response) => response.data.assignUserRole)).toEqual([
      { __typename: 'UserPayload', user: { id: userGid('dave') } },
      { __typename: 'UserPayload', user: { id: userGid('dave') } },
    ]);
    expect(await holdings('role', 'dave')).toEqual(['manager', 'user']);
    const audit = (await auditRows(gateway, 'user.role_grant')).filter((row) => row.actor_id === demoUsers.hanna); // the seeds hold one of the admin's
    expect(audit).toMatchObject([{ actor_id: demoUsers.hanna, resource_type: 'user', resource_id: demoUsers.dave, new_values: { role: 'manager' } }]);

    expect(outcomeOf(await membership('hanna', 'removeUserRole', input), 'removeUserRole')).toBe('UserPayload');
    expect(outcomeOf(await membership('hanna', 'removeUserRole', input), 'removeUserRole')).toBe('UserPayload');
    expect(await holdings('role', 'dave')).toEqual(['user']);
    expect(await auditRows(gateway, 'user.role_revoke')).toHaveLength(1);
  });

  it('groups the same way: staff (whose permissions hanna holds) yes, with an audit row', async () => {
    expect(outcomeOf(await membership('hanna', 'assignUserGroup', { userId: userGid('judit'), groupId: group('staff') }), 'assignUserGroup')).toBe('UserPayload');
    expect(await holdings('group', 'judit')).toEqual(['everyone', 'staff']);
    expect(await auditRows(gateway, 'user.group_grant')).toMatchObject([{ new_values: { group: 'staff' } }]);
    expect(outcomeOf(await membership('hanna', 'removeUserGroup', { userId: userGid('judit'), groupId: group('staff') }), 'removeUserGroup')).toBe('UserPayload');
    expect(await holdings('group', 'judit')).toEqual(['everyone']);
  });

  it('an unknown user or role is NOT_FOUND; an ID of another type BAD_USER_INPUT; anonymous UNAUTHENTICATED; a bot is refused', async () => {
    expect(outcomeOf(await membership('admin', 'removeUserGroup', { userId: userGid('gina'), groupId: role('guest') }), 'removeUserGroup')).toBe('BAD_USER_INPUT');
    expect(outcomeOf(await membership('admin', 'removeUserGroup', { userId: userGid('gina'), groupId: gid('Group', UNKNOWN) }), 'removeUserGroup')).toBe('NotFoundError');
    expect(outcomeOf(await membership('admin', 'assignUserRole', { userId: gid('User', UNKNOWN), roleId: role('guest') }), 'assignUserRole')).toBe('NotFoundError');
    expect(outcomeOf(await membership('admin', 'assignUserRole', { userId: userGid('gina'), roleId: gid('Role', UNKNOWN) }), 'assignUserRole')).toBe('NotFoundError');
    expect(outcomeOf(await membership('anonymous', 'assignUserRole', { userId: userGid('gina'), roleId: role('guest') }), 'assignUserRole')).toBe('UNAUTHENTICATED');
    expect(outcomeOf(await membership('bot', 'assignUserRole', { userId: userGid('bot'), roleId: role('guest') }), 'assignUserRole')).toBe('ForbiddenError');
  });

  it('an assignment that fails at its audit row leaves nothing behind', async () => {
    const tables = ['auth.user_roles', 'platform.audit_logs'];
    const before = await snapshot(gateway, tables);
    const restore = await failAuditOf(gateway, 'user.role_grant');
    try {
      expect(outcomeOf(await membership('admin', 'assignUserRole', { userId: userGid('gina'), roleId: role('administrator') }), 'assignUserRole')).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await restore();
    }
    expect(await snapshot(gateway, tables)).toBe(before);
  });
});

describe('grant and revoke app access', () => {
  it('opens an app to a role, repeats without effect, closes it; audited', async () => {
    const input = { appId: app('files'), groupId: group('everyone') };
    const response = await appAccess('admin', 'grant', input);
    // The admin may open files (role administrator), so the app reads back.
    expect(response.data.grantAppAccess).toEqual({ __typename: 'AppAccessPayload', app: { key: 'files' }, role: null, group: { key: 'everyone' } });
    expect(outcomeOf(await appAccess('admin', 'grant', input), 'grantAppAccess')).toBe('AppAccessPayload');
    expect(await auditRows(gateway, 'app.access_grant')).toMatchObject([{ resource_type: 'app', resource_id: id('app:files'), new_values: { app: 'files', group: 'everyone' } }]);
    // dave (group everyone) now sees the files app.
    const daveApps = await run('dave', '{ apps { nodes { key } } }');
    expect(daveApps.data.apps.nodes.map((node: { key: string }) => node.key)).toContain('files');

    expect(outcomeOf(await appAccess('admin', 'revoke', input), 'revokeAppAccess')).toBe('AppAccessPayload');
    expect(await sqlRows(gateway, `select 1 from platform.group_app_access where app_id = '${id('app:files')}' and group_id = '${id('group:everyone')}'`)).toEqual([]);
    expect(await auditRows(gateway, 'app.access_revoke')).toHaveLength(1);
  });

  it('needs exactly one of role and group (ValidationError), apps.manage (FORBIDDEN), a known app (NOT_FOUND)', async () => {
    expect(outcomeOf(await appAccess('admin', 'grant', { appId: app('chat'), roleId: role('user'), groupId: group('staff') }), 'grantAppAccess')).toBe('ValidationError');
    expect(outcomeOf(await appAccess('admin', 'grant', { appId: app('chat') }), 'grantAppAccess')).toBe('ValidationError');
    expect(outcomeOf(await appAccess('alice', 'grant', { appId: app('chat'), roleId: role('user') }), 'grantAppAccess')).toBe('ForbiddenError');
    expect(outcomeOf(await appAccess('admin', 'grant', { appId: gid('App', UNKNOWN), roleId: role('user') }), 'grantAppAccess')).toBe('NotFoundError');
    // An inactive app is still managed: the admin sees it through apps.manage.
    expect(outcomeOf(await appAccess('admin', 'revoke', { appId: app('legacy-reports'), roleId: role('user') }), 'revokeAppAccess')).toBe('AppAccessPayload');
  });
});
