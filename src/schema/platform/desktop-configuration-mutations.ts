import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { apps, desktopConfigurations, themePresets } from '../../db/schema/index.js';
import { canSeeApp } from '../../policies/app.js';
import { canAccessDesktopConfiguration } from '../../policies/desktop-configuration.js';
import { NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { mutate } from '../core/mutations.js';
import { DesktopConfiguration } from './desktop-configurations.js';
import { catalogKey } from './platform-mutation-helpers.js';
import { ThemePreset } from './theme-presets.js';

/**
 * updateDesktopConfiguration: the viewer's own desktop (DesktopConfiguration: only its user), an
 * upsert of the fields given. A personal preference: no audit row (the audit log is for admin and
 * destructive actions).
 */

/** The shapes the jsonb columns hold (the database CHECKs keep their outline: object, array of strings). */
export const layoutSchema = z.strictObject({
  taskbarPosition: z.enum(['bottom', 'top', 'left', 'right']).optional(),
  taskbarAutoHide: z.boolean().optional(),
  iconSize: z.enum(['small', 'medium', 'large']).optional(),
  showDesktopIcons: z.boolean().optional(),
});

export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/, 'must be a colour like #1e293b (or #1e293bcc)');

// https only: a desktop must not load its wallpaper over plain http.
const imageUrl = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .refine((raw) => URL.canParse(raw) && new URL(raw).protocol === 'https:', 'must be an https URL');

export const wallpaperSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('color'), color: hexColor }),
    z.strictObject({ type: z.literal('image'), url: imageUrl, fit: z.enum(['cover', 'contain', 'fill', 'center', 'tile']).optional() }),
  ],
  { error: 'must have type "color" (with color) or "image" (with url)' },
);

export const MAX_PINNED_APPS = 50;

const pinnedAppsSchema = z
  .array(catalogKey)
  .max(MAX_PINNED_APPS, `must be at most ${MAX_PINNED_APPS} apps`)
  .refine((keys) => new Set(keys).size === keys.length, 'must not name an app twice');

// Absent: unchanged; null: back to the default (an empty layout, no wallpaper, no pins, the default theme).
const inputSchema = z.object({
  layout: layoutSchema.nullish(),
  wallpaper: wallpaperSchema.nullish(),
  pinnedApps: pinnedAppsSchema.nullish(),
});

const DesktopConfigurationPayload = builder.objectRef<{ userId: string }>('DesktopConfigurationPayload').implement({
  fields: (t) => ({
    desktopConfiguration: t.drizzleField({
      type: DesktopConfiguration,
      nullable: true,
      description: 'The configuration as stored now (pins of apps the viewer may not open are not listed).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.desktopConfigurations.findFirst(query({ where: { userId: payload.userId, ...visibleRows(canAccessDesktopConfiguration, ctx) } })),
    }),
  }),
});

const UpdateDesktopConfigurationInput = builder.inputType('UpdateDesktopConfigurationInput', {
  description: 'Absent fields stay as they are; null puts a field back to its default.',
  fields: (t) => ({
    layout: t.field({ type: 'JSONObject', description: 'Replaces the layout: `taskbarPosition`, `taskbarAutoHide`, `iconSize`, `showDesktopIcons` (no other keys). Null: `{}`.' }),
    wallpaper: t.field({ type: 'JSONObject', description: '`{ type: "color", color: "#RRGGBB" }` or `{ type: "image", url: "https://…", fit? }`. Null: none.' }),
    pinnedApps: t.stringList({ description: `App keys in order, at most ${MAX_PINNED_APPS}, each an app the viewer may open. Null: no pins.` }),
    themePresetId: t.globalID({ for: ThemePreset, description: 'A theme preset; null: the default theme.' }),
  }),
});

builder.mutationField('updateDesktopConfiguration', (t) =>
  t.field({
    type: DesktopConfigurationPayload,
    description: "Changes the viewer's own desktop configuration (any signed-in user, for themselves only).",
    errors: resultUnion('UpdateDesktopConfiguration', NotFoundError),
    args: { input: t.arg({ type: UpdateDesktopConfigurationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const parsed = parseInput(inputSchema, input);
        if (parsed.pinnedApps?.length) {
          // Unknown and not openable answer alike: the refusal does not tell which apps exist.
          const openable = await tx
            .select({ key: apps.key })
            .from(apps)
            .where(and(inArray(apps.key, parsed.pinnedApps), canSeeApp.where(viewer, apps)));
          const allowed = new Set(openable.map((row) => row.key));
          const refused = parsed.pinnedApps.flatMap((key, index) => (allowed.has(key) ? [] : [{ path: ['pinnedApps', String(index)], message: `"${key}" is not an app you may open` }]));
          if (refused.length > 0) throw new ValidationError(refused);
        }
        const themeId = input.themePresetId === undefined ? undefined : (input.themePresetId?.id ?? null);
        if (themeId) {
          // Presets are public: NOT_FOUND only when there is none. KEY SHARE keeps it until commit.
          const [preset] = await tx.select({ id: themePresets.id }).from(themePresets).where(eq(themePresets.id, themeId)).for('key share');
          if (!preset) throw new NotFoundError('Theme preset not found.');
        }
        const values = {
          ...(parsed.layout !== undefined ? { layout: parsed.layout ?? {} } : {}),
          ...(parsed.wallpaper !== undefined ? { wallpaper: parsed.wallpaper ?? null } : {}),
          ...(parsed.pinnedApps !== undefined ? { pinnedApps: parsed.pinnedApps ?? [] } : {}),
          ...(themeId !== undefined ? { themePresetId: themeId } : {}),
        };
        // Every user has a row (created with the user); the upsert also covers one removed by hand.
        await tx
          .insert(desktopConfigurations)
          .values({ userId: viewer.userId, ...values })
          .onConflictDoUpdate({ target: desktopConfigurations.userId, set: { ...values, updatedAt: sql`now()` } });
        return { userId: viewer.userId };
      }),
  }),
);
