import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { cachedLocaleCatalog, type LocaleCatalog } from './catalog.js';
import { parseAcceptLanguage, pickLocale, resolveLocalized, withBaseLanguages, type LocalizedMap, type ResolvedText } from './locale.js';

/** Where one localized value is read: the field's argument and what the row itself knows. */
export interface LocalizedSources {
  /** The field's `locale` argument (already validated); beats everything else. */
  locale?: string | null;
  /** The locale of the row's own audience (a notification's recipient), ahead of the request's. */
  audienceLocale?: string | null;
  /** The default locale of the organization the row belongs to. */
  organizationLocale?: string | null;
}

/** The request's locale: its Accept-Language, the viewer's stored locale and the platform's locales. */
export interface RequestLocale {
  /** Accept-Language preferences, most preferred first, region tags followed by their language. */
  readonly accepted: readonly string[];
  /** The argument's locale (and its language), then Accept-Language: what the request asks for itself. */
  requested(locale?: string | null): string[];
  /** Active locales and the platform default (cached across requests, one snapshot per request). */
  catalog(): Promise<LocaleCatalog>;
  /** The viewer's stored locale; loaded (batched, once per request) only when a resolution needs it. */
  viewerLocale(): Promise<string | null>;
  /** The text of a localized map for this request, and the locale it is in. */
  resolve(map: LocalizedMap | null | undefined, sources?: LocalizedSources): Promise<ResolvedText | null>;
  /** The whole chain for this request (argument, header, viewer, platform default), active locales only. */
  preferences(locale?: string | null): Promise<string[]>;
}

export interface RequestLocaleOptions {
  db: Database;
  acceptLanguage: string | null | undefined;
  /**
   * The signed-in user, read when needed (authentication may set it after the context exists).
   * A `locale` on it (null included) is the user's stored locale, read by authentication: no load then.
   */
  viewer: () => RequestViewer | null | undefined;
}

export interface RequestViewer {
  userId: string;
  locale?: string | null;
}

/** Loads users' stored locales by id, many ids in one statement. */
function userLocaleLoader(db: Database): DataLoader<string, string | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, [...ids]));
    const byId = new Map(rows.map((row) => [row.id, row.locale]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Distinct active locales, in order. */
function activeChain(locales: (string | null | undefined)[], active: ReadonlySet<string>): string[] {
  return [...new Set(locales.filter((locale): locale is string => Boolean(locale) && active.has(locale!)))];
}

export function createRequestLocale({ db, acceptLanguage, viewer }: RequestLocaleOptions): RequestLocale {
  const accepted = parseAcceptLanguage(acceptLanguage);
  let catalog: Promise<LocaleCatalog> | undefined;
  let storedLocales: DataLoader<string, string | null> | undefined;

  const requestLocale: RequestLocale = {
    accepted,
    requested: (locale) => withBaseLanguages([locale, ...accepted]),
    catalog: () => (catalog ??= cachedLocaleCatalog(db)),
    viewerLocale: async () => {
      const signedIn = viewer();
      if (!signedIn) return null;
      if (signedIn.locale !== undefined) return signedIn.locale;
      storedLocales ??= userLocaleLoader(db);
      return storedLocales.load(signedIn.userId);
    },
    async resolve(map, sources = {}) {
      if (!map) return null;
      const { active, defaultLocale } = await requestLocale.catalog();
      const leading = withBaseLanguages([sources.locale, sources.audienceLocale, ...accepted]);
      // The viewer's locale is loaded only when the argument and the header found nothing.
      const hit = pickLocale(map, leading, active);
      if (hit) return hit;
      const fallbacks = [...withBaseLanguages([await requestLocale.viewerLocale()]), sources.organizationLocale, defaultLocale];
      return resolveLocalized(map, leading, fallbacks, active);
    },
    async preferences(locale) {
      const { active, defaultLocale } = await requestLocale.catalog();
      const viewer = withBaseLanguages([await requestLocale.viewerLocale()]);
      return activeChain([...requestLocale.requested(locale), ...viewer, defaultLocale], active);
    },
  };
  return requestLocale;
}
