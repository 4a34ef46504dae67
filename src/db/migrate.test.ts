import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../test/database.js';
import { openSeededDatabase, type StatementCounter } from '../../test/gateway.js';
import type { DatabaseHandle } from './client.js';
import { localMigrations, migrationsFolder, pendingMigrationCount, pendingMigrationNames, pendingMigrations, runMigrations } from './migrate.js';

const statements: StatementCounter = { count: 0, log: [], reset: () => ((statements.count = 0), (statements.log = [])) };
let handle: DatabaseHandle;
let drop: () => Promise<void>;
let folder: string;
const EXTRA = '29991231000000_start_check';

beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase(statements));
  // drizzle/ plus one migration the database has not seen, and a folder without migration.sql (not a migration).
  folder = await mkdtemp(join(tmpdir(), 'gateway-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  await mkdir(join(folder, EXTRA));
  await writeFile(join(folder, EXTRA, 'migration.sql'), 'create table public.start_check (id int primary key);');
  await mkdir(join(folder, '29991231000001_unfinished'));
});

afterAll(async () => {
  await drop?.();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the migration check of a start', () => {
  it('finds nothing pending on a migrated database, and runMigrations then sends one query and no migrator statement', async () => {
    expect(await pendingMigrationNames(handle)).toEqual([]);
    expect(await pendingMigrations(handle)).toBe(0);
    expect(await pendingMigrationCount(handle)).toBe(0);
    statements.reset();
    expect(await runMigrations(handle)).toEqual([]);
    expect(statements.log).toEqual(['select name from drizzle.__drizzle_migrations']);
  });

  it('names a migration the database has not applied, and runMigrations applies it', async () => {
    expect(localMigrations(folder)).toEqual([...localMigrations(), EXTRA]);
    expect(await pendingMigrationNames(handle, folder)).toEqual([EXTRA]);
    expect(await runMigrations(handle, folder)).toEqual([EXTRA]);
    expect(await queryRows(handle, 'select count(*)::int as n from public.start_check')).toEqual([{ n: 0 }]);
    expect(await pendingMigrationNames(handle, folder)).toEqual([]);
    const journal = await queryRows<{ name: string }>(handle, 'select name from drizzle.__drizzle_migrations order by id');
    expect(journal.map((row) => row.name)).toEqual(localMigrations(folder));
  });

  it('counts every migration as pending on a database without the journal', async () => {
    await handle.exec('alter table drizzle.__drizzle_migrations rename to journal_elsewhere');
    try {
      expect(await pendingMigrationNames(handle)).toEqual(localMigrations());
      expect(await pendingMigrations(handle)).toBe(localMigrations().length);
    } finally {
      await handle.exec('alter table drizzle.journal_elsewhere rename to __drizzle_migrations');
    }
  });
});
