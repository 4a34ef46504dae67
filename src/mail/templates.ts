/**
 * The texts of the mails the gateway sends, per kind and locale, rendered when the mail is sent
 * (the outbox keeps the kind and its params). One function is the whole interface, so the email
 * templates of issue 18 can replace this table without touching the outbox or the senders.
 */
export interface RenderedMail {
  subject: string;
  text: string;
}

export type MailKind = 'password_reset';

type Template = (params: Record<string, string>) => RenderedMail;

const TEMPLATES: Record<MailKind, Record<string, Template>> = {
  password_reset: {
    en: ({ link, minutes }) => ({
      subject: 'Reset your password',
      text: `Someone asked to reset the password of this account. To choose a new password, open this link within ${minutes} minutes:\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.`,
    }),
    hu: ({ link, minutes }) => ({
      subject: 'Jelszó visszaállítása',
      text: `Valaki a fiók jelszavának visszaállítását kérte. Új jelszó megadásához nyissa meg ezt a hivatkozást ${minutes} percen belül:\n\n${link}\n\nHa nem Ön volt, hagyja figyelmen kívül ezt a levelet: a jelszava nem változik.`,
    }),
    de: ({ link, minutes }) => ({
      subject: 'Passwort zurücksetzen',
      text: `Jemand hat das Zurücksetzen des Passworts dieses Kontos angefordert. Um ein neues Passwort zu wählen, öffnen Sie diesen Link innerhalb von ${minutes} Minuten:\n\n${link}\n\nWaren Sie es nicht, ignorieren Sie diese Mail: Ihr Passwort bleibt unverändert.`,
    }),
  },
};

/** The mail in `locale`, else its base language ("hu-HU" -> "hu"), else English: the one language every template here has. */
export function renderMail(kind: MailKind, locale: string | null, params: Record<string, string>): RenderedMail {
  const texts = TEMPLATES[kind];
  const candidates = locale ? [locale, locale.toLowerCase(), locale.split('-')[0]!.toLowerCase()] : [];
  const template = candidates.map((candidate) => texts[candidate]).find(Boolean) ?? texts.en!;
  return template(params);
}

export const isMailKind = (kind: string): kind is MailKind => kind in TEMPLATES;
