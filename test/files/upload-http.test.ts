import { connect } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits/limits.js';
import type { RateLimitOptions } from '../../src/limits/rate-limit-plugin.js';
import { parseCorsOrigins } from '../../src/http/cors.js';
import { createYogaApp, listen, type RunningGateway } from '../../src/server.js';
import { createSession } from '../../src/auth/sessions.js';
import { queryRows } from '../database.js';
import { openSeededDatabase } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { BOUNDARY, multipartBody, multipartPieces, randomFile, sha256, temporaryFiles } from './upload-helpers.js';

// Uploads and downloads over a real socket: a body cut off mid-file leaves nothing, the body
// limit and the rate limits hold for multipart requests and downloads, and the access log has them.

const MAX_FILE = 64 * 1024;
const BODY_BYTES = 16 * 1024;
let database: Awaited<ReturnType<typeof openSeededDatabase>>;
let store: Awaited<ReturnType<typeof temporaryFiles>>;
const servers: RunningGateway[] = [];
const lines: Record<string, unknown>[] = [];
let base: string;
let authorization: string;

const generous = { burst: 10_000, perMinute: 10_000 };
const rateLimits = (address: { burst: number; perMinute: number }): RateLimitOptions => ({ address, viewer: generous, password: generous, refusedCredentials: generous, maxBuckets: 1_000, exemptLoopback: false, trustProxy: 0 });

beforeAll(async () => {
  database = await openSeededDatabase();
  store = await temporaryFiles({ maxBytes: MAX_FILE });
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const yoga = createYogaApp({ handle: database.handle, logger, logError: () => undefined, files: store.files, rateLimits: rateLimits(generous), limits: { ...DEFAULT_LIMITS, bodyBytes: BODY_BYTES } });
  const gateway = await listen(yoga, 0, '127.0.0.1');
  servers.push(gateway);
  base = gateway.url.replace(/\/graphql$/, '');
  authorization = `Bearer ${(await createSession(database.handle.db, demoUsers.alice, { ip: null, userAgent: 'test' })).token}`;
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await database.drop();
  await store.remove();
});

const rowOf = async (fileName: string) => (await queryRows<{ status: string }>(database.handle, `select status from platform.files where file_name = '${fileName}'`))[0]?.status;

describe('uploads over HTTP', () => {
  it('a body cut off mid-file leaves no object and no READY row', async () => {
    const before = await store.storedFiles();
    const { head, tail } = multipartPieces({}, { name: 'cut.bin', bytes: Buffer.alloc(0) });
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nAccept: application/json\r\nAuthorization: ${authorization}\r\nContent-Length: ${head.length + 60_000 + tail.length}\r\n\r\n`,
    );
    socket.write(head);
    socket.write(randomFile(20_000));
    // The row is PENDING once the upload is authorized and its bytes are streaming: then the client goes.
    await vi.waitFor(async () => expect(await rowOf('cut.bin')).toBe('pending'), { timeout: 20_000, interval: 50 });
    // Streaming to disk, under a temporary name.
    await vi.waitFor(async () => expect((await store.storedFiles()).filter((path) => path.includes('/.partial/'))).toHaveLength(1), { timeout: 20_000, interval: 50 });
    socket.destroy();
    await vi.waitFor(async () => expect(await rowOf('cut.bin')).toBe('failed'), { timeout: 20_000, interval: 50 });
    expect(await store.storedFiles()).toEqual(before);
  });

  it('answers a file refused mid-body with Connection: close, so the rest is never read; a complete one keeps the connection', async () => {
    const send = (input: Record<string, unknown>, bytes: Buffer) =>
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/json', authorization }, body: multipartBody(input, { name: 'conn.bin', bytes }) });
    for (let round = 0; round < 2; round++) {
      const refused = await send({}, randomFile(MAX_FILE + 5_000));
      expect(refused.headers.get('connection')).toBe('close');
      expect(((await refused.json()) as { data: { uploadFile: { __typename: string } } }).data.uploadFile.__typename).toBe('FileTooLargeError');
      const typo = await send({ scope: 'NOT_A_SCOPE' }, randomFile(MAX_FILE));
      expect(typo.headers.get('connection')).toBe('close');
      expect(((await typo.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      const stored = await send({}, randomFile(1_000));
      expect(stored.headers.get('connection')).toBe('keep-alive');
      expect(((await stored.json()) as { data: { uploadFile: { __typename: string } } }).data.uploadFile.__typename).toBe('FilePayload');
    }
  });

  it('refuses by Content-Length a multipart body past the body limit plus one file (413), and a JSON body past the body limit alone', async () => {
    const multipart = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, authorization },
      body: Buffer.alloc(BODY_BYTES + MAX_FILE + 64 * 1024 + 1),
    });
    expect(multipart.status).toBe(413);
    expect(((await multipart.json()) as { errors: { extensions: { limit: string } }[] }).errors[0]!.extensions.limit).toBe('bodyBytes');
    const json = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(BODY_BYTES) }) });
    expect(json.status).toBe(413);
  });

  it('takes a file larger than yoga\'s own 25,000,000-byte body limit when FILES_MAX_BYTES allows it', async () => {
    const large = await temporaryFiles({ maxBytes: 26 * 1024 * 1024 });
    const yoga = createYogaApp({ handle: database.handle, logError: () => undefined, metrics: false, files: large.files });
    const gateway = await listen(yoga, 0, '127.0.0.1');
    servers.push(gateway);
    const bytes = randomFile(25_500_000);
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/json', authorization },
      body: multipartBody({}, { name: 'large.bin', bytes }),
    });
    const { data } = (await response.json()) as { data: { uploadFile: { file: { sizeBytes: number; sha256: string } } } };
    expect(data.uploadFile.file).toEqual({ ...data.uploadFile.file, sizeBytes: 25_500_000, sha256: sha256(bytes) });
    await large.remove();
  });

  it('logs uploads and downloads in the access log', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/json', authorization },
      body: multipartBody({}, { name: 'logged.txt', type: 'text/plain', bytes: Buffer.from('hello') }),
    });
    const { data } = (await response.json()) as { data: { uploadFile: { file: { downloadPath: string } } } };
    const download = await fetch(`${base}${data.uploadFile.file.downloadPath}`, { headers: { authorization } });
    expect(await download.text()).toBe('hello');
    const access = () => lines.filter((line) => line.component === 'access');
    await vi.waitFor(() => expect(access().some((line) => line.operationName === 'file download')).toBe(true), { timeout: 5_000 });
    expect(access()).toContainEqual(expect.objectContaining({ operationName: 'Upload', operationType: 'mutation', status: 200, viewerId: demoUsers.alice }));
    expect(access()).toContainEqual(expect.objectContaining({ operationName: 'file download', status: 200, viewerId: demoUsers.alice, requestId: download.headers.get('x-request-id') }));
  });

  it('lets a browser app of an allowed origin download: preflight, and the headers it may read', async () => {
    const yoga = createYogaApp({ handle: database.handle, logError: () => undefined, metrics: false, files: store.files, cors: parseCorsOrigins('https://app.example.com', true) });
    const origin = { origin: 'https://app.example.com' };
    const preflight = await yoga.fetch(`http://gateway.test/files/${demoUsers.alice}`, { method: 'OPTIONS', headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, range' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/json', authorization },
      body: multipartBody({}, { name: 'cors.txt', type: 'text/plain', bytes: Buffer.from('cors') }),
    });
    const { data } = (await response.json()) as { data: { uploadFile: { file: { downloadPath: string } } } };
    const download = await yoga.fetch(`http://gateway.test${data.uploadFile.file.downloadPath}`, { headers: { ...origin, authorization } });
    expect(download.status).toBe(200);
    expect(download.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(download.headers.get('access-control-expose-headers')).toContain('content-disposition');
    expect(await download.text()).toBe('cors');
  });

  it('counts uploads and downloads against the rate limits', async () => {
    const yoga = createYogaApp({ handle: database.handle, logError: () => undefined, metrics: false, files: store.files, rateLimits: rateLimits({ burst: 2, perMinute: 1 }) });
    const limited = await listen(yoga, 0, '127.0.0.1');
    servers.push(limited);
    const url = limited.url.replace(/\/graphql$/, '');
    expect((await fetch(`${url}/files/${demoUsers.alice}`, { headers: { authorization } })).status).toBe(404);
    const upload = () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, accept: 'application/json', authorization },
        body: multipartBody({}, { name: 'limited.txt', type: 'text/plain', bytes: Buffer.from('x') }),
      });
    expect((await upload()).status).toBe(200);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect((await fetch(`${url}/files/${demoUsers.alice}`, { headers: { authorization } })).status).toBe(429);
    expect(await rowOf('limited.txt')).toBe('ready');
  });
});
