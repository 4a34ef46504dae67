import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { themePresets } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, viewerOf, type DemoUser } from '../../test/policies.js';
import { canManageThemePreset, canSeeThemePreset } from './theme-preset.js';

let db: Database;
let drop: () => Promise<void>;
let every: string[];
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  every = (await db.select({ id: themePresets.id }).from(themePresets)).map((row) => row.id).sort();
});
afterAll(() => drop());

// Seeds: light (default), dark, high-contrast. settings.themes.manage: the administrator role only.
describe('theme presets', () => {
  it('the seeds hold three presets', () => {
    expect(every).toHaveLength(3);
  });

  it.each<DemoUser | 'anonymous'>(['anonymous', 'gina', 'alice', 'carol', 'bot', 'admin'])('read: %s sees every preset', async (user) => {
    expect(await allowedIds(db, canSeeThemePreset, user === 'anonymous' ? null : viewerOf(user))).toEqual(every);
  });

  it.each<[DemoUser | 'anonymous', boolean]>([
    ['anonymous', false],
    ['gina', false],
    ['alice', false], // a manager, without the permission
    ['hanna', false],
    ['bot', false],
    ['admin', true],
  ])('manage: %s may: %s', async (user, allowed) => {
    expect(await allowedIds(db, canManageThemePreset, user === 'anonymous' ? null : viewerOf(user))).toEqual(allowed ? every : []);
  });
});
