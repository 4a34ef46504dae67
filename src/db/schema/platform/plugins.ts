import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { actorRef } from '../auth/users.js';
import { organizations } from '../chat/organizations.js';
import { createdAt, id, localized, localizedCheck, timestampColumn, updatedAt } from '../columns.js';
import { platformSchema } from './schema.js';

/** The plugin catalog (configuration, seeded): what an organization's admins may enable. */
export const plugins = platformSchema.table(
  'plugins',
  {
    id: id(),
    key: text('key').notNull().unique('plugins_key'),
    name: localized('name').notNull(),
    description: localized('description'),
    version: text('version').notNull(),
    author: text('author'),
    homepage: text('homepage'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [localizedCheck('plugins_name_localized', t.name), localizedCheck('plugins_description_localized', t.description, true)],
);

/** A plugin enabled in an organization, with its settings there; disabling deletes the row. */
export const organizationPlugins = platformSchema.table(
  'organization_plugins',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    pluginId: uuid('plugin_id')
      .notNull()
      .references(() => plugins.id, { onDelete: 'cascade' }),
    enabledBy: actorRef('enabled_by'),
    enabledAt: timestampColumn('enabled_at').notNull().defaultNow(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.pluginId] }),
    index('organization_plugins_plugin_idx').on(t.pluginId),
    // Organization.plugins: an organization's plugins in the order they were enabled.
    index('organization_plugins_organization_enabled_idx').on(t.organizationId, t.enabledAt, t.pluginId),
    check('organization_plugins_settings_object', sql`jsonb_typeof(${t.settings}) = 'object'`),
  ],
);
