import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_NAME, lockDataDir } from '../data-dir-lock.js';
import { PGLITE_EXTENSIONS } from '../pglite-extensions.js';
import { BackupError, checkWritable, writeAtomically } from './backup-file.js';

/** Restores in progress are unpacked here, inside the target directory (the image's /data is a volume whose parent is not writable). */
const STAGING_PREFIX = '.restoring-';

function onDisk(dataDir: string): void {
  if (dataDir.includes('://')) throw new BackupError('NO_DATABASE', `PGLITE_DATA_DIR=${dataDir} is not a directory: an in-memory database has nothing to back up or restore into`);
}

/** Holds the data directory's lock (refused while a gateway, db:seed or db:studio has it open) while `work` runs. */
async function whileLocked<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const unlock = await lockDataDir(dataDir).catch((error: Error) => {
    throw new BackupError('DATABASE_IN_USE', `${error.message}`);
  });
  try {
    return await work();
  } finally {
    unlock();
  }
}

/**
 * The embedded database in `dataDir` as PGlite's data-directory dump (a gzipped tar, what
 * `loadDataDir` reads). PGlite's dump walks the directory and fails on the lock's socket, so the
 * directory (closed, locked) is copied without it to a scratch folder, opened there (which also
 * replays the WAL of a gateway that crashed), and dumped from the copy.
 */
export async function backupPglite(dataDir: string, file: string, { force = false }: { force?: boolean } = {}): Promise<void> {
  onDisk(dataDir);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) throw new BackupError('NO_DATABASE', `${dataDir} holds no embedded database (no PG_VERSION)`);
  await checkWritable(file, force);
  await whileLocked(dataDir, async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'gateway-backup-'));
    try {
      const copy = join(scratch, 'data');
      await cp(dataDir, copy, { recursive: true, filter: (source) => basename(source) !== LOCK_NAME && !basename(source).startsWith(STAGING_PREFIX) });
      // A private copy: opened without the lock (its socket would be in the dump).
      const pglite = await PGlite.create({ dataDir: copy, extensions: PGLITE_EXTENSIONS });
      try {
        const dump = await pglite.dumpDataDir('gzip');
        await writeAtomically(file, async (temporary) => writeFile(temporary, Buffer.from(await dump.arrayBuffer())));
      } finally {
        await pglite.close();
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
}

/** The directory's entries that are data: everything but the lock and leftovers of a restore. */
async function dataEntries(dataDir: string): Promise<string[]> {
  const entries = existsSync(dataDir) ? await readdir(dataDir) : [];
  return entries.filter((name) => name !== LOCK_NAME && !name.startsWith(STAGING_PREFIX));
}

/**
 * Unpacks a PGlite dump into `dataDir`: refused when the directory holds a database (or anything)
 * unless `clean`. The dump is loaded and opened in a staging folder first, so a bad file leaves
 * the directory as it was; only then is the old content removed and the new moved in.
 */
export async function restorePglite(file: string, dataDir: string, { clean = false }: { clean?: boolean } = {}): Promise<void> {
  onDisk(dataDir);
  await mkdir(dataDir, { recursive: true });
  await whileLocked(dataDir, async () => {
    const existing = await dataEntries(dataDir);
    if (existing.length > 0 && !clean) {
      const what = existing.includes('PG_VERSION') ? 'an embedded database' : `files (${existing.slice(0, 4).join(', ')})`;
      throw new BackupError('TARGET_NOT_EMPTY', `${dataDir} holds ${what}: restore into an empty directory, or pass --clean to replace it`);
    }
    for (const name of await readdir(dataDir)) if (name.startsWith(STAGING_PREFIX)) await rm(join(dataDir, name), { recursive: true, force: true });
    const staging = join(dataDir, `${STAGING_PREFIX}${randomBytes(6).toString('hex')}`);
    try {
      // loadDataDir wants a File: a bare Blob hangs (STACK.md).
      const dump = new File([await readFile(file)], basename(file));
      // Inside the locked directory: opened without a lock of its own.
      const pglite = await PGlite.create({ dataDir: staging, loadDataDir: dump, extensions: PGLITE_EXTENSIONS }).catch((error: Error) => {
        throw new BackupError('WRONG_FILE', `${file} could not be loaded as an embedded database: ${error.message}`);
      });
      await pglite.query('select 1');
      await pglite.close();
      for (const name of existing) await rm(join(dataDir, name), { recursive: true, force: true });
      for (const name of await readdir(staging)) await rename(join(staging, name), join(dataDir, name));
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  });
}
