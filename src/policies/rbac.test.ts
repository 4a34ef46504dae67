import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { groups, permissions, resources, roles } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoUsers, viewerOf, type DemoUser } from '../../test/policies.js';
import {
  canAssignGroup,
  canAssignPermission,
  canAssignRole,
  canSeeGroup,
  canSeePermission,
  canSeeResource,
  canSeeRole,
  canWriteGroup,
  canWriteRole,
} from './rbac.js';
import type { Rule } from './rule.js';

let db: Database;
let drop: () => Promise<void>;
const idOf = new Map<string, string>(); // catalog ids are generated: `role:user`, `group:staff`, `permission:apps.manage`, …
beforeAll(async () => {
  const { handle, drop: dropDatabase } = await openSeededDatabase();
  ({ db } = handle);
  drop = dropDatabase;
  // Seeds hold only system roles and groups, and users.permissions.assign only with every other permission (the
  // platform admin). Added: a custom role, and a custom group `delegates` granting only users.permissions.assign
  // to bob (who holds users.users.view and users.groups.view through staff) and hanna (the six of role manager).
  // The role `auditor` grants dave users.roles.update, users.groups.update and users.users.view.
  await handle.exec(`
    insert into auth.roles (key, name, is_system) values ('auditor', '{"en": "Auditor"}', false);
    insert into auth.role_permissions (role_id, permission_id)
      select r.id, p.id from auth.roles r, auth.permissions p
      where r.key = 'auditor' and p.key in ('users.roles.update', 'users.groups.update', 'users.users.view');
    insert into auth.user_roles (user_id, role_id) select '${demoUsers.dave}', id from auth.roles where key = 'auditor';
    insert into auth.groups (key, name, is_system) values ('delegates', '{"en": "Delegates"}', false);
    insert into auth.group_permissions (group_id, permission_id)
      select g.id, p.id from auth.groups g, auth.permissions p where g.key = 'delegates' and p.key = 'users.permissions.assign';
    insert into auth.user_groups (user_id, group_id)
      select u.id::uuid, g.id from auth.groups g, (values ('${demoUsers.bob}'), ('${demoUsers.hanna}')) as u(id) where g.key = 'delegates';`);
  for (const [kind, table] of [['role', roles], ['group', groups], ['permission', permissions], ['resource', resources]] as const) {
    for (const row of await db.select({ id: table.id, key: table.key }).from(table)) idOf.set(`${kind}:${row.key}`, row.id);
  }
});
afterAll(() => drop());

const ids = (kind: string, keys: string[]) => keys.map((key) => idOf.get(`${kind}:${key}`) ?? `${kind}:${key}?`).sort();

const SYSTEM_ROLES = ['administrator', 'manager', 'user', 'guest'];
const ROLES = [...SYSTEM_ROLES, 'auditor'];
const SYSTEM_GROUPS = ['administrators', 'staff', 'everyone', 'guests'];
const GROUPS = [...SYSTEM_GROUPS, 'delegates'];
const MANAGER = ['users.users.view', 'users.roles.view', 'users.groups.view', 'users.permissions.view', 'translations.manage', 'log.activity.view'];
const PERMISSIONS = [
  ...MANAGER,
  'users.users.update',
  'users.roles.create',
  'users.roles.update',
  'users.roles.delete',
  'users.groups.create',
  'users.groups.update',
  'users.groups.delete',
  'users.permissions.assign',
  'apps.manage',
  'api.introspect',
  'settings.auth_providers.manage',
  'settings.themes.manage',
  'settings.email_templates.manage',
  'log.system.view',
];
const RESOURCES = [
  ...['users.users', 'users.roles', 'users.groups', 'users.permissions', 'translations', 'log.activity', 'apps', 'api'],
  ...['settings.auth_providers', 'settings.themes', 'settings.email_templates', 'log.system'],
];

// Permissions: admin all (role administrator); alice and hanna MANAGER (role manager); bob users.users.view and
// users.groups.view (group staff); carol, dave, istvan, judit, gina, the bot none.
describe.each<[string, Rule, string, [DemoUser | 'anonymous', string[]][]]>([
  ['canSeeRole', canSeeRole, 'role', [['anonymous', []], ['gina', []], ['carol', []], ['bob', []], ['alice', ROLES], ['admin', ROLES]]],
  ['canSeeGroup', canSeeGroup, 'group', [['anonymous', []], ['gina', []], ['carol', []], ['bob', GROUPS], ['hanna', GROUPS], ['admin', GROUPS]]],
  ['canSeePermission', canSeePermission, 'permission', [['anonymous', []], ['carol', []], ['bob', []], ['alice', PERMISSIONS], ['admin', PERMISSIONS]]],
  ['canSeeResource', canSeeResource, 'resource', [['anonymous', []], ['carol', []], ['bob', []], ['hanna', RESOURCES], ['admin', RESOURCES]]],
  // write: P(users.roles.<action>), which only the admin holds; system roles cannot be deleted
  ['canWriteRole(create)', canWriteRole('create'), 'role', [['anonymous', []], ['alice', []], ['admin', ROLES]]],
  ['canWriteRole(update)', canWriteRole('update'), 'role', [['anonymous', []], ['alice', []], ['admin', ROLES]]],
  ['canWriteRole(delete)', canWriteRole('delete'), 'role', [['anonymous', []], ['alice', []], ['admin', ['auditor']]]],
  ['canWriteGroup(create)', canWriteGroup('create'), 'group', [['anonymous', []], ['bob', []], ['hanna', []], ['admin', GROUPS]]],
  ['canWriteGroup(update)', canWriteGroup('update'), 'group', [['anonymous', []], ['bob', []], ['hanna', []], ['admin', GROUPS]]],
  ['canWriteGroup(delete)', canWriteGroup('delete'), 'group', [['anonymous', []], ['bob', []], ['hanna', []], ['admin', ['delegates']]]],
  // grant, revoke: P(users.permissions.assign), and only permissions the granter holds (no escalation)
  [
    'canAssignPermission',
    canAssignPermission,
    'permission',
    [
      ['anonymous', []],
      ['carol', []],
      ['alice', []], // holds MANAGER but not users.permissions.assign
      ['bob', ['users.users.view', 'users.groups.view', 'users.permissions.assign']], // all through groups
      ['hanna', [...MANAGER, 'users.permissions.assign']], // through role manager and group delegates
      ['admin', PERMISSIONS],
    ],
  ],
  // give or take a role or group: P(users.roles.update) / P(users.groups.update), and every permission it grants held
  // (user, guest, everyone and guests grant none; dave holds only the auditor's three)
  [
    'canAssignRole',
    canAssignRole,
    'role',
    [['anonymous', []], ['hanna', []], ['dave', ['auditor', 'guest', 'user']], ['admin', ROLES]],
  ],
  ['canAssignGroup', canAssignGroup, 'group', [['anonymous', []], ['bob', []], ['dave', ['everyone', 'guests']], ['admin', GROUPS]]],
])('%s', (_name, rule, kind, cases) => {
  it.each(cases)('%s', async (user, expected) => {
    expect(await allowedIds(db, rule, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(kind, expected));
  });
});
