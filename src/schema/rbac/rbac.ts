import { eq } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { groups, permissions, roles } from '../../db/schema/index.js';
import { canSeeApp } from '../../policies/app.js';
import { canSeeGroup, canSeePermission, canSeeResource, canSeeRole } from '../../policies/rbac.js';
import { canSeeUser } from '../../policies/user.js';
import { allOf } from '../core/filters.js';
import type { Context } from '../../context.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { rootConnection } from '../core/root-fields.js';
import { localizedFields, localizedSortKey } from '../core/localized.js';
import { User } from '../users/users.js';
import { visibleGroups, visibleRoles } from '../core/ruled-connection.js';
import { filterArgs, withFilters } from '../core/where-input.js';

/**
 * Roles and groups are the same kind of catalog row (key, localized name, grants, holders, apps):
 * one definition serves both, with the GraphQL name, noun and read rule of each.
 */
function defineCatalogNode(table: 'roles' | 'groups', name: 'Role' | 'Group', readRule: typeof canSeeRole | typeof canSeeGroup) {
  const noun = name.toLowerCase();
  // The two tables have the same columns and relations; typing the builder for one covers both.
  const ref = builder.drizzleNode(table as 'roles', {
    name,
    id: { column: (row) => row.id },
    fields: (t) => ({
      key: t.exposeString('key'),
      ...localizedFields(t, 'name', { description: `The ${noun}'s name` }),
      ...localizedFields(t, 'description', { nullable: true, description: `What the ${noun} is for` }),
      isSystem: t.exposeBoolean('isSystem', { description: `A built-in ${noun}; it cannot be deleted.` }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
      permissions: t.relatedConnection('permissions', {
        args: filterArgs(t, 'permissions'),
        query: (args, ctx) => withFilters('permissions', args, ctx, { where: visibleRows(canSeePermission, ctx), orderBy: { key: 'asc' } }),
        totalCount: true,
      }),
      users: t.relatedConnection('users', {
        description: `Live users holding the ${noun}.`,
        args: filterArgs(t, 'users'),
        query: (args, ctx) => withFilters('users', args, ctx, { where: visibleRows(canSeeUser, ctx), orderBy: { displayName: 'asc' } }),
        totalCount: true,
      }),
      apps: t.relatedConnection('apps', {
        description: `Apps the ${noun} opens.`,
        args: filterArgs(t, 'apps'),
        query: (args, ctx) => withFilters('apps', args, ctx, { where: visibleRows(canSeeApp, ctx), orderBy: { sortOrder: 'asc' } }),
        totalCount: true,
      }),
    }),
  });
  nodeReadRule(name, readRule as typeof canSeeRole);
  return ref;
}

export const Role = defineCatalogNode('roles', 'Role', canSeeRole);
export const Group = defineCatalogNode('groups', 'Group', canSeeGroup);

export const Resource = builder.drizzleNode('resources', {
  name: 'Resource',
  id: { column: (resource) => resource.id },
  fields: (t) => ({
    key: t.exposeString('key'),
    ...localizedFields(t, 'description', { nullable: true, description: 'What the resource is' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    permissions: t.relatedConnection('permissions', {
      args: filterArgs(t, 'permissions'),
      query: (args, ctx) => withFilters('permissions', args, ctx, { where: visibleRows(canSeePermission, ctx), orderBy: { key: 'asc' } }),
      totalCount: true,
    }),
  }),
});
nodeReadRule('Resource', canSeeResource);

export const Permission = builder.drizzleNode('permissions', {
  name: 'Permission',
  id: { column: (permission) => permission.id },
  fields: (t) => ({
    key: t.exposeString('key', { description: '`<resource key>.<action>`, e.g. `users.roles.update`.' }),
    action: t.exposeString('action'),
    ...localizedFields(t, 'description', { nullable: true, description: 'What the permission allows' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    resource: t.relation('resource'),
    roles: t.relatedConnection('roles', {
      description: 'Roles granting it.',
      ...visibleRoles(t),
    }),
    groups: t.relatedConnection('groups', {
      description: 'Groups granting it.',
      ...visibleGroups(t),
    }),
  }),
});
nodeReadRule('Permission', canSeePermission);

builder.drizzleObjectFields(User, (t) => ({
  roles: t.relatedConnection('roles', {
    description: "The user's roles (needs users.roles.view).",
    ...visibleRoles(t),
  }),
  groups: t.relatedConnection('groups', {
    description: "The user's groups (needs users.groups.view).",
    ...visibleGroups(t),
  }),
}));

export const CatalogOrderEnum = builder.enumType('CatalogOrder', {
  description: 'How roles and groups are listed.',
  values: {
    NAME: { description: 'By name in the request locale (SQL, with the collation of that locale where the server has one).' },
    KEY: { description: 'By key.' },
  } as const,
});

/** Permissions of one resource, or all. */
const permissionFilter = (resourceId: string | undefined) => (table: typeof permissions) =>
  allOf(resourceId ? eq(table.resourceId, resourceId) : undefined);

/** Roles or groups by localized name, or by key. */
const catalogRows = (table: typeof roles | typeof groups, rule: typeof canSeeRole | typeof canSeeGroup) =>
  async (args: { orderBy?: 'NAME' | 'KEY' | null }, ctx: Context) => {
    const name = table === roles ? 'roles' : 'groups';
    const where = visibleRows(rule as typeof canSeeRole, ctx);
    // `sortBy` (the general order) replaces the enum order.
    if (args.orderBy === 'KEY' || (args as { sortBy?: unknown }).sortBy != null) return withFilters(name, args, ctx, { where, orderBy: { key: 'asc' } }, SORT_BY);
    return withFilters(name, args, ctx, { where, extras: { sortName: await localizedSortKey(ctx, (row: typeof table) => row.name) }, orderBy: { sortName: 'asc' } }, SORT_BY);
  };

/** `orderBy` names the enum order here (clients use it): the general order is `sortBy`. */
const SORT_BY = { orderArg: 'sortBy' };

builder.queryFields((t) => ({
  roles: t.drizzleConnection({
    type: 'roles',
    description: 'Roles, by name in the request locale unless `orderBy: KEY`.',
    args: { orderBy: t.arg({ type: CatalogOrderEnum, defaultValue: 'NAME' }), ...filterArgs(t, 'roles', SORT_BY) },
    ...rootConnection('roles', catalogRows(roles, canSeeRole)),
  }),
  groups: t.drizzleConnection({
    type: 'groups',
    description: 'Groups, by name in the request locale unless `orderBy: KEY`.',
    args: { orderBy: t.arg({ type: CatalogOrderEnum, defaultValue: 'NAME' }), ...filterArgs(t, 'groups', SORT_BY) },
    ...rootConnection('groups', catalogRows(groups, canSeeGroup)),
  }),
  permissions: t.drizzleConnection({
    type: 'permissions',
    description: 'The permission catalog by key; `resource` keeps the permissions of one resource.',
    args: { resource: t.arg.globalID({ for: Resource }), ...filterArgs(t, 'permissions') },
    ...rootConnection('permissions', (args: { resource?: { id: string } | null }, ctx) =>
      withFilters('permissions', args, ctx, { where: visibleRows(canSeePermission, ctx, permissionFilter(args.resource?.id)), orderBy: { key: 'asc' } }),
    ),
  }),
}));
