import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { apps } from '../../db/schema/index.js';
import { canManageApp, canSeeOrManageApp } from '../../policies/app.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { LocalizedTextInput } from '../core/localized.js';
import { authorizeRow, mutate, writeAudit } from '../core/mutations.js';
import { App } from './apps.js';
import { catalogKey, localizedValue, requirePermission, trimmedText } from './platform-mutation-helpers.js';

/**
 * Apps of the desktop catalog: create, update, retire (P(apps.manage); access grants are
 * rbac-grant-mutations.ts). There is no hard delete: an app's key is what desktop configurations
 * and the audit trail name, so a retired app stays (inactive, listed to nobody) and can come back
 * with `updateApp(isActive: true)`.
 */

const AppPayload = builder.objectRef<{ appId: string }>('AppPayload').implement({
  fields: (t) => ({
    app: t.drizzleField({
      type: App,
      nullable: true,
      description: 'The app as the viewer may now see it: every app for a manager, else only one they may open.',
      resolve: (query, payload, _args, ctx) => ctx.db.query.apps.findFirst(query({ where: { id: payload.appId, ...visibleRows(canSeeOrManageApp, ctx) } })),
    }),
  }),
});

/** Largest `window` settings object, as JSON text. */
export const MAX_APP_WINDOW_BYTES = 4096;

const fieldDescriptions = {
  category: '1 to 64 characters, e.g. "communication"; "general" when omitted.',
  icon: 'An icon name or URL, up to 2048 characters; null clears it.',
  isActive: 'Inactive apps are listed to nobody (retired).',
  isPublic: 'Listed for everyone, without a role or group grant.',
  sortOrder: "The app's place on the desktop (ascending).",
  window: `Desktop window settings (size, resizable, ...), a JSON object of at most ${MAX_APP_WINDOW_BYTES} bytes.`,
};

const CreateAppInput = builder.inputType('CreateAppInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Unique: lower-case letters, digits, ".", "-", "_"; cannot be changed later.' }),
    name: t.field({ type: [LocalizedTextInput], required: true, description: 'Active locales only; the default locale is required.' }),
    description: t.field({ type: [LocalizedTextInput] }),
    category: t.string({ description: fieldDescriptions.category }),
    icon: t.string({ description: fieldDescriptions.icon }),
    isActive: t.boolean({ defaultValue: true, description: fieldDescriptions.isActive }),
    isPublic: t.boolean({ defaultValue: false, description: fieldDescriptions.isPublic }),
    sortOrder: t.int({ defaultValue: 0, description: fieldDescriptions.sortOrder }),
    window: t.field({ type: 'JSONObject', description: fieldDescriptions.window }),
  }),
});

const UpdateAppInput = builder.inputType('UpdateAppInput', {
  description: 'Absent fields stay as they are; a null description or icon clears it.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: App }),
    name: t.field({ type: [LocalizedTextInput] }),
    description: t.field({ type: [LocalizedTextInput] }),
    category: t.string({ description: fieldDescriptions.category }),
    icon: t.string({ description: fieldDescriptions.icon }),
    isActive: t.boolean({ description: fieldDescriptions.isActive }),
    isPublic: t.boolean({ description: fieldDescriptions.isPublic }),
    sortOrder: t.int({ description: fieldDescriptions.sortOrder }),
    window: t.field({ type: 'JSONObject', description: fieldDescriptions.window }),
  }),
});

const AppInput = builder.inputType('AppInput', { fields: (t) => ({ id: t.globalID({ required: true, for: App }) }) });

/** The plain (not localized) fields; absent ones stay unchanged, null only clears the icon. */
const appFieldsSchema = z.object({
  category: trimmedText(1, 64).optional(),
  icon: trimmedText(1, 2048).nullish(),
  isActive: z.boolean().optional(),
  isPublic: z.boolean().optional(),
  sortOrder: z.number().int().min(-1_000_000, 'must be at least -1000000').max(1_000_000, 'must be at most 1000000').optional(),
  // jsonb refuses a NUL character itself (a ValidationError through the mutation's error mapping).
  window: z
    .record(z.string(), z.unknown())
    .optional()
    .refine((value) => value === undefined || JSON.stringify(value).length <= MAX_APP_WINDOW_BYTES, `must be at most ${MAX_APP_WINDOW_BYTES} bytes of JSON`),
});

type LocalizedInputList = readonly { locale: string; text: string }[] | null | undefined;

/** The plain fields and the localized texts of an input; absent ones stay undefined. */
async function appValues(ctx: Context, input: Record<string, unknown> & { name?: LocalizedInputList; description?: LocalizedInputList }) {
  if (input.name === null) throw new ValidationError([{ path: ['name'], message: 'cannot be cleared' }]);
  // Unknown keys (key, id, the localized lists) are dropped by the schema.
  const fields = parseInput(appFieldsSchema, input);
  const name = (await localizedValue(ctx, input.name, 'name')) ?? undefined;
  return { ...fields, name, description: await localizedValue(ctx, input.description, 'description') };
}

const auditValues = (row: typeof apps.$inferSelect) => ({
  key: row.key,
  name: row.name,
  description: row.description,
  category: row.category,
  icon: row.icon,
  isActive: row.isActive,
  isPublic: row.isPublic,
  sortOrder: row.sortOrder,
  window: row.window,
});

builder.mutationFields((t) => ({
  createApp: t.field({
    type: AppPayload,
    description: 'Adds an app to the desktop catalog (needs apps.manage; audited). Open it to roles or groups with grantAppAccess, or make it public.',
    errors: resultUnion('CreateApp', ConflictError, ForbiddenError),
    args: { input: t.arg({ type: CreateAppInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, 'apps.manage');
        const { key } = parseInput(z.object({ key: catalogKey }), input);
        const { name, ...values } = await appValues(ctx, input);
        // A concurrent twin with the same key inserts nothing here instead of failing.
        const [created] = await tx
          .insert(apps)
          .values({ ...values, key, name: name! })
          .onConflictDoNothing({ target: apps.key })
          .returning();
        if (!created) throw new ConflictError(`The key "${key}" is taken.`);
        await writeAudit(tx, ctx, viewer, { action: 'app.create', resourceType: 'app', resourceId: created.id, newValues: auditValues(created) });
        return { appId: created.id };
      }),
  }),
  updateApp: t.field({
    type: AppPayload,
    description: 'Changes an app: names, description, category, icon, flags, order, window (needs apps.manage; audited).',
    errors: resultUnion('UpdateApp', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: UpdateAppInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, 'apps.manage');
        const values = await appValues(ctx, input);
        const before = await authorizeRow(tx, viewer, { rule: canManageApp, readRule: canManageApp, id: input.id.id, what: 'App' });
        const [after] = await tx.update(apps).set(values).where(eq(apps.id, before.id)).returning();
        await writeAudit(tx, ctx, viewer, { action: 'app.update', resourceType: 'app', resourceId: before.id, oldValues: auditValues(before), newValues: auditValues(after!) });
        return { appId: before.id };
      }),
  }),
  retireApp: t.field({
    type: AppPayload,
    description: 'Retires an app: inactive, so nobody sees it, grants kept (needs apps.manage; audited). updateApp(isActive: true) brings it back. Idempotent.',
    errors: resultUnion('RetireApp', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: AppInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, 'apps.manage');
        const before = await authorizeRow(tx, viewer, { rule: canManageApp, readRule: canManageApp, id: input.id.id, what: 'App' });
        if (before.isActive) {
          await tx.update(apps).set({ isActive: false }).where(eq(apps.id, before.id));
          await writeAudit(tx, ctx, viewer, { action: 'app.retire', resourceType: 'app', resourceId: before.id, oldValues: { key: before.key, isActive: true } });
        }
        return { appId: before.id };
      }),
  }),
}));
