import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { PGlite } from '@electric-sql/pglite';
import type * as OpenTelemetry from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { TracingConfig } from '../config.js';

/**
 * OpenTelemetry traces: a span per HTTP request (continuing an incoming `traceparent`), for
 * GraphQL parse, validate and execute (or the compiled statement), and for each SQL statement.
 * Off unless startTracing() ran: then nothing of OpenTelemetry is loaded (the API included, so
 * start-up pays nothing), no context manager is registered, and each call site below costs one
 * boolean check. Spans carry no parameter values, variables, query strings or error messages
 * (they may hold personal data): SQL texts (parameterized), operation names, codes.
 * The yoga hooks are written here (no @envelop/opentelemetry): instrumentation for the spans'
 * lifetime and context, onValidate/onExecute for their outcome.
 */

interface Tracing {
  api: typeof OpenTelemetry;
  tracer: OpenTelemetry.Tracer;
  shutdown(): Promise<void>;
}

let tracing: Tracing | null = null;

/** Whether spans are being made: the one check on the hot paths. */
export const isTracing = (): boolean => tracing !== null;

/** SQL texts are cut here (the compiled reads' run to kilobytes); OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT may cut shorter. */
const MAX_STATEMENT_LENGTH = 2_048;
const TRACER_NAME = 'pg-graphql-gateway';

/**
 * Loads the SDK, registers a provider (W3C trace context, AsyncLocalStorage context) and turns
 * spans on. `spanProcessor` replaces the batch export over OTLP/HTTP (tests: an in-memory exporter).
 */
export async function startTracing(config: Pick<TracingConfig, 'serviceName' | 'sampler' | 'samplerRatio'> & { endpoint?: string }, spanProcessor?: SpanProcessor): Promise<void> {
  if (tracing) throw new Error('Tracing is already on.');
  const [api, sdk, resources] = await Promise.all([import('@opentelemetry/api'), import('@opentelemetry/sdk-trace-node'), import('@opentelemetry/resources')]);
  const ratio = new sdk.TraceIdRatioBasedSampler(config.samplerRatio);
  const samplers = {
    always_on: () => new sdk.AlwaysOnSampler(),
    always_off: () => new sdk.AlwaysOffSampler(),
    traceidratio: () => ratio,
    parentbased_always_on: () => new sdk.ParentBasedSampler({ root: new sdk.AlwaysOnSampler() }),
    parentbased_always_off: () => new sdk.ParentBasedSampler({ root: new sdk.AlwaysOffSampler() }),
    parentbased_traceidratio: () => new sdk.ParentBasedSampler({ root: ratio }),
  };
  let processor = spanProcessor;
  if (!processor) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    processor = new sdk.BatchSpanProcessor(new OTLPTraceExporter({ url: config.endpoint }));
  }
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': config.serviceName }))
    // OTEL_RESOURCE_ATTRIBUTES, and OTEL_SERVICE_NAME over them.
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new sdk.NodeTracerProvider({ resource, sampler: samplers[config.sampler](), spanProcessors: [processor] });
  provider.register();
  // The SDK reports a failed export (collector down) only through its diagnostics logger: one line each.
  api.diag.setLogger({ error: reportDiagnostic, warn: reportDiagnostic, info: ignore, debug: ignore, verbose: ignore });
  tracing = {
    api,
    tracer: provider.getTracer(TRACER_NAME),
    shutdown: async () => {
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
      api.diag.disable();
    },
  };
}

const ignore = () => undefined;

/** The SDK's warnings and errors, as one line: a failed export arrives as the error serialized to JSON, its stack included. */
function reportDiagnostic(message: string): void {
  let text = message;
  try {
    text = String((JSON.parse(message) as { message?: unknown }).message ?? message);
  } catch {
    // not JSON: the message itself
  }
  console.warn(`[trace] ${text.split('\n')[0]}`);
}

/** Exports what is left (at most `timeoutMs`) and turns spans off. */
export async function stopTracing(timeoutMs: number): Promise<void> {
  const current = tracing;
  if (!current) return;
  tracing = null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([current.shutdown().catch(() => undefined), late]).finally(() => clearTimeout(timer));
}

/** Marks `span` failed with a low-cardinality type (a code, never a message: it may quote input). */
function failed(on: Tracing, span: OpenTelemetry.Span, type: string): void {
  span.setAttribute('error.type', type);
  span.setStatus({ code: on.api.SpanStatusCode.ERROR, message: type });
}

/** A SQLSTATE or socket code (the driver's error or drizzle's cause), a GraphQL code, else the error's class. */
function errorType(error: unknown): string {
  const coded = error as { code?: unknown; cause?: { code?: unknown }; extensions?: { code?: unknown } } | null;
  const code = coded?.code ?? coded?.cause?.code ?? coded?.extensions?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
}

/** Runs `work` as the active span's child `name`, ended when it returns, throws or settles. */
function inSpan<T>(
  on: Tracing,
  name: string,
  kind: OpenTelemetry.SpanKind,
  attributes: OpenTelemetry.Attributes,
  work: () => T,
  settled?: (span: OpenTelemetry.Span, value: Awaited<T>) => void,
  failure?: string,
): T {
  const parent = on.api.trace.getActiveSpan();
  // Inside a trace the sampler dropped nothing is recorded: no span, no context switch.
  if (parent && !parent.isRecording()) return work();
  const span = on.tracer.startSpan(name, { kind, attributes });
  const fail = (error: unknown) => {
    failed(on, span, failure ?? errorType(error));
    span.end();
    throw error;
  };
  let result: T;
  try {
    result = on.api.context.with(on.api.trace.setSpan(on.api.context.active(), span), work);
  } catch (error) {
    return fail(error);
  }
  if (typeof (result as { then?: unknown } | null)?.then !== 'function') {
    settled?.(span, result as Awaited<T>);
    span.end();
    return result;
  }
  return (result as Promise<Awaited<T>>).then((value) => {
    settled?.(span, value);
    span.end();
    return value;
  }, fail) as T;
}

/**
 * The HTTP server span around node's handler: from the caller's `traceparent`, active for all the
 * request's work (its body's events included), ended when the response closes (an event stream's
 * when the stream ends). 5xx and a connection closed before any answer are errors.
 */
export function withRequestSpans(handler: RequestListener): RequestListener {
  const on = tracing;
  if (!on) return handler;
  const { api, tracer } = on;
  return (req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    // The path only: a GET's query string holds the variables.
    const path = query === -1 ? url : url.slice(0, query);
    const parent = api.propagation.extract(api.ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(method, { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path, 'url.scheme': 'http' } }, parent);
    const active = api.trace.setSpan(parent, span);
    api.context.bind(active, req);
    api.context.bind(active, res);
    res.once('close', () => endRequestSpan(on, span, req, res, method, path));
    api.context.with(active, () => handler(req, res));
  };
}

function endRequestSpan(on: Tracing, span: OpenTelemetry.Span, req: IncomingMessage, res: ServerResponse, method: string, path: string): void {
  const requestId = res.getHeader('x-request-id') ?? req.headers['x-request-id'];
  if (typeof requestId === 'string') span.setAttribute('request.id', requestId);
  if (!res.headersSent) failed(on, span, 'closed before a response');
  else {
    span.setAttribute('http.response.status_code', res.statusCode);
    // A path the server answers is a route; unknown ones (404) stay out of span names.
    if (res.statusCode !== 404) {
      span.setAttribute('http.route', path);
      span.updateName(`${method} ${path}`);
    }
    if (res.statusCode >= 500) failed(on, span, String(res.statusCode));
  }
  span.end();
}

/** The codes of a result's errors (a message may quote input). */
function errorCodes(errors: readonly { extensions?: Record<string, unknown> }[]): string {
  return [...new Set(errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))].join(' ');
}

/** Yoga's side: graphql.parse, graphql.validate, graphql.execute and graphql.subscribe spans; none when tracing is off. */
export function tracingPlugins(): Plugin[] {
  const on = tracing;
  if (!on) return [];
  const { api } = on;
  const internal = api.SpanKind.INTERNAL;
  const phase =
    (name: string, failure?: string) =>
    <T>(_payload: unknown, wrapped: () => T): T =>
      inSpan(on, name, internal, {}, wrapped, undefined, failure);
  return [
    {
      instrumentation: {
        // A document that does not parse throws (its message quotes the document).
        parse: phase('graphql.parse', 'GRAPHQL_PARSE_FAILED'),
        validate: phase('graphql.validate'),
        execute: phase('graphql.execute'),
        subscribe: phase('graphql.subscribe'),
      },
      onValidate: () => ({ valid }) => {
        if (!valid) failed(on, api.trace.getActiveSpan()!, 'GRAPHQL_VALIDATION_FAILED');
      },
      onExecute: ({ args }) => {
        const span = api.trace.getActiveSpan();
        const operation = getOperationAST(args.document, args.operationName);
        if (operation) {
          span?.setAttribute('graphql.operation.type', operation.operation);
          if (operation.name) span?.setAttribute('graphql.operation.name', operation.name.value);
        }
        return {
          onExecuteDone: ({ result }) => {
            const errors = (result as ExecutionResult).errors;
            if (span && errors?.length) failed(on, span, errorCodes(errors));
          },
        };
      },
    },
  ];
}

/** The compiled read's span (src/compiled/fast-path.ts): whether it answered, and its status. */
export function traceCompiledRead<T extends { status: number } | null>(operationName: string | null | undefined, read: () => Promise<T>): Promise<T> {
  const on = tracing;
  if (!on) return read();
  const attributes = { 'graphql.operation.type': 'query', ...(operationName ? { 'graphql.operation.name': operationName } : {}) };
  return inSpan(on, 'graphql.compiled', on.api.SpanKind.INTERNAL, attributes, read, (span, answer) => {
    span.setAttribute('gateway.compiled.answered', answer !== null);
    if (answer && answer.status >= 400) failed(on, span, String(answer.status));
  });
}

/** The SQL text of a driver's query arguments: a text, or a config with one. */
function statementText(query: unknown): string {
  return typeof query === 'string' ? query : String((query as { text?: unknown } | null)?.text ?? '');
}

/**
 * One SQL statement's client span, as a child of the request's work only (migrations, seeds and
 * background statements make no root spans). The text is parameterized; values are never added.
 */
export function traceStatement<T>(query: unknown, run: () => T): T {
  const on = tracing;
  if (!on || !on.api.trace.getActiveSpan()) return run();
  const text = statementText(query);
  const operation = /^\s*([a-z]+)/i.exec(text)?.[1]?.toUpperCase() ?? 'postgresql';
  const attributes = {
    'db.system.name': 'postgresql',
    'db.query.text': text.length > MAX_STATEMENT_LENGTH ? `${text.slice(0, MAX_STATEMENT_LENGTH)}…` : text,
  };
  return inSpan(on, operation, on.api.SpanKind.CLIENT, attributes, run);
}

/** PGlite's statements (its query, and a transaction's) as spans; a no-op when tracing is off. */
export function tracePglite(pglite: PGlite): void {
  if (!tracing) return;
  type Query = (...args: unknown[]) => unknown;
  const traced = <Q>(query: Q): Q => ((...args: unknown[]) => traceStatement(args[0], () => (query as Query)(...args))) as Q;
  pglite.query = traced(pglite.query.bind(pglite));
  const transaction = pglite.transaction.bind(pglite);
  pglite.transaction = (work) =>
    transaction((tx) => {
      tx.query = traced(tx.query.bind(tx));
      return work(tx);
    });
}
