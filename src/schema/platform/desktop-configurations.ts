import { builder } from '../../builder.js';
import type { desktopConfigurations } from '../../db/schema/index.js';
import { canAccessDesktopConfiguration, visiblePinnedAppsSql } from '../../policies/desktop-configuration.js';
import { canSeeThemePreset } from '../../policies/theme-preset.js';
import { visibleRows } from '../core/guards.js';
import { sqlValueWithArgs } from '../core/sql-value.js';
import { User } from '../users/users.js';
import './theme-presets.js';

/**
 * A user's desktop: layout, wallpaper, pinned apps, theme. Every user has one (a trigger creates it
 * with the defaults along with the user); only its user reads it (`viewer { desktopConfiguration }`).
 */
export const DesktopConfiguration = builder.drizzleObject('desktopConfigurations', {
  name: 'DesktopConfiguration',
  fields: (t) => ({
    layout: t.expose('layout', {
      type: 'JSONObject',
      description: 'Desktop layout: `taskbarPosition` (bottom, top, left, right), `taskbarAutoHide`, `iconSize` (small, medium, large), `showDesktopIcons`; `{}` is the default layout.',
    }),
    wallpaper: t.expose('wallpaper', {
      type: 'JSONObject',
      nullable: true,
      description: '`{ type: "color", color: "#RRGGBB" }` or `{ type: "image", url, fit? }`; null: the theme\'s background.',
    }),
    pinnedApps: t.field({
      type: ['String'],
      description: 'Keys of the pinned apps, in order; only apps the user may open now (a pin of a retired or no longer granted app is not listed).',
      ...sqlValueWithArgs<typeof desktopConfigurations>('pinnedApps', (configuration, _args, viewer) => visiblePinnedAppsSql(viewer, configuration.pinnedApps)),
    }),
    themePreset: t.relation('themePreset', {
      nullable: true,
      description: 'The chosen theme; null: the default one (`defaultThemePreset`).',
      query: (_args, ctx) => ({ where: visibleRows(canSeeThemePreset, ctx) }),
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.drizzleObjectFields(User, (t) => ({
  desktopConfiguration: t.relation('desktopConfiguration', {
    nullable: true,
    description: "The user's desktop configuration: only for the user themselves (null on any other user).",
    query: (_args, ctx) => ({ where: visibleRows(canAccessDesktopConfiguration, ctx) }),
  }),
}));
