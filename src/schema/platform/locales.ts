import { builder } from '../../builder.js';
import { badUserInput } from '../../i18n/graphql.js';
import { withBaseLanguages } from '../../i18n/locale.js';
import { rootRows } from '../core/root-fields.js';
import { resolveNamespace, translationLoader, type ResolvedNamespace } from '../../i18n/translations.js';

// Locales and translations are public reads (DOMAIN.md); writes (P(translations.manage)) come with authentication.

/** Named LocaleInfo: `Locale` is the scalar of a locale tag. */
export const LocaleInfo = builder.drizzleObject('locales', {
  name: 'LocaleInfo',
  description: 'A locale of the platform.',
  fields: (t) => ({
    code: t.expose('code', { type: 'Locale' }),
    name: t.exposeString('name', { description: 'The name in English, e.g. "Hungarian".' }),
    nativeName: t.exposeString('nativeName', { description: 'The name in the language itself, e.g. "Magyar".' }),
    isActive: t.exposeBoolean('isActive'),
    isDefault: t.exposeBoolean('isDefault', { description: 'The platform default: every localized text has it.' }),
  }),
});

interface TranslationNamespaceShape extends ResolvedNamespace {
  namespace: string;
}

export const TranslationNamespace = builder.objectRef<TranslationNamespaceShape>('TranslationNamespace').implement({
  description: 'The UI strings of one namespace, each in the best locale available for the request.',
  fields: (t) => ({
    namespace: t.exposeString('namespace'),
    entries: t.field({
      type: 'JSONObject',
      description: 'key -> text; a key missing in the requested locale falls back like a localized field.',
      resolve: (namespace) => namespace.entries,
    }),
    entryLocales: t.field({
      type: 'JSONObject',
      description: 'key -> the locale its text is in, to spot fallbacks.',
      resolve: (namespace) => namespace.locales,
    }),
  }),
});

/** Namespaces one request may ask for. */
const MAX_NAMESPACES = 50;
/** A translation namespace: a short name such as `common` or `chat`. */
export const NAMESPACE = /^[A-Za-z0-9_.-]{1,100}$/;

/** The distinct namespaces asked for, or BAD_USER_INPUT. */
function checkNamespaces(namespaces: readonly string[]): string[] {
  const distinct = [...new Set(namespaces)];
  if (distinct.length === 0 || distinct.length > MAX_NAMESPACES)
    throw badUserInput(`Ask for 1 to ${MAX_NAMESPACES} namespaces.`, { field: 'namespaces' });
  const bad = distinct.find((namespace) => !NAMESPACE.test(namespace));
  if (bad !== undefined) throw badUserInput(`Malformed namespace ${JSON.stringify(bad)}.`, { field: 'namespaces' });
  return distinct;
}

builder.queryFields((t) => ({
  locales: t.drizzleField({
    type: [LocaleInfo],
    description: 'The platform locales, the default first, then by code.',
    args: { includeInactive: t.arg.boolean({ defaultValue: false }) },
    ...rootRows('locales', (args: { includeInactive?: boolean | null }) => ({
      where: args.includeInactive ? {} : { isActive: true },
      orderBy: { isDefault: 'desc', code: 'asc' },
    })),
  }),
  translations: t.field({
    type: [TranslationNamespace],
    description:
      'UI strings of the namespaces, each key in the locale of `locale`, else Accept-Language, the viewer\'s locale, the platform default. All namespaces of a request: one SQL statement.',
    args: {
      namespaces: t.arg.stringList({ required: true }),
      locale: t.arg({ type: 'Locale', description: 'Beats Accept-Language and the stored preferences.' }),
    },
    resolve: async (_root, args, ctx) => {
      const namespaces = checkNamespaces(args.namespaces);
      const loader = translationLoader(ctx);
      const requested = ctx.locale.requested(args.locale);
      const viewer = async () => withBaseLanguages([await ctx.locale.viewerLocale()]);
      return Promise.all(
        namespaces.map(async (namespace) => ({ namespace, ...(await resolveNamespace(await loader.load(namespace), requested, viewer)) })),
      );
    },
  }),
}));
