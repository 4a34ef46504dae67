import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStorage } from './local-storage.js';
import { UploadTooLargeError } from './storage.js';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(Buffer.from(chunk));
      controller.close();
    },
  });
const text = async (stream: ReadableStream<Uint8Array> | null) => Buffer.from(await new Response(stream).arrayBuffer()).toString();

let root: string;
let storage: LocalFileStorage;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'local-storage-'));
  storage = new LocalFileStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('LocalFileStorage', () => {
  it('stores, reads whole or a range, deletes', async () => {
    expect(await storage.put('uploads/u/a', streamOf('hello ', 'world'), { maxBytes: 100 })).toEqual({ size: 11, sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' });
    expect(await text(await storage.get('uploads/u/a'))).toBe('hello world');
    expect(await text(await storage.get('uploads/u/a', { start: 6, end: 10 }))).toBe('world');
    await storage.delete('uploads/u/a');
    expect(await storage.get('uploads/u/a')).toBeNull();
  });

  it('refuses a body past its limit and leaves nothing, not even a partial file', async () => {
    await expect(storage.put('uploads/u/b', streamOf('12345', '67890', 'x'), { maxBytes: 10 })).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(await storage.get('uploads/u/b')).toBeNull();
    expect(await readdir(join(root, '.partial'))).toEqual([]);
  });

  it('refuses keys that could leave its directory', async () => {
    for (const key of ['../x', 'uploads/../../x', '/etc/passwd', 'a//b', '.partial/x']) await expect(storage.get(key)).rejects.toThrow('invalid storage key');
  });

  it('clears half-written bodies older than the given age only', async () => {
    await mkdir(join(root, '.partial'), { recursive: true });
    await writeFile(join(root, '.partial', 'old'), 'x');
    await writeFile(join(root, '.partial', 'new'), 'x');
    const dayAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(join(root, '.partial', 'old'), dayAgo, dayAgo);
    expect(await storage.clearPartial(86_400_000)).toBe(1);
    expect(await readdir(join(root, '.partial'))).toEqual(['new']);
  });
});
