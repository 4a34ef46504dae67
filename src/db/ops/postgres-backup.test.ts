import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../../../test/global-setup.js';
import { queryRows } from '../../../test/database.js';
import { fingerprint, functionDefinitions } from '../../../test/fingerprint.js';
import { loadConfig } from '../../config.js';
import { fromPackageRoot } from '../../paths.js';
import { openDatabase, type DatabaseHandle } from '../client.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const run = promisify(execFile);
const adminUrl = process.env.TEST_DATABASE_URL;
const SCHEMAS = ['auth', 'platform', 'chat', 'drizzle'];

/** db:backup and db:restore on PostgreSQL: databases of their own on the TEST_DATABASE_URL cluster, dropped afterwards. */
describe.skipIf(!adminUrl)('db:backup and db:restore on PostgreSQL', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const [sourceName, targetName] = [`opsbackup_src_${suffix}`, `opsbackup_dst_${suffix}`];
  const scratch = mkdtempSync(join(tmpdir(), 'pg-backup-'));
  const file = join(scratch, 'gateway.dump');
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  const configOf = (name: string, env: Record<string, string> = {}) => loadConfig({ DATABASE_URL: withDatabase(adminUrl!, name), ...env });
  const snapshot = async (handle: DatabaseHandle) => ({ tables: await fingerprint(handle, SCHEMAS), functions: await functionDefinitions(handle, SCHEMAS) });

  beforeAll(async () => {
    await adminQuery(adminUrl!, `create database "${sourceName}" template "${inject('seededTemplateDatabase')}"`);
    await adminQuery(adminUrl!, `create database "${targetName}"`);
    source = await openDatabase({ url: withDatabase(adminUrl!, sourceName), poolSize: 2 });
    target = await openDatabase({ url: withDatabase(adminUrl!, targetName), poolSize: 2 });
    // Rows the demo data lacks: quotes, a newline, a tab, a backslash, non-ASCII text, a NULL-bearing jsonb.
    await source.exec(`update auth.users set display_name = E'O''Brien\\n\\t\\\\ Ünal 🚀', settings = '{"a": null, "b": [1, "x"]}' where email = 'carol@example.com'`);
  }, 120_000);

  afterAll(async () => {
    await source?.close();
    await target?.close();
    for (const name of [sourceName, targetName]) await adminQuery(adminUrl!, `drop database if exists "${name}" with (force)`);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('a backup restored into an empty database reproduces every table, row and function', async () => {
    const { format, bytes } = await backupDatabase(configOf(sourceName), file);
    expect(format).toBe('postgres');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    expect(bytes).toBeGreaterThan(10_000);
    await restoreDatabase(configOf(targetName), file);
    const restored = await snapshot(target);
    expect(restored).toEqual(await snapshot(source));
    expect(Object.keys(restored.tables).length).toBeGreaterThanOrEqual(25);
    expect(restored.tables['chat.messages']!.count).toBeGreaterThanOrEqual(40);
    expect(await queryRows(target, `select key from auth.get_groups('10000000-0000-4000-8000-000000000002')`)).toEqual([{ key: 'everyone' }, { key: 'staff' }]);
  });

  it('replaces an existing backup file only with force', async () => {
    await expect(backupDatabase(configOf(sourceName), file)).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    await expect(backupDatabase(configOf(sourceName), file, { force: true })).resolves.toMatchObject({ format: 'postgres' });
    await expect(backupDatabase(configOf(sourceName), scratch)).rejects.toMatchObject({ code: 'FILE_EXISTS', message: expect.stringContaining('is a directory') });
  });

  it('refuses a target that is not empty; --clean replaces what it holds, in one transaction with the restore', async () => {
    await expect(restoreDatabase(configOf(targetName), file)).rejects.toMatchObject({
      code: 'TARGET_NOT_EMPTY',
      message: expect.stringContaining('the target database is not empty (extension pg_trgm, schema auth, schema chat, schema drizzle, schema platform)'),
    });
    await target.exec(`delete from chat.message_reactions; create schema scratch; create table scratch.t (a int); create table public.extra (a int); create view public.v as select 1 as one;
      create function public.f() returns int language sql as 'select 1'; create type public.mood as enum ('ok');`);
    const changed = await snapshot(target);

    // A truncated archive: its table of contents reads, its data does not. The database is left exactly as it was.
    const truncated = join(scratch, 'truncated.dump');
    writeFileSync(truncated, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length * 0.6)));
    await expect(restoreDatabase(configOf(targetName), truncated, { clean: true })).rejects.toMatchObject({ code: expect.stringMatching(/^(TOOL_FAILED|WRONG_FILE)$/) });
    expect(await snapshot(target)).toEqual(changed);
    expect(await queryRows(target, `select count(*)::int as n from public.extra`)).toEqual([{ n: 0 }]);

    await restoreDatabase(configOf(targetName), file, { clean: true });
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(await queryRows(target, `select to_regclass('public.extra') as extra, to_regclass('public.v') as v, to_regnamespace('scratch') as scratch, to_regtype('public.mood') as mood`)).toEqual([
      { extra: null, v: null, scratch: null, mood: null },
    ]);
  });

  it('refuses --clean in production unless the database is named', async () => {
    const production = configOf(targetName, { NODE_ENV: 'production' });
    await expect(restoreDatabase(production, file, { clean: true })).rejects.toMatchObject({ code: 'REFUSED_IN_PRODUCTION', message: expect.stringContaining(`--yes-really-reset=${targetName}`) });
    await expect(restoreDatabase(production, file, { clean: true, resetOverride: targetName })).resolves.toBe('postgres');
  });

  it('names a wrong, empty or missing file, and an embedded-database dump', async () => {
    const text = join(scratch, 'notes.txt');
    writeFileSync(text, 'not a dump');
    writeFileSync(join(scratch, 'empty.dump'), '');
    await expect(restoreDatabase(configOf(targetName), text, { clean: true })).rejects.toMatchObject({ code: 'WRONG_FILE', message: expect.stringContaining('neither a pg_dump custom-format archive nor a PGlite data-directory dump') });
    await expect(restoreDatabase(configOf(targetName), join(scratch, 'empty.dump'))).rejects.toMatchObject({ code: 'WRONG_FILE', message: expect.stringContaining('an empty file') });
    await expect(restoreDatabase(configOf(targetName), join(scratch, 'absent.dump'))).rejects.toMatchObject({ code: 'FILE_MISSING' });
    const dataDir = join(scratch, 'pgdata');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    await run('tar', ['-czf', join(scratch, 'pglite.tgz'), '-C', dataDir, 'PG_VERSION']);
    await expect(restoreDatabase(configOf(targetName), join(scratch, 'pglite.tgz'), { clean: true })).rejects.toMatchObject({ code: 'WRONG_DATABASE_KIND' });
  });

  it('says which program is missing when the PostgreSQL client programs are not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = scratch;
    try {
      await expect(backupDatabase(configOf(sourceName), join(scratch, 'other.dump'))).rejects.toMatchObject({ code: 'TOOL_MISSING', message: expect.stringContaining('pg_dump was not found on PATH') });
      await expect(restoreDatabase(configOf(targetName), file, { clean: true })).rejects.toMatchObject({ code: 'TOOL_MISSING', message: expect.stringContaining('pg_restore was not found on PATH') });
    } finally {
      process.env.PATH = path;
    }
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('npm run db:backup and db:restore: one line and exit code 1 on refusal', async () => {
    const env = (name: string) => ({ ...process.env, npm_config_update_notifier: 'false', DATABASE_URL: withDatabase(adminUrl!, name) });
    const npm = (script: string, args: string[], name: string) => run('npm', ['run', '-s', script, '--', ...args], { cwd: fromPackageRoot(), env: env(name) });
    const cliFile = join(scratch, 'cli.dump');
    expect((await npm('db:backup', [cliFile], sourceName)).stdout).toMatch(/^backed up PostgreSQL .*\/opsbackup_src_\S+ \(DATABASE_URL\) to .*cli\.dump \(pg_dump custom format, \d+ bytes\)\n$/);
    await expect(npm('db:restore', [cliFile], targetName)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^restore failed: \[TARGET_NOT_EMPTY\] the target database is not empty .*\n$/) });
    expect((await npm('db:restore', [cliFile, '--clean'], targetName)).stdout).toContain('restored');
    await expect(npm('db:restore', [], targetName)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('usage: npm run db:restore -- <file>') });
  }, 60_000);
});
