/**
 * Locale tags, Accept-Language negotiation and resolution of localized maps ({ en: '...', hu: '...' }).
 * Pure functions: no database, no GraphQL.
 */

/** A localized text as stored: locale code -> text. */
export type LocalizedMap = Readonly<Record<string, unknown>>;

/** The text picked from a localized map and the locale it was written in. */
export interface ResolvedText {
  text: string;
  locale: string;
}

/** Accept-Language entries read at most; a longer header is cut (it is client-controlled). */
const MAX_HEADER_ENTRIES = 16;
const MAX_HEADER_LENGTH = 1024;

// language (2-3 letters), optional script (4 letters), optional region (2 letters or 3 digits), optional variants.
const LOCALE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?((?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)$/i;
// Accept-Language q-value: 0 to 1 with at most three decimals (RFC 9110 §12.4.2).
const Q_VALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The canonical form of a locale tag (`hu`, `pt-BR`, `zh-Hant-TW`), or null when it is malformed. */
export function normalizeLocaleTag(tag: string): string | null {
  const match = LOCALE_TAG.exec(tag.trim());
  if (!match) return null;
  const [, language, script, region, variants] = match;
  return [
    language!.toLowerCase(),
    script ? script[0]!.toUpperCase() + script.slice(1).toLowerCase() : undefined,
    region?.toUpperCase(),
    variants ? variants.slice(1).toLowerCase() : undefined,
  ]
    .filter(Boolean)
    .join('-');
}

export function isLocaleTag(tag: string): boolean {
  return normalizeLocaleTag(tag) !== null;
}

/** The language subtag: `hu-HU` -> `hu`. */
export function baseLanguage(tag: string): string {
  return tag.split('-', 1)[0]!;
}

/** Each tag followed by its base language (RFC 4647 lookup: `hu-HU` then `hu`), without repeats or nulls. */
export function withBaseLanguages(tags: Iterable<string | null | undefined>): string[] {
  const chain = new Set<string>();
  for (const tag of tags) {
    if (!tag) continue;
    chain.add(tag);
    chain.add(baseLanguage(tag));
  }
  return [...chain];
}

interface WeightedTag {
  tag: string;
  q: number;
  position: number;
}

/** One `tag;q=0.8` entry, or null when the tag or its parameters are malformed, `*`, or q=0. */
function parseAcceptEntry(entry: string, position: number): WeightedTag | null {
  const [rawTag, ...params] = entry.split(';');
  const tag = normalizeLocaleTag(rawTag ?? '');
  if (!tag) return null;
  let q = 1;
  for (const param of params) {
    const [name, value] = param.split('=').map((part) => part.trim());
    if (name?.toLowerCase() !== 'q') continue;
    if (!value || !Q_VALUE.test(value)) return null;
    q = Number(value);
  }
  return q > 0 ? { tag, q, position } : null;
}

/**
 * The locales of an Accept-Language header, most preferred first (q-values, then header order),
 * each region tag followed by its base language. Malformed entries, `*` and q=0 are skipped.
 */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries = header.slice(0, MAX_HEADER_LENGTH).split(',').slice(0, MAX_HEADER_ENTRIES);
  const weighted = entries.map(parseAcceptEntry).filter((entry): entry is WeightedTag => entry !== null);
  weighted.sort((a, b) => b.q - a.q || a.position - b.position);
  return withBaseLanguages(weighted.map((entry) => entry.tag));
}

/** The text a map holds for a locale; an empty string counts as missing (an untranslated slot). */
export function textIn(map: LocalizedMap, locale: string): string | undefined {
  const text = map[locale];
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/**
 * The first locale of `candidates` (in order, skipping null/undefined and, when `active` is
 * given, locales that are not active) that the map has a text for.
 */
export function pickLocale(
  map: LocalizedMap,
  candidates: Iterable<string | null | undefined>,
  active?: ReadonlySet<string>,
): ResolvedText | null {
  for (const locale of candidates) {
    if (!locale || (active && !active.has(locale))) continue;
    const text = textIn(map, locale);
    if (text !== undefined) return { text, locale };
  }
  return null;
}

/** Any text of the map: the one of the smallest locale code (code-unit order, like `collate "C"`). */
export function anyText(map: LocalizedMap): ResolvedText | null {
  const locales = Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return pickLocale(map, locales);
}

/**
 * Resolves a localized map: the request's preferences (argument, Accept-Language), then the
 * fallbacks (viewer's locale, organization default, platform default), then any text present.
 * Null only for a null or empty map.
 */
export function resolveLocalized(
  map: LocalizedMap | null | undefined,
  preferences: Iterable<string | null | undefined>,
  fallbacks: Iterable<string | null | undefined> = [],
  active?: ReadonlySet<string>,
): ResolvedText | null {
  if (!map) return null;
  return pickLocale(map, preferences, active) ?? pickLocale(map, fallbacks, active) ?? anyText(map);
}
