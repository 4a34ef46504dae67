import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_NAME, lockDataDir } from './data-dir-lock.js';

const root = mkdtempSync(join(tmpdir(), 'gateway-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the PGlite data directory lock', () => {
  it('refuses a second opener while the first holds it, and is free again once released', async () => {
    const dataDir = join(root, 'held');
    const release = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toThrow(`the embedded database in ${dataDir} is open in another process`);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    const again = await lockDataDir(dataDir);
    again();
  });

  it('is taken over from a process that died holding it (no stale lock after a crash)', async () => {
    const dataDir = join(root, 'crashed');
    await lockDataDir(dataDir).then((release) => release());
    const path = join(dataDir, LOCK_NAME);
    const holder = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(path)}, () => console.log('held'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => holder.stdout!.once('data', resolve));
    await expect(lockDataDir(dataDir)).rejects.toThrow(/open in another process/);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(existsSync(path)).toBe(true);
    const release = await lockDataDir(dataDir);
    release();
  });
});
