import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userRef } from '../auth/users.js';
import { createdAt, id, localized, localizedCheck, updatedAt } from '../columns.js';
import { platformSchema } from './schema.js';

/** A theme's design tokens: token name -> colour, e.g. { primary: '#2563eb', background: '#ffffff' }. */
export type ThemeTokens = Record<string, string>;

/** Theme presets of the desktop (configuration data): anyone reads them; P(settings.themes.manage) writes. */
export const themePresets = platformSchema.table(
  'theme_presets',
  {
    id: id(),
    key: text('key').notNull().unique('theme_presets_key'),
    name: localized('name').notNull(),
    description: localized('description'),
    tokens: jsonb('tokens').$type<ThemeTokens>().notNull().default({}),
    isDark: boolean('is_dark').notNull().default(false),
    isDefault: boolean('is_default').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    localizedCheck('theme_presets_name_localized', t.name),
    localizedCheck('theme_presets_description_localized', t.description, true),
    check('theme_presets_tokens_object', sql`jsonb_typeof(${t.tokens}) = 'object'`),
    // At most one default: the theme of every desktop that has not chosen one.
    uniqueIndex('theme_presets_one_default').on(t.isDefault).where(sql`${t.isDefault}`),
    index('theme_presets_sort_idx').on(t.sortOrder, t.id),
  ],
);

/** Desktop layout, wallpaper, pinned apps (by key) and theme of one user; only that user reads or writes it. */
export const desktopConfigurations = platformSchema.table(
  'desktop_configurations',
  {
    id: id(),
    userId: userRef('user_id').notNull().unique('desktop_configurations_user'),
    layout: jsonb('layout').$type<Record<string, unknown>>().notNull().default({}),
    wallpaper: jsonb('wallpaper').$type<Record<string, unknown>>(),
    /** App keys in pin order (apps are never hard-deleted; their key is the stable handle). */
    pinnedApps: jsonb('pinned_apps').$type<string[]>().notNull().default([]),
    /** Null: the default preset (is_default), whichever it is at the time. */
    themePresetId: uuid('theme_preset_id').references(() => themePresets.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('desktop_configurations_layout_object', sql`jsonb_typeof(${t.layout}) = 'object' and octet_length(${t.layout}::text) <= 8192`),
    check('desktop_configurations_wallpaper_object', sql`${t.wallpaper} is null or (jsonb_typeof(${t.wallpaper}) = 'object' and ${t.wallpaper} ? 'type')`),
    // An array of strings (app keys): a CHECK cannot look the keys up, the API does.
    check(
      'desktop_configurations_pinned_apps_keys',
      sql`jsonb_typeof(${t.pinnedApps}) = 'array' and jsonb_array_length(${t.pinnedApps}) <= 50 and not jsonb_path_exists(${t.pinnedApps}, '$[*] ? (@.type() != "string")')`,
    ),
    index('desktop_configurations_theme_idx').on(t.themePresetId),
  ],
);
