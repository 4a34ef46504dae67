import { describe, expect, it } from 'vitest';
import { MAX_LOCALIZED_TEXT_LENGTH, validateLocalizedInput, type LocaleRules } from './input.js';

const rules: LocaleRules = { active: new Set(['en', 'hu', 'de']), defaultLocale: 'en' };

describe('validateLocalizedInput', () => {
  it('turns entries into the stored map', () => {
    expect(
      validateLocalizedInput(
        [
          { locale: 'en', text: 'Administrator' },
          { locale: 'hu', text: 'Adminisztrátor' },
        ],
        rules,
      ),
    ).toEqual({ ok: true, value: { en: 'Administrator', hu: 'Adminisztrátor' } });
  });

  it('normalizes the case of locale tags', () => {
    expect(validateLocalizedInput([{ locale: 'EN', text: 'Guest' }], rules)).toEqual({ ok: true, value: { en: 'Guest' } });
  });

  it('requires the default locale', () => {
    const result = validateLocalizedInput([{ locale: 'hu', text: 'Vendég' }], rules);
    expect(result).toEqual({ ok: false, problems: ['a text in the default locale "en" is required'] });
    expect(validateLocalizedInput([], rules).ok).toBe(false);
  });

  it('accepts only active locales', () => {
    const result = validateLocalizedInput(
      [
        { locale: 'en', text: 'Guest' },
        { locale: 'fr', text: 'Invité' },
      ],
      rules,
    );
    expect(result).toEqual({ ok: false, problems: ['"fr" is not an active locale'] });
  });

  it('lists every problem at once', () => {
    const result = validateLocalizedInput(
      [
        { locale: 'en_US', text: 'x' },
        { locale: 'hu', text: 'Vendég' },
        { locale: 'hu', text: 'Vendég 2' },
        { locale: 'de', text: '   ' },
        { locale: 'de-AT', text: 'Gast' },
      ],
      rules,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      '"en_US" is not a valid locale tag',
      '"hu" is given more than once',
      'the de text is empty',
      '"de-AT" is not an active locale',
      'a text in the default locale "en" is required',
    ]);
  });

  it('refuses an overlong text', () => {
    const result = validateLocalizedInput([{ locale: 'en', text: 'x'.repeat(MAX_LOCALIZED_TEXT_LENGTH + 1) }], rules);
    expect(result.ok).toBe(false);
  });
});
