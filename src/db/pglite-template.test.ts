import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../test/database.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { openDatabase, type DatabaseHandle } from './client.js';
import { localMigrations, migrationsFolder, pendingMigrationNames } from './migrate.js';
import { startFromTemplate, templateKey } from './pglite-template.js';
import { runSeeds } from './seed/runner.js';

let scratch: string;
beforeAll(async () => (scratch = await mkdtemp(join(tmpdir(), 'gateway-template-'))));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('templateKey', () => {
  it('changes with the SQL of a migration and with a new migration, not with other files', async () => {
    const folder = join(scratch, 'drizzle');
    await cp(migrationsFolder, folder, { recursive: true });
    const key = templateKey(folder);
    expect(key).toBe(templateKey(migrationsFolder));
    await writeFile(join(folder, '20261122000804_init', 'snapshot.json'), '{}');
    await mkdir(join(folder, '29991231000001_unfinished'));
    expect(templateKey(folder)).toBe(key);

    await writeFile(join(folder, '20261122000804_init', 'migration.sql'), 'select 1;', { flag: 'a' });
    const edited = templateKey(folder);
    expect(edited).not.toBe(key);
    await writeFile(join(folder, '29991231000001_unfinished', 'migration.sql'), 'select 1;');
    expect(templateKey(folder)).not.toBe(edited);
  });
});

describe('startFromTemplate', () => {
  it('leaves a directory that holds a database alone, and memory:// to PGlite', async () => {
    const dataDir = join(scratch, 'existing');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'PG_VERSION'), '17\n');
    const cacheDir = join(scratch, 'unused-cache');
    expect(await startFromTemplate(dataDir, { cacheDir, log: () => undefined })).toBe('existing');
    expect(await startFromTemplate(`file://${dataDir}`, { cacheDir, log: () => undefined })).toBe('existing');
    // PGlite keeps memory:// in memory: nothing to copy into, nor a word about it.
    const lines: string[] = [];
    expect(await startFromTemplate('memory://', { cacheDir, log: (line) => lines.push(line) })).toBe('initdb');
    expect(lines).toEqual([]);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('leaves a directory with files but no database to PGlite, and says so', async () => {
    const dataDir = join(scratch, 'not-a-database');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'notes.txt'), 'mine');
    const lines: string[] = [];
    const cacheDir = join(scratch, 'unused-cache');
    expect(await startFromTemplate(dataDir, { cacheDir, log: (line) => lines.push(line) })).toBe('initdb');
    expect(lines).toEqual([`${dataDir} holds files but no database: PGlite runs initdb there, without the migrated template`]);
    expect(await readdir(dataDir)).toEqual(['notes.txt']);
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('says so and leaves the directory to initdb when the template cannot be made', async () => {
    const blocker = join(scratch, 'a-file');
    await writeFile(blocker, '');
    const lines: string[] = [];
    const dataDir = join(scratch, 'no-template');
    expect(await startFromTemplate(dataDir, { cacheDir: join(blocker, 'cache'), log: (line) => lines.push(line) })).toBe('initdb');
    expect(lines.at(-1)).toMatch(/^new embedded database without the migrated template \(.*ENOTDIR.*\): initdb and every migration run/);
    expect(existsSync(dataDir)).toBe(false);
  });

  // The reference (migrations and seeds on a fresh initdb) is the suite's seeded PGlite dump.
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'makes the template once, and a database started from it equals one migrated and seeded from initdb',
    async () => {
      const cacheDir = join(scratch, 'cache');
      // Templates of other migrations: one unused for two hours (removed), one just used (kept).
      await mkdir(join(cacheDir, 'pglite-0123456789abcdef'), { recursive: true });
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      await utimes(join(cacheDir, 'pglite-0123456789abcdef'), twoHoursAgo, twoHoursAgo);
      await mkdir(join(cacheDir, 'pglite-fedcba9876543210'));
      const lines: string[] = [];
      const log = (line: string) => lines.push(line);

      expect(await startFromTemplate(join(scratch, 'first'), { cacheDir, log })).toBe('template');
      expect(lines.filter((line) => line.includes('making the migrated template'))).toHaveLength(1);
      expect(existsSync(join(cacheDir, 'pglite-0123456789abcdef'))).toBe(false);
      expect(existsSync(join(cacheDir, 'pglite-fedcba9876543210'))).toBe(true);
      // An empty directory is a new database too; the template is made only once.
      await mkdir(join(scratch, 'second'));
      expect(await startFromTemplate(join(scratch, 'second'), { cacheDir, log })).toBe('template');
      expect(lines).toHaveLength(1);
      expect((await readdir(join(scratch, 'second'))).sort()).toEqual((await readdir(join(scratch, 'first'))).sort());
      expect((await readdir(scratch)).filter((name) => name.includes('.copying-'))).toEqual([]);

      const fromTemplate = await openDatabase({ dataDir: join(scratch, 'second') });
      const reference = await openSeededDatabase();
      try {
        expect(await pendingMigrationNames(fromTemplate)).toEqual([]);
        await runSeeds(fromTemplate, { demo: true });
        const made = await catalog(fromTemplate);
        expect(made.filter((row) => row.kind === 'migration')).toHaveLength(localMigrations().length);
        expect(made.filter((row) => row.kind === 'trigger').length).toBeGreaterThan(0);
        expect(made).toEqual(await catalog(reference.handle));
        const counts = await rowCounts(fromTemplate);
        expect(counts).toEqual(await rowCounts(reference.handle));
        expect(counts['auth.accounts']).toBeGreaterThan(0);
      } finally {
        await fromTemplate.close();
        await reference.drop();
      }
    },
    180_000,
  );
});

const SCHEMAS = `('auth', 'platform', 'chat', 'drizzle', 'public')`;

/** What the migrations made: columns, indexes, constraints, triggers, functions, extensions, and the migration journal. */
function catalog(handle: DatabaseHandle) {
  return queryRows(
    handle,
    `select 'column' as kind, table_schema || '.' || table_name || '.' || column_name as name,
        concat_ws(' ', data_type, is_nullable, column_default) as definition
      from information_schema.columns where table_schema in ${SCHEMAS}
    union all select 'index', schemaname || '.' || indexname, indexdef from pg_indexes where schemaname in ${SCHEMAS}
    union all select 'constraint', n.nspname || '.' || c.conname, pg_get_constraintdef(c.oid)
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname in ${SCHEMAS}
    union all select 'trigger', t.tgname, pg_get_triggerdef(t.oid) from pg_trigger t where not t.tgisinternal
    union all select 'function', n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', pg_get_functiondef(p.oid)
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ${SCHEMAS} and p.prokind = 'f'
    union all select 'extension', extname, extversion from pg_extension
    union all select 'migration', name, hash from drizzle.__drizzle_migrations
    order by 1, 2, 3`,
  );
}

/** The number of rows of every table, by schema-qualified name. */
async function rowCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    handle,
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_schema in ${SCHEMAS} and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = (await queryRows<{ n: number }>(handle, `select count(*)::int as n from ${name}`))[0]!.n;
  return counts;
}
