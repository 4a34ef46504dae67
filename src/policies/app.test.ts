import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { apps } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, viewerOf, type DemoUser } from '../../test/policies.js';
import { canManageApp, canSeeApp, canSeeOrManageApp } from './app.js';

let db: Database;
let drop: () => Promise<void>;
let appId: Map<string, string>;
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  appId = new Map((await db.select({ id: apps.id, key: apps.key }).from(apps)).map((app) => [app.key, app.id]));
});
afterAll(() => drop());

const ids = (...keys: string[]) => keys.map((key) => appId.get(key) ?? key).sort();

// Public and active: chat, notifications, settings. legacy-reports is inactive (granted to administrator and user).
// Role access: administrator files, users, translations, activity-log; manager files, users, activity-log; user files.
// Group access: administrators translations, activity-log; staff files, translations.
const PUBLIC = ['chat', 'notifications', 'settings'];
const ALL_ACTIVE = [...PUBLIC, 'files', 'users', 'translations', 'activity-log'];

describe('canSeeApp: active, and public or granted to a role or group of the viewer', () => {
  it.each<[DemoUser | 'anonymous', string[]]>([
    ['anonymous', PUBLIC],
    ['gina', PUBLIC], // guest role and guests group are granted nothing
    ['bot', PUBLIC], // no roles or groups
    ['carol', [...PUBLIC, 'files']], // role user (legacy-reports stays hidden: inactive)
    ['bob', [...PUBLIC, 'files', 'translations']], // role user, group staff
    ['alice', ALL_ACTIVE], // role manager, group staff
    ['admin', ALL_ACTIVE],
  ])('%s sees %j', async (user, expected) => {
    expect(await allowedIds(db, canSeeApp, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});

describe('canManageApp: P(apps.manage), over every app (inactive ones included)', () => {
  it.each<[DemoUser | 'anonymous', string[]]>([
    ['anonymous', []],
    ['alice', []], // manager: no apps.manage
    ['bot', []],
    ['admin', [...ALL_ACTIVE, 'legacy-reports']], // role administrator and group administrators
  ])('%s manages %j', async (user, expected) => {
    expect(await allowedIds(db, canManageApp, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});

describe('canSeeOrManageApp: what an app write reads back', () => {
  it.each<[DemoUser | 'anonymous', string[]]>([
    ['anonymous', PUBLIC],
    ['carol', [...PUBLIC, 'files']],
    ['admin', [...ALL_ACTIVE, 'legacy-reports']], // a manager reads back a retired app too
  ])('%s reads %j', async (user, expected) => {
    expect(await allowedIds(db, canSeeOrManageApp, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});
