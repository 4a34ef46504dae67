import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { LocaleCatalog } from './catalog.js';

/**
 * The resolved text of a localized JSONB column in SQL, mirroring `resolveLocalized`: the first
 * non-empty text among `preferences`, else the text of the smallest locale code.
 */
export function localizedTextSql(column: SQLWrapper, preferences: readonly string[]): SQL {
  const preferred = preferences.map((locale) => sql`nullif(${column} ->> ${locale}::text, '')`);
  const anyText = sql`(select e.value from jsonb_each_text(${column}) e where e.value <> '' order by e.key collate "C" limit 1)`;
  return sql`coalesce(${sql.join([...preferred, anyText], sql`, `)})`;
}

/** The locale `localizedTextSql` takes its text from (null when there is no text), for `nameLocale` fields. */
export function localizedLocaleSql(column: SQLWrapper, preferences: readonly string[]): SQL {
  const preferred = preferences.map((locale) => sql`(case when nullif(${column} ->> ${locale}::text, '') is not null then ${locale}::text end)`);
  const anyLocale = sql`(select e.key from jsonb_each_text(${column}) e where e.value <> '' order by e.key collate "C" limit 1)`;
  return sql`coalesce(${sql.join([...preferred, anyLocale], sql`, `)})`;
}

/**
 * The collation to sort texts of `locale` by: its ICU collation where the server has one
 * (PostgreSQL 15 with ICU: `hu-x-icu`, full Hungarian alphabet), else the ICU root (`und-x-icu`),
 * else none. PGlite 0.5.16 ships ICU root data only: accented letters sort next to their base
 * letter, but cs, ö, zs are not separate letters there (documented limitation).
 */
export function collationFor(catalog: LocaleCatalog, locale: string | undefined): string | null {
  return (locale && catalog.collations.get(locale)) || catalog.rootCollation;
}

/** A sort key for a localized column: its resolved text under the collation of the first preference. */
export function localizedSortKeySql(column: SQLWrapper, preferences: readonly string[], catalog: LocaleCatalog): SQL {
  const text = localizedTextSql(column, preferences);
  const collation = collationFor(catalog, preferences[0]);
  return collation ? sql`(${text}) collate ${sql.identifier(collation)}` : text;
}
