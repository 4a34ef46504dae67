import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import { defaultSeedsDir, runSeeds } from '../src/db/seed/runner.js';
import { hasPermission } from '../src/policies/viewer.js';
import { openTestDatabase, queryRows, type TestDatabase } from '../test/database.js';
import { fingerprint, functionDefinitions } from '../test/fingerprint.js';
import { seeds } from './config.js';

const procedures = seeds.filter((seed) => seed.kind === 'procedure').map((seed) => seed.name);

/** The SQL functions of seeds/procedures/: created by the runner, idempotent, and in step with the gateway's rules. */
describe('seed procedures', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase({ prefix: 'seedproc' });
  }, 120_000);

  afterAll(async () => {
    await database?.cleanup();
  });

  const rows = <T = Record<string, unknown>>(sqlText: string) => queryRows<T>(database.handle, sqlText);
  const isProcedure = (name: string) => procedures.some((procedure) => name.startsWith(`${procedure}(`));
  const functionNames = async () => Object.keys(await functionDefinitions(database.handle, ['auth'])).filter(isProcedure);

  it('--only-procedures creates the functions and nothing else, and a second run changes nothing', async () => {
    expect(await functionNames()).toEqual([]);
    const { ran } = await runSeeds(database.handle, { onlyProcedures: true, demo: true, adminEmail: 'root@corp.example' });
    expect(ran).toEqual(['auth.get_groups', 'auth.get_permissions']);
    expect(await functionNames()).toEqual(['auth.get_groups(uuid)', 'auth.get_permissions(uuid)']);
    const empty = await fingerprint(database.handle);
    expect(Object.values(empty).every((table) => table.count === 0)).toBe(true);

    const definitions = await functionDefinitions(database.handle, ['auth']);
    await runSeeds(database.handle, { onlyProcedures: true });
    expect(await functionDefinitions(database.handle, ['auth'])).toEqual(definitions);
    expect(await fingerprint(database.handle)).toEqual(empty);
  });

  it('--only-procedures refuses --only and --reset', async () => {
    await expect(runSeeds(database.handle, { onlyProcedures: true, only: ['rbac'] })).rejects.toThrow('does not go with --only');
    await expect(runSeeds(database.handle, { onlyProcedures: true, reset: true })).rejects.toThrow('does not go with --reset');
  });

  it('every run creates them first, in its one transaction: a failing data set leaves no function behind', async () => {
    await database.handle.exec('drop function auth.get_permissions(uuid); drop function auth.get_groups(uuid);');
    const seedsDir = await mkdtemp(join(tmpdir(), 'seedproc-'));
    try {
      await cp(defaultSeedsDir, seedsDir, { recursive: true });
      await writeFile(join(seedsDir, 'broken.sql'), 'select 1 / 0;');
      const broken = [...seeds.filter((seed) => seed.kind === 'procedure'), { name: 'broken', file: 'broken.sql', kind: 'base' as const, dependsOn: [], description: 'fails' }];
      await expect(runSeeds(database.handle, { seeds: broken, seedsDir })).rejects.toThrow(/Seed "broken" \(broken\.sql\) failed: .*division by zero/);
    } finally {
      await rm(seedsDir, { recursive: true, force: true });
    }
    expect(await functionNames()).toEqual([]);
    const { ran } = await runSeeds(database.handle, { demo: true });
    expect(ran.slice(0, procedures.length)).toEqual(procedures);
    expect(await functionNames()).toEqual(['auth.get_groups(uuid)', 'auth.get_permissions(uuid)']);
  });

  /** Every live user: their groups by the function and by the gateway's relation, their permissions by the function and by P(k) of the policies. */
  async function expectAgreement(): Promise<number> {
    const users = await rows<{ id: string; user_type: 'human' | 'machine' }>(`select id, user_type from auth.users where deleted_at is null order by id`);
    const keys = (await rows<{ key: string }>(`select key from auth.permissions order by key`)).map((row) => row.key);
    let held = 0;
    for (const user of users) {
      const viaRelation = await database.handle.db.query.users.findFirst({ where: { id: user.id }, with: { groups: true } });
      const groups = await rows<{ key: string }>(`select key from auth.get_groups('${user.id}')`);
      expect(groups.map((group) => group.key), user.id).toEqual(viaRelation!.groups.map((group) => group.key).sort());

      const viewer: Viewer = { userId: user.id, userType: user.user_type, scopes: null, sessionId: null, botId: null };
      const byRules: string[] = [];
      for (const key of keys) {
        const result = await database.handle.db.execute(sql`select ${hasPermission(viewer, key)} as "held"`);
        if ((result as unknown as { rows: { held: boolean }[] }).rows[0]!.held) byRules.push(key);
      }
      const byFunction = await rows<{ key: string }>(`select key from auth.get_permissions('${user.id}')`);
      expect(byFunction.map((permission) => permission.key), user.id).toEqual(byRules);
      held += byRules.length;
    }
    return held;
  }

  it("agrees with the gateway's groups and permission rule for every demo user", async () => {
    expect(await expectAgreement()).toBeGreaterThan(20);
    const [admin] = await rows<{ n: number }>(`select count(*)::int as n from auth.get_permissions('10000000-0000-4000-8000-000000000001')`);
    const [catalog] = await rows<{ n: number }>(`select count(*)::int as n from auth.permissions`);
    expect(admin!.n).toBe(catalog!.n);
  });

  it('still agrees after grants, revocations, group changes and a soft delete, and says why a permission is held', async () => {
    const carol = '10000000-0000-4000-8000-000000000004';
    const dave = '10000000-0000-4000-8000-000000000005';
    await database.handle.exec(`
      insert into auth.groups (key, name) values ('auditors', '{"en": "Auditors"}');
      insert into auth.group_permissions (group_id, permission_id)
        select g.id, p.id from auth.groups g, auth.permissions p where g.key = 'auditors' and p.key in ('log.activity.view', 'users.users.view');
      insert into auth.user_groups (user_id, group_id) select '${carol}', id from auth.groups where key = 'auditors';
      insert into auth.role_permissions (role_id, permission_id)
        select r.id, p.id from auth.roles r, auth.permissions p where r.key = 'user' and p.key = 'users.users.view' on conflict do nothing;
      delete from auth.user_roles where user_id = '${dave}';
      update auth.users set deleted_at = now() where id = '10000000-0000-4000-8000-000000000009';`);
    await expectAgreement();
    const [viewUsers] = await rows<{ via_roles: string[]; via_groups: string[] }>(`select via_roles, via_groups from auth.get_permissions('${carol}') where key = 'users.users.view'`);
    expect(viewUsers).toEqual({ via_roles: ['user'], via_groups: ['auditors'] });
    // A deleted user is gone everywhere: no groups, no permissions.
    expect(await rows(`select * from auth.get_groups('10000000-0000-4000-8000-000000000009')`)).toEqual([]);
    expect(await rows(`select * from auth.get_permissions('10000000-0000-4000-8000-000000000009')`)).toEqual([]);
    expect(await rows(`select * from auth.get_permissions('00000000-0000-4000-8000-000000000000')`)).toEqual([]);
  });
});
