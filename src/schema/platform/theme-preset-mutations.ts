import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { desktopConfigurations, themePresets } from '../../db/schema/index.js';
import { canManageThemePreset, canSeeThemePreset, MANAGE_THEMES } from '../../policies/theme-preset.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { LocalizedTextInput } from '../core/localized.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { hexColor } from './desktop-configuration-mutations.js';
import { catalogKey, localizedValue, requirePermission } from './platform-mutation-helpers.js';
import { ThemePreset } from './theme-presets.js';

/**
 * Theme presets: create, update, delete (P(settings.themes.manage), persons; audited). At most one
 * preset is the default (a partial unique index); making one the default takes the flag from the
 * other. The default cannot be deleted or unflagged (CONFLICT): desktops without a chosen theme
 * wear it. Deleting another preset puts the desktops that chose it back on the default
 * (desktop_configurations.theme_preset_id is ON DELETE SET NULL).
 */

const REQUIRED_TOKENS = ['background', 'foreground', 'primary'] as const;

export const tokensSchema = z
  .record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,63}$/, 'token names are camelCase letters and digits, at most 64'), hexColor)
  .refine((tokens) => Object.keys(tokens).length <= 64, 'must be at most 64 tokens')
  .refine((tokens) => REQUIRED_TOKENS.every((name) => name in tokens), `must have ${REQUIRED_TOKENS.join(', ')}`);

const fieldsSchema = z.object({
  tokens: tokensSchema.optional(),
  isDark: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  sortOrder: z.number().int().min(-1000, 'must be at least -1000').max(1000, 'must be at most 1000').optional(),
});

type Row = typeof themePresets.$inferSelect;
const auditValues = (row: Row) => ({
  key: row.key,
  name: row.name,
  description: row.description,
  tokens: row.tokens,
  isDark: row.isDark,
  isDefault: row.isDefault,
  sortOrder: row.sortOrder,
});

const ThemePresetPayload = builder.objectRef<{ id: string }>('ThemePresetPayload').implement({
  fields: (t) => ({
    themePreset: t.drizzleField({
      type: ThemePreset,
      nullable: true,
      description: 'The preset as stored now (null once deleted).',
      resolve: (query, payload, _args, ctx) => ctx.db.query.themePresets.findFirst(query({ where: { id: payload.id, ...visibleRows(canSeeThemePreset, ctx) } })),
    }),
  }),
});

const descriptions = {
  tokens: 'Token name (camelCase) to colour (`#RRGGBB` or `#RRGGBBAA`), at most 64; background, foreground and primary are required. Replaced whole.',
  isDefault: 'true makes it the default (the previous default stops being one).',
  sortOrder: '-1000 to 1000; pickers list presets by it.',
};

const CreateThemePresetInput = builder.inputType('CreateThemePresetInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Unique: lower-case letters, digits, ".", "-", "_"; cannot be changed later.' }),
    name: t.field({ type: [LocalizedTextInput], required: true, description: 'Active locales only; the default locale is required.' }),
    description: t.field({ type: [LocalizedTextInput] }),
    tokens: t.field({ type: 'JSONObject', required: true, description: descriptions.tokens }),
    isDark: t.boolean({ defaultValue: false }),
    isDefault: t.boolean({ defaultValue: false, description: descriptions.isDefault }),
    sortOrder: t.int({ defaultValue: 0, description: descriptions.sortOrder }),
  }),
});

const UpdateThemePresetInput = builder.inputType('UpdateThemePresetInput', {
  description: 'Absent fields stay as they are; a null description clears it.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: ThemePreset }),
    name: t.field({ type: [LocalizedTextInput] }),
    description: t.field({ type: [LocalizedTextInput] }),
    tokens: t.field({ type: 'JSONObject', description: descriptions.tokens }),
    isDark: t.boolean(),
    isDefault: t.boolean({ description: `${descriptions.isDefault} false on the default is refused: make another preset the default instead.` }),
    sortOrder: t.int({ description: descriptions.sortOrder }),
  }),
});

const ThemePresetInput = builder.inputType('ThemePresetInput', { fields: (t) => ({ id: t.globalID({ required: true, for: ThemePreset }) }) });

type LocalizedList = readonly { locale: string; text: string }[] | null | undefined;

/** The fields of an input, parsed; absent ones stay undefined, null refused where it cannot clear. */
async function presetValues(ctx: Context, input: Record<string, unknown> & { name?: LocalizedList; description?: LocalizedList }) {
  const cleared = ['name', 'tokens', 'isDark', 'isDefault', 'sortOrder'].filter((field) => input[field] === null);
  if (cleared.length > 0) throw new ValidationError(cleared.map((field) => ({ path: [field], message: 'cannot be cleared' })));
  const fields = parseInput(fieldsSchema, input);
  const name = (await localizedValue(ctx, input.name, 'name')) ?? undefined;
  return { ...fields, name, description: await localizedValue(ctx, input.description, 'description') };
}

/** Takes the default flag from every other preset (before this one takes it: the unique index allows one). */
async function clearOtherDefault(tx: Transaction, id: string | null): Promise<void> {
  await tx
    .update(themePresets)
    .set({ isDefault: false })
    .where(and(eq(themePresets.isDefault, true), id ? ne(themePresets.id, id) : undefined));
}

builder.mutationFields((t) => ({
  createThemePreset: t.field({
    type: ThemePresetPayload,
    description: `Adds a theme preset (needs ${MANAGE_THEMES}; audited).`,
    errors: resultUnion('CreateThemePreset', ConflictError, ForbiddenError),
    args: { input: t.arg({ type: CreateThemePresetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, MANAGE_THEMES);
        const { key } = parseInput(z.object({ key: catalogKey }), input);
        const { name, tokens, ...values } = await presetValues(ctx, input);
        if (values.isDefault) await clearOtherDefault(tx, null);
        // A concurrent twin with the same key inserts nothing here instead of failing.
        const [created] = await tx
          .insert(themePresets)
          .values({ ...values, key, name: name!, tokens: tokens! })
          .onConflictDoNothing({ target: themePresets.key })
          .returning();
        if (!created) throw new ConflictError(`The key "${key}" is taken.`);
        await writeAudit(tx, ctx, viewer, { action: 'theme_preset.create', resourceType: 'theme_preset', resourceId: created.id, newValues: auditValues(created) });
        return { id: created.id };
      }),
  }),
  updateThemePreset: t.field({
    type: ThemePresetPayload,
    description: `Changes a theme preset: names, tokens, dark flag, order, default (needs ${MANAGE_THEMES}; audited).`,
    errors: resultUnion('UpdateThemePreset', NotFoundError, ConflictError, ForbiddenError),
    args: { input: t.arg({ type: UpdateThemePresetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, MANAGE_THEMES);
        const values = await presetValues(ctx, input);
        const before = await authorizeRow(tx, viewer, { rule: canManageThemePreset, readRule: canSeeThemePreset, id: input.id.id, what: 'Theme preset' });
        if (before.isDefault && values.isDefault === false) throw new ConflictError(`"${before.key}" is the default theme: make another preset the default instead.`);
        // Nothing to change (only the id given): answered as is, no write and no audit row.
        if (Object.values(values).every((value) => value === undefined)) return { id: before.id };
        if (values.isDefault && !before.isDefault) await clearOtherDefault(tx, before.id);
        const [after] = await tx.update(themePresets).set(values).where(eq(themePresets.id, before.id)).returning();
        await writeAudit(tx, ctx, viewer, { action: 'theme_preset.update', resourceType: 'theme_preset', resourceId: before.id, oldValues: auditValues(before), newValues: auditValues(after!) });
        return { id: before.id };
      }),
  }),
  deleteThemePreset: t.field({
    type: ThemePresetPayload,
    description: `Deletes a theme preset (needs ${MANAGE_THEMES}; audited); desktops that chose it go back to the default theme. CONFLICT for the default preset.`,
    errors: resultUnion('DeleteThemePreset', NotFoundError, ConflictError, ForbiddenError),
    args: { input: t.arg({ type: ThemePresetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, MANAGE_THEMES);
        const before = await authorizeRow(tx, viewer, { rule: canManageThemePreset, readRule: canSeeThemePreset, id: input.id.id, what: 'Theme preset' });
        if (before.isDefault) throw new ConflictError(`"${before.key}" is the default theme and cannot be deleted: make another preset the default first.`);
        const [{ desktops } = { desktops: 0 }] = await tx
          .select({ desktops: sql<number>`count(*)::int` })
          .from(desktopConfigurations)
          .where(eq(desktopConfigurations.themePresetId, before.id));
        await tx.delete(themePresets).where(eq(themePresets.id, before.id));
        await writeAudit(tx, ctx, viewer, { action: 'theme_preset.delete', resourceType: 'theme_preset', resourceId: before.id, oldValues: { ...auditValues(before), desktops } });
        return { id: before.id };
      }),
  }),
}));
