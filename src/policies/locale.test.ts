import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { translations } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, viewerOf, type DemoUser } from '../../test/policies.js';
import { canManageTranslations, canReadTranslations } from './locale.js';

let db: Database;
let drop: () => Promise<void>;
let every: string[];
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  every = (await db.select({ id: translations.id }).from(translations)).map((row) => row.id).sort();
});
afterAll(() => drop());

describe('translations', () => {
  it('the seeds hold 95 strings: 52 of the UI (20 in en and hu, 12 in de) and 43 notification texts', () => {
    expect(every).toHaveLength(95);
  });

  it('read: anyone', () => {
    expect(canReadTranslations(null)).toBe(true);
    expect(canReadTranslations(viewerOf('gina'))).toBe(true);
  });

  // translations.manage: admin (role administrator), alice and hanna (role manager)
  it.each<[DemoUser | 'anonymous', boolean]>([
    ['anonymous', false],
    ['gina', false],
    ['bob', false],
    ['carol', false],
    ['bot', false],
    ['alice', true],
    ['hanna', true],
    ['admin', true],
  ])('write: %s may manage them: %s', async (user, allowed) => {
    expect(await allowedIds(db, canManageTranslations, user === 'anonymous' ? null : viewerOf(user))).toEqual(allowed ? every : []);
  });
});
