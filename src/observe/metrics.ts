import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestRecord, Transport } from './request-record.js';

/**
 * The gateway's Prometheus metrics (prom-client directly, not yoga's prometheus plugin: the
 * compiled front door answers most reads before yoga sees them, and the plugin labels by the
 * client's operation names without a bound). Requests are counted once, when their record is
 * finished; gauges of pools, caches and the realtime hub are read when /metrics is scraped.
 * Every label has a small, bounded set of values.
 */

/** Distinct operation names kept as label values; later ones are counted as "other". */
export const MAX_OPERATION_NAMES = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** A bounded label: the first `max` distinct values, then `other`. */
class BoundedLabel {
  private readonly seen = new Set<string>();
  constructor(private readonly max: number) {}

  of(value: string | null, none: string): string {
    if (value === null) return none;
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max || !GRAPHQL_NAME.test(value)) return 'other';
    this.seen.add(value);
    return value;
  }
}

/**
 * A metric's children by their label values, made once: prom-client hashes (sorts) the labels of
 * every inc/observe, a few µs per request; the values here are bounded, and so is this map.
 */
function children<Child>(make: (labels: Record<string, string>) => Child, names: readonly string[]): (...values: string[]) => Child {
  const made = new Map<string, Child>();
  return (...values) => {
    const key = values.join('\u0000');
    let child = made.get(key);
    if (!child) made.set(key, (child = make(Object.fromEntries(names.map((name, i) => [name, values[i]!])))));
    return child;
  };
}

/** What the scrape reads from the rest of the gateway (each optional: tests build apps without realtime). */
export interface MetricSources {
  compiledCache?: () => { documents: number; bytes: number; statements: number; statementBytes: number };
  pools?: () => { pool: string; total: number; idle?: number; waiting?: number }[];
  hub?: () => { subscriptions: number; received: number; fannedOut: number };
  listener?: () => { listening: boolean; reconnects: number };
}

export interface GatewayMetrics {
  registry: Registry;
  /** A finished request (or WebSocket operation). */
  finished(record: RequestRecord): void;
  /** A subscription started streaming on this transport; `finished` ends it. */
  subscriptionStarted(transport: Transport): void;
  /** One SQL statement's duration. */
  statement(seconds: number, compiled: boolean): void;
  /** Where gauges read from, once the parts exist. */
  sources: MetricSources;
}

/** Refusals by the code they answer with. */
const REFUSALS: Record<string, string> = { RATE_LIMITED: 'rate_limit', QUERY_TOO_COMPLEX: 'query_limit' };

export function createMetrics({ processMetrics = true }: { processMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const operations = new BoundedLabel(MAX_OPERATION_NAMES);
  const codes = new BoundedLabel(50);
  const sources: MetricSources = {};
  const registers = [registry];

  const requests = new Counter({ name: 'gateway_requests_total', help: 'GraphQL requests (and WebSocket operations) answered, by operation, type, path (compiled or engine), transport and outcome.', labelNames: ['operation', 'type', 'path', 'transport', 'outcome'], registers });
  const durations = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'Time to answer a request (subscriptions excluded: their streams last as long as the client wants), by operation, path and outcome.',
    labelNames: ['operation', 'path', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({ name: 'gateway_errors_total', help: 'Errors in responses, by extensions.code (each code once per response).', labelNames: ['code'], registers });
  const refusals = new Counter({ name: 'gateway_refusals_total', help: 'Requests refused by a limit: rate_limit (rate limits, the client concurrency queue) or query_limit (cost, depth, size).', labelNames: ['reason'], registers });
  const statements = new Histogram({ name: 'gateway_sql_statement_duration_seconds', help: 'SQL statement durations, by path (compiled statements, or the engine\'s).', labelNames: ['path'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5], registers });
  const requestStatements = new Counter({ name: 'gateway_request_sql_statements_total', help: 'SQL statements run for requests, by path.', labelNames: ['path'], registers });
  const activeSubscriptions = new Gauge({ name: 'gateway_subscriptions_active', help: 'Subscriptions streaming now, by transport.', labelNames: ['transport'], registers });
  for (const transport of ['sse', 'multipart', 'websocket']) activeSubscriptions.set({ transport }, 0);

  new Gauge({
    name: 'gateway_compiled_cache_entries',
    help: 'Compiled reads kept in memory: documents (templates) and built statements.',
    labelNames: ['cache'],
    registers,
    collect() {
      const stats = sources.compiledCache?.();
      if (!stats) return;
      this.set({ cache: 'templates' }, stats.documents);
      this.set({ cache: 'statements' }, stats.statements);
    },
  });
  new Gauge({
    name: 'gateway_compiled_cache_bytes',
    help: 'Estimated memory of the compiled caches (bounded by COMPILED_TEMPLATE_CACHE_MB and COMPILED_STATEMENT_CACHE_MB).',
    labelNames: ['cache'],
    registers,
    collect() {
      const stats = sources.compiledCache?.();
      if (!stats) return;
      this.set({ cache: 'templates' }, stats.bytes);
      this.set({ cache: 'statements' }, stats.statementBytes);
    },
  });
  new Gauge({
    name: 'gateway_db_pool_connections',
    help: 'Database connections by pool and state: total, idle, and waiting (requests waiting for one). PGlite: one connection, no pool.',
    labelNames: ['pool', 'state'],
    registers,
    collect() {
      for (const { pool, total, idle, waiting } of sources.pools?.() ?? []) {
        this.set({ pool, state: 'total' }, total);
        if (idle !== undefined) this.set({ pool, state: 'idle' }, idle);
        if (waiting !== undefined) this.set({ pool, state: 'waiting' }, waiting);
      }
    },
  });
  new Gauge({
    name: 'gateway_realtime_subscriptions',
    help: 'Subscriptions registered with the realtime hub (all transports).',
    registers,
    collect() {
      const hub = sources.hub?.();
      if (hub) this.set(hub.subscriptions);
    },
  });
  // Counters kept by the hub and the listener, read at each scrape.
  const readCounter = (name: string, help: string, read: () => number | undefined) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        const value = read();
        if (value === undefined) return;
        this.reset();
        this.inc(value);
      },
    });
  readCounter('gateway_realtime_events_received_total', 'Events published to the hub (read from the event log; typing from NOTIFY).', () => sources.hub?.().received);
  readCounter('gateway_realtime_events_fanned_out_total', 'Events offered to subscriptions (one per subscription of the event\'s topic).', () => sources.hub?.().fannedOut);
  readCounter('gateway_realtime_listen_reconnects_total', 'Times the LISTEN connection came back after a drop.', () => sources.listener?.().reconnects);
  new Gauge({
    name: 'gateway_realtime_listen_connected',
    help: '1 while the LISTEN connection is in place, else 0.',
    registers,
    collect() {
      const listener = sources.listener?.();
      if (listener) this.set(listener.listening ? 1 : 0);
    },
  });

  const requestsBy = children((labels) => requests.labels(labels), ['operation', 'type', 'path', 'transport', 'outcome']);
  const durationsBy = children((labels) => durations.labels(labels), ['operation', 'path', 'outcome']);
  const statementsBy = { compiled: statements.labels({ path: 'compiled' }), engine: statements.labels({ path: 'engine' }) };
  const requestStatementsBy = { compiled: requestStatements.labels({ path: 'compiled' }), engine: requestStatements.labels({ path: 'engine' }) };

  return {
    registry,
    sources,
    subscriptionStarted(transport) {
      activeSubscriptions.inc({ transport });
    },
    statement(seconds, compiled) {
      (compiled ? statementsBy.compiled : statementsBy.engine).observe(seconds);
    },
    finished(record) {
      const operation = operations.of(record.operationName, record.operationType ? 'anonymous' : 'none');
      const path = record.compiled ? 'compiled' : 'engine';
      const outcome = record.errorCodes || record.status >= 400 ? 'error' : 'ok';
      requestsBy(operation, record.operationType ?? 'none', path, record.transport, outcome).inc();
      if (record.statements > 0) requestStatementsBy[path].inc(record.statements);
      if (record.streaming) activeSubscriptions.dec({ transport: record.transport });
      else durationsBy(operation, path, outcome).observe(record.durationMs / 1000);
      if (!record.errorCodes) return;
      for (const code of record.errorCodes) {
        errors.inc({ code: codes.of(code, 'none') });
        const refusal = REFUSALS[code];
        if (refusal) refusals.inc({ reason: refusal });
      }
    },
  };
}
