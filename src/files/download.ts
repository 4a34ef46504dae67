import { and, eq, isNull } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import { authenticateRequest } from '../context.js';
import type { Database } from '../db/client.js';
import { files } from '../db/schema/index.js';
import { decodeGlobalID } from '../errors.js';
import { countingDatabase } from '../db/counting.js';
import { recordOf } from '../observe/request-record.js';
import { canSeeFile } from '../policies/file.js';
import type { FilesOptions } from './service.js';
import type { ByteRange } from './storage.js';

/**
 * GET /files/<id>: a ready file's bytes for whoever the File read rule (src/policies/file.ts) lets
 * see it, judged in the same SQL statement that finds it; to anyone else the file does not exist
 * (404, never 403). Authenticated like /graphql (Authorization: Bearer). `<id>` is the File's
 * global ID or its UUID. Ranges (one per request) answer 206 or 416.
 */
export const DOWNLOAD_PREFIX = '/files/';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row's UUID from `<id>`, or null. */
export function fileIdOf(segment: string): string | null {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    return null;
  }
  if (UUID.test(id)) return id.toLowerCase();
  try {
    const decoded = decodeGlobalID(id);
    return decoded.typename === 'File' ? decoded.id : null;
  } catch {
    return null;
  }
}

/**
 * A `Range` header against a body of `size` bytes: a range to serve, 'unsatisfiable' (416), or
 * null to serve it all (no header, a unit other than bytes, several ranges, or nonsense: RFC 9110
 * lets a server ignore what it does not serve).
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    // bytes=-N: the last N bytes.
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  if (start >= size) return 'unsatisfiable';
  const end = match[2] === '' ? size - 1 : Number(match[2]);
  if (end < start) return null;
  return { start, end: Math.min(end, size - 1) };
}

/** `attachment` with an ASCII fallback name and the exact one in RFC 5987 encoding. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const json = (Response: typeof globalThis.Response, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

const notFound = (Response: typeof globalThis.Response) => json(Response, 404, 'NOT_FOUND', 'File not found.');

async function download(request: Request, segment: string, db: Database, options: FilesOptions, Response: typeof globalThis.Response): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return json(Response, 405, 'METHOD_NOT_ALLOWED', 'Only GET and HEAD.', { allow: 'GET, HEAD' });
  const id = fileIdOf(segment);
  if (!id) return notFound(Response);
  const { viewer, credentialsError } = await authenticateRequest(db, request);
  if (credentialsError) return json(Response, 401, 'UNAUTHENTICATED', `The credentials are ${credentialsError}.`, { 'www-authenticate': 'Bearer error="invalid_token"' });
  const record = recordOf(request);
  if (record) record.viewerId = viewer?.userId ?? null;
  // Counted into the request's record, as the engine's statements are (the access log's `sql`).
  const [file] = await (record ? countingDatabase(db, record) : db)
    .select({ fileName: files.fileName, mimeType: files.mimeType, sizeBytes: files.sizeBytes, sha256: files.sha256, storageKey: files.storageKey })
    .from(files)
    .where(and(eq(files.id, id), isNull(files.deletedAt), eq(files.status, 'ready'), canSeeFile.where(viewer, files)))
    .limit(1);
  if (!file) return notFound(Response);
  // Rows made before uploads existed (registerFile, the demo data) have no hash.
  const etag = file.sha256 ? `"${file.sha256}"` : null;
  const headers: Record<string, string> = {
    'content-type': file.mimeType,
    'content-disposition': contentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    // Never run as a page, should a browser render it after all.
    'content-security-policy': "default-src 'none'; sandbox",
    // Authorized content: browsers may keep it, shared caches not; revalidated by ETag.
    'cache-control': 'private, no-cache',
    'accept-ranges': 'bytes',
    // For a browser app on an allowed origin (CORS_ORIGINS): the name, the range and the tag are not safelisted.
    'access-control-expose-headers': 'content-disposition, content-range, accept-ranges, etag',
    ...(etag ? { etag } : {}),
  };
  if (etag && request.headers.get('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  const ifRange = request.headers.get('if-range');
  const range = ifRange !== null && (etag === null || ifRange.trim() !== etag) ? null : parseRange(request.headers.get('range'), file.sizeBytes);
  if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${file.sizeBytes}` } });
  const length = range ? range.end - range.start + 1 : file.sizeBytes;
  headers['content-length'] = String(length);
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${file.sizeBytes}`;
  const status = range ? 206 : 200;
  if (request.method === 'HEAD') return new Response(null, { status, headers });
  // An empty file has no range to ask storage for.
  const body = file.sizeBytes === 0 ? null : await options.storage.get(file.storageKey, range ?? undefined);
  if (body === null && file.sizeBytes > 0) return notFound(Response);
  return new Response(body, { status, headers });
}

/** The download route as a yoga plugin: after the rate limits and the client's slot, like any request; logged like any. */
export function useFileDownloads(db: Database, options: FilesOptions): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      // A CORS preflight is yoga's to answer.
      if (!url.pathname.startsWith(DOWNLOAD_PREFIX) || request.method === 'OPTIONS') return;
      const segment = url.pathname.slice(DOWNLOAD_PREFIX.length);
      if (segment === '' || segment.includes('/')) return endResponse(notFound(fetchAPI.Response));
      const record = recordOf(request);
      if (record) record.operationName = 'file download';
      return download(request, segment, db, options, fetchAPI.Response).then(endResponse);
    },
  };
}
