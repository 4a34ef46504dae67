import { context, createContextKey, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isTracing } from '../../src/observe/trace.js';
import { createYogaApp, listen, type RunningGateway } from '../../src/server.js';
import { openSeededDatabase } from '../gateway.js';

let gateway: RunningGateway;
let database: Awaited<ReturnType<typeof openSeededDatabase>>;

beforeAll(async () => {
  database = await openSeededDatabase();
  gateway = await listen(createYogaApp({ handle: database.handle, logError: () => undefined }), 0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
  await database?.drop();
  trace.disable();
  context.disable();
});

const ORGANIZATIONS = 'query Orgs { organizations(first: 5) { totalCount nodes { slug name } } }';

/** An engine read, then the same document answered compiled, each with a caller's traceparent. */
async function readTwice(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      body: JSON.stringify({ query: ORGANIZATIONS }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  }
}

describe('tracing off', () => {
  it('is off without an OTLP endpoint, and with OTEL_SDK_DISABLED', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      serviceName: 'pg-graphql-gateway',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/traces', OTEL_SERVICE_NAME: 'api', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }).tracing).toMatchObject({ endpoint: 'http://collector:4318/traces', serviceName: 'api', samplerRatio: 0.25 });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(/OTEL_TRACES_SAMPLER/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });

  it('registers no provider and no context manager while serving engine and compiled reads', async () => {
    await readTwice();
    expect(isTracing()).toBe(false);
    // No context manager: a value set in a context is not seen inside it.
    const key = createContextKey('probe');
    expect(context.with(ROOT_CONTEXT.setValue(key, 1), () => context.active().getValue(key))).toBeUndefined();
    // No provider: registering one succeeds (the API refuses a second).
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    expect(trace.setGlobalTracerProvider(provider)).toBe(true);
  });

  it('makes no spans, even with a provider of someone else registered', async () => {
    const exporter = new InMemorySpanExporter();
    trace.disable();
    new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
    await readTwice();
    expect(exporter.getFinishedSpans()).toEqual([]);
    // The probe works: the registered provider does record spans.
    trace.getTracer('probe').startSpan('probe').end();
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['probe']);
  });
});
