import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { desktopConfigurations, users } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoUsers, viewerOf, type DemoUser } from '../../test/policies.js';
import { canAccessDesktopConfiguration, visiblePinnedAppsSql } from './desktop-configuration.js';

let db: Database;
let drop: () => Promise<void>;
const configurationOf = new Map<string, string>();
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  for (const row of await db.select({ id: desktopConfigurations.id, userId: desktopConfigurations.userId }).from(desktopConfigurations)) configurationOf.set(row.userId, row.id);
});
afterAll(() => drop());

describe('desktop configurations: only its user', () => {
  it('every user has one (created with the user)', async () => {
    const everyone = await db.select({ id: users.id }).from(users);
    expect(everyone.length).toBeGreaterThanOrEqual(10);
    expect(everyone.filter((user) => !configurationOf.has(user.id))).toEqual([]);
  });

  it.each<DemoUser>(['admin', 'alice', 'bob', 'carol', 'gina', 'hanna', 'bot'])('%s reads and writes their own, and no other', async (user) => {
    expect(await allowedIds(db, canAccessDesktopConfiguration, viewerOf(user))).toEqual([configurationOf.get(demoUsers[user])]);
  });

  it('anonymous: none', async () => {
    expect(await allowedIds(db, canAccessDesktopConfiguration, null)).toEqual([]);
  });

  const pinsOf = async (user: DemoUser) => {
    const [row] = await db
      .select({ pins: sql<string[]>`${visiblePinnedAppsSql(viewerOf(user), desktopConfigurations.pinnedApps)}` })
      .from(desktopConfigurations)
      .where(sql`${desktopConfigurations.userId} = ${demoUsers[user]}::uuid`);
    return row!.pins;
  };

  // Seeds: carol (role user) pinned `users`, which only managers and administrators open; bob the retired legacy-reports.
  it.each<[DemoUser, string[]]>([
    ['alice', ['chat', 'files', 'users', 'activity-log']],
    ['bob', ['chat', 'files']],
    ['carol', ['chat', 'settings']],
    ['hanna', ['notifications', 'chat']],
    ['gina', []],
  ])('pins answered to %s: only apps they may open, in pin order', async (user, expected) => {
    expect(await pinsOf(user)).toEqual(expected);
  });
});
