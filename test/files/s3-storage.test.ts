import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3FileStorage, type S3Options } from '../../src/files/s3-storage.js';
import { UploadTooLargeError } from '../../src/files/storage.js';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { headersFor } from '../sign-in.js';
import { chunked, multipartBody, randomFile, sha256, uploadInit } from './upload-helpers.js';

// The S3-compatible store against a real S3 API: s3rver on loopback, every request signed (SigV4).
// A small body is one PUT, a larger one a multipart upload; a refused or cut body leaves no object.

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

const MIB = 1024 * 1024;
let server: S3rverInstance;
let directory: string;
let options: S3Options;
let storage: S3FileStorage;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'gateway-files' }] });
  const { port } = await server.run();
  // s3rver's built-in key pair.
  options = { endpoint: `http://127.0.0.1:${port}`, bucket: 'gateway-files', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', partBytes: 5 * MIB };
  storage = new S3FileStorage(options);
});
afterAll(async () => {
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

/** The keys the bucket holds (ListObjectsV2). */
async function keys(): Promise<string[]> {
  const client = new AwsClient({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1', service: 's3' });
  const text = await (await client.fetch(`${options.endpoint}/${options.bucket}?list-type=2`)).text();
  return [...text.matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]!);
}

const read = async (stream: ReadableStream<Uint8Array> | null) => Buffer.from(await new Response(stream).arrayBuffer());

describe('S3FileStorage against s3rver', () => {
  it('round-trips a small body (one PUT): size, SHA-256, ranges, delete', async () => {
    const bytes = randomFile(100_000);
    expect(await storage.put('uploads/a/small', chunked(bytes, 4096), { maxBytes: MIB, contentType: 'image/png' })).toEqual({ size: 100_000, sha256: sha256(bytes) });
    expect((await read(await storage.get('uploads/a/small'))).equals(bytes)).toBe(true);
    expect((await read(await storage.get('uploads/a/small', { start: 10, end: 19 }))).equals(bytes.subarray(10, 20))).toBe(true);
    await storage.delete('uploads/a/small');
    expect(await storage.get('uploads/a/small')).toBeNull();
    await storage.delete('uploads/a/small');
  });

  it('round-trips a body of several parts (multipart upload)', async () => {
    const bytes = randomFile(11 * MIB + 123);
    expect(await storage.put('uploads/a/large', chunked(bytes, 64 * 1024), { maxBytes: 20 * MIB })).toEqual({ size: bytes.length, sha256: sha256(bytes) });
    expect(sha256(await read(await storage.get('uploads/a/large')))).toBe(sha256(bytes));
    const tail = await read(await storage.get('uploads/a/large', { start: bytes.length - 5, end: bytes.length - 1 }));
    expect(tail.equals(bytes.subarray(bytes.length - 5))).toBe(true);
    await storage.delete('uploads/a/large');
  });

  it('leaves no object of a body refused past its limit, nor of one cut off, in one part or several', async () => {
    const before = await keys();
    await expect(storage.put('uploads/a/too-large', chunked(randomFile(2_000), 100), { maxBytes: 1_000 })).rejects.toBeInstanceOf(UploadTooLargeError);
    await expect(storage.put('uploads/a/too-large-parts', chunked(randomFile(12 * MIB), 64 * 1024), { maxBytes: 11 * MIB })).rejects.toBeInstanceOf(UploadTooLargeError);
    let sent = 0;
    const cut = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 6 * MIB) return controller.error(new Error('connection reset'));
        controller.enqueue(randomFile(MIB));
        sent += MIB;
      },
    });
    await expect(storage.put('uploads/a/cut', cut, { maxBytes: 20 * MIB })).rejects.toThrow('connection reset');
    expect(await keys()).toEqual(before);
  });
});

describe('the gateway on S3 storage', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway({ files: { storage, maxBytes: MIB, allowedTypes: [] } });
  });
  afterAll(() => gateway.close());

  it('uploads, then downloads the same bytes and a range', async () => {
    const alice = await headersFor(gateway, 'alice');
    const bytes = randomFile(300_000);
    const response = await gateway.fetch('/graphql', uploadInit(chunked(multipartBody({}, { name: 'report.pdf', type: 'application/pdf', bytes }), 8192), alice));
    const result = (await response.json()) as GraphQLResponse;
    const file = result.data.uploadFile.file;
    expect(file).toMatchObject({ status: 'READY', sizeBytes: 300_000, sha256: sha256(bytes) });
    const whole = await gateway.fetch(file.downloadPath, { headers: alice });
    expect([whole.status, whole.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(sha256(await read(whole.body))).toBe(sha256(bytes));
    const range = await gateway.fetch(file.downloadPath, { headers: { ...alice, range: 'bytes=1000-1999' } });
    expect([range.status, range.headers.get('content-range')]).toEqual([206, 'bytes 1000-1999/300000']);
    expect((await read(range.body)).equals(bytes.subarray(1000, 2000))).toBe(true);
    const row = await gateway.handle.db.query.files.findFirst({ where: { fileName: 'report.pdf' } });
    expect(await keys()).toContain(row!.storageKey);
  });
});
