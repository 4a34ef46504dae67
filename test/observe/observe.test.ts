import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession } from '../../src/auth/sessions.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { silentLogger } from '../../src/observe/logger.js';
import { createRealtime, topics, type Realtime } from '../../src/realtime/index.js';
import { createYogaApp, listen, type RunningGateway } from '../../src/server.js';
import { openSeededDatabase, type StatementCounter } from '../gateway.js';
import { channelGid, channelId, CHANNEL } from '../mutations/message-helpers.js';
import { demoUsers } from '../policies.js';
import { Subscriber, waitFor } from '../realtime/harness.js';
import { parsePrometheusText, total } from './prometheus-text.js';

/**
 * Logs, metrics and health of a real gateway (127.0.0.1, port 0) over a seeded database: one
 * access-log line per request (read from the logger's own output) on the compiled path, the
 * engine, a failing request, a WebSocket operation and an SSE subscription; /metrics as strict
 * Prometheus text whose counters move with those requests; /health and /ready.
 */

interface AccessLine {
  component: string;
  msg: string;
  requestId: string;
  transport: string;
  operationType: string | null;
  operationName: string | null;
  viewerId: string | null;
  durationMs: number;
  path: 'compiled' | 'engine';
  statements: number;
  errorCodes: string[];
  status: number | null;
}

const lines: Record<string, unknown>[] = [];
const statements: StatementCounter = { count: 0, log: [], reset() { this.count = 0; this.log = []; } };
let handle: DatabaseHandle;
let drop: () => Promise<void>;
let realtime: Realtime;
let running: RunningGateway;
let origin: string;
let asAlice: Record<string, string>;

beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase(statements));
  realtime = createRealtime(handle, { log: silentLogger() });
  await realtime.start();
  // The gateway's logger writes JSON lines into this test.
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const yoga = createYogaApp({ handle, realtime, logger });
  running = await listen(yoga, 0, '127.0.0.1');
  origin = new URL(running.url).origin;
  const session = await createSession(handle.db, demoUsers.alice, { ip: null, userAgent: 'observe test' });
  asAlice = { authorization: `Bearer ${session.token}` };
});

afterAll(async () => {
  await running?.close();
  await realtime?.stop();
  await drop?.();
});

const accessLines = (requestId: string) => lines.filter((line) => line.component === 'access' && line.requestId === requestId) as unknown as AccessLine[];

/** The one access line of `requestId` (it is written when the response closes, just after the client has it). */
async function accessLine(requestId: string): Promise<AccessLine> {
  await waitFor(() => accessLines(requestId).length > 0, `the access line of ${requestId}`);
  // Anything written twice would be there by now: the next request's line follows this one.
  await fetch(`${origin}/health`);
  expect(accessLines(requestId)).toHaveLength(1);
  return accessLines(requestId)[0]!;
}

let sent = 0;
async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const requestId = `test-${++sent}`;
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId, status: response.status, echoed: response.headers.get('x-request-id'), body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
}

async function scrape() {
  const response = await fetch(`${origin}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

const READ = 'query ChannelNames($id: ID!) { channel(id: $id) { name messages(first: 2) { nodes { content } } } }';

describe('access log', () => {
  it('a compiled read: one line with its id, operation, viewer, path compiled, one statement, status 200', async () => {
    await post(READ, { id: channelGid(CHANNEL.general) }, asAlice); // the engine validates it once; it is compiled then
    const { requestId, status, body, echoed } = await post(READ, { id: channelGid(CHANNEL.general) }, asAlice);
    expect(status).toBe(200);
    expect(body.data.channel.name).toBe('general');
    expect(echoed).toBe(requestId);
    const line = await accessLine(requestId);
    expect(line).toMatchObject({ msg: 'request', transport: 'http', operationType: 'query', operationName: 'ChannelNames', viewerId: demoUsers.alice, path: 'compiled', statements: 1, errorCodes: [], status: 200 });
    expect(line.durationMs).toBeGreaterThan(0);
  });

  it('an engine read: path engine, and the statements it ran through the database (the token lookup aside)', async () => {
    statements.reset();
    const { requestId, status } = await post('query Organizations { organizations { totalCount nodes { slug channels(first: 2) { nodes { name } } } } }', {}, asAlice);
    expect(status).toBe(200);
    const line = await accessLine(requestId);
    expect(line).toMatchObject({ operationType: 'query', operationName: 'Organizations', viewerId: demoUsers.alice, path: 'engine', errorCodes: [], status: 200 });
    // Every statement drizzle ran since the reset, but alice's token lookup, was this request's.
    const lookups = statements.log.filter((text) => /auth"?\."?sessions/.test(text) && /token_hash/.test(text)).length;
    expect(line.statements).toBeGreaterThan(0);
    expect(line.statements).toBe(statements.count - lookups);
  });

  it('a failing request: its error codes, anonymous, and the status it was answered with', async () => {
    const invalid = await post('query Broken { node(id: "not-a-global-id") { id } }');
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await accessLine(invalid.requestId)).toMatchObject({ operationName: 'Broken', viewerId: null, path: 'engine', errorCodes: ['BAD_USER_INPUT'], status: invalid.status });

    const unknown = await post('{ noSuchField }');
    const codes = [...new Set(unknown.body.errors!.map((error) => error.extensions?.code))];
    expect(await accessLine(unknown.requestId)).toMatchObject({ operationName: null, errorCodes: codes, status: unknown.status });
    expect(codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('honours a sane x-request-id and echoes it; replaces one too long or with other characters', async () => {
    const query = async (id: string) => {
      const response = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'x-request-id': id } });
      await response.text();
      return response.headers.get('x-request-id')!;
    };
    const sane = 'trace-0af7651916cd43dd8448eb211c80319c';
    expect(await query(sane)).toBe(sane);
    expect((await accessLine(sane)).status).toBe(200);
    for (const insane of ['a'.repeat(129), 'two words', 'quote"d']) {
      const echoed = await query(insane);
      expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(accessLines(insane)).toHaveLength(0);
      expect((await accessLine(echoed)).operationType).toBe('query');
    }
  });

  it('one line per GraphQL over WebSocket operation, with its codes', async () => {
    const client = createWsClient({ url: `${origin.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: asAlice, retryAttempts: 0 });
    try {
      const run = (query: string) =>
        new Promise<unknown>((resolve) => {
          const results: unknown[] = [];
          client.subscribe({ query }, { next: (result) => void results.push(result), error: resolve, complete: () => resolve(results) });
        });
      const before = lines.length;
      await run('query OverSocket { viewer { id } }');
      await run('query Refused { noSuchField }');
      await waitFor(() => lines.slice(before).filter((line) => line.transport === 'websocket').length >= 2, 'two WebSocket lines');
      const socketLines = lines.slice(before).filter((line) => line.transport === 'websocket') as unknown as AccessLine[];
      expect(socketLines).toHaveLength(2);
      expect(socketLines[0]).toMatchObject({ operationType: 'query', operationName: 'OverSocket', viewerId: demoUsers.alice, path: 'engine', errorCodes: [], status: null });
      expect(socketLines[1]).toMatchObject({ operationName: 'Refused', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    } finally {
      await client.dispose();
    }
  });
});

describe('/metrics', () => {
  it('is strict Prometheus text whose counters move with requests, errors, compiled reads and subscriptions', async () => {
    const before = await scrape();
    // A document new to the gateway: the engine answers it first, its compiled statement then.
    const read = READ.replace('ChannelNames', 'ChannelTitles');
    await post(read, { id: channelGid(CHANNEL.random) }, asAlice);
    await post(read, { id: channelGid(CHANNEL.random) }, asAlice);
    const failed = await post('query Broken { node(id: "not-a-global-id") { id } }');
    await accessLine(failed.requestId);

    // An SSE subscription: active while it streams, counted once when it ends.
    const topic = topics.channel(channelId(CHANNEL.general));
    const subscriber = new Subscriber(createSseClient({ url: `${origin}/graphql`, headers: asAlice, retryAttempts: 0 }) as never, 'subscription Events($channel: ID!) { channelEvents(channel: $channel) { kind } }', { channel: channelGid(CHANNEL.general) });
    await waitFor(() => realtime.hub.subscriptionCount(topic) > 0, 'the subscription to start');
    const streaming = await scrape();
    subscriber.close();
    await waitFor(() => realtime.hub.subscriptionCount(topic) === 0, 'the subscription to end');
    await waitFor(() => lines.some((line) => line.operationName === 'Events'), 'the subscription\'s line');
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string>) => total(after, name, labels) - total(before, name, labels);
    expect(moved('gateway_requests_total', { operation: 'ChannelTitles', path: 'compiled', outcome: 'ok' })).toBe(1);
    expect(moved('gateway_requests_total', { operation: 'ChannelTitles', path: 'engine' })).toBe(1);
    expect(moved('gateway_requests_total', { operation: 'Broken', outcome: 'error' })).toBe(1);
    expect(moved('gateway_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(moved('gateway_request_duration_seconds_count', { operation: 'ChannelTitles' })).toBe(2);
    expect(moved('gateway_sql_statement_duration_seconds_count', { path: 'compiled' })).toBeGreaterThanOrEqual(1);
    expect(total(streaming, 'gateway_subscriptions_active', { transport: 'sse' })).toBe(1);
    expect(total(after, 'gateway_subscriptions_active', { transport: 'sse' })).toBe(0);
    expect(moved('gateway_requests_total', { operation: 'Events', type: 'subscription', transport: 'sse' })).toBe(1);
    expect(total(after, 'gateway_compiled_cache_entries', { cache: 'templates' })).toBeGreaterThanOrEqual(1);
    expect(total(after, 'gateway_realtime_listen_connected')).toBe(1);
    expect(total(after, 'gateway_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(after.some((sample) => sample.name === 'process_cpu_seconds_total')).toBe(true);
  });

  it('is refused to a client behind a proxy (X-Forwarded-For) when no token is set', async () => {
    const response = await fetch(`${origin}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toMatch(/gateway_/);
  });
});

describe('health', () => {
  it('/health is liveness JSON; /ready reports the database, migrations and the LISTEN connection', async () => {
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: { reachable: true, latencyMs: expect.any(Number), pendingMigrations: 0 }, realtime: { listening: true } });
  });

  it('/ready stays 200 but says degraded while the LISTEN connection is down (events wait in the log); /health stays 200', async () => {
    await realtime.listener.stop();
    try {
      const ready = await fetch(`${origin}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'degraded', database: { reachable: true, pendingMigrations: 0 }, realtime: { listening: false } });
      expect((await fetch(`${origin}/health`)).status).toBe(200);
    } finally {
      await realtime.listener.start();
    }
  });
});
