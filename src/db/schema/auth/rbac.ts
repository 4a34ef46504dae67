import { boolean, index, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, localized, localizedCheck, updatedAt } from '../columns.js';
import { authSchema } from './schema.js';
import { actorRef, userRef } from './users.js';

export const roles = authSchema.table(
  'roles',
  {
    id: id(),
    key: text('key').notNull().unique('roles_key'),
    name: localized('name').notNull(),
    description: localized('description'),
    isSystem: boolean('is_system').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [localizedCheck('roles_name_localized', t.name), localizedCheck('roles_description_localized', t.description, true)],
);

export const groups = authSchema.table(
  'groups',
  {
    id: id(),
    key: text('key').notNull().unique('groups_key'),
    name: localized('name').notNull(),
    description: localized('description'),
    isSystem: boolean('is_system').notNull().default(false),
    /** Every new person joins the default groups when their account is created (sign-up). */
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [localizedCheck('groups_name_localized', t.name), localizedCheck('groups_description_localized', t.description, true)],
);

export const resources = authSchema.table(
  'resources',
  {
    id: id(),
    key: text('key').notNull().unique('resources_key'),
    description: localized('description'),
    createdAt: createdAt(),
  },
  (t) => [localizedCheck('resources_description_localized', t.description, true)],
);

export const permissions = authSchema.table(
  'permissions',
  {
    id: id(),
    key: text('key').notNull().unique('permissions_key'),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    description: localized('description'),
    createdAt: createdAt(),
  },
  (t) => [
    index('permissions_resource_idx').on(t.resourceId),
    localizedCheck('permissions_description_localized', t.description, true),
  ],
);

const roleRef = () =>
  uuid('role_id')
    .notNull()
    .references(() => roles.id, { onDelete: 'cascade' });
const groupRef = () =>
  uuid('group_id')
    .notNull()
    .references(() => groups.id, { onDelete: 'cascade' });
const permissionRef = () =>
  uuid('permission_id')
    .notNull()
    .references(() => permissions.id, { onDelete: 'cascade' });

export const rolePermissions = authSchema.table(
  'role_permissions',
  { roleId: roleRef(), permissionId: permissionRef(), grantedBy: actorRef('granted_by'), createdAt: createdAt() },
  (t) => [
    primaryKey({ columns: [t.roleId, t.permissionId] }),
    index('role_permissions_permission_idx').on(t.permissionId),
    index('role_permissions_granted_by_idx').on(t.grantedBy),
  ],
);

export const groupPermissions = authSchema.table(
  'group_permissions',
  { groupId: groupRef(), permissionId: permissionRef(), grantedBy: actorRef('granted_by'), createdAt: createdAt() },
  (t) => [
    primaryKey({ columns: [t.groupId, t.permissionId] }),
    index('group_permissions_permission_idx').on(t.permissionId),
    index('group_permissions_granted_by_idx').on(t.grantedBy),
  ],
);

export const userRoles = authSchema.table(
  'user_roles',
  { userId: userRef('user_id').notNull(), roleId: roleRef(), grantedBy: actorRef('granted_by'), createdAt: createdAt() },
  (t) => [
    primaryKey({ columns: [t.userId, t.roleId] }),
    index('user_roles_role_idx').on(t.roleId),
    index('user_roles_granted_by_idx').on(t.grantedBy),
  ],
);

export const userGroups = authSchema.table(
  'user_groups',
  { userId: userRef('user_id').notNull(), groupId: groupRef(), grantedBy: actorRef('granted_by'), createdAt: createdAt() },
  (t) => [
    primaryKey({ columns: [t.userId, t.groupId] }),
    index('user_groups_group_idx').on(t.groupId),
    index('user_groups_granted_by_idx').on(t.grantedBy),
  ],
);
