import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import type { Rule } from './rule.js';
import { canChangeUserActivation, canReadUserPrivateFields, canSeeUser, canUpdateUser } from './user.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

type Actor = DemoUser | 'anonymous';
const viewer = (actor: Actor) => (actor === 'anonymous' ? null : viewerOf(actor));

// 1 admin, 2 alice, 3 bob, 4 carol, 5 dave, 6 gina, 7 hanna, 8 istvan, 9 judit, 20 the bot's machine user
const users = (...numbers: number[]) => numbers.map((n) => demoId(10, n)).sort();
const EVERYONE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20];
const ACME = [2, 3, 4, 5, 20];
const GLOBEX = [4, 7, 8, 9];
// users.users.view: admin (role administrator), alice and hanna (role manager), bob (group staff).
// users.users.update: only admin.

describe.each<[string, Rule, [Actor, number[]][]]>([
  // profile: self, or shares an organization, or P(users.users.view)
  [
    'canSeeUser',
    canSeeUser,
    [
      ['anonymous', []],
      ['gina', [6]],
      ['admin', EVERYONE],
      ['bob', EVERYONE], // through the staff group
      ['dave', ACME],
      ['istvan', GLOBEX],
      ['carol', [...new Set([...ACME, ...GLOBEX])]],
      ['bot', ACME],
    ],
  ],
  // email and settings: self or P(users.users.view)
  [
    'canReadUserPrivateFields',
    canReadUserPrivateFields,
    [
      ['anonymous', []],
      ['gina', [6]],
      ['dave', [5]],
      ['carol', [4]],
      ['bot', [20]],
      ['alice', EVERYONE],
      ['bob', EVERYONE],
      ['admin', EVERYONE],
    ],
  ],
  // update: self or P(users.users.update)
  [
    'canUpdateUser',
    canUpdateUser,
    [
      ['anonymous', []],
      ['gina', [6]],
      ['alice', [2]], // users.users.view is not enough
      ['bob', [3]],
      ['hanna', [7]],
      ['admin', EVERYONE],
    ],
  ],
  // deactivate, reactivate: P(users.users.update), never oneself, a person, no escalation
  [
    'canChangeUserActivation',
    canChangeUserActivation,
    [
      ['anonymous', []],
      ['gina', []],
      ['alice', []], // users.users.view is not enough
      ['bot', []],
      ['admin', EVERYONE.filter((n) => n !== 1)],
    ],
  ],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (actor, expected) => {
    expect(await allowedIds(db, rule, viewer(actor))).toEqual(users(...expected));
  });
});

describe('a soft-deleted user', () => {
  it('is hidden by the read rule from everyone, themselves and P(users.users.view) included', async () => {
    await db.execute(sql`update auth.users set deleted_at = now() where id = ${demoId(10, 5)}`);
    try {
      for (const actor of ['admin', 'bob', 'alice', 'carol', 'dave'] as const) {
        expect(await allowedIds(db, canSeeUser, viewer(actor)), actor).not.toContain(demoId(10, 5));
      }
      expect(await allowedIds(db, canSeeUser, viewer('admin'))).toEqual(users(...EVERYONE.filter((n) => n !== 5)));
    } finally {
      await db.execute(sql`update auth.users set deleted_at = null where id = ${demoId(10, 5)}`);
    }
  });
});

describe('canChangeUserActivation', () => {
  it('spares users who hold a permission the actor lacks (no escalation)', async () => {
    // hanna (role manager) is given users.users.update: she may now act on people, never on the administrator.
    const grant = sql`insert into auth.role_permissions (role_id, permission_id)
      select r.id, p.id from auth.roles r, auth.permissions p where r.key = 'manager' and p.key = 'users.users.update' on conflict do nothing`;
    await db.execute(grant);
    try {
      const allowed = await allowedIds(db, canChangeUserActivation, viewer('hanna'));
      expect(allowed).toContain(demoId(10, 5));
      expect(allowed).not.toContain(demoId(10, 1));
      expect(allowed).not.toContain(demoId(10, 7));
    } finally {
      await db.execute(sql`delete from auth.role_permissions where role_id = (select id from auth.roles where key = 'manager')
        and permission_id = (select id from auth.permissions where key = 'users.users.update')`);
    }
  });
});
