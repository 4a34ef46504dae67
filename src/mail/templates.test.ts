import { describe, expect, it } from 'vitest';
import { catalogFromRows } from '../i18n/catalog.js';
import { MAIL_TEMPLATES, type TemplateTexts } from './template-catalog.js';
import { escapeHtml, placeholdersIn, renderTemplate, templateProblems } from './templates.js';

const locales = (codes: string[], defaultCode: string, inactive: string[] = []) =>
  catalogFromRows(codes.map((code) => ({ code, isActive: !inactive.includes(code), isDefault: code === defaultCode, collation: null, rootCollation: null })));
const catalog = locales(['en', 'hu', 'de'], 'en');
const params = { resetUrl: 'https://app.example.com/reset?from=mail&token=gw_r_x', expiresInMinutes: '30', userName: 'Dave <Boss> & "Co"' };
const texts: TemplateTexts = {
  subject: { en: 'Reset, {{userName}}', hu: 'Visszaállítás, {{ userName }}', de: 'Zurücksetzen' },
  body: { en: 'Open {{resetUrl}} within {{expiresInMinutes}} min', hu: 'Nyissa meg: {{resetUrl}}' },
  bodyHtml: { en: '<p>Hi {{userName}}, <a href="{{resetUrl}}">reset</a></p>', hu: '<p><a href="{{resetUrl}}">visszaállítás</a></p>' },
};

describe('rendering a mail template', () => {
  it("writes the mail in the recipient's locale, then its base language, substituting placeholders", () => {
    expect(renderTemplate('password_reset', texts, 'hu', params, catalog)).toEqual({
      subject: 'Visszaállítás, Dave <Boss> & "Co"',
      text: 'Nyissa meg: https://app.example.com/reset?from=mail&token=gw_r_x',
      html: '<p><a href="https://app.example.com/reset?from=mail&amp;token=gw_r_x">visszaállítás</a></p>',
    });
    expect(renderTemplate('password_reset', texts, 'hu-HU', params, catalog).subject).toMatch(/^Visszaállítás/);
  });

  it('escapes placeholder values in the HTML part only', () => {
    const mail = renderTemplate('password_reset', texts, 'en', params, catalog);
    expect(mail.subject).toBe('Reset, Dave <Boss> & "Co"');
    expect(mail.html).toBe('<p>Hi Dave &lt;Boss&gt; &amp; &quot;Co&quot;, <a href="https://app.example.com/reset?from=mail&amp;token=gw_r_x">reset</a></p>');
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });

  it('falls back to the platform default for a locale without a complete text (de has a subject, no body), never mixing languages', () => {
    expect(renderTemplate('password_reset', texts, 'de', params, catalog)).toMatchObject({ subject: 'Reset, Dave <Boss> & "Co"', text: expect.stringMatching(/^Open /) });
    expect(renderTemplate('password_reset', texts, null, params, catalog).text).toMatch(/^Open /);
    // A Hungarian platform default serves a recipient with an unknown locale in Hungarian.
    expect(renderTemplate('password_reset', texts, 'fr', params, locales(['en', 'hu'], 'hu')).text).toMatch(/^Nyissa meg/);
    // An inactive locale is skipped like an absent one.
    expect(renderTemplate('password_reset', texts, 'hu', params, locales(['en', 'hu'], 'en', ['hu'])).text).toMatch(/^Open /);
  });

  it('maps the param names of outbox rows written before the rename, and renders a missing one empty', () => {
    const mail = renderTemplate('password_reset', MAIL_TEMPLATES.password_reset.defaults, 'en', { link: 'https://x.example/r', minutes: '15' }, catalog);
    expect(mail.text).toContain('within 15 minutes:\n\nhttps://x.example/r\n');
    expect(mail.html).toBeUndefined();
    expect(renderTemplate('password_reset', { ...texts, body: { en: '{{userName}}|{{resetUrl}}' } }, 'en', {}, catalog).text).toBe('|');
  });
});

describe('validating an edited template', () => {
  it('reads placeholders with or without spaces, and anything in double braces counts', () => {
    expect(placeholdersIn('{{a}} {{ b }} {{a}} {{ reset-url }} {single}')).toEqual(['a', 'b', 'reset-url']);
  });

  it('refuses unknown placeholders anywhere and a body without the reset link, per part and locale', () => {
    expect(templateProblems('password_reset', texts)).toEqual([]);
    expect(
      templateProblems('password_reset', {
        subject: { en: 'Hi {{firstName}}', hu: 'Két\nsor' },
        body: { en: 'no link here', hu: '{{resetUrl}} {{token}}' },
        bodyHtml: { en: '<a>{{ resetUrl }}</a>' },
      }),
    ).toEqual([
      { part: 'subject', locale: 'en', message: 'unknown placeholder {{firstName}} (allowed: {{resetUrl}}, {{expiresInMinutes}}, {{userName}})' },
      { part: 'subject', locale: 'hu', message: 'must be one line' },
      { part: 'body', locale: 'en', message: 'must contain {{resetUrl}}' },
      { part: 'body', locale: 'hu', message: 'unknown placeholder {{token}} (allowed: {{resetUrl}}, {{expiresInMinutes}}, {{userName}})' },
    ]);
    // A key the code does not send accepts no placeholder at all.
    expect(templateProblems('newsletter', { body: { en: '{{resetUrl}}' } })).toEqual([{ part: 'body', locale: 'en', message: 'unknown placeholder {{resetUrl}} (allowed: none)' }]);
  });

  it('the built-in texts pass their own validation', () => {
    for (const [kind, definition] of Object.entries(MAIL_TEMPLATES)) expect(templateProblems(kind, definition.defaults)).toEqual([]);
  });
});
