import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, queryRows, type TestDatabase } from '../../../test/database.js';
import { isDatabaseEmpty, planSeeds, runSeeds, type SeedDefinition } from './runner.js';

function seed(name: string, dependsOn: string[] = [], kind: SeedDefinition['kind'] = 'base'): SeedDefinition {
  return { name, file: `${name}.sql`, kind, dependsOn, description: `the ${name} data set` };
}

const names = (plan: SeedDefinition[]): string[] => plan.map((s) => s.name);

describe('planSeeds', () => {
  it('puts dependencies first', () => {
    const plan = planSeeds([seed('messages', ['channels']), seed('channels', ['users']), seed('users')]);
    expect(names(plan)).toEqual(['users', 'channels', 'messages']);
  });

  it('keeps registry order among independent data sets', () => {
    const plan = planSeeds([seed('b'), seed('a', ['d']), seed('c'), seed('d')]);
    expect(names(plan)).toEqual(['b', 'c', 'd', 'a']);
    expect(names(planSeeds([seed('x'), seed('y'), seed('z')]))).toEqual(['x', 'y', 'z']);
  });

  it('refuses a cycle and names it', () => {
    expect(() => planSeeds([seed('a', ['b']), seed('b', ['a'])])).toThrow('Seed dependency cycle: a -> b -> a');
    expect(() => planSeeds([seed('ok'), seed('a', ['b']), seed('b', ['c']), seed('c', ['b'])])).toThrow(
      'Seed dependency cycle: b -> c -> b',
    );
    expect(() => planSeeds([seed('self', ['self'])])).toThrow('Seed dependency cycle: self -> self');
  });

  it('refuses an unknown name in only and in dependsOn', () => {
    expect(() => planSeeds([seed('a')], ['nope'])).toThrow('Unknown seed "nope"');
    expect(() => planSeeds([seed('a', ['ghost'])])).toThrow('Unknown seed "ghost"');
  });

  it('plans procedures with the base data, alone with onlyProcedures, and lets a procedure need only procedures', () => {
    const all = [seed('locales'), seed('users', ['locales'], 'demo'), seed('get_groups', [], 'procedure'), seed('get_permissions', ['get_groups'], 'procedure')];
    expect(names(planSeeds(all))).toEqual(['locales', 'get_groups', 'get_permissions']);
    expect(names(planSeeds(all, undefined, { demo: true }))).toEqual(['locales', 'users', 'get_groups', 'get_permissions']);
    expect(names(planSeeds(all, undefined, { onlyProcedures: true, demo: true }))).toEqual(['get_groups', 'get_permissions']);
    expect(names(planSeeds(all, ['get_permissions']))).toEqual(['get_groups', 'get_permissions']);
    expect(() => planSeeds(all, ['users'], { onlyProcedures: true })).toThrow('does not go with --only');
    expect(() => planSeeds([seed('locales'), seed('fn', ['locales'], 'procedure')])).toThrow('Procedure "fn" depends on data set "locales"');
  });

  it('refuses a duplicate name', () => {
    expect(() => planSeeds([seed('a'), seed('a')])).toThrow('Duplicate seed "a"');
  });

  it('with only, pulls in dependencies transitively and nothing else', () => {
    const all = [
      seed('locales'),
      seed('users', ['locales']),
      seed('apps'),
      seed('orgs', ['users']),
      seed('msgs', ['orgs']),
    ];
    expect(names(planSeeds(all, ['msgs']))).toEqual(['locales', 'users', 'orgs', 'msgs']);
    expect(names(planSeeds(all, ['apps', 'users']))).toEqual(['locales', 'users', 'apps']);
    expect(planSeeds(all, [])).toEqual([]);
  });
});

describe('runSeeds and isDatabaseEmpty', () => {
  let database: TestDatabase;
  let seedsDir: string;

  beforeAll(async () => {
    database = await openTestDatabase({ prefix: 'seedtest' });
    seedsDir = await mkdtemp(join(tmpdir(), 'seeds-'));
  }, 120_000);

  afterAll(async () => {
    await database?.cleanup();
    if (seedsDir) await rm(seedsDir, { recursive: true, force: true });
  });

  const writeSeed = (file: string, sqlText: string) => writeFile(join(seedsDir, file), sqlText);
  // The first locale is the default: the database wants exactly one once any exists.
  const insertLocale = (code: string) =>
    `insert into platform.locales (code, name, native_name, is_default)
     values ('${code}', '${code}', '${code}', not exists (select 1 from platform.locales where is_default));`;
  const localeCodes = async (): Promise<string[]> => {
    const rows = await queryRows<{ code: string }>(database.handle, 'select code from platform.locales order by code');
    return rows.map((row) => row.code);
  };

  it('rolls the whole run back when a later file fails, and names that file', async () => {
    await writeSeed('first.sql', insertLocale('xx'));
    await writeSeed('second.sql', `${insertLocale('yy')}\nselect 1 / 0;`);
    const run = runSeeds(database.handle, { seeds: [seed('first'), seed('second', ['first'])], seedsDir });

    await expect(run).rejects.toThrow(/^Seed "second" \(second\.sql\) failed: .*division by zero/);
    expect(await localeCodes()).toEqual([]);
  });

  it('reads every file before running any', async () => {
    await writeSeed('first.sql', insertLocale('xx'));
    const run = runSeeds(database.handle, { seeds: [seed('first'), seed('missing', ['first'])], seedsDir });

    await expect(run).rejects.toThrow(/^Seed "missing": cannot read .*missing\.sql/);
    expect(await localeCodes()).toEqual([]);
  });

  it('runs the planned files in dependency order and reports them', async () => {
    await writeSeed('first.sql', insertLocale('xx'));
    await writeSeed('second.sql', `update platform.locales set name = 'X2' where code = 'xx';`);
    const lines: string[] = [];
    const registry = [seed('second', ['first']), seed('first')];

    const result = await runSeeds(database.handle, { seeds: registry, seedsDir, log: (line) => lines.push(line) });
    expect(result.ran).toEqual(['first', 'second']);
    expect(lines).toEqual(['seed first (first.sql)', 'seed second (second.sql)']);
    const rows = await queryRows(database.handle, `select name from platform.locales where code = 'xx'`);
    expect(rows).toEqual([{ name: 'X2' }]);
  });

  it('with reset, truncates every table first', async () => {
    await database.handle.exec(`${insertLocale('zz')}
      insert into auth.users (email, display_name) values ('someone@example.com', 'Someone');`);
    expect(await isDatabaseEmpty(database.handle)).toBe(false);
    await writeSeed('only.sql', insertLocale('aa'));

    await runSeeds(database.handle, { seeds: [seed('only')], seedsDir, reset: true });
    expect(await localeCodes()).toEqual(['aa']);
    expect(await isDatabaseEmpty(database.handle)).toBe(true);
  });

  it('exposes adminEmail to the SQL as seed.admin_email, empty when not given', async () => {
    await writeSeed(
      'admin.sql',
      `insert into auth.users (email, display_name)
       values (coalesce(nullif(current_setting('seed.admin_email', true), ''), 'admin@example.com'), 'Admin');`,
    );
    const options = { seeds: [seed('admin')], seedsDir, reset: true };
    const emails = async () => {
      const rows = await queryRows<{ email: string }>(database.handle, 'select email from auth.users');
      return rows.map((row) => row.email);
    };

    await runSeeds(database.handle, { ...options, adminEmail: "o'neil@corp.example" });
    expect(await emails()).toEqual(["o'neil@corp.example"]);

    await runSeeds(database.handle, options);
    expect(await emails()).toEqual(['admin@example.com']);
  });

  it('refuses an admin email that is not an address', async () => {
    const run = runSeeds(database.handle, { seeds: [], seedsDir, adminEmail: 'not an email' });
    await expect(run).rejects.toThrow('Invalid admin email "not an email"');
  });
});
