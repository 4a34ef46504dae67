import { sql, type SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { emailTemplates } from '../../db/schema/index.js';
import { MAIL_KINDS, type MailKind } from '../../mail/template-catalog.js';
import { placeholderNames, requiredPlaceholders } from '../../mail/templates.js';
import { canManageEmailTemplate } from '../../policies/email-template.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { localizedFields } from '../core/localized.js';
import { rootConnection } from '../core/root-fields.js';
import { sqlValue } from '../core/sql-value.js';
import { filterArgs, withFilters } from '../core/where-input.js';

// Keys and placeholder names are code constants (template-catalog.ts), checked here before they become SQL literals.
const literal = (value: string): SQL => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw new Error(`not a plain name: ${value}`);
  return sql.raw(`'${value}'`);
};

/** The code's placeholder list of a row's key, as one SQL expression (engine and compiled reads alike). */
function placeholderList(pick: (kind: MailKind) => string[]) {
  return (template: typeof emailTemplates): SQL => {
    const cases = MAIL_KINDS.map((kind) => sql`when ${literal(kind)} then array[${sql.join(pick(kind).map(literal), sql`, `)}]::text[]`);
    return sql`(case ${template.key} ${sql.join(cases, sql` `)} else array[]::text[] end)`;
  };
}

/** The texts of one mail the gateway sends; only for holders of settings.email_templates.manage. */
export const EmailTemplate = builder.drizzleNode('emailTemplates', {
  name: 'EmailTemplate',
  description: 'The texts of one mail the gateway sends (needs settings.email_templates.manage). Texts use `{{placeholder}}` from `placeholders`.',
  id: { column: (template) => template.id },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Which mail, e.g. `password_reset`: the code sends by key, so keys are fixed.' }),
    ...localizedFields(t, 'subject', { description: "The mail's subject" }),
    ...localizedFields(t, 'body', { description: "The mail's plain-text body" }),
    ...localizedFields(t, 'bodyHtml', { nullable: true, description: "The mail's HTML body (placeholders are HTML-escaped in it); null: plain text only" }),
    placeholders: t.stringList({
      description: 'The placeholders the texts may use (`{{name}}`), as the code declares them for this key.',
      ...sqlValue('placeholders', placeholderList(placeholderNames)),
    }),
    requiredPlaceholders: t.stringList({
      description: 'The placeholders every body (text and HTML, every locale) must contain, e.g. the reset link.',
      ...sqlValue('requiredPlaceholders', placeholderList(requiredPlaceholders)),
    }),
    isSystem: t.exposeBoolean('isSystem'),
    customizedAt: t.expose('customizedAt', { type: 'DateTime', nullable: true, description: 'When an administrator last changed the texts; null while they are the seeded ones.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
nodeReadRule('EmailTemplate', canManageEmailTemplate);

builder.queryFields((t) => ({
  emailTemplates: t.drizzleConnection({
    type: 'emailTemplates',
    description: 'The mail templates (needs settings.email_templates.manage; empty otherwise), by key.',
    args: filterArgs(t, 'emailTemplates'),
    ...rootConnection('emailTemplates', (args, ctx) => withFilters('emailTemplates', args, ctx, { where: visibleRows(canManageEmailTemplate, ctx), orderBy: { key: 'asc' } })),
  }),
}));
