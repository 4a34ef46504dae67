import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '../../../test/database.js';
import { fingerprint, functionDefinitions } from '../../../test/fingerprint.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../client.js';
import { LOCK_NAME } from '../data-dir-lock.js';
import { runMigrations } from '../migrate.js';
import { runSeeds } from '../seed/runner.js';
import { backupDatabase, restoreDatabase } from './backup.js';

const run = promisify(execFile);
const SCHEMAS = ['auth', 'platform', 'chat', 'drizzle'];

/** db:backup and db:restore on the embedded database: PGlite's data-directory dump, in directories of its own. */
describe('db:backup and db:restore on the embedded database', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'pglite-backup-'));
  const [source, target] = [join(scratch, 'source'), join(scratch, 'target')];
  const file = join(scratch, 'gateway.tar.gz');
  const configOf = (dataDir: string, env: Record<string, string> = {}) => loadConfig({ PGLITE_DATA_DIR: dataDir, ...env });
  /** Every table's fingerprint and every function of the data directory, opened (and closed) for it. */
  const snapshot = async (dataDir: string) => {
    const handle = await openDatabase({ dataDir });
    try {
      return { tables: await fingerprint(handle, SCHEMAS), functions: await functionDefinitions(handle, SCHEMAS) };
    } finally {
      await handle.close();
    }
  };
  let sourceSnapshot: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    const handle = await openDatabase({ dataDir: source });
    await runMigrations(handle);
    await runSeeds(handle, { demo: true });
    await handle.exec(`update auth.users set display_name = E'O''Brien\\n\\t Ünal 🚀' where email = 'carol@example.com'`);
    await handle.close();
    sourceSnapshot = await snapshot(source);
  }, 180_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('a backup restored into an empty directory reproduces every table, row and function', async () => {
    const { format, bytes } = await backupDatabase(configOf(source), file);
    expect(format).toBe('pglite');
    expect(bytes).toBeGreaterThan(100_000);
    await restoreDatabase(configOf(target), file);
    expect(readdirSync(target).filter((name) => name.startsWith('.'))).toEqual([]);
    const restored = await snapshot(target);
    expect(restored).toEqual(sourceSnapshot);
    expect(Object.keys(restored.tables).length).toBeGreaterThanOrEqual(25);
    expect(restored.tables['chat.messages']!.count).toBeGreaterThanOrEqual(40);
    expect(Object.keys(restored.functions)).toContain('auth.get_permissions(uuid)');
  }, 180_000);

  it('refuses while a gateway (or any process) has the directory open', async () => {
    const open = await openDatabase({ dataDir: source });
    try {
      await expect(backupDatabase(configOf(source), join(scratch, 'busy.tar.gz'))).rejects.toMatchObject({ code: 'DATABASE_IN_USE', message: expect.stringContaining('is open in another process') });
      await expect(restoreDatabase(configOf(source), file, { clean: true })).rejects.toMatchObject({ code: 'DATABASE_IN_USE' });
    } finally {
      await open.close();
    }
    expect(existsSync(join(scratch, 'busy.tar.gz'))).toBe(false);
  }, 120_000);

  it('refuses a directory that holds a database; --clean replaces it', async () => {
    await expect(restoreDatabase(configOf(target), file)).rejects.toMatchObject({ code: 'TARGET_NOT_EMPTY', message: expect.stringContaining('holds an embedded database') });
    const handle = await openDatabase({ dataDir: target });
    await handle.exec(`delete from chat.message_reactions; create table public.extra (a int)`);
    await handle.close();
    await expect(restoreDatabase(configOf(target, { NODE_ENV: 'production' }), file, { clean: true })).rejects.toMatchObject({ code: 'REFUSED_IN_PRODUCTION', message: expect.stringContaining('--yes-really-reset=target') });

    await restoreDatabase(configOf(target), file, { clean: true });
    expect(await snapshot(target)).toEqual(sourceSnapshot);
    const reopened = await openDatabase({ dataDir: target });
    expect(await queryRows(reopened, `select to_regclass('public.extra') as extra`)).toEqual([{ extra: null }]);
    await reopened.close();
    expect(existsSync(join(target, LOCK_NAME))).toBe(false);
  }, 180_000);

  it('names a wrong or damaged file, a PostgreSQL archive, and a database that is not on disk, and leaves the target as it was', async () => {
    const empty = join(scratch, 'empty');
    const wrong = async (name: string, content: Buffer | string, code: string, message: string) => {
      writeFileSync(join(scratch, name), content);
      await expect(restoreDatabase(configOf(empty), join(scratch, name), { clean: true })).rejects.toMatchObject({ code, message: expect.stringContaining(message) });
    };
    await wrong('notes.txt', 'not a dump', 'WRONG_FILE', 'neither a pg_dump custom-format archive nor a PGlite data-directory dump');
    await wrong('garbage.gz', gzipSync(Buffer.from('x'.repeat(2_000))), 'WRONG_FILE', 'a tar without PG_VERSION');
    await wrong('damaged.gz', readFileSync(file).subarray(0, 50_000), 'WRONG_FILE', 'a damaged gzip stream');
    await wrong('archive.dump', Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(100)]), 'WRONG_DATABASE_KIND', 'is a pg_dump archive of PostgreSQL');
    mkdirSync(join(scratch, 'other'));
    writeFileSync(join(scratch, 'other', 'README'), 'x');
    await run('tar', ['-cf', join(scratch, 'other.tar'), '-C', join(scratch, 'other'), 'README']);
    await wrong('other.tar', readFileSync(join(scratch, 'other.tar')), 'WRONG_FILE', 'a tar without PG_VERSION');
    expect(existsSync(join(empty, 'PG_VERSION'))).toBe(false);
    expect(await snapshot(target)).toEqual(sourceSnapshot);

    await expect(backupDatabase(configOf('memory://'), join(scratch, 'memory.tar.gz'))).rejects.toMatchObject({ code: 'NO_DATABASE' });
    await expect(backupDatabase(configOf(join(scratch, 'nothing-here')), join(scratch, 'nothing.tar.gz'))).rejects.toMatchObject({ code: 'NO_DATABASE' });
    await expect(restoreDatabase(configOf('memory://'), file)).rejects.toMatchObject({ code: 'NO_DATABASE' });
  }, 120_000);

  it.skipIf(!inject('seededDumpPath'))('restores an uncompressed dump too (dumpDataDir("none"), as the test setup writes)', async () => {
    const fromTar = join(scratch, 'from-tar');
    await restoreDatabase(configOf(fromTar), inject('seededDumpPath'));
    const handle = await openDatabase({ dataDir: fromTar });
    try {
      expect(await queryRows(handle, `select count(*)::int as n from auth.users where email = 'alice@example.com'`)).toEqual([{ n: 1 }]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
