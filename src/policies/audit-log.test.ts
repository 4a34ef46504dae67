import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import { canSeeAuditLog } from './audit-log.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

// acme rows 1, 3, 4, 5; globex row 2; row 6 belongs to no organization
const ids = (...numbers: number[]) => numbers.map((n) => demoId(80, n)).sort();

describe('canSeeAuditLog: P(log.activity.view), and A(o) for an organization row', () => {
  // log.activity.view: admin (role and group), alice and hanna (role manager)
  it.each<[DemoUser | 'anonymous', number[]]>([
    ['anonymous', []],
    ['gina', []],
    ['admin', [6]], // holds the permission but is in no organization
    ['alice', [1, 3, 4, 5, 6]],
    ['hanna', [2, 6]],
    ['bob', []], // A(acme) without the permission
    ['istvan', []],
    ['carol', []],
    ['bot', []],
  ])('%s reads %j', async (user, expected) => {
    expect(await allowedIds(db, canSeeAuditLog, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});
