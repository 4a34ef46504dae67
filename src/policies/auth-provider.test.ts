import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { authProviders } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, viewerOf, type DemoUser } from '../../test/policies.js';
import { canManageAuthProvider, canSeeAuthProvider } from './auth-provider.js';

let db: Database;
let drop: () => Promise<void>;
let email: string;
let every: string[];
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  const rows = await db.select({ id: authProviders.id, key: authProviders.key }).from(authProviders);
  email = rows.find((row) => row.key === 'email')!.id;
  every = rows.map((row) => row.id).sort();
});
afterAll(() => drop());

// Seeds: email (enabled) and example-oidc (demo, disabled). settings.auth_providers.manage: the administrator role only.
describe('auth providers', () => {
  it('the seeds hold the enabled email provider and the disabled example', () => {
    expect(every).toHaveLength(2);
  });

  it.each<[DemoUser | 'anonymous', 'enabled' | 'all']>([
    ['anonymous', 'enabled'],
    ['gina', 'enabled'],
    ['alice', 'enabled'], // a manager, without the permission
    ['bot', 'enabled'],
    ['admin', 'all'],
  ])('read: %s sees the %s providers', async (user, expected) => {
    expect(await allowedIds(db, canSeeAuthProvider, user === 'anonymous' ? null : viewerOf(user))).toEqual(expected === 'all' ? every : [email]);
  });

  it.each<[DemoUser | 'anonymous', boolean]>([
    ['anonymous', false],
    ['gina', false],
    ['alice', false],
    ['hanna', false],
    ['bot', false],
    ['admin', true],
  ])('manage: %s may: %s', async (user, allowed) => {
    expect(await allowedIds(db, canManageAuthProvider, user === 'anonymous' ? null : viewerOf(user))).toEqual(allowed ? every : []);
  });
});
