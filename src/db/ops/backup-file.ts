import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What went wrong, for scripts and tests: the message says it to a person. */
export type BackupErrorCode =
  | 'TOOL_MISSING'
  | 'TOOL_FAILED'
  | 'FILE_EXISTS'
  | 'FILE_MISSING'
  | 'WRONG_FILE'
  | 'WRONG_DATABASE_KIND'
  | 'TARGET_NOT_EMPTY'
  | 'NO_DATABASE'
  | 'DATABASE_IN_USE'
  | 'REFUSED_IN_PRODUCTION';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** postgres: `pg_dump -Fc` (custom format); pglite: PGlite's `dumpDataDir` (a tar, gzipped or not). */
export type BackupFormat = 'postgres' | 'pglite';

/** The custom format's first bytes (pg_backup_archiver.c). */
const CUSTOM_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** The backup format of `path`, judged from its content; a file of neither kind is refused. */
export async function backupFormat(path: string): Promise<BackupFormat> {
  const head = await readHead(path, 512 + 8);
  if (head.subarray(0, CUSTOM_MAGIC.length).equals(CUSTOM_MAGIC)) return 'postgres';
  if (head.subarray(0, 2).equals(GZIP_MAGIC) || head.subarray(257, 262).toString('latin1') === 'ustar') {
    if (!tarHoldsDataDirectory(await readTar(path))) throw wrongFile(path, 'a tar without PG_VERSION');
    return 'pglite';
  }
  throw wrongFile(path, head.length === 0 ? 'an empty file' : 'neither a pg_dump custom-format archive nor a PGlite data-directory dump');
}

function wrongFile(path: string, what: string): BackupError {
  return new BackupError('WRONG_FILE', `${path} is not a backup of this gateway: ${what} (db:backup writes a pg_dump custom-format file for PostgreSQL, a PGlite data-directory dump for the embedded database)`);
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new BackupError('FILE_MISSING', `${path}: no such file`);
  if (!info.isFile()) throw new BackupError('WRONG_FILE', `${path} is not a file`);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The tar's bytes, gunzipped when gzipped; a damaged gzip stream is a wrong file. */
export async function readTar(path: string): Promise<Buffer> {
  const raw = await readFile(path);
  if (!raw.subarray(0, 2).equals(GZIP_MAGIC)) return raw;
  try {
    return gunzipSync(raw);
  } catch (error) {
    throw wrongFile(path, `a damaged gzip stream (${(error as Error).message})`);
  }
}

/** Whether a ustar archive has a PG_VERSION file at its top (PGlite writes names like `/PG_VERSION`). */
function tarHoldsDataDirectory(tar: Buffer): boolean {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return false;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('latin1').replace(/\0.*$/s, '');
    const name = `${field(345, 155)}${field(345, 155) ? '/' : ''}${field(0, 100)}`;
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) return false;
    if (/^(?:\.?\/)?(?:[^/]+\/)?PG_VERSION$/.test(name)) return true;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return false;
}

/** Refuses an existing `path` unless `force`. */
export async function checkWritable(path: string, force: boolean): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new BackupError('FILE_EXISTS', `${path} is a directory: give a file path`);
  if (existing && !force) throw new BackupError('FILE_EXISTS', `${path} exists: give another path, or --force to replace it`);
}

/**
 * A file beside `path` that `write` fills and that then replaces `path` in one rename, so a failed
 * or interrupted backup never leaves a truncated file under the name of a good one.
 */
export async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(resolve(path)), `.${randomBytes(6).toString('hex')}.partial`);
  try {
    await write(temporary);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
