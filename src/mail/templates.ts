import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { LocalizedText } from '../db/schema/columns.js';
import { emailTemplates } from '../db/schema/index.js';
import { cachedLocaleCatalog, type LocaleCatalog } from '../i18n/catalog.js';
import { anyText, textIn, withBaseLanguages } from '../i18n/locale.js';
import { isMailKind, MAIL_TEMPLATES, templateDefinition, type MailKind, type TemplateTexts } from './template-catalog.js';

/**
 * Rendering of the mails the gateway sends, from platform.email_templates (src/mail/template-catalog.ts
 * declares the keys and their placeholders). The outbox keeps a mail's kind and params and renders
 * it when it is sent, in the recipient's locale.
 */
export { isMailKind, type MailKind };

export interface RenderedMail {
  subject: string;
  text: string;
  /** The HTML part, when the template has one in the locale the mail is written in. */
  html?: string;
}

// `{{ name }}`: anything between double braces is a placeholder, so a misspelt one is refused, not sent as is.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a text uses, in order, without repeats. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** The placeholders a key accepts and those its bodies must hold; a key the code does not send accepts none. */
export const placeholderNames = (kind: string): string[] => (isMailKind(kind) ? templateDefinition(kind).placeholders.map((p) => p.name) : []);
export const requiredPlaceholders = (kind: string): string[] => (isMailKind(kind) ? templateDefinition(kind).placeholders.filter((p) => p.required).map((p) => p.name) : []);

/** One problem of an edited template: which part, which locale, what is wrong. */
export interface TemplateProblem {
  part: keyof TemplateTexts;
  locale: string;
  message: string;
}

const braced = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(', ');

/** Unknown placeholders anywhere; required ones missing from a body (text or HTML) in any locale. Only the given parts are checked. */
export function templateProblems(kind: string, texts: Partial<TemplateTexts>): TemplateProblem[] {
  const allowed = placeholderNames(kind);
  const required = requiredPlaceholders(kind);
  const problems: TemplateProblem[] = [];
  for (const part of ['subject', 'body', 'bodyHtml'] as const) {
    for (const [locale, text] of Object.entries(texts[part] ?? {})) {
      const used = placeholdersIn(text);
      const unknown = used.filter((name) => !allowed.includes(name));
      if (unknown.length > 0) problems.push({ part, locale, message: `unknown placeholder ${braced(unknown)} (allowed: ${braced(allowed) || 'none'})` });
      if (part === 'subject' && /[\r\n]/.test(text)) problems.push({ part, locale, message: 'must be one line' });
      const missing = part === 'subject' ? [] : required.filter((name) => !used.includes(name));
      if (missing.length > 0) problems.push({ part, locale, message: `must contain ${braced(missing)}` });
    }
  }
  return problems;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

/** The text with each known placeholder replaced (HTML-escaped for an HTML part); an unknown one stays as written. */
export function substitute(text: string, values: Readonly<Record<string, string>>, html = false): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name]! : undefined;
    return value === undefined ? whole : html ? escapeHtml(value) : value;
  });
}

/**
 * The locale a mail is written in: the recipient's locale, its base language, then the platform
 * default (active locales only, as localized fields resolve them), else any locale that has both
 * a subject and a body. One locale for every part, so a mail never mixes languages.
 */
export function mailLocale(texts: TemplateTexts, recipientLocale: string | null, catalog: LocaleCatalog): string | null {
  const complete = (locale: string) => textIn(texts.subject, locale) !== undefined && textIn(texts.body, locale) !== undefined;
  const chain = withBaseLanguages([recipientLocale, catalog.defaultLocale]).filter((locale) => catalog.active.has(locale));
  const picked = chain.find(complete);
  if (picked) return picked;
  const subjectLocales = Object.keys(texts.subject).filter(complete);
  return anyText(Object.fromEntries(subjectLocales.map((locale) => [locale, texts.body[locale]])))?.locale ?? null;
}

/** A template rendered in the recipient's locale with these params (legacy param names mapped). */
export function renderTemplate(kind: MailKind, texts: TemplateTexts, recipientLocale: string | null, params: Readonly<Record<string, string>>, catalog: LocaleCatalog): RenderedMail {
  const { legacyParams = {} } = templateDefinition(kind);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) values[legacyParams[name] ?? name] = value;
  // A placeholder the mail was not given renders empty rather than as "{{name}}".
  for (const name of placeholderNames(kind)) values[name] ??= '';
  const locale = mailLocale(texts, recipientLocale, catalog);
  const pick = (map: LocalizedText | null) => (map && locale ? (textIn(map, locale) ?? '') : '');
  const html = texts.bodyHtml && locale ? textIn(texts.bodyHtml, locale) : undefined;
  return {
    // A value (a display name) may hold a line break; a subject header is one line.
    subject: substitute(pick(texts.subject), values).replace(/[\r\n]+/g, ' '),
    text: substitute(pick(texts.body), values),
    ...(html !== undefined ? { html: substitute(html, values, true) } : {}),
  };
}

/** The stored texts of a kind, or the built-in ones when its row is missing (a mail is never lost to a deleted row). */
export async function templateTexts(db: Database, kind: MailKind): Promise<TemplateTexts> {
  const [row] = await db
    .select({ subject: emailTemplates.subject, body: emailTemplates.body, bodyHtml: emailTemplates.bodyHtml })
    .from(emailTemplates)
    .where(eq(emailTemplates.key, kind))
    .limit(1);
  return row ?? MAIL_TEMPLATES[kind].defaults;
}

/** The mail of `kind` for a recipient in `locale`, from the table (see templateTexts). */
export async function renderMail(db: Database, kind: MailKind, locale: string | null, params: Readonly<Record<string, string>>): Promise<RenderedMail> {
  const [texts, catalog] = await Promise.all([templateTexts(db, kind), cachedLocaleCatalog(db)]);
  return renderTemplate(kind, texts, locale, params, catalog);
}
