import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTracing, stopTracing, withRequestSpans } from '../../src/observe/trace.js';
import { createYogaApp, listen, type RunningGateway } from '../../src/server.js';
import { openSeededDatabase } from '../gateway.js';

const exporter = new InMemorySpanExporter();
let gateway: RunningGateway;
let database: Awaited<ReturnType<typeof openSeededDatabase>>;

beforeAll(async () => {
  // Before the database and the app, as src/main.ts does: both take their hooks when made.
  await startTracing({ serviceName: 'gateway-test', sampler: 'parentbased_always_on', samplerRatio: 1 }, new SimpleSpanProcessor(exporter));
  database = await openSeededDatabase();
  gateway = await listen(createYogaApp({ handle: database.handle, logError: () => undefined }), 0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
  await database?.drop();
  await stopTracing(1_000);
});

const SECRET = 'tracing-secret-search';
const ORGANIZATIONS = 'query Orgs($search: String) { organizations(first: 5, search: $search) { totalCount nodes { slug name } } }';

/** A caller's trace context: a random trace id and the caller's span id. */
function callerContext() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

/** The spans of one trace, once its request span (the last to end) has been exported. */
async function spansOf(traceId: string): Promise<{ request: ReadableSpan; spans: ReadableSpan[] }> {
  const inTrace = () => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
  const request = await vi.waitFor(() => {
    const found = inTrace().find((span) => span.kind === SpanKind.SERVER);
    if (!found) throw new Error(`no request span in trace ${traceId} yet`);
    return found;
  });
  return { request, spans: inTrace() };
}

const parentId = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const only = (spans: ReadableSpan[], name: string) => {
  const named = spans.filter((span) => span.name === name);
  expect(named.map((span) => span.name)).toEqual([name]);
  return named[0]!;
};
const statements = (spans: ReadableSpan[]) => spans.filter((span) => span.kind === SpanKind.CLIENT);

async function post(body: object, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

describe('tracing on (in-memory exporter)', () => {
  it('traces an engine read as request > parse, validate, execute > SQL, continuing the caller trace', async () => {
    const caller = callerContext();
    const answer = await post({ query: ORGANIZATIONS, variables: { search: SECRET } }, { traceparent: caller.traceparent, 'x-request-id': 'engine-read-1' });
    expect(answer.status).toBe(200);
    expect(answer.json.errors).toBeUndefined();
    const { request, spans } = await spansOf(caller.traceId);

    expect(request.name).toBe('POST /graphql');
    expect(parentId(request)).toBe(caller.spanId);
    expect(request.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200, 'request.id': 'engine-read-1' });
    expect(request.status.code).toBe(SpanStatusCode.UNSET);
    for (const phase of ['graphql.parse', 'graphql.validate', 'graphql.execute']) expect(parentId(only(spans, phase))).toBe(request.spanContext().spanId);
    const execute = only(spans, 'graphql.execute');
    expect(execute.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Orgs' });
    expect(spans.some((span) => span.name === 'graphql.compiled')).toBe(false);

    const sql = statements(spans);
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) {
      expect(parentId(statement)).toBe(execute.spanContext().spanId);
      expect(statement.attributes['db.system.name']).toBe('postgresql');
      expect(typeof statement.attributes['db.query.text']).toBe('string');
    }
    // Values are parameters, never part of a span.
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(SECRET);
  });

  it('traces a compiled read as request > graphql.compiled > SQL, without parse or execute', async () => {
    // The first request of a document is the engine's, which compiles it.
    await post({ query: ORGANIZATIONS, variables: { search: 'a' } });
    const caller = callerContext();
    const answer = await post({ query: ORGANIZATIONS, variables: { search: SECRET } }, { traceparent: caller.traceparent });
    expect(answer.status).toBe(200);
    const { request, spans } = await spansOf(caller.traceId);

    expect(parentId(request)).toBe(caller.spanId);
    const compiled = only(spans, 'graphql.compiled');
    expect(parentId(compiled)).toBe(request.spanContext().spanId);
    expect(compiled.attributes).toMatchObject({ 'graphql.operation.name': 'Orgs', 'gateway.compiled.answered': true });
    const sql = statements(spans);
    expect(sql).toHaveLength(1);
    expect(parentId(sql[0]!)).toBe(compiled.spanContext().spanId);
    expect(sql[0]!.name).toMatch(/^(SELECT|WITH)$/);
    expect(spans.map((span) => span.name).filter((name) => name.startsWith('graphql.'))).toEqual(['graphql.compiled']);
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(SECRET);
  });

  it('starts a trace of its own without a traceparent', async () => {
    await post({ query: '{ locales { code } }' }, { 'x-request-id': 'no-caller-1' });
    const request = await vi.waitFor(() => {
      const found = exporter.getFinishedSpans().find((span) => span.attributes['request.id'] === 'no-caller-1');
      if (!found) throw new Error('no request span yet');
      return found;
    });
    expect(request.parentSpanContext).toBeUndefined();
    const { spans } = await spansOf(request.spanContext().traceId);
    expect(only(spans, 'graphql.execute')).toBeDefined();
  });

  it("follows a caller's decision not to sample: no span of that trace", async () => {
    const unsampled = callerContext();
    await post({ query: ORGANIZATIONS, variables: { search: 'b' } }, { traceparent: unsampled.traceparent.replace(/-01$/, '-00') });
    const sampled = callerContext();
    await post({ query: ORGANIZATIONS, variables: { search: 'b' } }, { traceparent: sampled.traceparent });
    await spansOf(sampled.traceId);
    expect(exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === unsampled.traceId)).toEqual([]);
  });

  it('marks failed phases with their code, not their message', async () => {
    const invalid = callerContext();
    await post({ query: '{ noSuchField }' }, { traceparent: invalid.traceparent });
    const validate = only((await spansOf(invalid.traceId)).spans, 'graphql.validate');
    expect(validate.status).toEqual({ code: SpanStatusCode.ERROR, message: 'GRAPHQL_VALIDATION_FAILED' });

    const unparsable = callerContext();
    await post({ query: '{ organizations(' }, { traceparent: unparsable.traceparent });
    const parse = only((await spansOf(unparsable.traceId)).spans, 'graphql.parse');
    expect(parse.status).toEqual({ code: SpanStatusCode.ERROR, message: 'GRAPHQL_PARSE_FAILED' });

    const badId = callerContext();
    const answer = await post({ query: 'query Channel($id: ID!) { channel(id: $id) { name } }', variables: { id: `${SECRET}-not-an-id` } }, { traceparent: badId.traceparent });
    expect(answer.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { request, spans } = await spansOf(badId.traceId);
    expect(only(spans, 'graphql.execute').status).toEqual({ code: SpanStatusCode.ERROR, message: 'BAD_USER_INPUT' });
    // A GraphQL error answered with HTTP 200 is the operation's failure, not the server's.
    expect(request.status.code).toBe(SpanStatusCode.UNSET);
    expect(JSON.stringify(spans.map((span) => [span.attributes, span.status, span.events]))).not.toContain(SECRET);
  });
});

describe('request spans around any handler', () => {
  let server: Server;
  let url: string;
  let endStream: () => void = () => undefined;

  beforeAll(async () => {
    server = createServer(
      withRequestSpans((req, res) => {
        if (req.url === '/fail') res.writeHead(503).end();
        else if (req.url === '/hang-up') req.socket.destroy();
        else if (req.url === '/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream' }).write('data: first\n\n');
          endStream = () => res.end('data: last\n\n');
        }
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('ends a 5xx as an error', async () => {
    const caller = callerContext();
    expect((await fetch(`${url}/fail`, { headers: { traceparent: caller.traceparent } })).status).toBe(503);
    const { request } = await spansOf(caller.traceId);
    expect(request.status).toEqual({ code: SpanStatusCode.ERROR, message: '503' });
    expect(request.attributes['http.response.status_code']).toBe(503);
  });

  it('ends a request whose connection closed before any answer as an error', async () => {
    const caller = callerContext();
    await expect(fetch(`${url}/hang-up`, { headers: { traceparent: caller.traceparent } })).rejects.toThrow();
    const { request } = await spansOf(caller.traceId);
    expect(request.status.code).toBe(SpanStatusCode.ERROR);
    expect(request.attributes['http.response.status_code']).toBeUndefined();
  });

  it('ends the span of an event stream when the stream ends', async () => {
    const caller = callerContext();
    const response = await fetch(`${url}/stream`, { headers: { traceparent: caller.traceparent } });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('first');
    // Streaming: the request span is still open.
    expect(exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === caller.traceId)).toEqual([]);
    endStream();
    while (!(await reader.read()).done);
    const { request } = await spansOf(caller.traceId);
    expect(request.status.code).toBe(SpanStatusCode.UNSET);
    expect(request.name).toBe('GET /stream');
  });
});
