import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { checkKey, meter, type ByteRange, type FileStorage, type StoredObject } from './storage.js';

/** Half-written bodies live here until renamed into place (same file system, so the rename is atomic). */
const PARTIAL = '.partial';

/**
 * Files on local disk under `root` (FILES_DIR): each object one file at its key. A body is written
 * to `.partial/<random>` and renamed to its key only once read to the end, so a cut or refused
 * upload never leaves a file at a key; `clearPartial` removes what a crash left in `.partial`.
 */
export class LocalFileStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    return join(this.root, checkKey(key));
  }

  async put(key: string, body: ReadableStream<Uint8Array>, options: { maxBytes: number }): Promise<StoredObject> {
    const target = this.path(key);
    const partial = join(this.root, PARTIAL, randomUUID());
    await mkdir(dirname(partial), { recursive: true });
    const metered = meter(body, options.maxBytes);
    // `wx`: a fresh file, never one that already exists.
    const file = createWriteStream(partial, { flags: 'wx' });
    try {
      await metered.stream.pipeTo(Writable.toWeb(file));
      const stored = metered.result();
      await mkdir(dirname(target), { recursive: true });
      await rename(partial, target);
      return stored;
    } catch (error) {
      // A refused body can end the pipe while the file is still being opened: removed before it exists, it would stay.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    const path = this.path(key);
    const found = await stat(path).catch(() => null);
    if (!found?.isFile()) return null;
    const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {});
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /**
   * Removes half-written bodies older than `olderThanMs`, which a stopped process left behind (a live
   * upload is younger: node cuts a body after REQUEST_TIMEOUT_MS); other processes may share the directory.
   */
  async clearPartial(olderThanMs: number, now = Date.now()): Promise<number> {
    const directory = join(this.root, PARTIAL);
    const names = await readdir(directory).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const path = join(directory, name);
      const found = await stat(path).catch(() => null);
      if (found && now - found.mtimeMs > olderThanMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
