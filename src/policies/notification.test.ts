import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import { canSeeNotification } from './notification.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

const ids = (...numbers: number[]) => numbers.map((n) => demoId(60, n)).sort();

describe('canSeeNotification: only its user', () => {
  it.each<[DemoUser | 'anonymous', number[]]>([
    ['anonymous', []],
    ['admin', [1, 2]], // 2 is about globex, which the admin is not in: still the admin's own
    ['alice', [3, 4, 5]],
    ['bob', [6, 7]],
    ['carol', [8, 9, 10]],
    ['dave', [11, 12]],
    ['gina', [13]],
    ['hanna', [14, 15]],
    ['istvan', [16, 17]],
    ['judit', [18, 19]],
    ['bot', []],
  ])('%s reads %j', async (user, expected) => {
    expect(await allowedIds(db, canSeeNotification, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});
