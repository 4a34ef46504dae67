import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context, Viewer } from '../../context.js';
import { locales, organizations, translations, users } from '../../db/schema/index.js';
import { invalidateLocaleCatalog } from '../../i18n/catalog.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion } from '../core/errors.js';
import { mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { LocaleInfo, NAMESPACE } from './locales.js';
import { requirePermission, trimmedText } from './platform-mutation-helpers.js';

/**
 * Locales (create, update, set the default, delete) and translation deletes: P(translations.manage),
 * persons only. The default is the one row flagged is_default; the database keeps it to exactly
 * one, active, and with a text in every localized row (drizzle/*_default_locale_from_table): these
 * mutations check the same first, to answer a typed error that says what to fix.
 */

type LocaleRow = typeof locales.$inferSelect;

const LocalePayload = builder.objectRef<{ code: string }>('LocalePayload').implement({
  fields: (t) => ({
    locale: t.drizzleField({
      type: LocaleInfo,
      nullable: true,
      description: 'The locale as stored now (null once deleted). Locales are public.',
      resolve: (query, payload, _args, ctx) => ctx.db.query.locales.findFirst(query({ where: { code: payload.code } })),
    }),
  }),
});

const CreateLocaleInput = builder.inputType('CreateLocaleInput', {
  fields: (t) => ({
    code: t.field({ type: 'Locale', required: true, description: 'A locale tag (e.g. "fr" or "pt-BR"), at most 16 characters.' }),
    name: t.string({ required: true, description: 'The name in English, e.g. "French"; 1 to 100 characters.' }),
    nativeName: t.string({ required: true, description: 'The name in the language itself, e.g. "Français"; 1 to 100 characters.' }),
    isActive: t.boolean({ defaultValue: true }),
  }),
});

const UpdateLocaleInput = builder.inputType('UpdateLocaleInput', {
  description: 'Absent fields stay as they are. The default locale cannot be deactivated.',
  fields: (t) => ({
    code: t.field({ type: 'Locale', required: true }),
    name: t.string(),
    nativeName: t.string(),
    isActive: t.boolean(),
  }),
});

const LocaleCodeInput = builder.inputType('LocaleCodeInput', { fields: (t) => ({ code: t.field({ type: 'Locale', required: true }) }) });

const localeSchema = z.object({
  code: z.string().max(16, 'must be at most 16 characters'),
  name: trimmedText(1, 100).optional(),
  nativeName: trimmedText(1, 100).optional(),
  isActive: z.boolean().optional(),
});

/** Runs a locale write; afterwards (committed or not) this process reloads its locale catalog. Other processes hear the NOTIFY of the locales trigger. */
async function mutateLocales<T>(ctx: Context, work: (tx: Transaction, viewer: Viewer) => Promise<T>): Promise<T> {
  try {
    return await mutate(ctx, async (tx, viewer) => {
      await requirePermission(tx, viewer, 'translations.manage');
      return work(tx, viewer);
    });
  } finally {
    invalidateLocaleCatalog(ctx.db);
  }
}

/** The locale row, locked for the rest of the transaction, or NOT_FOUND. */
async function lockedLocale(tx: Transaction, code: string): Promise<LocaleRow> {
  const [row] = await tx.select().from(locales).where(eq(locales.code, code)).for('update');
  if (!row) throw new NotFoundError(`There is no locale "${code}".`);
  return row;
}

const auditValues = (row: LocaleRow) => ({ code: row.code, name: row.name, nativeName: row.nativeName, isActive: row.isActive, isDefault: row.isDefault });

/** The localized columns whose rows lack a text in `code` (the database's own list of guarded columns). */
async function missingTexts(tx: Transaction, code: string): Promise<string[]> {
  const result = await tx.execute(sql`select relation, field, missing::int as missing from platform.localized_rows_missing(${code})`);
  return (result as unknown as { rows: { relation: string; field: string; missing: number }[] }).rows.map((row) => `${row.relation}.${row.field} (${row.missing} rows)`);
}

builder.mutationFields((t) => ({
  createLocale: t.field({
    type: LocalePayload,
    description: 'Adds a locale (needs translations.manage; audited). Make it the default with setDefaultLocale.',
    errors: resultUnion('CreateLocale', ConflictError, ForbiddenError),
    args: { input: t.arg({ type: CreateLocaleInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateLocales(ctx, async (tx, viewer) => {
        const { code, name, nativeName, isActive } = parseInput(localeSchema, input);
        const [created] = await tx
          .insert(locales)
          .values({ code, name: name!, nativeName: nativeName!, isActive: isActive ?? true, isDefault: false })
          .onConflictDoNothing({ target: locales.code })
          .returning();
        if (!created) throw new ConflictError(`The locale "${code}" exists already.`);
        await writeAudit(tx, ctx, viewer, { action: 'locale.create', resourceType: 'locale', resourceId: null, newValues: auditValues(created) });
        return { code };
      }),
  }),
  updateLocale: t.field({
    type: LocalePayload,
    description: 'Renames, activates or deactivates a locale (needs translations.manage; audited). The default locale stays active.',
    errors: resultUnion('UpdateLocale', NotFoundError, ConflictError, ForbiddenError),
    args: { input: t.arg({ type: UpdateLocaleInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateLocales(ctx, async (tx, viewer) => {
        const { code, ...changes } = parseInput(localeSchema, input);
        const before = await lockedLocale(tx, code);
        if (before.isDefault && changes.isActive === false) throw new ConflictError(`"${code}" is the default locale: make another locale the default first.`);
        // Nothing to change (only the code given): answered as is, no write and no audit row.
        if (Object.values(changes).every((value) => value === undefined)) return { code };
        const [after] = await tx.update(locales).set(changes).where(eq(locales.code, code)).returning();
        await writeAudit(tx, ctx, viewer, { action: 'locale.update', resourceType: 'locale', resourceId: null, oldValues: auditValues(before), newValues: auditValues(after!) });
        return { code };
      }),
  }),
  setDefaultLocale: t.field({
    type: LocalePayload,
    description:
      'Makes an active locale the platform default (needs translations.manage; audited). Refused (CONFLICT) while any localized text lacks a text in it: the message names the columns to complete.',
    errors: resultUnion('SetDefaultLocale', NotFoundError, ConflictError, ForbiddenError),
    args: { input: t.arg({ type: LocaleCodeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateLocales(ctx, async (tx, viewer) => {
        const target = await lockedLocale(tx, input.code);
        if (target.isDefault) return { code: target.code };
        if (!target.isActive) throw new ConflictError(`"${target.code}" is not active: activate it first.`);
        const missing = await missingTexts(tx, target.code);
        if (missing.length > 0) throw new ConflictError(`Texts in "${target.code}" are missing in ${missing.join(', ')}: add them first.`);
        const [previous] = await tx.update(locales).set({ isDefault: false }).where(eq(locales.isDefault, true)).returning();
        // The locales trigger checks again under lock: a row written meanwhile without the text fails the switch.
        await tx.update(locales).set({ isDefault: true }).where(eq(locales.code, target.code));
        await writeAudit(tx, ctx, viewer, {
          action: 'locale.set_default',
          resourceType: 'locale',
          resourceId: null,
          oldValues: { defaultLocale: previous?.code ?? null },
          newValues: { defaultLocale: target.code },
        });
        return { code: target.code };
      }),
  }),
  deleteLocale: t.field({
    type: LocalePayload,
    description:
      'Deletes a locale and its UI strings (needs translations.manage; audited). Refused (CONFLICT) for the default locale and for a locale users or organizations have chosen: deactivate it instead.',
    errors: resultUnion('DeleteLocale', NotFoundError, ConflictError, ForbiddenError),
    args: { input: t.arg({ type: LocaleCodeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateLocales(ctx, async (tx, viewer) => {
        const before = await lockedLocale(tx, input.code);
        if (before.isDefault) throw new ConflictError(`"${before.code}" is the default locale and cannot be deleted.`);
        const [chosen] = await tx.execute(sql`select
            (select count(*)::int from ${users} where ${users.locale} = ${before.code}) as users,
            (select count(*)::int from ${organizations} where ${organizations.defaultLocale} = ${before.code}) as organizations`).then(
          (result) => (result as unknown as { rows: { users: number; organizations: number }[] }).rows,
        );
        if (chosen && (chosen.users > 0 || chosen.organizations > 0)) {
          throw new ConflictError(`"${before.code}" is chosen by ${chosen.users} users and ${chosen.organizations} organizations: deactivate it instead.`);
        }
        const removed = await tx.delete(translations).where(eq(translations.locale, before.code)).returning({ id: translations.id });
        await tx.delete(locales).where(eq(locales.code, before.code));
        await writeAudit(tx, ctx, viewer, {
          action: 'locale.delete',
          resourceType: 'locale',
          resourceId: null,
          oldValues: { ...auditValues(before), translations: removed.length },
        });
        return { code: before.code };
      }),
  }),
}));

/** Translation deletes: the counterpart of upsertTranslations (platform-mutations.ts). */

const DeleteTranslationsPayload = builder.objectRef<{ count: number }>('DeleteTranslationsPayload').implement({
  fields: (t) => ({ count: t.exposeInt('count', { description: 'Strings this call deleted (absent ones are not counted).' }) }),
});

/** Entries one call may delete, like upsertTranslations. */
const MAX_DELETE_ENTRIES = 500;

const TranslationKeyInput = builder.inputType('TranslationKeyInput', {
  fields: (t) => ({
    locale: t.field({ type: 'Locale', required: true }),
    key: t.string({ required: true }),
  }),
});

const DeleteTranslationsInput = builder.inputType('DeleteTranslationsInput', {
  fields: (t) => ({
    namespace: t.string({ required: true }),
    entries: t.field({ type: [TranslationKeyInput], required: true, description: `1 to ${MAX_DELETE_ENTRIES} (locale, key) pairs.` }),
  }),
});

const deleteSchema = z.object({
  namespace: z.string().regex(NAMESPACE, 'must be 1 to 100 letters, digits, ".", "-" or "_"'),
  entries: z
    .array(z.object({ locale: z.string().max(16), key: z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/, 'must be 1 to 200 letters, digits, ".", "-" or "_"') }))
    .min(1, 'must not be empty')
    .max(MAX_DELETE_ENTRIES, `must hold at most ${MAX_DELETE_ENTRIES} entries`),
});

builder.mutationField('deleteTranslations', (t) =>
  t.field({
    type: DeleteTranslationsPayload,
    description: 'Deletes UI strings of one namespace by (locale, key) (needs translations.manage; audited); readers fall back to other locales. Idempotent.',
    errors: resultUnion('DeleteTranslations', ForbiddenError),
    args: { input: t.arg({ type: DeleteTranslationsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, 'translations.manage');
        const { namespace, entries } = parseInput(deleteSchema, input);
        const pairs = entries.map((entry) => and(eq(translations.locale, entry.locale), eq(translations.key, entry.key)));
        const removed = await tx
          .delete(translations)
          .where(and(eq(translations.namespace, namespace), inArray(translations.key, [...new Set(entries.map((entry) => entry.key))]), or(...pairs)))
          .returning();
        if (removed.length > 0) {
          await writeAudit(tx, ctx, viewer, {
            action: 'translations.delete',
            resourceType: 'translation',
            resourceId: null,
            oldValues: { namespace, entries: Object.fromEntries(removed.map((row) => [`${row.locale}:${row.key}`, row.value])) },
          });
        }
        return { count: removed.length };
      }),
  }),
);
