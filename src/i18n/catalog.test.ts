import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/client.js';
import { cachedLocaleCatalog, catalogFromRows, invalidateLocaleCatalog, LOCALE_CATALOG_TTL_MS, type CatalogRow } from './catalog.js';

const rows: CatalogRow[] = [
  { code: 'en', isActive: true, isDefault: true, collation: 'en-x-icu', rootCollation: 'und-x-icu' },
  { code: 'hu', isActive: true, isDefault: false, collation: null, rootCollation: 'und-x-icu' },
  { code: 'fr', isActive: false, isDefault: false, collation: 'fr-x-icu', rootCollation: 'und-x-icu' },
];

/** A stand-in database answering `select ... from platform.locales`, counting the statements. */
function fakeDatabase(answer: () => Promise<CatalogRow[]>) {
  const from = vi.fn(answer);
  return { db: { select: () => ({ from }) } as unknown as Database, statements: from };
}

describe('catalogFromRows', () => {
  it('keeps active locales, the default and the collations the server has', () => {
    const catalog = catalogFromRows(rows);
    expect([...catalog.active]).toEqual(['en', 'hu']);
    expect(catalog.defaultLocale).toBe('en');
    expect(catalogFromRows(rows.map((row) => ({ ...row, isDefault: row.code === 'hu' }))).defaultLocale).toBe('hu');
    expect(catalog.collations.get('en')).toBe('en-x-icu');
    expect(catalog.collations.has('hu')).toBe(false);
    expect(catalog.rootCollation).toBe('und-x-icu');
  });

  it('has no default before any locale exists (none is assumed)', () => {
    expect(catalogFromRows([]).defaultLocale).toBeNull();
    expect(catalogFromRows([]).rootCollation).toBeNull();
  });
});

describe('cachedLocaleCatalog', () => {
  it('loads once per database within the TTL, again after it or after invalidation', async () => {
    const { db, statements } = fakeDatabase(async () => rows);
    await cachedLocaleCatalog(db, 0);
    await cachedLocaleCatalog(db, LOCALE_CATALOG_TTL_MS - 1);
    expect(statements).toHaveBeenCalledTimes(1);
    await cachedLocaleCatalog(db, LOCALE_CATALOG_TTL_MS);
    expect(statements).toHaveBeenCalledTimes(2);
    invalidateLocaleCatalog(db);
    await cachedLocaleCatalog(db, LOCALE_CATALOG_TTL_MS);
    expect(statements).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const { db, statements } = fakeDatabase(async () => {
      if (fail) throw new Error('relation "platform.locales" does not exist');
      return rows;
    });
    await expect(cachedLocaleCatalog(db, 0)).rejects.toThrow('does not exist');
    fail = false;
    await expect(cachedLocaleCatalog(db, 1)).resolves.toMatchObject({ defaultLocale: 'en' });
    expect(statements).toHaveBeenCalledTimes(2);
  });
});
