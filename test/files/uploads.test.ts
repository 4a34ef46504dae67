import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../database.js';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { demoId, globalId } from '../policies.js';
import { headersFor } from '../sign-in.js';
import { chunked, multipartBody, multipartPieces, randomFile, sha256, temporaryFiles, UPLOAD, uploadInit, type FilePart } from './upload-helpers.js';

// uploadFile and GET /files/<id> on a local store: the round trip with its hash and ranges, the
// size and type limits, who may upload where, and who may download (404 to anyone else).

const ACME = globalId('Organization', demoId(20, 1));
const GENERAL = globalId('Channel', demoId(30, 1)); // public, acme
const DESIGN = globalId('Channel', demoId(30, 3)); // private: alice, carol, dave

let gateway: TestGateway;
let store: Awaited<ReturnType<typeof temporaryFiles>>;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  store = await temporaryFiles({ maxBytes: 64 * 1024, allowedTypes: ['image/*', 'text/plain', 'application/octet-stream'] });
  gateway = await createTestGateway({ files: store.files });
  for (const user of ['alice', 'bob', 'carol', 'gina'] as const) headers[user] = await headersFor(gateway, user);
});
afterAll(async () => {
  await gateway.close();
  await store.remove();
});

async function upload(user: string | null, input: Record<string, unknown>, file: FilePart | null, streamed = false): Promise<GraphQLResponse> {
  const body = multipartBody(input, file);
  const response = await gateway.fetch('/graphql', uploadInit(streamed ? chunked(body, 777) : body, user ? headers[user]! : {}));
  expect(response.status).toBeLessThan(500);
  return (await response.json()) as GraphQLResponse;
}

const rowsOf = (fileName: string) => queryRows<{ status: string; size_bytes: string; sha256: string | null }>(gateway.handle, `select status, size_bytes, sha256 from platform.files where file_name = '${fileName}'`);
const download = (path: string, user: string | null, extra: Record<string, string> = {}) => gateway.fetch(path, { headers: { ...(user ? headers[user] : {}), ...extra } });

describe('uploadFile -> GET /files/<id>', () => {
  const bytes = randomFile(50_000);
  let file: { id: string; downloadPath: string; sha256: string; sizeBytes: number };

  it('stores the streamed bytes, READY with their size and SHA-256', async () => {
    const result = await upload('alice', { channelId: GENERAL, scope: 'ORGANIZATION' }, { name: 'photo.png', type: 'image/png', bytes }, true);
    expect(result.errors).toBeUndefined();
    expect(result.data.uploadFile).toMatchObject({ __typename: 'FilePayload', file: { fileName: 'photo.png', mimeType: 'image/png', sizeBytes: 50_000, status: 'READY', sha256: sha256(bytes), scope: 'ORGANIZATION' } });
    file = result.data.uploadFile.file;
    expect(file.downloadPath).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    expect(await rowsOf('photo.png')).toEqual([{ status: 'ready', size_bytes: expect.anything(), sha256: sha256(bytes) }]);
  });

  it('downloads the same bytes with type, disposition, ETag and nosniff; by UUID or global ID', async () => {
    for (const path of [file.downloadPath, `/files/${encodeURIComponent(file.id)}`]) {
      const response = await download(path, 'carol');
      expect(response.status).toBe(200);
      const body = new Uint8Array(await response.arrayBuffer());
      expect(sha256(body)).toBe(file.sha256);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-type': 'image/png',
        'content-length': '50000',
        'accept-ranges': 'bytes',
        etag: `"${file.sha256}"`,
        'x-content-type-options': 'nosniff',
        'content-disposition': `attachment; filename="photo.png"; filename*=UTF-8''photo.png`,
      });
    }
  });

  it('answers ranges with 206 and Content-Range, 416 past the end, 304 for its ETag', async () => {
    const middle = await download(file.downloadPath, 'alice', { range: 'bytes=100-199' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe('bytes 100-199/50000');
    expect(middle.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const last = await download(file.downloadPath, 'alice', { range: 'bytes=-10' });
    expect(last.status).toBe(206);
    expect(Buffer.from(await last.arrayBuffer()).equals(bytes.subarray(49_990))).toBe(true);
    const open = await download(file.downloadPath, 'alice', { range: 'bytes=49999-' });
    expect(open.headers.get('content-range')).toBe('bytes 49999-49999/50000');
    await open.arrayBuffer();
    const past = await download(file.downloadPath, 'alice', { range: 'bytes=50000-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */50000');
    const stale = await download(file.downloadPath, 'alice', { range: 'bytes=0-9', 'if-range': '"other"' });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    expect((await download(file.downloadPath, 'alice', { 'if-none-match': `"${file.sha256}"` })).status).toBe(304);
    const head = await gateway.fetch(file.downloadPath, { method: 'HEAD', headers: headers.alice });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, '50000']);
  });

  it('answers 404, as for a file that does not exist, to whoever may not see it', async () => {
    const unknown = await download(`/files/${demoId(70, 999)}`, 'alice');
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.text();
    // gina is in no organization; anonymous is nobody.
    for (const user of ['gina', null]) {
      const response = await download(file.downloadPath, user);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(unknownBody);
    }
    for (const path of ['/files/not-an-id', '/files/', `/files/${file.id}/x`]) expect((await download(path, 'alice')).status).toBe(404);
    const refused = await download(file.downloadPath, null, { authorization: 'Bearer gw_s_no-such-session-token-000000000000' });
    expect(refused.status).toBe(401);
    expect((await gateway.fetch(file.downloadPath, { method: 'DELETE', headers: headers.alice })).status).toBe(405);
  });

  it('keeps a file of a private channel to those who see the channel, and a USER file to its owner', async () => {
    const secret = await upload('carol', { channelId: DESIGN, scope: 'ORGANIZATION' }, { name: 'plan.txt', type: 'text/plain', bytes: Buffer.from('private plan') });
    const path = secret.data.uploadFile.file.downloadPath;
    expect((await download(path, 'alice')).status).toBe(200);
    expect((await download(path, 'bob')).status).toBe(404); // acme admin, not in #design
    const own = await upload('bob', {}, { name: 'mine.txt', type: 'text/plain', bytes: Buffer.from('bob only') });
    expect(own.data.uploadFile.file.scope).toBe('USER');
    expect((await download(own.data.uploadFile.file.downloadPath, 'bob')).status).toBe(200);
    expect((await download(own.data.uploadFile.file.downloadPath, 'alice')).status).toBe(404);
  });

  it('encodes any file name safely in Content-Disposition (RFC 5987)', async () => {
    const result = await upload('alice', { fileName: 'Költségvetés "2026"; v1.txt', organizationId: ACME, scope: 'ORGANIZATION' }, { type: 'text/plain', bytes: Buffer.from('x') });
    const response = await download(result.data.uploadFile.file.downloadPath, 'alice');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="K_lts_gvet_s _2026_; v1.txt"; filename*=UTF-8''K%C3%B6lts%C3%A9gvet%C3%A9s%20%222026%22%3B%20v1.txt`);
  });
});

describe('uploadFile refusals: coded, nothing stored', () => {
  it('refuses a file past FILES_MAX_BYTES while it streams: FILE_TOO_LARGE, no object, no READY row', async () => {
    const before = await store.storedFiles();
    const result = await upload('alice', { organizationId: ACME, scope: 'ORGANIZATION' }, { name: 'huge.bin', bytes: randomFile(64 * 1024 + 1) }, true);
    expect(result.data.uploadFile).toMatchObject({ __typename: 'FileTooLargeError', maxBytes: 64 * 1024 });
    expect(await store.storedFiles()).toEqual(before);
    expect(await rowsOf('huge.bin')).toEqual([{ status: 'failed', size_bytes: expect.anything(), sha256: null }]);
  });

  it('takes a file of exactly the limit', async () => {
    const result = await upload('alice', {}, { name: 'exact.bin', bytes: randomFile(64 * 1024) });
    expect(result.data.uploadFile.file).toMatchObject({ status: 'READY', sizeBytes: 64 * 1024 });
  });

  it('refuses a media type outside FILES_ALLOWED_TYPES before anything is written', async () => {
    const before = await store.storedFiles();
    const result = await upload('alice', {}, { name: 'setup.exe', type: 'application/x-msdownload', bytes: randomFile(100) });
    expect(result.data.uploadFile).toMatchObject({ __typename: 'FileTypeNotAllowedError', mimeType: 'application/x-msdownload', allowedTypes: ['image/*', 'text/plain', 'application/octet-stream'] });
    expect(await rowsOf('setup.exe')).toEqual([]);
    expect(await store.storedFiles()).toEqual(before);
  });

  it('needs a viewer, and the right to post where the file goes (NOT_FOUND where it cannot see)', async () => {
    const before = await store.storedFiles();
    const anonymous = await upload(null, {}, { name: 'anon.txt', type: 'text/plain', bytes: Buffer.from('x') });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await upload('gina', { channelId: GENERAL }, { name: 'outsider.txt', type: 'text/plain', bytes: Buffer.from('x') });
    expect(outsider.data.uploadFile.__typename).toBe('NotFoundError');
    const unseen = await upload('bob', { channelId: DESIGN }, { name: 'unseen.txt', type: 'text/plain', bytes: Buffer.from('x') });
    expect(unseen.data.uploadFile.__typename).toBe('NotFoundError');
    const scopeless = await upload('alice', { scope: 'ORGANIZATION' }, { name: 'scopeless.txt', type: 'text/plain', bytes: Buffer.from('x') });
    expect(scopeless.data.uploadFile.__typename).toBe('ValidationError');
    expect(await rowsOf('anon.txt')).toEqual([]);
    expect(await rowsOf('outsider.txt')).toEqual([]);
    expect(await store.storedFiles()).toEqual(before);
  });

  it('takes one file for one field: the same variable twice is refused for the second', async () => {
    const twice = `mutation Twice($input: UploadFileInput!) { a: uploadFile(input: $input) { __typename } b: uploadFile(input: $input) { __typename ... on ValidationError { fieldErrors { message } } } }`;
    const { head, tail } = multipartPieces({}, { name: 'twice.txt', type: 'text/plain', bytes: Buffer.alloc(0) }, twice);
    const response = await gateway.fetch('/graphql', uploadInit(Buffer.concat([head, Buffer.from('once'), tail]), headers.alice!));
    const result = (await response.json()) as GraphQLResponse;
    expect(result.data).toEqual({ a: { __typename: 'FilePayload' }, b: { __typename: 'ValidationError', fieldErrors: [{ message: 'one file can be uploaded once per request' }] } });
    expect(await rowsOf('twice.txt')).toHaveLength(1);
  });

  it('answers a malformed multipart request or an Upload sent as JSON with a coded error', async () => {
    const json = await gateway.execute(UPLOAD, { input: { file: 'not a file' } }, headers.alice);
    expect(json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noFile = await upload('alice', {}, null);
    expect(noFile.data.uploadFile).toMatchObject({ __typename: 'ValidationError' });
    for (const body of ['garbage', `--x\r\n\r\n`, `--test-boundary-7d1f\r\nContent-Disposition: form-data; name="map"\r\n\r\n{}\r\n--test-boundary-7d1f--`]) {
      const response = await gateway.fetch('/graphql', uploadInit(Buffer.from(body), headers.alice!));
      expect(response.status).toBe(400);
      expect(((await response.json()) as GraphQLResponse).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
  });
});
