import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStorage } from '../../src/files/local-storage.js';
import type { FilesOptions } from '../../src/files/service.js';

/** Shared by the file tests: multipart bodies by the GraphQL multipart request spec, a local store in a temporary directory. */

export const BOUNDARY = 'test-boundary-7d1f';

export const UPLOAD = `mutation Upload($input: UploadFileInput!) { uploadFile(input: $input) {
  __typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }
  ... on FileTooLargeError { maxBytes } ... on FileTypeNotAllowedError { mimeType allowedTypes }
  ... on FilePayload { file { id fileName mimeType sizeBytes status sha256 downloadPath scope } } } }`;

export interface FilePart {
  name?: string;
  type?: string;
  bytes: Uint8Array;
}

/** The parts before the file's bytes (operations, map, the file's head) and after them (the closing boundary). */
export function multipartPieces(input: Record<string, unknown>, file: FilePart | null, query = UPLOAD): { head: Buffer; tail: Buffer } {
  const operations = JSON.stringify({ query, variables: { input: { ...input, file: null } } });
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  let head = field('operations', operations) + field('map', JSON.stringify({ 0: ['variables.input.file'] }));
  if (file) head += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"; filename="${file.name ?? 'data.bin'}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
  return { head: Buffer.from(head), tail: Buffer.from(`${file ? '\r\n' : ''}--${BOUNDARY}--\r\n`) };
}

export function multipartBody(input: Record<string, unknown>, file: FilePart | null): Buffer<ArrayBuffer> {
  const { head, tail } = multipartPieces(input, file);
  return Buffer.concat([head, file?.bytes ?? Buffer.alloc(0), tail]);
}

/** The body as a stream of small chunks, so boundaries fall across chunk edges. */
export function chunked(body: Uint8Array, size = 1000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(body.subarray(at, at + size));
      at += size;
    },
  });
}

export const uploadInit = (body: Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string>): RequestInit =>
  ({ method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/json', ...headers }, body, duplex: 'half' }) as RequestInit;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const randomFile = (size: number) => randomBytes(size);

/** A local store in a new temporary directory. */
export async function temporaryFiles(options: Partial<Omit<FilesOptions, 'storage'>> = {}): Promise<{ files: FilesOptions; root: string; storedFiles(): Promise<string[]>; remove(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'gateway-files-'));
  const files: FilesOptions = { storage: new LocalFileStorage(root), maxBytes: 64 * 1024, allowedTypes: [], ...options };
  return {
    files,
    root,
    // Every file under the root, half-written ones included.
    storedFiles: async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
