import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  actorRunner,
  catalogIds,
  gid,
  matrixCases,
  mutation,
  outcomeOf,
  probeAs,
  readVerdict,
  sqlRows,
  userGid,
  verdict,
  type Actor,
  type MatrixRow,
} from '../mutations/platform-helpers.js';

// The RBAC rules of DOMAIN.md ("Who may do what") through the GraphQL API, entity × action × actor:
// Role, Group, Permission reads; role and group writes; permission grants (no escalation); user
// roles and groups; app access. Deny shows as: hidden (absent from lists, null from node), NOT_FOUND
// for a mutation target the actor may not see, FORBIDDEN when seen but not allowed, UNAUTHENTICATED.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
let id: (ref: string) => string;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  // istvan gets, through group `delegates`: users.permissions.assign and .view, users.roles.view and
  // .update (not users.groups.*). Custom rows `matrix-role` and `matrix-group` are the write targets.
  await gateway.handle.exec(`
    insert into auth.roles (key, name) values ('matrix-role', '{"en": "Matrix role"}');
    insert into auth.groups (key, name) values ('matrix-group', '{"en": "Matrix group"}'), ('delegates', '{"en": "Delegates"}');
    insert into auth.group_permissions (group_id, permission_id)
      select g.id, p.id from auth.groups g, auth.permissions p
      where g.key = 'delegates' and p.key in ('users.permissions.assign', 'users.permissions.view', 'users.roles.view', 'users.roles.update');
    insert into auth.user_groups (user_id, group_id) select '${demoUsers.istvan}', id from auth.groups where key = 'delegates';`);
  id = await catalogIds(gateway);
});
afterAll(() => gateway.close());

const A = 'allow';
const H = 'hidden';
const N = 'NOT_FOUND';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';

/** A fresh custom role or group (key `kind-<random>`), optionally granting permissions. */
async function fresh(kind: 'role' | 'group', permissions: string[] = []): Promise<string> {
  const key = `${kind}-${randomUUID().slice(0, 8)}`;
  const [row] = await sqlRows<{ id: string }>(gateway, `insert into auth.${kind}s (key, name) values ('${key}', '{"en": "Fresh"}') returning id`);
  for (const permission of permissions) {
    await gateway.handle.exec(`insert into auth.${kind}_permissions (${kind}_id, permission_id) values ('${row!.id}', '${id(`permission:${permission}`)}')`);
  }
  return gid(kind === 'role' ? 'Role' : 'Group', row!.id);
}

/** A list read: allow when the connection holds rows for the actor. */
const listed = (field: string) => async (actor: Actor) => readVerdict(await run(actor, `{ ${field} { totalCount } }`), (data) => data[field].totalCount > 0);
/** A node read: allow when `node(id)` answers the row. */
const node = (globalId: () => string) => async (actor: Actor) => readVerdict(await run(actor, 'query ($id: ID!) { node(id: $id) { id } }', { id: globalId() }), (data) => data.node !== null);

/** A write: `name(input)` with the input `setup` makes for the actor; the outcome as allow or the deny. */
const write =
  (name: string, inputType: string, setup: (actor: Actor) => Promise<Record<string, unknown>> | Record<string, unknown>) =>
  async (actor: Actor) =>
    verdict(outcomeOf(await run(actor, mutation(name, inputType), { input: await setup(actor) }), name));

const self = (actor: Actor): DemoUser => (actor === 'anonymous' ? 'dave' : actor);
const en = (text: string) => [{ locale: 'en', text }];
const role = (key: string) => gid('Role', id(`role:${key}`));
const group = (key: string) => gid('Group', id(`group:${key}`));
const permission = (key: string) => gid('Permission', id(`permission:${key}`));

// Permissions: admin all; alice and hanna (manager) users.users/roles/groups/permissions.view, translations, log;
// bob (staff) users.users.view and users.groups.view; istvan as set up above; carol, dave, gina, judit, the bot none.
const MATRIX: MatrixRow[] = [
  // reads: P(users.roles.view) / P(users.groups.view) / P(users.permissions.view)
  { rule: 'Role read (list)', probe: listed('roles'), expected: { anonymous: H, gina: H, dave: H, bob: H, bot: H, alice: A, istvan: A, admin: A } },
  { rule: 'Role read (node)', probe: node(() => role('user')), expected: { anonymous: H, dave: H, bob: H, alice: A, admin: A } },
  { rule: 'Group read (list)', probe: listed('groups'), expected: { anonymous: H, dave: H, istvan: H, bot: H, bob: A, alice: A, admin: A } },
  { rule: 'Group read (node)', probe: node(() => group('staff')), expected: { anonymous: H, istvan: H, bob: A, hanna: A } },
  { rule: 'Permission read (list)', probe: listed('permissions'), expected: { anonymous: H, dave: H, bob: H, bot: H, alice: A, istvan: A, admin: A } },
  { rule: 'Permission read (node)', probe: node(() => permission('apps.manage')), expected: { anonymous: H, bob: H, alice: A, istvan: A } },

  // writes: P(users.roles.<action>) / P(users.groups.<action>); system rows cannot be deleted
  {
    rule: 'Role create',
    probe: write('createRole', 'CreateRoleInput', () => ({ key: `new-${randomUUID().slice(0, 8)}`, name: en('New') })),
    expected: { anonymous: U, dave: F, alice: F, istvan: F, bot: F, admin: A },
  },
  {
    rule: 'Role update',
    probe: write('updateRole', 'UpdateRoleInput', () => ({ id: role('matrix-role'), name: en('Matrix role') })),
    expected: { anonymous: U, dave: F, bob: F, alice: F, bot: F, istvan: A, admin: A },
  },
  { rule: 'Role update (unknown)', probe: write('updateRole', 'UpdateRoleInput', () => ({ id: gid('Role', randomUUID()), name: en('X') })), expected: { admin: N } },
  {
    rule: 'Role delete (custom)',
    probe: write('deleteRole', 'DeleteRoleInput', async () => ({ id: await fresh('role') })),
    expected: { anonymous: U, dave: F, alice: F, istvan: F, bot: F, admin: A },
  },
  { rule: 'Role delete (system)', probe: write('deleteRole', 'DeleteRoleInput', () => ({ id: role('guest') })), expected: { admin: F } },
  {
    rule: 'Group create',
    probe: write('createGroup', 'CreateGroupInput', () => ({ key: `new-${randomUUID().slice(0, 8)}`, name: en('New') })),
    expected: { anonymous: U, bob: F, alice: F, bot: F, admin: A },
  },
  {
    rule: 'Group update',
    probe: write('updateGroup', 'UpdateGroupInput', () => ({ id: group('matrix-group'), name: en('Matrix group') })),
    expected: { anonymous: U, bob: F, alice: F, istvan: F, admin: A },
  },
  { rule: 'Group delete (custom)', probe: write('deleteGroup', 'DeleteGroupInput', async () => ({ id: await fresh('group') })), expected: { anonymous: U, bob: F, hanna: F, admin: A } },
  { rule: 'Group delete (system)', probe: write('deleteGroup', 'DeleteGroupInput', () => ({ id: group('everyone') })), expected: { admin: F } },

  // grant, revoke: P(users.permissions.assign), and only permissions the granter holds
  {
    rule: 'Role permission grant (one the granter lacks)',
    probe: write('grantRolePermission', 'RolePermissionInput', async () => ({ roleId: await fresh('role'), permissionId: permission('apps.manage') })),
    expected: { anonymous: U, dave: F, alice: F, istvan: F, bot: F, admin: A },
  },
  {
    rule: 'Role permission grant (one the granter holds)',
    probe: write('grantRolePermission', 'RolePermissionInput', async () => ({ roleId: await fresh('role'), permissionId: permission('users.roles.view') })),
    expected: { alice: F, istvan: A, admin: A },
  },
  {
    rule: 'Role permission revoke (one the revoker lacks)',
    probe: write('revokeRolePermission', 'RolePermissionInput', async () => ({ roleId: await fresh('role', ['apps.manage']), permissionId: permission('apps.manage') })),
    expected: { anonymous: U, alice: F, istvan: F, admin: A },
  },
  {
    rule: 'Role permission revoke (one the revoker holds)',
    probe: write('revokeRolePermission', 'RolePermissionInput', async () => ({ roleId: await fresh('role', ['users.roles.view']), permissionId: permission('users.roles.view') })),
    expected: { istvan: A },
  },
  {
    rule: 'Group permission grant',
    probe: write('grantGroupPermission', 'GroupPermissionInput', async () => ({ groupId: await fresh('group'), permissionId: permission('users.users.view') })),
    expected: { anonymous: U, bob: F, dave: F, istvan: N, admin: A }, // istvan may assign, but sees no groups
  },
  {
    rule: 'Group permission revoke',
    probe: write('revokeGroupPermission', 'GroupPermissionInput', async () => ({ groupId: await fresh('group', ['users.users.view']), permissionId: permission('users.users.view') })),
    expected: { anonymous: U, bob: F, admin: A },
  },

  // user roles and groups (DOMAIN.md is silent): P(users.roles.update) / P(users.groups.update) and every permission held
  {
    rule: 'User role assign (self, administrator)',
    probe: write('assignUserRole', 'UserRoleInput', (actor) => ({ userId: userGid(self(actor)), roleId: role('administrator') })),
    expected: { anonymous: U, dave: F, alice: F, istvan: F, bot: F, admin: A },
  },
  {
    rule: 'User role assign (a role without permissions)',
    probe: write('assignUserRole', 'UserRoleInput', () => ({ userId: userGid('judit'), roleId: role('guest') })),
    expected: { anonymous: U, judit: F, alice: F, bot: F, istvan: A, admin: A },
  },
  // istvan shares no organization with dave and may not view users
  { rule: 'User role assign (a user the actor cannot see)', probe: write('assignUserRole', 'UserRoleInput', () => ({ userId: userGid('dave'), roleId: role('guest') })), expected: { istvan: N } },
  { rule: 'User role remove (manager)', probe: write('removeUserRole', 'UserRoleInput', () => ({ userId: userGid('hanna'), roleId: role('manager') })), expected: { hanna: F, istvan: F, alice: F } },
  { rule: 'User role remove (guest)', probe: write('removeUserRole', 'UserRoleInput', () => ({ userId: userGid('judit'), roleId: role('guest') })), expected: { judit: F, istvan: A, admin: A } },
  {
    rule: 'User group assign (self, administrators)',
    probe: write('assignUserGroup', 'UserGroupInput', (actor) => ({ userId: userGid(self(actor)), groupId: group('administrators') })),
    expected: { anonymous: U, dave: F, bob: F, istvan: F, admin: A },
  },
  { rule: 'User group remove (everyone)', probe: write('removeUserGroup', 'UserGroupInput', () => ({ userId: userGid('judit'), groupId: group('everyone') })), expected: { judit: F, bob: F, admin: A } },

  // app access: P(apps.manage)
  {
    rule: 'App access grant',
    probe: write('grantAppAccess', 'AppAccessInput', () => ({ appId: gid('App', id('app:users')), roleId: role('matrix-role') })),
    expected: { anonymous: U, dave: F, alice: F, bot: F, admin: A },
  },
  {
    rule: 'App access revoke',
    probe: write('revokeAppAccess', 'AppAccessInput', () => ({ appId: gid('App', id('app:users')), roleId: role('matrix-role') })),
    expected: { anonymous: U, alice: F, istvan: F, admin: A },
  },
];

describe('RBAC: entity × action × actor', () => {
  it.each(matrixCases(MATRIX))('%s: %s → %s', async (_rule, actor, expected, row) => {
    expect(await probeAs(row, actor, (scopes) => setBotScopes(gateway, scopes))).toBe(expected);
  });

  it('after the matrix, nobody below the administrator holds a permission they were not given here', async () => {
    const holders = await sqlRows<{ user_id: string; key: string }>(
      gateway,
      `select distinct ur.user_id, p.key from auth.user_roles ur join auth.role_permissions rp on rp.role_id = ur.role_id
       join auth.permissions p on p.id = rp.permission_id where p.key in ('apps.manage', 'users.roles.delete', 'users.permissions.assign')
       union select distinct ug.user_id, p.key from auth.user_groups ug join auth.group_permissions gp on gp.group_id = ug.group_id
       join auth.permissions p on p.id = gp.permission_id where p.key = 'apps.manage'`,
    );
    expect(new Set(holders.map((row) => row.user_id))).toEqual(new Set([demoUsers.admin]));
  });
});
