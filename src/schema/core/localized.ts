import type { FieldRef, InputFieldMap } from '@pothos/core';
import type { DrizzleObjectFieldBuilder } from '@pothos/plugin-drizzle';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import { badUserInput } from '../../i18n/graphql.js';
import { validateLocalizedInput, type LocalizedEntry } from '../../i18n/input.js';
import type { ResolvedText } from '../../i18n/locale.js';
import { localizedSortKeySql } from '../../i18n/sql.js';

/** The builder's full schema types (the config in builder.ts, extended by Pothos). */
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** Row keys holding a localized JSONB map. */
type LocalizedKey<Row> = {
  [K in keyof Row & string]: NonNullable<Row[K]> extends LocalizedText ? K : never;
}[keyof Row & string];

/** `nullable: true` is required exactly when the column is nullable, so GraphQL and SQL agree. */
type NullableOption<Row, Name extends keyof Row> = null extends Row[Name] ? { nullable: true } : { nullable?: false };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface LocaleSources<_Row = unknown> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  audience?: (table: any) => SQL;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  organization?: (table: any) => SQL;
}

export type LocalizedFieldOptions<Row, Name extends keyof Row> = NullableOption<Row, Name> & {
  /** What the text is, e.g. "The role's name". */
  description?: string;
  /**
   * Locales the row itself brings, as SQL over its table, tried in the chain like the request's own:
   * `audience` (a notification's recipient) right after the argument, `organization` (the default
   * of the row's organization) after the viewer's. Both engine and compiled reads evaluate this SQL.
   */
  localeSources?: LocaleSources<Row>;
};

/** The three fields of one localized column: `name`, `nameLocale`, `nameTranslations`. */
export type LocalizedFieldRefs<Name extends string> = {
  [K in Name | `${Name}Locale` | `${Name}Translations`]: FieldRef<Types, unknown, 'DrizzleObject'>;
};

// The helper reads the row by key, so it needs only `field` and `arg` of the object's field builder.
type LooseFieldBuilder = {
  field: (options: object) => FieldRef<Types, unknown, 'DrizzleObject'>;
  arg: (options: object) => InputFieldMap[string];
};

export const LOCALIZED_FIELD = 'localizedField';
type LocalizedPart = 'text' | 'locale' | 'translations';

/** How compiled reads find a localized field: its column, which of the three fields, whether row data picks the locale. */
export interface LocalizedField {
  column: string;
  part: LocalizedPart;
  nullable: boolean;
  sources: LocaleSources;
}

const AUDIENCE_KEY = 'localizedAudienceLocale';
const ORGANIZATION_KEY = 'localizedOrganizationLocale';

const LOCALE_ARG_DESCRIPTION = 'Read the text in this locale when it exists; beats Accept-Language and the stored preferences.';

/**
 * Exposes a localized JSONB column three ways, the same for every such column:
 * `name(locale)`: the text in the request's locale (argument, Accept-Language, viewer's locale,
 * organization default, platform default, any text); `nameLocale(locale)`: the locale that text is
 * in; `nameTranslations`: the stored map, intact. Resolution reads the loaded row: no extra SQL.
 */
export function localizedFields<Row extends object, const Name extends LocalizedKey<Row>>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  t: DrizzleObjectFieldBuilder<Types, any, Row>,
  name: Name,
  ...[options]: null extends Row[Name] ? [LocalizedFieldOptions<Row, Name>] : [LocalizedFieldOptions<Row, Name>?]
): LocalizedFieldRefs<Name> {
  const fields = t as unknown as LooseFieldBuilder;
  const nullable = options?.nullable ?? false;
  const args = (): InputFieldMap => ({ locale: fields.arg({ type: 'Locale', description: LOCALE_ARG_DESCRIPTION }) });
  const resolveText = (row: Row, args: { locale?: string | null }, ctx: Context): Promise<ResolvedText | null> =>
    ctx.locale.resolve(row[name] as LocalizedText | null, {
      locale: args.locale,
      audienceLocale: (row as Record<string, string | null | undefined>)[AUDIENCE_KEY],
      organizationLocale: (row as Record<string, string | null | undefined>)[ORGANIZATION_KEY],
    });
  const what = options?.description ?? `The ${name}`;
  // Compiled reads resolve the text in SQL from the request's chain; row-specific sources stay with the engine.
  const compiled = (part: LocalizedPart) => ({
    [LOCALIZED_FIELD]: { column: name, part, nullable, sources: options?.localeSources ?? {} } satisfies LocalizedField,
  });
  // The row's own locales as extra columns of its query (no statement of their own).
  const sources = options?.localeSources;
  const select = sources
    ? {
        extras: {
          ...(sources.audience ? { [AUDIENCE_KEY]: sources.audience } : {}),
          ...(sources.organization ? { [ORGANIZATION_KEY]: sources.organization } : {}),
        },
      }
    : undefined;
  return {
    [name]: fields.field({
      type: 'String',
      nullable,
      description: `${what}, in the request's locale (see \`${name}Locale\`).`,
      args: args(),
      select,
      extensions: compiled('text'),
      // A non-null column whose texts are all blank still answers a string.
      resolve: async (row: Row, args: { locale?: string | null }, ctx: Context) =>
        (await resolveText(row, args, ctx))?.text ?? (nullable ? null : ''),
    }),
    [`${name}Locale`]: fields.field({
      type: 'Locale',
      nullable: true,
      description: `The locale \`${name}\` is in for the same \`locale\` argument; null when there is no text.`,
      args: args(),
      select,
      extensions: compiled('locale'),
      resolve: async (row: Row, args: { locale?: string | null }, ctx: Context) => (await resolveText(row, args, ctx))?.locale ?? null,
    }),
    [`${name}Translations`]: fields.field({
      type: 'JSONObject',
      nullable,
      description: `${what} in every locale, as stored: { "en": "...", "hu": "..." }.`,
      extensions: compiled('translations'),
      resolve: (row: Row) => row[name] ?? null,
    }),
  } as LocalizedFieldRefs<Name>;
}

/** `{ locale, text }`: one translation of a localized input. */
export const LocalizedTextInput = builder.inputType('LocalizedTextInput', {
  description: 'One translation of a localized text. A localized input lists active locales only and must include the default locale.',
  fields: (t) => ({
    locale: t.field({ type: 'Locale', required: true }),
    text: t.string({ required: true }),
  }),
});

/**
 * A localized input as the map to store; refuses (BAD_USER_INPUT, every problem listed) unknown
 * or inactive locales, repeats, blank texts and a missing default locale. Null stays null.
 */
export async function localizedInput(
  ctx: Context,
  entries: readonly LocalizedEntry[] | null | undefined,
  field: string,
): Promise<LocalizedText | null> {
  if (entries == null) return null;
  const catalog = await ctx.locale.catalog();
  const result = validateLocalizedInput(entries, catalog);
  if (result.ok) return result.value;
  throw badUserInput(`Invalid ${field}: ${result.problems.join('; ')}.`, { field, problems: result.problems });
}

/**
 * An `extras` entry that sorts a root list by a localized column's resolved text, in SQL, for the
 * request's locale chain; use it as `extras: { sortName }, orderBy: { sortName: 'asc' }`.
 */
export async function localizedSortKey<Table>(
  ctx: Context,
  column: (table: Table) => SQLWrapper,
): Promise<(table: Table) => SQL> {
  const [preferences, catalog] = await Promise.all([ctx.locale.preferences(), ctx.locale.catalog()]);
  return (table) => localizedSortKeySql(column(table), preferences, catalog);
}
