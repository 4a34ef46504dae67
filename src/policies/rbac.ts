import { sql } from 'drizzle-orm';
import { groups, permissions, resources, roles } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, hasPermission } from './viewer.js';

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

/**
 * Grant or revoke a permission: P(users.permissions.assign), and only a permission the granter
 * holds (no escalation). Judged on the permission row.
 */
export const canAssignPermission = defineRule('permission.assign', permissions, (viewer, permission) => {
  if (!viewer) return sql`false`;
  return allOf(
    hasPermission(viewer, 'users.permissions.assign'),
    sql`exists (
      select 1 from auth.user_roles gur join auth.role_permissions grp on grp.role_id = gur.role_id
      where gur.user_id = ${viewer.userId}::uuid and grp.permission_id = ${permission.id}
      union all
      select 1 from auth.user_groups gug join auth.group_permissions ggp on ggp.group_id = gug.group_id
      where gug.user_id = ${viewer.userId}::uuid and ggp.permission_id = ${permission.id})`,
  );
});
