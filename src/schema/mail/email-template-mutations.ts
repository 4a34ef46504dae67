import { eq, sql } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { emailTemplates } from '../../db/schema/index.js';
import { isMailKind, MAIL_TEMPLATES } from '../../mail/template-catalog.js';
import { templateProblems } from '../../mail/templates.js';
import { canManageEmailTemplate, MANAGE_EMAIL_TEMPLATES } from '../../policies/email-template.js';
import { ForbiddenError, NotFoundError, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { LocalizedTextInput } from '../core/localized.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { localizedValue, requirePermission } from '../platform/platform-mutation-helpers.js';
import { EmailTemplate } from './email-templates.js';

type Row = typeof emailTemplates.$inferSelect;
const auditValues = (row: Row) => ({ key: row.key, subject: row.subject, body: row.body, bodyHtml: row.bodyHtml });

const EmailTemplatePayload = builder.objectRef<{ id: string }>('EmailTemplatePayload').implement({
  fields: (t) => ({
    emailTemplate: t.drizzleField({
      type: EmailTemplate,
      nullable: true,
      resolve: (query, payload, _args, ctx) => ctx.db.query.emailTemplates.findFirst(query({ where: { id: payload.id, ...visibleRows(canManageEmailTemplate, ctx) } })),
    }),
  }),
});

const UpdateInput = builder.inputType('UpdateEmailTemplateInput', {
  description:
    'Each given text replaces that part in every locale (send every translation you keep; `subjectTranslations` etc. read them). Absent parts stay; `bodyHtml: null` removes the HTML part. Texts may use only the template\'s `placeholders`, and every body must hold its `requiredPlaceholders`.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: EmailTemplate }),
    subject: t.field({ type: [LocalizedTextInput], description: 'Active locales only; the default locale is required.' }),
    body: t.field({ type: [LocalizedTextInput], description: 'Plain text. Active locales only; the default locale is required.' }),
    bodyHtml: t.field({ type: [LocalizedTextInput], description: 'HTML (placeholders are escaped in it); null removes it.' }),
  }),
});

const ResetInput = builder.inputType('ResetEmailTemplateInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: EmailTemplate }) }),
});

const lockTemplate = (tx: Transaction, viewer: Parameters<typeof authorizeRow>[1], id: string) =>
  authorizeRow(tx, viewer, { rule: canManageEmailTemplate, readRule: canManageEmailTemplate, id, what: 'EmailTemplate' });

builder.mutationFields((t) => ({
  updateEmailTemplate: t.field({
    type: EmailTemplatePayload,
    description: `Changes a mail's subject, body or HTML body per locale (needs ${MANAGE_EMAIL_TEMPLATES}). Keys are fixed: the code sends them.`,
    errors: resultUnion('UpdateEmailTemplate', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, MANAGE_EMAIL_TEMPLATES);
        const cleared = (['subject', 'body'] as const).filter((part) => input[part] === null);
        if (cleared.length > 0) throw new ValidationError(cleared.map((part) => ({ path: [part], message: 'cannot be cleared' })));
        const subject = (await localizedValue(ctx, input.subject, 'subject')) ?? undefined;
        const body = (await localizedValue(ctx, input.body, 'body')) ?? undefined;
        const bodyHtml = await localizedValue(ctx, input.bodyHtml, 'bodyHtml');
        const before = await lockTemplate(tx, viewer, input.id.id);
        const problems = templateProblems(before.key, { subject, body, bodyHtml });
        if (problems.length > 0) throw new ValidationError(problems.map((problem) => ({ path: [problem.part, problem.locale], message: problem.message })));
        if (subject === undefined && body === undefined && bodyHtml === undefined) return { id: before.id };
        const [after] = await tx
          .update(emailTemplates)
          .set({ subject, body, bodyHtml, customizedAt: sql`now()` })
          .where(eq(emailTemplates.id, before.id))
          .returning();
        await writeAudit(tx, ctx, viewer, { action: 'email_template.update', resourceType: 'email_template', resourceId: before.id, oldValues: auditValues(before), newValues: auditValues(after!) });
        return { id: before.id };
      }),
  }),
  resetEmailTemplate: t.field({
    type: EmailTemplatePayload,
    description: `Restores a mail's built-in texts (those the seeds write) and marks it not customized, so later seed runs update it again (needs ${MANAGE_EMAIL_TEMPLATES}).`,
    errors: resultUnion('ResetEmailTemplate', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: ResetInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, MANAGE_EMAIL_TEMPLATES);
        const before = await lockTemplate(tx, viewer, input.id.id);
        if (!isMailKind(before.key)) throw new ValidationError([{ path: ['id'], message: `"${before.key}" is not a mail the gateway sends: it has no built-in texts` }]);
        const { subject, body, bodyHtml } = MAIL_TEMPLATES[before.key].defaults;
        const [after] = await tx
          .update(emailTemplates)
          .set({ subject, body, bodyHtml, customizedAt: null })
          .where(eq(emailTemplates.id, before.id))
          .returning();
        await writeAudit(tx, ctx, viewer, { action: 'email_template.reset', resourceType: 'email_template', resourceId: before.id, oldValues: auditValues(before), newValues: auditValues(after!) });
        return { id: before.id };
      }),
  }),
}));
