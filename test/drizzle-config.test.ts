import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { lockDataDir } from '../src/db/data-dir-lock.js';
import { fromPackageRoot } from '../src/paths.js';

/** `npm run db:studio` (drizzle-kit) opens the database `npm start` uses, and says which. */
const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'gateway-studio-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function drizzleConfig(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return ((await import('../drizzle.config.js')) as { default: Record<string, any> }).default;
}

describe('drizzle.config.ts', () => {
  it('uses DATABASE_URL when set, else the embedded PGlite in PGLITE_DATA_DIR (default ./.data), as npm start does', async () => {
    expect((await drizzleConfig({ DATABASE_URL: 'postgres://u:p@db.example:5432/app' })).dbCredentials).toEqual({ url: 'postgres://u:p@db.example:5432/app' });
    vi.resetModules();
    const embedded = await drizzleConfig({ DATABASE_URL: '', PGLITE_DATA_DIR: dataDir });
    expect(embedded).toMatchObject({ driver: 'pglite', dbCredentials: { url: dataDir } });
    vi.resetModules();
    expect((await drizzleConfig({ DATABASE_URL: '', PGLITE_DATA_DIR: '' })).dbCredentials).toEqual({ url: './.data' });
  });

  it('db:studio names the embedded database it opens, and is refused while a gateway has that directory open', async () => {
    const release = await lockDataDir(dataDir);
    try {
      const env = { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir };
      const refused = await run('npm', ['run', 'db:studio', '--', '--port', '0'], { cwd: fromPackageRoot(), env }).catch((error: { code: number; stderr: string; stdout: string }) => error);
      expect(refused).toMatchObject({ code: 1 });
      const output = `${(refused as { stdout: string }).stdout}${(refused as { stderr: string }).stderr}`;
      expect(output).toContain(`drizzle-kit studio: embedded PGlite at ${dataDir}`);
      expect(output).toContain(`the embedded database in ${dataDir} is open in another process`);
    } finally {
      release();
    }
  });
});
