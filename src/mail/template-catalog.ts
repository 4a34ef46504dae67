import type { LocalizedText } from '../db/schema/columns.js';

/**
 * The mails the gateway sends: each key, the `{{placeholders}}` its texts may use (the one list
 * that validation, rendering, GraphQL and the senders read), and its built-in texts. The texts
 * live in platform.email_templates (seeds/email-templates.sql writes these same ones, a test holds
 * them equal); the built-in copy is what a mail falls back to when its row is missing, and what
 * `resetEmailTemplate` restores. Keys are what the code sends, so administrators edit texts only.
 */

export interface PlaceholderDefinition {
  name: string;
  /** A body without it is refused (e.g. the reset link: a reset mail without it is useless). */
  required: boolean;
  description: string;
}

export interface TemplateTexts {
  subject: LocalizedText;
  body: LocalizedText;
  bodyHtml: LocalizedText | null;
}

export interface MailTemplateDefinition {
  placeholders: readonly PlaceholderDefinition[];
  /** Param names of outbox rows written before the placeholders were renamed (rows live minutes, not longer). */
  legacyParams?: Readonly<Record<string, string>>;
  defaults: TemplateTexts;
}

export const MAIL_TEMPLATES = {
  password_reset: {
    placeholders: [
      { name: 'resetUrl', required: true, description: 'The single-use link that opens the reset page (PASSWORD_RESET_URL with the token).' },
      { name: 'expiresInMinutes', required: false, description: 'How long the link works, in minutes (PASSWORD_RESET_TTL_MINUTES).' },
      { name: 'userName', required: false, description: "The recipient's display name." },
    ],
    legacyParams: { link: 'resetUrl', minutes: 'expiresInMinutes' },
    defaults: {
      subject: { en: 'Reset your password', hu: 'Jelszó visszaállítása', de: 'Passwort zurücksetzen' },
      body: {
        en: 'Someone asked to reset the password of this account. To choose a new password, open this link within {{expiresInMinutes}} minutes:\n\n{{resetUrl}}\n\nIf it was not you, ignore this mail: your password stays as it is.',
        hu: 'Valaki a fiók jelszavának visszaállítását kérte. Új jelszó megadásához nyissa meg ezt a hivatkozást {{expiresInMinutes}} percen belül:\n\n{{resetUrl}}\n\nHa nem Ön volt, hagyja figyelmen kívül ezt a levelet: a jelszava nem változik.',
        de: 'Jemand hat das Zurücksetzen des Passworts dieses Kontos angefordert. Um ein neues Passwort zu wählen, öffnen Sie diesen Link innerhalb von {{expiresInMinutes}} Minuten:\n\n{{resetUrl}}\n\nWaren Sie es nicht, ignorieren Sie diese Mail: Ihr Passwort bleibt unverändert.',
      },
      bodyHtml: null,
    },
  },
} as const satisfies Record<string, MailTemplateDefinition>;

export type MailKind = keyof typeof MAIL_TEMPLATES;

export const MAIL_KINDS = Object.keys(MAIL_TEMPLATES) as MailKind[];

export const isMailKind = (kind: string): kind is MailKind => Object.hasOwn(MAIL_TEMPLATES, kind);

export const templateDefinition = (kind: MailKind): MailTemplateDefinition => MAIL_TEMPLATES[kind];
