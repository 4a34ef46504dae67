import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, demoUsers, viewerOf, type DemoUser } from '../../test/policies.js';
import type { Database } from '../db/client.js';
import { users } from '../db/schema/index.js';
import { ORGANIZATION_CAPABILITIES, viewerPermissionsSql } from './capabilities.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

const organizations = [demoId(20, 1), demoId(20, 2)];

async function capabilities(actor: DemoUser, organizationId: string): Promise<string[]> {
  const [row] = await db.select({ keys: sql<string[]>`${viewerPermissionsSql(viewerOf(actor), users.id, organizationId)}` }).from(users).where(sql`${users.id} = ${demoUsers[actor]}::uuid`);
  return row!.keys;
}

describe('organization capabilities', () => {
  it('are named once each', () => {
    const keys = ORGANIZATION_CAPABILITIES.map((capability) => capability.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // Every capability is present exactly where its rule (and the mutation's added check) allows the organization.
  it.each<DemoUser>(['alice', 'bob', 'carol', 'dave', 'gina', 'hanna', 'istvan', 'judit', 'admin', 'bot'])('match their rules for %s', async (actor) => {
    const viewer = viewerOf(actor);
    for (const organizationId of organizations) {
      const expected: string[] = [];
      for (const { key, rule, also } of ORGANIZATION_CAPABILITIES) {
        const allowed = (await allowedIds(db, rule, viewer)).includes(organizationId);
        const extra = also ? (await db.execute<{ ok: boolean }>(sql`select ${also(viewer)} as ok`)) : null;
        const extraOk = extra ? (extra as unknown as { rows: { ok: boolean }[] }).rows[0]!.ok : true;
        if (allowed && extraOk) expected.push(key);
      }
      expect(await capabilities(actor, organizationId), `${actor} in ${organizationId}`).toEqual(expected.sort());
    }
  });

  it('is null on a row that is not the viewer, and [] for an organization that does not exist', async () => {
    const [other] = await db.select({ keys: sql`${viewerPermissionsSql(viewerOf('alice'), users.id, null)}` }).from(users).where(sql`${users.id} = ${demoUsers.bob}::uuid`);
    expect(other!.keys).toBeNull();
    expect(await capabilities('alice', demoId(20, 99))).toEqual([]);
  });
});
