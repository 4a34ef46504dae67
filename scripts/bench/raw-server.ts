/**
 * The hand-written baseline of the benchmark: node:http + one pg statement per request, the JSON
 * built by PostgreSQL and sent as is. GET /a?id=<global id>, /b, /c, /d?slug=<slug>, /e, /f?slug=<slug>,
 * /g?id=<message id>, /h?channel=<id>&word=<text>&search=<text>, /i?channel=&author=&after=&before=; GET /ready.
 * Env: DATABASE_URL, PORT, HOST (default 127.0.0.1), DATABASE_POOL_SIZE (the gateway's setting).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { decodeGlobalID } from '../../src/errors.js';
import { parseAuthorization } from '../../src/auth/tokens.js';
import { benchDatabaseUrl, tokenHash } from './fixtures.js';
import { RAW_QUERIES } from './raw-queries.js';
import { MORE_RAW_QUERIES } from './raw-queries-more.js';

const QUERIES = { ...RAW_QUERIES, ...MORE_RAW_QUERIES };
type RawShapeKey = keyof typeof QUERIES;

/** The statement parameters after $1 (the token hash) for one shape, from the query string. */
const extraParams: Record<RawShapeKey, (query: URLSearchParams) => unknown[]> = {
  a: (query) => [idParam(query.get('id'), 'User')],
  b: () => [],
  c: () => [],
  d: (query) => [query.get('slug') ?? ''],
  e: () => [],
  f: (query) => [query.get('slug') ?? ''],
  g: (query) => [idParam(query.get('id'), 'Message')],
  h: (query) => [idParam(query.get('channel'), 'Channel'), query.get('word') ?? '', query.get('search') ?? ''],
  i: (query) => [idParam(query.get('channel'), 'Channel'), idParam(query.get('author'), 'User'), timeParam(query.get('after')), timeParam(query.get('before'))],
};

function idParam(globalId: string | null, expected: string): string {
  const { typename, id } = decodeGlobalID(globalId ?? '');
  if (typename !== expected) throw new Error(`Not a ${expected} ID: ${globalId}`);
  return id;
}

function timeParam(value: string | null): string {
  if (!value || Number.isNaN(Date.parse(value))) throw new Error(`Not a date-time: ${value}`);
  return value;
}

function isShape(key: string): key is RawShapeKey {
  return Object.hasOwn(QUERIES, key);
}

/** The token's hash, or '' (matches no session: anonymous) without a bearer token. */
function tokenHashOf(request: IncomingMessage): string {
  const header = parseAuthorization(request.headers.authorization ?? null);
  return header.kind === 'token' ? tokenHash(header.token) : '';
}

function send(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

async function answer(pool: pg.Pool, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://raw.local');
  const key = url.pathname.slice(1);
  if (key === 'ready' || key === 'health') return send(response, 200, '{"ok":true}');
  if (!isShape(key)) return send(response, 404, '{"error":"unknown shape"}');
  let values: unknown[];
  try {
    values = [tokenHashOf(request), ...extraParams[key](url.searchParams)];
  } catch (error) {
    return send(response, 400, JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  }
  // A named statement is prepared once per connection, as a careful hand-written server would do.
  const result = await pool.query<[string]>({ name: `raw-${key}`, text: QUERIES[key], values, rowMode: 'array' });
  send(response, 200, result.rows[0]![0]);
}

function main(): void {
  const config = loadConfig();
  const pool = new pg.Pool({
    connectionString: benchDatabaseUrl(),
    max: config.poolSize,
    options: `-c jit=off -c statement_timeout=${config.statementTimeoutMs}`,
    application_name: 'bench-raw-server',
  });
  pool.on('error', (error) => console.error('[raw] idle client error:', error.message));
  const server = createServer((request, response) => {
    answer(pool, request, response).catch((error: unknown) => {
      console.error('[raw]', error);
      if (!response.headersSent) send(response, 500, '{"error":"internal"}');
    });
  });
  const host = process.env.HOST || '127.0.0.1';
  server.listen(config.port, host, () => console.log(`[raw] listening on http://${host}:${config.port}`));
  const stop = () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections(); // keep-alive benchmark sockets would hold close() open
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
