import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configurePasswordReset } from '../../src/auth/password-reset.js';
import { runSeeds } from '../../src/db/seed/runner.js';
import { drainOutbox } from '../../src/mail/outbox.js';
import type { MailSender, OutgoingMail } from '../../src/mail/senders.js';
import { MAIL_TEMPLATES } from '../../src/mail/template-catalog.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { headersFor } from '../sign-in.js';
import { actorRunner, auditRows, gid, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// settings.email_templates.manage: the administrator role only (admin); alice manages acme but not the platform.
const FIELDS = 'id key subject subjectTranslations body bodyTranslations bodyHtml bodyHtmlTranslations placeholders requiredPlaceholders isSystem customizedAt';
const UPDATE = mutation('updateEmailTemplate', 'UpdateEmailTemplateInput', `... on EmailTemplatePayload { emailTemplate { ${FIELDS} } }`);
const RESET = mutation('resetEmailTemplate', 'ResetEmailTemplateInput', `... on EmailTemplatePayload { emailTemplate { ${FIELDS} } }`);
const LIST = `{ emailTemplates(where: { key: { eq: "password_reset" } }, orderBy: [{ field: KEY, direction: ASC }]) { totalCount nodes { ${FIELDS} } } }`;
const REQUEST = mutation('requestPasswordReset', 'RequestPasswordResetInput');
const TABLES = ['platform.email_templates', 'platform.audit_logs'];
const defaults = MAIL_TEMPLATES.password_reset.defaults;

let gateway: TestGateway;
let as: ReturnType<typeof actorRunner>;
let templateId: string;
beforeAll(async () => {
  configurePasswordReset({ url: 'https://app.example.com/reset?from=mail', ttlMinutes: 30 });
  gateway = await createTestGateway();
  as = actorRunner(gateway);
  const [row] = await sqlRows<{ id: string }>(gateway, `select id from platform.email_templates where key = 'password_reset'`);
  templateId = gid('EmailTemplate', row!.id);
});
afterAll(async () => {
  configurePasswordReset({ url: 'http://localhost:3000/reset-password', ttlMinutes: 30 });
  await gateway?.close();
});

/** The mails a reset request for each address produces, as the outbox drain sends them. */
async function resetMails(...emails: string[]): Promise<OutgoingMail[]> {
  await gateway.handle.exec('delete from platform.mail_outbox; delete from auth.password_reset_tokens');
  for (const email of emails) await gateway.execute(REQUEST, { input: { email } });
  const mails: OutgoingMail[] = [];
  const sender: MailSender = { name: 'console', send: async (mail) => void mails.push(mail), close: async () => {} };
  expect(await drainOutbox(gateway.handle.db, sender, { maxAttempts: 3, backoffMs: 60_000 })).toMatchObject({ sent: emails.length });
  return emails.map((email) => mails.find((mail) => mail.to === email)!);
}

describe('email templates: reads', () => {
  it('the seeded texts are the built-in ones the code falls back to', async () => {
    const [row] = await sqlRows(gateway, `select subject, body, body_html from platform.email_templates where key = 'password_reset'`);
    expect(row).toEqual({ subject: defaults.subject, body: defaults.body, body_html: defaults.bodyHtml });
  });

  it('lists the templates to an administrator, in the request locale, with every translation and the placeholders', async () => {
    const response = await gateway.execute(LIST, {}, { ...(await headersFor(gateway, 'admin')), 'accept-language': 'hu' });
    expect(response.errors).toBeUndefined();
    expect(response.data.emailTemplates.totalCount).toBe(1);
    expect(response.data.emailTemplates.nodes[0]).toMatchObject({
      key: 'password_reset',
      subject: 'Jelszó visszaállítása',
      subjectTranslations: defaults.subject,
      bodyHtml: null,
      placeholders: ['resetUrl', 'expiresInMinutes', 'userName'],
      requiredPlaceholders: ['resetUrl'],
      isSystem: true,
      customizedAt: null,
    });
  });

  it.each<Actor>(['alice', 'gina', 'bot', 'anonymous'])('shows %s nothing: an empty list, node(id) null', async (actor) => {
    expect((await as(actor, LIST)).data.emailTemplates).toEqual({ totalCount: 0, nodes: [] });
    expect((await as(actor, 'query ($id: ID!) { node(id: $id) { id } }', { id: templateId })).data.node).toBeNull();
  });

  it.each<Actor>(['admin', 'alice'])('the same document asked twice (the second time compiled) answers the same to %s', async (actor) => {
    const query = `query ($id: ID!) { node(id: $id) { ... on EmailTemplate { key placeholders requiredPlaceholders subject subjectLocale } } ${LIST.slice(1, -1)} }`;
    const first = await as(actor, query, { id: templateId });
    gateway.statements.reset();
    const second = await as(actor, query, { id: templateId });
    expect(gateway.statements.log.some((statement) => statement.startsWith('select json_build_object(')), 'served by a compiled statement').toBe(true);
    expect(second).toEqual(first);
    expect(first.data.node === null).toBe(actor !== 'admin');
  });
});

describe('updateEmailTemplate', () => {
  const edited = {
    id: '',
    subject: [
      { locale: 'en', text: 'Your reset link, {{userName}}' },
      { locale: 'hu', text: 'Visszaállító hivatkozás, {{ userName }}' },
    ],
    body: [
      { locale: 'en', text: 'Open {{resetUrl}} ({{expiresInMinutes}} minutes).' },
      { locale: 'hu', text: 'Nyissa meg: {{resetUrl}}' },
    ],
    bodyHtml: [{ locale: 'en', text: '<p>Hello {{userName}}: <a href="{{resetUrl}}">reset</a></p>' }],
  };

  it('changes the texts in one audited transaction and answers the template read back', async () => {
    const response = await as('admin', UPDATE, { input: { ...edited, id: templateId } });
    expect(outcomeOf(response, 'updateEmailTemplate')).toBe('EmailTemplatePayload');
    expect(response.data.updateEmailTemplate.emailTemplate).toMatchObject({
      key: 'password_reset',
      subject: 'Your reset link, {{userName}}',
      subjectTranslations: { en: 'Your reset link, {{userName}}', hu: 'Visszaállító hivatkozás, {{ userName }}' },
      bodyHtmlTranslations: { en: '<p>Hello {{userName}}: <a href="{{resetUrl}}">reset</a></p>' },
      customizedAt: expect.any(String),
    });
    const [audit] = await auditRows(gateway, 'email_template.update');
    expect(audit).toMatchObject({ resource_type: 'email_template', old_values: { subject: defaults.subject }, new_values: { body: { hu: 'Nyissa meg: {{resetUrl}}' } } });
  });

  it('the edited template is the mail sent: per locale, falling back to the default for a locale it lacks, HTML escaped', async () => {
    const [dave, hanna, carol] = await resetMails('dave@example.com', 'hanna@example.com', 'carol@example.com');
    expect(dave).toMatchObject({ subject: 'Your reset link, Dave Davis', text: expect.stringMatching(/^Open https:\/\/app\.example\.com\/reset\?from=mail&token=gw_r_\S+ \(30 minutes\)\.$/) });
    expect(dave!.html).toMatch(/^<p>Hello Dave Davis: <a href="https:\/\/app\.example\.com\/reset\?from=mail&amp;token=gw_r_[\w-]+">reset<\/a><\/p>$/);
    expect(hanna).toMatchObject({ subject: expect.stringMatching(/^Visszaállító hivatkozás, /), text: expect.stringMatching(/^Nyissa meg: https:/) });
    expect(hanna!.html).toBeUndefined(); // no Hungarian HTML part: the Hungarian mail is plain text, not half English
    expect(carol).toMatchObject({ subject: 'Your reset link, Carol Schmidt' }); // de was removed by the edit: the default, en
  });

  it('a re-run of the seeds leaves the edited texts alone', async () => {
    const before = await snapshot(gateway, ['platform.email_templates']);
    await runSeeds(gateway.handle, { only: ['email-templates'] });
    expect(await snapshot(gateway, ['platform.email_templates'])).toBe(before);
  });

  it('refuses unknown placeholders, a body without the reset link, a missing default-locale text and a cleared body, naming them; nothing written', async () => {
    const before = await snapshot(gateway, TABLES);
    const fieldErrors = async (input: Record<string, unknown>) => {
      const response = await as('admin', UPDATE, { input: { id: templateId, ...input } });
      expect(outcomeOf(response, 'updateEmailTemplate')).toBe('ValidationError');
      return response.data.updateEmailTemplate.fieldErrors as { path: string[]; message: string }[];
    };
    expect(await fieldErrors({ subject: [{ locale: 'en', text: 'Hi {{firstName}}' }], body: [{ locale: 'en', text: '{{resetUrl}} {{token}}' }] })).toEqual([
      { path: ['subject', 'en'], message: 'unknown placeholder {{firstName}} (allowed: {{resetUrl}}, {{expiresInMinutes}}, {{userName}})' },
      { path: ['body', 'en'], message: 'unknown placeholder {{token}} (allowed: {{resetUrl}}, {{expiresInMinutes}}, {{userName}})' },
    ]);
    expect(await fieldErrors({ body: [{ locale: 'en', text: '{{resetUrl}}' }, { locale: 'hu', text: 'Nincs hivatkozás' }] })).toEqual([{ path: ['body', 'hu'], message: 'must contain {{resetUrl}}' }]);
    expect(await fieldErrors({ bodyHtml: [{ locale: 'en', text: '<p>no link</p>' }] })).toEqual([{ path: ['bodyHtml', 'en'], message: 'must contain {{resetUrl}}' }]);
    expect((await fieldErrors({ body: [{ locale: 'hu', text: '{{resetUrl}}' }] })).map((error) => error.path)).toEqual([['body']]);
    expect((await fieldErrors({ body: [{ locale: 'hu', text: '{{resetUrl}}' }] }))[0]!.message).toMatch(/default locale/);
    expect(await fieldErrors({ body: null })).toEqual([{ path: ['body'], message: 'cannot be cleared' }]);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });

  it('forbidden without the permission (alice, gina, the bot), UNAUTHENTICATED anonymous, NotFoundError for an unknown id; nothing written', async () => {
    const before = await snapshot(gateway, TABLES);
    for (const actor of ['alice', 'gina', 'bot'] as const) {
      expect(outcomeOf(await as(actor, UPDATE, { input: { id: templateId, subject: [{ locale: 'en', text: 'x' }] } }), 'updateEmailTemplate')).toBe('ForbiddenError');
      expect(outcomeOf(await as(actor, RESET, { input: { id: templateId } }), 'resetEmailTemplate')).toBe('ForbiddenError');
    }
    expect(outcomeOf(await as('anonymous', UPDATE, { input: { id: templateId, subject: [{ locale: 'en', text: 'x' }] } }), 'updateEmailTemplate')).toBe('UNAUTHENTICATED');
    const unknown = gid('EmailTemplate', '00000000-0000-4000-8000-000000000000');
    expect(outcomeOf(await as('admin', UPDATE, { input: { id: unknown, subject: [{ locale: 'en', text: 'x' }] } }), 'updateEmailTemplate')).toBe('NotFoundError');
    expect(outcomeOf(await as('admin', RESET, { input: { id: unknown } }), 'resetEmailTemplate')).toBe('NotFoundError');
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });
});

describe('resetEmailTemplate and a missing row', () => {
  it('restores the built-in texts, audited; the seeds own the row again', async () => {
    const response = await as('admin', RESET, { input: { id: templateId } });
    expect(response.data.resetEmailTemplate.emailTemplate).toMatchObject({ subjectTranslations: defaults.subject, bodyTranslations: defaults.body, bodyHtml: null, customizedAt: null });
    expect((await auditRows(gateway, 'email_template.reset')).length).toBe(1);
    const [dave] = await resetMails('dave@example.com');
    expect(dave).toMatchObject({ subject: 'Reset your password' });
    // Not customized: a seed run may write its texts again (here a changed seed text stands in for a new release's).
    await gateway.handle.exec(`update platform.email_templates set subject = subject || '{"en": "Old text"}' where key = 'password_reset'`);
    await runSeeds(gateway.handle, { only: ['email-templates'] });
    expect((await sqlRows(gateway, `select subject from platform.email_templates where key = 'password_reset'`))[0]).toEqual({ subject: defaults.subject });
  });

  it('a template missing from the table falls back to the built-in texts: the mail still leaves', async () => {
    await gateway.handle.exec(`delete from platform.email_templates where key = 'password_reset'`);
    const [hanna] = await resetMails('hanna@example.com');
    expect(hanna).toMatchObject({ subject: 'Jelszó visszaállítása', text: expect.stringContaining('https://app.example.com/reset?from=mail&token=gw_r_') });
    await runSeeds(gateway.handle, { only: ['email-templates'] });
    expect((await sqlRows(gateway, `select count(*)::int as n from platform.email_templates`))[0]).toEqual({ n: 1 });
  });
});
