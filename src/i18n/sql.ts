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

/** A locale to try: a tag known now, or one the row holds (SQL), tried only when it is an active locale. */
export type LocaleCandidate = string | { locale: SQL; withBase: boolean };

/**
 * `localizedTextSql` / `localizedLocaleSql` for a chain that includes locales read from the row
 * (a notification's recipient): each such locale (and its base language where the chain takes it), when active.
 */
export function localizedChainSql(column: SQLWrapper, chain: readonly LocaleCandidate[], active: ReadonlySet<string>, part: 'text' | 'locale'): SQL {
  const activeArray = sql`array[${sql.join([...active].map((locale) => sql`${locale}::text`), sql`, `)}]::text[]`;
  const arms = chain.flatMap((candidate) => {
    if (typeof candidate === 'string') {
      if (!active.has(candidate)) return [];
      const text = sql`nullif(${column} ->> ${candidate}::text, '')`;
      return [part === 'text' ? text : sql`(case when ${text} is not null then ${candidate}::text end)`];
    }
    const locales = candidate.withBase ? [candidate.locale, sql`split_part(${candidate.locale}, '-', 1)`] : [candidate.locale];
    return locales.map((locale) => {
      const text = sql`nullif(${column} ->> ${locale}, '')`;
      return sql`(case when ${locale} = any(${activeArray}) then ${part === 'text' ? text : sql`(case when ${text} is not null then ${locale} end)`} end)`;
    });
  });
  const any = part === 'text' ? sql`e.value` : sql`e.key`;
  const anyText = sql`(select ${any} from jsonb_each_text(${column}) e where e.value <> '' order by e.key collate "C" limit 1)`;
  return sql`coalesce(${sql.join([...arms, anyText], sql`, `)})`;
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
