import { boolean, text } from 'drizzle-orm/pg-core';
import { createdAt, id, localized, localizedCheck, timestampColumn, updatedAt } from '../columns.js';
import { platformSchema } from './schema.js';

/**
 * The texts of the mails the gateway sends (src/mail/templates.ts renders them), one row per mail
 * `key`; the keys and the `{{placeholders}}` each accepts are declared in code (MAIL_TEMPLATES).
 * Seeds write the texts; an administrator's edit sets `customized_at`, and the seeds then leave
 * the row's texts alone.
 */
export const emailTemplates = platformSchema.table(
  'email_templates',
  {
    id: id(),
    key: text('key').notNull().unique('email_templates_key'),
    subject: localized('subject').notNull(),
    body: localized('body').notNull(),
    /** Optional HTML part (placeholders are HTML-escaped in it); null: the mail is plain text. */
    bodyHtml: localized('body_html'),
    isSystem: boolean('is_system').notNull().default(true),
    /** When an administrator last changed the texts; null while they are the seeded ones. */
    customizedAt: timestampColumn('customized_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    localizedCheck('email_templates_subject_localized', t.subject),
    localizedCheck('email_templates_body_localized', t.body),
    localizedCheck('email_templates_body_html_localized', t.bodyHtml, true),
  ],
);
