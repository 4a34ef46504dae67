import { builder } from '../../builder.js';
import type { apps } from '../../db/schema/index.js';
import { canSeeApp } from '../../policies/app.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { localizedFields, localizedSortKey } from '../core/localized.js';
import { rootConnection } from '../core/root-fields.js';
import { visibleGroups, visibleRoles } from '../core/ruled-connection.js';
import { filterArgs, withFilters } from '../core/where-input.js';

export const App = builder.drizzleNode('apps', {
  name: 'App',
  id: { column: (app) => app.id },
  fields: (t) => ({
    key: t.exposeString('key'),
    ...localizedFields(t, 'name', { description: "The app's name" }),
    ...localizedFields(t, 'description', { nullable: true, description: 'What the app does' }),
    category: t.exposeString('category'),
    icon: t.exposeString('icon', { nullable: true }),
    isActive: t.exposeBoolean('isActive'),
    isPublic: t.exposeBoolean('isPublic', { description: 'Listed for everyone, without a role or group grant.' }),
    sortOrder: t.exposeInt('sortOrder'),
    window: t.expose('window', { type: 'JSONObject', description: 'Desktop window settings (size, resizable, ...).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    roles: t.relatedConnection('roles', {
      description: 'Roles granted the app.',
      ...visibleRoles(t),
    }),
    groups: t.relatedConnection('groups', {
      description: 'Groups granted the app.',
      ...visibleGroups(t),
    }),
  }),
});
nodeReadRule('App', canSeeApp);

export const AppOrderEnum = builder.enumType('AppOrder', {
  values: {
    SORT_ORDER: { description: "The desktop's order (`sortOrder`)." },
    NAME: { description: 'By name in the request locale (SQL, with the collation of that locale where the server has one).' },
  } as const,
});

/** `orderBy` names the enum order here (clients use it): the general order is `sortBy`. */
const SORT_BY = { orderArg: 'sortBy' };

builder.queryFields((t) => ({
  apps: t.drizzleConnection({
    type: 'apps',
    description: "The apps the viewer may open (public ones, and those granted to the viewer's roles or groups), in the desktop order or by localized name with `orderBy: NAME`.",
    args: {
      orderBy: t.arg({ type: AppOrderEnum, defaultValue: 'SORT_ORDER' }),
      ...filterArgs(t, 'apps', SORT_BY),
    },
    ...rootConnection('apps', async (args: { orderBy?: 'SORT_ORDER' | 'NAME' | null; sortBy?: unknown }, ctx) => {
      const where = visibleRows(canSeeApp, ctx);
      // `sortBy` (the general order) replaces the enum order.
      if (args.orderBy !== 'NAME' || args.sortBy != null) return withFilters('apps', args, ctx, { where, orderBy: { sortOrder: 'asc' } }, SORT_BY);
      return withFilters('apps', args, ctx, { where, extras: { sortName: await localizedSortKey(ctx, (table: typeof apps) => table.name) }, orderBy: { sortName: 'asc' } }, SORT_BY);
    }),
  }),
}));
