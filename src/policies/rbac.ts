import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../context.js';
import { groups, permissions, resources, roles } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, hasPermission, type Column } from './viewer.js';

/** Role read: P(users.roles.view). */
export const canSeeRole = defineRule('role.read', roles, (viewer) => hasPermission(viewer, 'users.roles.view'));

/** Group read: P(users.groups.view). */
export const canSeeGroup = defineRule('group.read', groups, (viewer) => hasPermission(viewer, 'users.groups.view'));

/** Permission read: P(users.permissions.view). */
export const canSeePermission = defineRule('permission.read', permissions, (viewer) => hasPermission(viewer, 'users.permissions.view'));

/** Resources are part of the permission catalog: P(users.permissions.view). */
export const canSeeResource = defineRule('resource.read', resources, (viewer) => hasPermission(viewer, 'users.permissions.view'));

export type CatalogAction = 'create' | 'update' | 'delete';

/** Role write: P(users.roles.<action>); system roles cannot be deleted. */
export const canWriteRole = (action: CatalogAction) =>
  defineRule(`role.${action}`, roles, (viewer, role) =>
    allOf(hasPermission(viewer, `users.roles.${action}`), action === 'delete' ? sql`not ${role.isSystem}` : sql`true`),
  );

/** Group write: P(users.groups.<action>); system groups cannot be deleted. */
export const canWriteGroup = (action: CatalogAction) =>
  defineRule(`group.${action}`, groups, (viewer, group) =>
    allOf(hasPermission(viewer, `users.groups.${action}`), action === 'delete' ? sql`not ${group.isSystem}` : sql`true`),
  );

/** The viewer holds the permission with this id, through a role or a group. */
function holdsPermission(viewer: Viewer, permissionId: Column): SQL {
  return sql`exists (
      select 1 from auth.user_roles gur join auth.role_permissions grp on grp.role_id = gur.role_id
      where gur.user_id = ${viewer.userId}::uuid and grp.permission_id = ${permissionId}
      union all
      select 1 from auth.user_groups gug join auth.group_permissions ggp on ggp.group_id = gug.group_id
      where gug.user_id = ${viewer.userId}::uuid and ggp.permission_id = ${permissionId})`;
}

/**
 * Grant or revoke a permission: P(users.permissions.assign), and only a permission the granter
 * holds (no escalation). Judged on the permission row.
 */
export const canAssignPermission = defineRule('permission.assign', permissions, (viewer, permission) => {
  if (!viewer) return sql`false`;
  return allOf(hasPermission(viewer, 'users.permissions.assign'), holdsPermission(viewer, permission.id));
});

/** Every permission the role (or group) grants is one the viewer holds: handing it out escalates nobody. */
const holdsEveryPermissionOf = (viewer: Viewer, grants: 'role_permissions' | 'group_permissions', ownerColumn: 'role_id' | 'group_id', ownerId: Column) =>
  sql`not exists (
    select 1 from auth.${sql.raw(grants)} ep
    where ep.${sql.raw(ownerColumn)} = ${ownerId} and not ${holdsPermission(viewer, sql`ep.permission_id`)})`;

/**
 * Give a user a role, or take it away (DOMAIN.md is silent): P(users.roles.update), and only a role
 * whose every permission the actor holds, so nobody gives themselves or others more than they have.
 */
export const canAssignRole = defineRule('role.assign', roles, (viewer, role) => {
  if (!viewer) return sql`false`;
  return allOf(hasPermission(viewer, 'users.roles.update'), holdsEveryPermissionOf(viewer, 'role_permissions', 'role_id', role.id));
});

/** Put a user in a group, or take them out: P(users.groups.update), and only a group whose every permission the actor holds. */
export const canAssignGroup = defineRule('group.assign', groups, (viewer, group) => {
  if (!viewer) return sql`false`;
  return allOf(hasPermission(viewer, 'users.groups.update'), holdsEveryPermissionOf(viewer, 'group_permissions', 'group_id', group.id));
});
