import { describe, expect, it } from 'vitest';
import {
  anyText,
  baseLanguage,
  isLocaleTag,
  normalizeLocaleTag,
  parseAcceptLanguage,
  pickLocale,
  resolveLocalized,
  withBaseLanguages,
} from './locale.js';

describe('normalizeLocaleTag', () => {
  it.each([
    ['en', 'en'],
    ['HU', 'hu'],
    ['hu-hu', 'hu-HU'],
    ['pt-br', 'pt-BR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['de-CH-1996', 'de-CH-1996'],
    [' en ', 'en'],
  ])('%s -> %s', (tag, canonical) => {
    expect(normalizeLocaleTag(tag)).toBe(canonical);
  });

  it.each(['', 'e', 'english', 'en_US', 'en-', '-en', 'en--US', 'xx_!', '*', 'en-US-x', '12', 'hu HU', 'en;q=1'])(
    'refuses %j',
    (tag) => {
      expect(normalizeLocaleTag(tag)).toBeNull();
      expect(isLocaleTag(tag)).toBe(false);
    },
  );
});

describe('base languages', () => {
  it('takes the language subtag', () => {
    expect(baseLanguage('hu-HU')).toBe('hu');
    expect(baseLanguage('zh-Hant-TW')).toBe('zh');
    expect(baseLanguage('en')).toBe('en');
  });

  it('follows each tag by its language, without repeats or nulls', () => {
    expect(withBaseLanguages(['hu-HU', null, 'hu', 'en-GB', undefined, 'de'])).toEqual(['hu-HU', 'hu', 'en-GB', 'en', 'de']);
  });
});

describe('parseAcceptLanguage', () => {
  it('is empty without a header', () => {
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage('')).toEqual([]);
  });

  it('orders by q-value, then by position', () => {
    expect(parseAcceptLanguage('en;q=0.5, hu;q=0.9, de')).toEqual(['de', 'hu', 'en']);
    expect(parseAcceptLanguage('de;q=0.8, hu;q=0.8, en;q=0.8')).toEqual(['de', 'hu', 'en']);
  });

  it('follows a region tag by its language (hu-HU matches hu)', () => {
    expect(parseAcceptLanguage('hu-HU,hu;q=0.9,en-US;q=0.8,en;q=0.7')).toEqual(['hu-HU', 'hu', 'en-US', 'en']);
    expect(parseAcceptLanguage('de-AT')).toEqual(['de-AT', 'de']);
  });

  it('skips malformed entries, the wildcard and q=0', () => {
    expect(parseAcceptLanguage('en_US, !!, *, fr;q=0, hu;q=0.3')).toEqual(['hu']);
    expect(parseAcceptLanguage('de;q=1.5, hu;q=abc, en;q=0.2')).toEqual(['en']);
    expect(parseAcceptLanguage(';;;,,,')).toEqual([]);
  });

  it('accepts spacing and upper case', () => {
    expect(parseAcceptLanguage(' HU-hu ; Q=0.9 ,  EN ')).toEqual(['en', 'hu-HU', 'hu']);
  });

  it('ignores parameters other than q', () => {
    expect(parseAcceptLanguage('hu;level=1;q=0.4, de;q=0.5')).toEqual(['de', 'hu']);
  });

  it('reads a bounded number of entries from a huge header', () => {
    const header = Array.from({ length: 500 }, (_, i) => `x${String.fromCharCode(97 + (i % 26))};q=0.1`).join(',') + ',hu';
    expect(parseAcceptLanguage(header).length).toBeLessThanOrEqual(16);
    expect(parseAcceptLanguage(header)).not.toContain('hu');
  });
});

const role = { en: 'Administrator', hu: 'Adminisztrátor', de: 'Administrator (de)' };
const partial = { en: 'Guest', hu: 'Vendég' };

describe('pickLocale', () => {
  it('takes the first candidate with a text', () => {
    expect(pickLocale(partial, ['de', 'hu', 'en'])).toEqual({ text: 'Vendég', locale: 'hu' });
    expect(pickLocale(partial, ['de', 'fr'])).toBeNull();
  });

  it('treats an empty string as untranslated and skips non-strings', () => {
    expect(pickLocale({ en: 'Guest', hu: '' }, ['hu', 'en'])).toEqual({ text: 'Guest', locale: 'en' });
    expect(pickLocale({ en: 'Guest', hu: 42 }, ['hu', 'en'])).toEqual({ text: 'Guest', locale: 'en' });
  });

  it('skips locales that are not active when the active set is given', () => {
    expect(pickLocale(role, ['de', 'hu'], new Set(['en', 'hu']))).toEqual({ text: 'Adminisztrátor', locale: 'hu' });
  });
});

describe('resolveLocalized', () => {
  it('uses the first preference present', () => {
    expect(resolveLocalized(role, ['hu', 'en'])).toEqual({ text: 'Adminisztrátor', locale: 'hu' });
  });

  it('falls back in order: preferences, then fallbacks (viewer, organization, platform default)', () => {
    expect(resolveLocalized(partial, ['de'], ['hu', 'en'])).toEqual({ text: 'Vendég', locale: 'hu' });
    expect(resolveLocalized(partial, ['de'], [null, undefined, 'en'])).toEqual({ text: 'Guest', locale: 'en' });
  });

  it('ends with any text present, the smallest locale code first', () => {
    expect(resolveLocalized({ hu: 'Csak magyarul', fr: 'Seulement en français' }, ['de'], ['en'])).toEqual({
      text: 'Seulement en français',
      locale: 'fr',
    });
    expect(anyText({ hu: '', de: '' })).toBeNull();
  });

  it('is null for a null or empty map', () => {
    expect(resolveLocalized(null, ['en'])).toBeNull();
    expect(resolveLocalized(undefined, ['en'])).toBeNull();
    expect(resolveLocalized({}, ['en'], ['en'])).toBeNull();
  });

  it('never serves an inactive locale from the chain, but still answers', () => {
    const active = new Set(['en', 'hu']);
    expect(resolveLocalized(role, ['de'], ['en'], active)).toEqual({ text: 'Administrator', locale: 'en' });
  });
});
