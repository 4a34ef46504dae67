import { boolean, index, integer, jsonb, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { groups, roles } from '../auth/rbac.js';
import { createdAt, id, localized, localizedCheck, updatedAt } from '../columns.js';
import { platformSchema } from './schema.js';

export const apps = platformSchema.table(
  'apps',
  {
    id: id(),
    key: text('key').notNull().unique('apps_key'),
    name: localized('name').notNull(),
    description: localized('description'),
    category: text('category').notNull().default('general'),
    icon: text('icon'),
    isActive: boolean('is_active').notNull().default(true),
    isPublic: boolean('is_public').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    window: jsonb('window').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    localizedCheck('apps_name_localized', t.name),
    localizedCheck('apps_description_localized', t.description, true),
    index('apps_sort_idx').on(t.sortOrder, t.id),
  ],
);

const appRef = () =>
  uuid('app_id')
    .notNull()
    .references(() => apps.id, { onDelete: 'cascade' });

export const roleAppAccess = platformSchema.table(
  'role_app_access',
  {
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    appId: appRef(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.appId] }), index('role_app_access_app_idx').on(t.appId)],
);

export const groupAppAccess = platformSchema.table(
  'group_app_access',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    appId: appRef(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.appId] }), index('group_app_access_app_idx').on(t.appId)],
);
