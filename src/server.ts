import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, isAsyncIterable, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { useCredentialCache } from './auth/credential-cache.js';
import { useRefusedCredentials } from './auth/refused-credentials.js';
import { createCompiledReads } from './compiled/fast-path.js';
import { createContextFactory, createEventContext, type Context } from './context.js';
import { corsOptions, NO_CROSS_ORIGIN, varyOnOrigin, type CorsPolicy } from './http/cors.js';
import type { SignInSettings } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { maskError, withInputCodes } from './errors.js';
import { createClientConcurrency, type ConcurrencyOptions } from './limits/concurrency-plugin.js';
import { withDeadline } from './limits/request-deadline.js';
import { createRateLimits, type RateLimitOptions } from './limits/rate-limit-plugin.js';
import { createCostGuard } from './limits/guard.js';
import { DEFAULT_LIMITS, type QueryLimits } from './limits/limits.js';
import { useQueryLimits } from './limits/plugin.js';
import { useJsonParameterErrors } from './http/http-params.js';
import { isValueEchoingVariableError, variableErrorsWithoutValues } from './http/variable-errors.js';
import { useGraphQLSSEEndpoint } from './http/graphql-sse.js';
import { useStorableTextInput } from './http/input-text.js';
import { useSubscriptionRootRule } from './http/subscription-root.js';
import { useMultipartSubscriptions } from './http/multipart-subscriptions.js';
import { playgroundNewTabQuery, playgroundTabs, renderPlayground } from './http/playground.js';
import { useIntrospectionGate } from './http/production.js';
import { PersistedDocuments, usePersistedDocuments, type PersistedDocumentsOptions } from './http/persisted.js';
import { playgroundHeadersFor, playgroundPageHeaders } from './http/playground-session.js';
import { useOidcRoutes } from './http/oidc-routes.js';
import { useFreshContextPerEvent } from './realtime/fresh-context.js';
import { useSseEventIds } from './http/sse-event-ids.js';
import type { Realtime } from './realtime/index.js';
import { schema } from './schema/index.js';
import { ConnectionDrain } from './http/shutdown.js';
import { attachGraphQLWebSockets, type WebSocketTransport } from './http/websocket.js';
import { withFrontDoor, type FrontDoor } from './http/front-door.js';
import { tracingPlugins, withRequestSpans } from './observe/trace.js';
import { useHealth, useMetricsEndpoint } from './observe/endpoints.js';
import { errorLogger, logger as processLogger, type Logger } from './observe/logger.js';
import { createMetrics, type GatewayMetrics } from './observe/metrics.js';
import { createRequestObserver, observeNodeRequest, type RequestObserver } from './observe/observer.js';
import { useRequestRecords } from './observe/plugin.js';
import { useFileDownloads } from './files/download.js';
import type { FilesOptions } from './files/service.js';
import { MAX_FILES_PER_REQUEST, MULTIPART_OVERHEAD_BYTES, useStreamingUploads } from './files/upload-request.js';

export interface GatewayOptions {
  handle: DatabaseHandle;
  /** Access-log lines and unexpected errors (src/observe/); default the process logger. */
  logger?: Logger;
  /** Where unexpected errors go; their details never reach the client. Default: logged once with their stack. */
  logError?: (error: unknown) => void;
  /**
   * Prometheus metrics (src/observe/metrics.ts); default on, served at /metrics to loopback clients.
   * `token`: a bearer token anyone may read them with; `endpoint: false`: not on this server (METRICS_PORT).
   */
  metrics?: { token?: string; endpoint?: boolean } | false;
  /** Reuse accepted credentials this long without a lookup (0: look every token up). */
  authCacheTtlMs?: number;
  /** Headers GraphiQL opens with, e.g. a demo user's session (only on a page addressed to a loopback host: src/http/playground-session.ts). */
  playgroundHeaders?: Record<string, string>;
  /** Events for subscriptions (src/realtime/); without it subscriptions answer an error. */
  realtime?: Realtime;
  /** Answer validated reads with one compiled statement (src/compiled/); default on. */
  compiledReads?: boolean;
  /** Serve GraphiQL to browsers on GET /graphql; default on (config: off in production unless GRAPHIQL=true). */
  graphiql?: boolean;
  /** Answer introspection to anyone; default on (config: off in production unless INTROSPECTION=true). */
  introspection?: boolean;
  /** Which browser origins may call (CORS_ORIGINS, src/http/cors.ts); default none. */
  cors?: CorsPolicy;
  /** Token-bucket rate limits (src/limits/); off when not given (tests, benchmarks in process). */
  rateLimits?: RateLimitOptions | null;
  /** Requests of one client running at once, with a short queue (src/limits/concurrency.ts); off when not given. */
  concurrency?: ConcurrencyOptions | null;
  /** What one request may ask for (src/limits/); default DEFAULT_LIMITS. */
  limits?: QueryLimits;
  /** Memory in bytes for compiled documents and their statements; default config.ts DEFAULT_CACHE_MB. */
  compiledCache?: { templateBytes?: number; statementBytes?: number };
  /** Automatic persisted queries and a manifest of persisted documents (src/http/persisted.ts); APQ on by default. */
  persisted?: PersistedDocumentsOptions;
  /** Sign-in providers (config SignInSettings): sealing client secrets, the OIDC routes' return URLs; absent: no OIDC sign-in. */
  signIn?: SignInSettings;
  /** The key integration connections' credentials are sealed with (INTEGRATION_SECRET_KEY); absent: none can be stored. */
  integrationSecretKey?: Buffer | null;
  /** Heartbeat interval of multipart subscription streams (src/http/multipart-subscriptions.ts); default 5 s as Apollo Router. */
  multipartHeartbeatMs?: number;
  /** File storage and limits (src/files/): uploadFile and GET /files/<id>; without it uploads are refused and /files answers 404. */
  files?: FilesOptions | null;
}

export type Yoga = YogaServerInstance<Record<string, unknown>, Context>;

/**
 * What listen() serves of each app besides yoga: its compiled front door (src/http/front-door.ts),
 * and what GraphQL over WebSocket needs (its limits, gates, persisted documents).
 */
const servedBeside = new WeakMap<Yoga, { door: FrontDoor | null; webSocket: WebSocketTransport; observer: RequestObserver }>();

/** The metrics of a gateway made by createYogaApp (null: off), e.g. to serve them on a port of their own. */
export const metricsOf = (yoga: Yoga): GatewayMetrics | null => servedBeside.get(yoga)?.observer.metrics ?? null;

/** Variable errors come back from execution without a code; they get BAD_USER_INPUT, and lose the values graphql-js quotes in them. */
const codeInputErrors: Plugin = {
  onExecute: ({ args }) => ({
    onExecuteDone: ({ result, setResult }) => {
      if (isAsyncIterable(result)) return;
      const echoing = result.errors?.filter(isValueEchoingVariableError) ?? [];
      const safe = echoing.length > 0 ? variableErrorsWithoutValues(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>) : null;
      setResult(withInputCodes(safe ? { ...result, errors: [...result.errors!.filter((error) => !echoing.includes(error)), ...safe] } : result));
    },
  }),
};

/** The GraphQL HTTP handler: schema, per-request context, error masking, health and readiness. */
export function createYogaApp({ handle, logger = processLogger(), logError = errorLogger(logger), metrics: metricsOptions = {}, authCacheTtlMs = 0, playgroundHeaders, realtime, compiledReads = true, graphiql = true, introspection = true, cors = NO_CROSS_ORIGIN, rateLimits, concurrency, limits = DEFAULT_LIMITS, compiledCache = {}, persisted: persistedOptions, multipartHeartbeatMs, signIn, integrationSecretKey, files }: GatewayOptions): Yoga {
  useCredentialCache(handle.db, authCacheTtlMs);
  // One judge of cost for both paths: the engine's validation and compiled reads.
  const costGuard = createCostGuard(schema, limits);
  const persisted = new PersistedDocuments(persistedOptions);
  const mask = (error: unknown) => maskError(error, logError, handle.retryAfterSeconds);
  const metrics = metricsOptions ? createMetrics() : null;
  const observer = createRequestObserver(logger, metrics);
  // The gates every request passes first, in yoga's plugins and at the front door alike.
  const rateLimiting = rateLimits ? createRateLimits(handle.db, schema, rateLimits) : null;
  const clientSlots = concurrency && concurrency.perClient > 0 ? createClientConcurrency(handle.db, concurrency) : null;
  const gates = [rateLimiting, clientSlots].flatMap((limit) => (limit ? [limit.gate] : []));
  // What a multipart upload may add to the body limit: one file and its part headers (README "Files").
  const uploadBytes = files ? files.maxBytes * MAX_FILES_PER_REQUEST + MULTIPART_OVERHEAD_BYTES : 0;
  const reads = compiledReads
    ? createCompiledReads({ handle, schema, logError, costGuard, persisted, templateCacheBytes: compiledCache.templateBytes, statementCacheBytes: compiledCache.statementBytes })
    : null;
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: createContextFactory({ db: handle.db, realtime: realtime?.hub, signIn, integrationSecretKey: integrationSecretKey ?? null, files: files ?? undefined }),
    graphqlEndpoint: '/graphql',
    // yoga's own check (an empty body) matches the end of the URL, which never holds a raw NUL: /health is useHealth's.
    healthCheckEndpoint: '\u0000',
    landingPage: false,
    // yoga's own body limit (25,000,000 by default) stays behind ours (src/limits/plugin.ts), which answers first with its code.
    maxRequestBodySize: limits.bodyBytes + uploadBytes,
    // GraphQL over HTTP's persisted documents name theirs with `documentId` (src/http/persisted.ts).
    extraParamNames: ['documentId'],
    cors: corsOptions(cors),
    maskedErrors: { maskError: mask },
    // maskError logs what is unexpected; yoga would also log every client error it rewrites.
    logging: { debug: () => undefined, info: () => undefined, warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }, 'yoga warning'), error: () => undefined },
    graphiql: graphiql && ((request) => {
      const headers = playgroundHeadersFor(request, playgroundHeaders);
      return {
        title: 'Workspace GraphQL gateway',
        defaultTabs: playgroundTabs(headers),
        defaultQuery: playgroundNewTabQuery,
        headers,
        // Subscriptions as text/event-stream on /graphql, the transport every client here shares.
        subscriptionsProtocol: 'SSE',
      };
    }),
    renderGraphiQL: renderPlayground,
    plugins: [
      // Probes first: never limited, never logged.
      useHealth(handle, realtime && (() => realtime.listener.listening)),
      ...(metrics && metricsOptions && metricsOptions.endpoint !== false ? [useMetricsEndpoint(metrics.registry, { token: metricsOptions.token })] : []),
      // Spans for parse, validate and execute, around every other plugin's hooks (none when tracing is off).
      ...tracingPlugins(),
      // Then every request gets its record (access log, metrics), the gates' refusals included.
      useRequestRecords(observer),
      // First, so every request is counted once, the compiled fast path's included.
      ...(rateLimiting ? [rateLimiting.plugin] : []),
      // Then a slot among the client's few running requests, held until its answer starts, the compiled path's included.
      ...(clientSlots ? [clientSlots.plugin] : []),
      // Sign-in with OpenID Connect (/auth/oidc/…), behind the gates above like every request.
      useOidcRoutes({ db: handle.db, settings: signIn, logger }),
      // GET /files/<id>: past the gates above, like any request; never a GraphQL request.
      ...(files ? [useFileDownloads(handle.db, files)] : []),
      // Then a document sent by id or hash is looked up, so that the limits below judge it like any other.
      ...usePersistedDocuments(persisted),
      // Then the query limits: an oversized or too costly request is refused before anything reads it further.
      // A multipart upload's body may be larger by one file (and its part headers).
      ...useQueryLimits({ schema, limits, guard: costGuard, uploadBytes }),
      // multipart/form-data: parsed as it streams, each file read by its resolver (yoga's parser would buffer it).
      useStreamingUploads({ fieldBytes: limits.bodyBytes }),
      useJsonParameterErrors(),
      // Before compiled reads, so a document refused for a NUL never becomes a template.
      useStorableTextInput(),
      useSubscriptionRootRule(),
      // Refused credentials (invalid, expired, revoked) answer UNAUTHENTICATED with HTTP 401, never anonymous data.
      useRefusedCredentials(),
      // Without INTROSPECTION (production), `__schema`/`__type` only for holders of api.introspect.
      useIntrospectionGate(introspection),
      varyOnOrigin,
      playgroundPageHeaders,
      // Reads the normal engine has validated once are answered by one compiled statement.
      ...(reads ? [reads.plugin] : []),
      codeInputErrors,
      // Subscriptions: SSE on /graphql (graphql-sse "distinct connections"), graphql-sse single connection on /graphql/stream.
      ...useGraphQLSSEEndpoint('/graphql/stream'),
      // yoga's SSE on /graphql, with each event's cursor as its `id:` (Last-Event-ID resumes).
      useSseEventIds(),
      // Apollo Client's transport: multipart/mixed with subscriptionSpec on POST /graphql.
      useMultipartSubscriptions({ heartbeatMs: multipartHeartbeatMs }),
      useFreshContextPerEvent<Context>(createEventContext),
    ],
  });
  if (metrics) {
    handle.onStatement = metrics.statement;
    metrics.sources.pools = () => handle.poolStats();
    if (reads) metrics.sources.compiledCache = reads.stats;
    if (realtime) {
      metrics.sources.hub = () => realtime.hub.stats();
      metrics.sources.listener = () => ({ listening: realtime.listener.listening, reconnects: realtime.listener.reconnects });
    }
  }
  servedBeside.set(yoga, {
    door: reads && { reads, gates, cors, maxBodyBytes: limits.bodyBytes },
    // GraphQL over WebSocket passes the same gates, in the same order, per operation.
    webSocket: { yoga, db: handle.db, persisted, limits, gates, maskError: mask, observer },
    observer,
  });
  return yoga;
}

export interface RunningGateway {
  server: Server;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves (tests: idle connections go at once). */
  close(): Promise<void>;
  /** Graceful stop (SIGTERM): answers every request received, with `Connection: close` (src/http/shutdown.ts); WebSockets are closed with 1001. */
  shutdown(timeoutMs: number): Promise<{ forced: number }>;
}

/** Node's server limits; unset ones keep node's defaults (60 s, 300 s, 5 s). */
export interface ServerLimits {
  /** Receiving the request headers. */
  headersTimeoutMs?: number;
  /** Receiving the whole request (a slow body is cut, 408), and the deadline to answer it (src/limits/request-deadline.ts). */
  requestTimeoutMs?: number;
  /** Keeping an idle keep-alive connection. */
  keepAliveTimeoutMs?: number;
}

export async function listen(yoga: Yoga, port: number, host: string, limits: ServerLimits = {}): Promise<RunningGateway> {
  const beside = servedBeside.get(yoga);
  const door = beside?.door;
  const handler = withRequestSpans(withDeadline(door ? withFrontDoor(yoga, door) : yoga, limits.requestTimeoutMs ?? 0));
  const observer = beside?.observer;
  // Node checks the header and request timeouts this often (its default, 30 s, would let a slow body stay far longer).
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    drain.track(req, res);
    if (observer) observeNodeRequest(observer, req, res);
    handler(req, res);
  });
  const drain = new ConnectionDrain(server);
  // GraphQL over WebSocket on the same path (src/http/websocket.ts), for a gateway made by createYogaApp.
  const webSockets = beside ? attachGraphQLWebSockets(server, beside.webSocket) : null;
  if (limits.requestTimeoutMs !== undefined) server.requestTimeout = limits.requestTimeoutMs;
  // Node refuses a headers timeout longer than the request timeout.
  if (limits.headersTimeoutMs !== undefined) server.headersTimeout = server.requestTimeout > 0 ? Math.min(limits.headersTimeoutMs, server.requestTimeout) : limits.headersTimeoutMs;
  if (limits.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}/graphql`,
    close: async () => {
      await webSockets?.terminate();
      await new Promise<void>((resolve) => {
        // Idle keep-alive sockets would hold close() open; busy ones finish their response first
        // and are closed once idle (e.g. an event stream that ended because its subscription did).
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
    shutdown: (timeoutMs) => {
      const drained = drain.shutdown(timeoutMs);
      // A WebSocket is never idle for the drain: it is told to go away (1001), its subscriptions end.
      webSockets?.close();
      return drained;
    },
  };
}
