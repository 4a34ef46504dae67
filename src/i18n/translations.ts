import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { locales, translations } from '../db/schema/index.js';
import { pickLocale, resolveLocalized } from './locale.js';

/** One stored UI string of an active locale. */
export interface TranslationRow {
  namespace: string;
  key: string;
  locale: string;
  value: string;
  /** Whether `locale` is the platform default. */
  isDefault: boolean;
}

/** A namespace resolved for one request: key -> text, and key -> the locale the text is in. */
export interface ResolvedNamespace {
  entries: Record<string, string>;
  locales: Record<string, string>;
}

/** Every string of the given namespaces in the active locales, in ONE statement. */
export async function loadTranslations(db: Database, namespaces: readonly string[]): Promise<TranslationRow[]> {
  return db
    .select({
      namespace: translations.namespace,
      key: translations.key,
      locale: translations.locale,
      value: translations.value,
      isDefault: locales.isDefault,
    })
    .from(translations)
    // The join drops inactive locales and tells which locale is the default, so no other query is needed.
    .innerJoin(locales, and(eq(locales.code, translations.locale), eq(locales.isActive, true)))
    .where(inArray(translations.namespace, [...namespaces]))
    .orderBy(translations.namespace, translations.key, translations.locale);
}

/** Per request: all namespaces asked for in one tick are loaded together. */
export const translationLoader = createContextCache(
  (context: { db: Database }) =>
    new DataLoader<string, TranslationRow[]>(async (namespaces) => {
      const rows = await loadTranslations(context.db, namespaces);
      return namespaces.map((namespace) => rows.filter((row) => row.namespace === namespace));
    }),
);

interface KeyTexts {
  texts: Record<string, string>;
  defaultLocale?: string;
}

/** The rows of one namespace grouped by key: { key: { texts: { en, hu }, defaultLocale } }. */
function groupByKey(rows: readonly TranslationRow[]): Map<string, KeyTexts> {
  const byKey = new Map<string, KeyTexts>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { texts: {} };
    entry.texts[row.locale] = row.value;
    if (row.isDefault) entry.defaultLocale = row.locale;
    byKey.set(row.key, entry);
  }
  return byKey;
}

/**
 * Resolves every key of a namespace with the same chain as a localized column: `leading`
 * (argument, header), then the fallbacks (viewer's locale, read only when a key needs it), then
 * the platform default, then any text.
 */
export async function resolveNamespace(
  rows: readonly TranslationRow[],
  leading: readonly string[],
  fallbacks: () => Promise<readonly (string | null | undefined)[]>,
): Promise<ResolvedNamespace> {
  const byKey = groupByKey(rows);
  const needsFallback = [...byKey.values()].some(({ texts }) => !pickLocale(texts, leading));
  const later = needsFallback ? await fallbacks() : [];
  const resolved: ResolvedNamespace = { entries: {}, locales: {} };
  for (const [key, { texts, defaultLocale }] of byKey) {
    const hit = resolveLocalized(texts, leading, [...later, defaultLocale]);
    if (!hit) continue;
    resolved.entries[key] = hit.text;
    resolved.locales[key] = hit.locale;
  }
  return resolved;
}
