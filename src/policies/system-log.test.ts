import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import { canSeeSystemLog } from './system-log.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

// seeds/system-logs.sql: rows 1-3. log.system.view: the administrator role and the administrators group (admin only).
const ALL = [1, 2, 3].map((n) => demoId(81, n)).sort();

describe('canSeeSystemLog: P(log.system.view)', () => {
  it.each<[DemoUser | 'anonymous', string[]]>([
    ['anonymous', []],
    ['admin', ALL],
    ['alice', []], // manager with log.activity.view, not log.system.view
    ['hanna', []],
    ['bob', []],
    ['carol', []],
    ['gina', []],
    ['bot', []],
  ])('%s reads %j', async (user, expected) => {
    expect(await allowedIds(db, canSeeSystemLog, user === 'anonymous' ? null : viewerOf(user))).toEqual(expected);
  });
});
