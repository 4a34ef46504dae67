import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, queryRows, type TestDatabase } from '../../../test/database.js';
import { fingerprint, functionDefinitions } from '../../../test/fingerprint.js';
import { emptyDatabase, type EmptyDatabase } from '../../../test/gateway-process.js';
import { fromPackageRoot } from '../../paths.js';
import { initDatabase } from './init.js';

const run = promisify(execFile);

describe('initDatabase (npm run db:init)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase({ prefix: 'dbinit' });
  }, 120_000);

  afterAll(async () => {
    await database?.cleanup();
  });

  it('creates the procedures and the base data with the first administrator, and a second run changes nothing', async () => {
    const lines: string[] = [];
    const config = { seedDemo: false, adminUserEmail: 'ops@corp.example', adminUserPassword: 'an-operator-password' };
    const first = await initDatabase(database.handle, config, (line) => lines.push(line));
    expect(first.procedures).toEqual(['auth.get_groups', 'auth.get_permissions']);
    expect(first.dataSets).toEqual(['locales', 'rbac', 'auth-providers', 'email-templates', 'apps', 'theme-presets', 'plugins', 'translations', 'admin']);
    expect(first.administrator).toMatchObject({ outcome: 'created', email: 'ops@corp.example' });
    expect(lines).toContain('procedures: auth.get_groups, auth.get_permissions');
    const users = await queryRows(database.handle, 'select email from auth.users');
    expect(users).toEqual([{ email: 'ops@corp.example' }]);
    const data = await fingerprint(database.handle, ['auth', 'platform', 'chat', 'drizzle']);
    const functions = await functionDefinitions(database.handle, ['auth']);

    const second = await initDatabase(database.handle, config);
    expect(second.migrations).toEqual([]);
    expect(second.administrator).toMatchObject({ outcome: 'exists' });
    expect(await fingerprint(database.handle, ['auth', 'platform', 'chat', 'drizzle'])).toEqual(data);
    expect(await functionDefinitions(database.handle, ['auth'])).toEqual(functions);
  });
});

describe('npm run db:reset in production', () => {
  let target: EmptyDatabase;
  const scratch = mkdtempSync(join(tmpdir(), 'dbreset-'));

  beforeAll(async () => {
    target = await emptyDatabase('reset');
  });

  afterAll(async () => {
    await target?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const reset = (args: string[], env: Record<string, string>) =>
    run('npm', ['run', '-s', 'db:reset', '--', ...args], { cwd: fromPackageRoot(), env: { ...process.env, npm_config_update_notifier: 'false', SEED_DEMO: 'false', ...env } });

  it('is refused with NODE_ENV=production before the database is touched, and names the override', async () => {
    const dataDir = join(scratch, 'data');
    const refused = reset([], { NODE_ENV: 'production', PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' });
    await expect(refused).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('reset refused: NODE_ENV=production, and a reset empties every table of database "data". To reset it anyway pass --yes-really-reset=data') });
    expect(existsSync(dataDir)).toBe(false);
    const wrongName = reset(['--yes-really-reset=gateway'], { NODE_ENV: 'production', PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' });
    await expect(wrongName).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('names another database than this one ("data")') });
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('runs with the override naming the database', async () => {
    const name = target.url ? new URL(target.url).pathname.slice(1) : target.dataDir.split('/').pop()!;
    const done = await reset([`--yes-really-reset=${name}`], { ...target.env, NODE_ENV: 'production' });
    expect(done.stdout).toContain('reset: truncating every table of auth, platform, chat');
    expect(done.stdout).toMatch(/seeded \d+ data set\(s\) \(base only\)/);
  }, 120_000);
});
