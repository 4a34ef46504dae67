import { builder } from '../../builder.js';
import { canSeeThemePreset } from '../../policies/theme-preset.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { localizedFields } from '../core/localized.js';
import { rootConnection, rootRow } from '../core/root-fields.js';
import { filterArgs, withFilters } from '../core/where-input.js';

/** A desktop theme: localized name, colour tokens, dark or light. Public (anyone reads them). */
export const ThemePreset = builder.drizzleNode('themePresets', {
  name: 'ThemePreset',
  id: { column: (preset) => preset.id },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'e.g. `light`, `dark`, `high-contrast`; cannot change.' }),
    ...localizedFields(t, 'name', { description: "The theme's name" }),
    ...localizedFields(t, 'description', { nullable: true, description: 'What the theme is for' }),
    tokens: t.expose('tokens', { type: 'JSONObject', description: 'Design tokens: token name to colour (`#RRGGBB` or `#RRGGBBAA`); always has background, foreground and primary.' }),
    isDark: t.exposeBoolean('isDark'),
    isDefault: t.exposeBoolean('isDefault', { description: 'The theme of every desktop that has not chosen one (at most one preset).' }),
    sortOrder: t.exposeInt('sortOrder', { description: 'Pickers list presets by it (ascending).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
nodeReadRule('ThemePreset', canSeeThemePreset);

builder.queryFields((t) => ({
  themePresets: t.drizzleConnection({
    type: 'themePresets',
    description: 'Every theme preset (anyone, signed in or not), by sortOrder.',
    args: filterArgs(t, 'themePresets'),
    ...rootConnection('themePresets', (args, ctx) => withFilters('themePresets', args, ctx, { where: visibleRows(canSeeThemePreset, ctx), orderBy: { sortOrder: 'asc' } })),
  }),
  defaultThemePreset: t.drizzleField({
    type: ThemePreset,
    nullable: true,
    description: 'The default preset: the theme of a desktop whose `themePreset` is null (null only when no preset is the default).',
    ...rootRow('themePresets', (_args, ctx) => ({ where: { isDefault: true, ...visibleRows(canSeeThemePreset, ctx) } })),
  }),
}));
