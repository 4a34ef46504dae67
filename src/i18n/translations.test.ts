import { describe, expect, it, vi } from 'vitest';
import { resolveNamespace, type TranslationRow } from './translations.js';

const row = (key: string, locale: string, value: string): TranslationRow => ({
  namespace: 'common',
  key,
  locale,
  value,
  isDefault: locale === 'en',
});

const rows = [
  row('save', 'en', 'Save'),
  row('save', 'hu', 'Mentés'),
  row('save', 'de', 'Speichern'),
  row('edit', 'en', 'Edit'),
  row('edit', 'hu', 'Szerkesztés'),
  row('only.hu', 'hu', 'Csak magyar'),
];

describe('resolveNamespace', () => {
  it('resolves each key with the same fallback as a localized field', async () => {
    const resolved = await resolveNamespace(rows, ['de'], async () => []);
    expect(resolved.entries).toEqual({ save: 'Speichern', edit: 'Edit', 'only.hu': 'Csak magyar' });
    expect(resolved.locales).toEqual({ save: 'de', edit: 'en', 'only.hu': 'hu' });
  });

  it("tries the viewer's locale before the platform default", async () => {
    const resolved = await resolveNamespace(rows, ['de'], async () => ['hu']);
    expect(resolved.entries.edit).toBe('Szerkesztés');
  });

  it('reads the fallbacks only when a key needs them', async () => {
    const fallbacks = vi.fn(async () => ['hu']);
    await resolveNamespace(rows.slice(0, 5), ['hu'], fallbacks);
    expect(fallbacks).not.toHaveBeenCalled();
    await resolveNamespace(rows, ['de'], fallbacks);
    expect(fallbacks).toHaveBeenCalledTimes(1);
  });

  it('is empty for a namespace without strings', async () => {
    expect(await resolveNamespace([], ['en'], async () => [])).toEqual({ entries: {}, locales: {} });
  });
});
