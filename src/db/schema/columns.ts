import { sql, type SQL } from 'drizzle-orm';
import { check, jsonb, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** A localized text: locale code -> text, e.g. { en: 'Administrator', hu: 'Adminisztrátor' }. */
export type LocalizedText = Record<string, string>;

export const id = () => uuid('id').primaryKey().defaultRandom();

// precision 3: JavaScript Dates hold milliseconds, so cursors built from them round-trip exactly.
export const timestampColumn = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const createdAt = () => timestampColumn('created_at').notNull().defaultNow();
export const updatedAt = () =>
  timestampColumn('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
export const deletedAt = () => timestampColumn('deleted_at');

export const localized = (name: string) => jsonb(name).$type<LocalizedText>();

/**
 * CHECK that a localized column is a JSON object. That it holds a text in the platform default
 * locale is checked by the `platform.localized_guard` trigger (drizzle/*_default_locale_from_table):
 * the default is a row of platform.locales, and a CHECK cannot read a table.
 */
export function localizedCheck(name: string, column: AnyPgColumn, nullable = false): ReturnType<typeof check> {
  const condition: SQL = sql`jsonb_typeof(${column}) = 'object'`;
  return check(name, nullable ? sql`${column} is null or (${condition})` : condition);
}
