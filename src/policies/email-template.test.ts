import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { emailTemplates } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, viewerOf, type DemoUser } from '../../test/policies.js';
import { canManageEmailTemplate } from './email-template.js';

let db: Database;
let drop: () => Promise<void>;
let every: string[];
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  every = (await db.select({ id: emailTemplates.id }).from(emailTemplates)).map((row) => row.id).sort();
});
afterAll(() => drop());

// settings.email_templates.manage: the administrator role only (seeds/rbac.sql).
describe('email templates', () => {
  it('the seeds hold the password reset template', () => {
    expect(every).toHaveLength(1);
  });

  it.each<[DemoUser | 'anonymous', boolean]>([
    ['anonymous', false],
    ['gina', false],
    ['alice', false], // a manager, without the permission
    ['hanna', false],
    ['bot', false],
    ['admin', true],
  ])('read and write: %s may: %s', async (user, allowed) => {
    expect(await allowedIds(db, canManageEmailTemplate, user === 'anonymous' ? null : viewerOf(user))).toEqual(allowed ? every : []);
  });
});
