import { normalizeLocaleTag } from './locale.js';

/** One entry of a localized input: `{ locale: "hu", text: "Adminisztrátor" }`. */
export interface LocalizedEntry {
  locale: string;
  text: string;
}

/** What a localized input is checked against: the active locales and the platform default. */
export interface LocaleRules {
  active: ReadonlySet<string>;
  defaultLocale: string | null;
}

export type LocalizedInputResult = { ok: true; value: Record<string, string> } | { ok: false; problems: string[] };

/** Longest text accepted for one locale (labels and descriptions, not documents). */
export const MAX_LOCALIZED_TEXT_LENGTH = 10_000;

/** Why one entry is refused, or null when it is fine. */
function entryProblem(entry: LocalizedEntry, locale: string | null, rules: LocaleRules, seen: Set<string>): string | null {
  if (!locale) return `"${entry.locale}" is not a valid locale tag`;
  if (!rules.active.has(locale)) return `"${locale}" is not an active locale`;
  if (seen.has(locale)) return `"${locale}" is given more than once`;
  if (entry.text.trim() === '') return `the ${locale} text is empty`;
  // PostgreSQL text and jsonb cannot hold NUL: refused as input rather than failing in SQL.
  if (entry.text.includes('\0')) return `the ${locale} text contains a NUL character`;
  if (entry.text.length > MAX_LOCALIZED_TEXT_LENGTH) return `the ${locale} text is longer than ${MAX_LOCALIZED_TEXT_LENGTH} characters`;
  return null;
}

/**
 * A localized input as the map to store, or every problem with it: only active locales, each
 * once, no blank text, and the platform default locale present (the column's guard trigger requires it).
 */
export function validateLocalizedInput(entries: readonly LocalizedEntry[], rules: LocaleRules): LocalizedInputResult {
  const problems: string[] = [];
  const value: Record<string, string> = {};
  const seen = new Set<string>();
  for (const entry of entries) {
    const locale = normalizeLocaleTag(entry.locale);
    const problem = entryProblem(entry, locale, rules, seen);
    if (problem) problems.push(problem);
    else value[locale!] = entry.text;
    if (locale) seen.add(locale);
  }
  if (rules.defaultLocale !== null && !seen.has(rules.defaultLocale)) problems.push(`a text in the default locale "${rules.defaultLocale}" is required`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

