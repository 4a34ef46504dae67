import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { rootDatabase } from '../db/counting.js';
import { locales } from '../db/schema/index.js';

/** The platform's locales as resolution needs them. */
export interface LocaleCatalog {
  /** Codes of the active locales. */
  active: ReadonlySet<string>;
  /** The platform default (`platform.locales.is_default`); null only before any locale exists. */
  defaultLocale: string | null;
  /** The ICU collation to sort each locale's texts by (`hu-x-icu`), where the server has one. */
  collations: ReadonlyMap<string, string>;
  /** The ICU root collation (`und-x-icu`): accented letters next to their base letter. */
  rootCollation: string | null;
}

/**
 * How long a loaded catalog is reused across requests. Locales change rarely (adding a language
 * is an admin action), and caching them keeps localized fields free of extra statements; writes
 * through this gateway call `invalidateLocaleCatalog`, other instances see them within the TTL.
 */
export const LOCALE_CATALOG_TTL_MS = 5 * 60_000;

export interface CatalogRow {
  code: string;
  isActive: boolean;
  isDefault: boolean;
  collation: string | null;
  rootCollation: string | null;
}

/** The catalog as stored, in one statement (with the best ICU collation of each locale). */
export async function loadLocaleCatalog(db: Database): Promise<LocaleCatalog> {
  const rows = await db
    .select({
      code: locales.code,
      isActive: locales.isActive,
      isDefault: locales.isDefault,
      // `pt-BR-x-icu` before `pt-x-icu`; null where the server has neither.
      collation: sql<string | null>`(select c.collname from pg_collation c
        where c.collname in (${locales.code} || '-x-icu', split_part(${locales.code}, '-', 1) || '-x-icu')
        order by length(c.collname) desc limit 1)`,
      rootCollation: sql<string | null>`(select c.collname from pg_collation c where c.collname = 'und-x-icu' limit 1)`,
    })
    .from(locales);
  return catalogFromRows(rows);
}

export function catalogFromRows(rows: readonly CatalogRow[]): LocaleCatalog {
  const collations = new Map<string, string>();
  for (const row of rows) if (row.collation) collations.set(row.code, row.collation);
  return {
    active: new Set(rows.filter((row) => row.isActive).map((row) => row.code)),
    // The one source of the default; the database keeps it to exactly one row once locales exist.
    defaultLocale: rows.find((row) => row.isDefault)?.code ?? null,
    collations,
    rootCollation: rows[0]?.rootCollation ?? null,
  };
}

interface CacheEntry {
  loadedAt: number;
  catalog: Promise<LocaleCatalog>;
}

// Per database handle, so tests with several databases in one process do not share a catalog.
const cache = new WeakMap<Database, CacheEntry>();

/** The catalog of this database, reused for LOCALE_CATALOG_TTL_MS; a failed load is not cached. */
export function cachedLocaleCatalog(view: Database, now = Date.now()): Promise<LocaleCatalog> {
  // A request's counting view (src/db/counting.ts) shares its handle's catalog.
  const db = rootDatabase(view);
  const entry = cache.get(db);
  if (entry && now - entry.loadedAt < LOCALE_CATALOG_TTL_MS) return entry.catalog;
  const catalog = loadLocaleCatalog(db);
  cache.set(db, { loadedAt: now, catalog });
  catalog.catch(() => {
    if (cache.get(db)?.catalog === catalog) cache.delete(db);
  });
  return catalog;
}

/** Forget the cached catalog, e.g. after a locale was added, (de)activated or made the default. */
export function invalidateLocaleCatalog(db: Database): void {
  cache.delete(rootDatabase(db));
}
