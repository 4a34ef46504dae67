import { parseSecretKey } from './secrets.js';
import { workerCount } from './cluster.js';
import { parseCorsOrigins, type CorsPolicy } from './http/cors.js';
import type { ConcurrencyOptions } from './limits/concurrency-plugin.js';
import type { RateLimitOptions } from './limits/rate-limit-plugin.js';
import { DEFAULT_LIMITS, type QueryLimits } from './limits/limits.js';
import { logLevel, type LogLevel } from './observe/logger.js';
import { DEFAULT_BUFFER_LIMIT } from './realtime/hub.js';
import type { S3Options } from './files/s3-storage.js';

/** Every setting the gateway reads from the environment, parsed once. */
export interface Config {
  port: number;
  host: string;
  /** A real PostgreSQL; without it the gateway runs on embedded PGlite. */
  databaseUrl: string | undefined;
  /** `transaction`: DATABASE_URL is a pooler in transaction mode, e.g. PgBouncer (DATABASE_POOLER; see client.ts). */
  databasePooler: DatabasePooler;
  /** Where the LISTEN connection goes (DATABASE_LISTEN_URL): PostgreSQL itself when DATABASE_URL is a pooler. */
  databaseListenUrl: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory. */
  pgliteDataDir: string;
  /** Where the migrated template of new embedded databases is kept (src/db/pglite-template.ts; unset: the package's node_modules/.cache); null: none, initdb each time. */
  pgliteTemplateCache: string | null | undefined;
  poolSize: number;
  statementTimeoutMs: number;
  /** How long opening a connection, or waiting for a free one of the pool, may take before the request fails. */
  connectTimeoutMs: number;
  /** Client-side bound on one statement (a dead network never answers); above the statement timeout. */
  queryTimeoutMs: number;
  /** The Retry-After (seconds) of a DATABASE_UNAVAILABLE / DATABASE_TIMEOUT answer. */
  retryAfterSeconds: number;
  migrateOnStart: boolean;
  seedOnStart: boolean;
  logQueries: boolean;
  /** How long accepted credentials are reused without a lookup; 0 looks every token up. */
  authCacheTtlMs: number;
  /** Events one subscription may hold unread before it ends with SUBSCRIBER_TOO_SLOW (SUBSCRIPTION_BUFFER_LIMIT). */
  subscriptionBufferLimit: number;
  /** A demo user whose session the playground opens with (empty: anonymous); never in production. */
  playgroundUser: string;
  /** Answer validated reads with one compiled statement (src/compiled/). */
  compiledReads: boolean;
  /** Memory for compiled documents and for their statements (COMPILED_TEMPLATE_CACHE_MB, COMPILED_STATEMENT_CACHE_MB). */
  compiledCache: { templateBytes: number; statementBytes: number };
  /** Persisted documents (src/http/persisted.ts): APQ memory (APQ_CACHE_MB, 0: off), manifest path, trusted documents only. */
  persisted: { apqBytes: number; manifestPath: string | undefined; only: boolean };
  /** NODE_ENV=production: the three switches below default to off. */
  production: boolean;
  /** Serve GraphiQL on GET /graphql to browsers (GRAPHIQL). */
  graphiql: boolean;
  /** Answer introspection to anyone (INTROSPECTION); when off, only to holders of `api.introspect`. */
  introspection: boolean;
  /** Load the demo people, organizations and messages along with the base data (SEED_DEMO). */
  seedDemo: boolean;
  /** The first platform administrator, created by the seeds if absent (ADMIN_USER_EMAIL); none when unset. */
  adminUserEmail: string | undefined;
  /** That administrator's first password (ADMIN_USER_PASSWORD); unset: a random one is printed once. */
  adminUserPassword: string | undefined;
  /** Browser origins allowed to call (CORS_ORIGINS; default loopback in development, none in production). */
  cors: CorsPolicy;
  /** Token buckets per client address, viewer, password operation and refused credentials; null: off. */
  rateLimits: RateLimitOptions | null;
  /** Requests of one client (viewer, else address) running at once, and its queue; null: off. */
  concurrency: ConcurrencyOptions | null;
  /** Node's server limits: receive the headers, receive the whole request, keep an idle connection. */
  headersTimeoutMs: number;
  /** Also the deadline for answering a request (a coded error after it; event streams excepted). */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** On SIGTERM/SIGINT: how long requests already received get before the connections are closed. */
  shutdownTimeoutMs: number;
  /** Gateway processes sharing the port (WORKERS; src/cluster.ts). */
  workers: number;
  /** What one request may ask for before it runs (src/limits/, README "Limits"). */
  limits: QueryLimits;
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent. */
  logLevel: LogLevel;
  /**
   * Prometheus metrics (METRICS, default on): on the main port to loopback clients only, unless
   * METRICS_TOKEN is set (then a bearer token from anyone) or METRICS_PORT serves them on a port of their own.
   */
  metrics: { enabled: boolean; token: string | undefined; port: number | undefined };
  /** OpenTelemetry traces over OTLP/HTTP (src/observe/trace.ts); null: off, nothing of OpenTelemetry loaded. */
  tracing: TracingConfig | null;
  /** Sign-in providers (src/auth/oidc/): the key client secrets are sealed with, the public URL, where browsers may return to. */
  signIn: SignInSettings;
  /** INTEGRATION_SECRET_KEY (32 bytes): seals integration connections' credentials (src/secrets.ts); null: none can be stored. */
  integrationSecretKey: Buffer | null;
  /** Mail (src/mail/) and password reset links: MAIL_SENDER, MAIL_FROM, SMTP_URL, PASSWORD_RESET_URL, PASSWORD_RESET_TTL_MINUTES, MAIL_*. */
  mail: MailConfig;
  /** The realtime event log's retention (src/realtime/retention.ts): EVENT_LOG_RETENTION_HOURS, EVENT_LOG_MAX_ROWS, EVENT_LOG_CLEANUP_INTERVAL_MS. */
  eventLog: { maxAgeHours: number; maxRows: number; intervalMs: number };
  /** File bodies (src/files/): FILES_STORAGE, FILES_DIR, FILES_MAX_BYTES, FILES_ALLOWED_TYPES, FILES_S3_*. */
  files: FilesConfig;
}

export interface FilesConfig {
  /** `local`: FILES_DIR on this machine; `s3`: an S3-compatible bucket. */
  storage: 'local' | 's3';
  dir: string;
  maxBytes: number;
  /** Media types accepted, exact or `type/*`; empty: any. */
  allowedTypes: string[];
  s3: S3Options | null;
}

export interface MailConfig {
  /** `console` writes mail to the log (development); `smtp` delivers to SMTP_URL. */
  sender: 'console' | 'smtp';
  from: string;
  smtpUrl: string | undefined;
  /** The page of the client application that takes a reset token: the mail links to `<url>?token=<token>`. */
  passwordResetUrl: string;
  passwordResetTtlMinutes: number;
  intervalMs: number;
  maxAttempts: number;
  backoffMs: number;
}

function mail(env: NodeJS.ProcessEnv): MailConfig {
  const sender = (env.MAIL_SENDER?.trim().toLowerCase() || 'console') as MailConfig['sender'];
  if (!['console', 'smtp'].includes(sender)) throw new Error(`MAIL_SENDER must be console or smtp, got "${env.MAIL_SENDER}"`);
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (sender === 'smtp' && !smtpUrl) throw new Error('MAIL_SENDER=smtp needs SMTP_URL (smtp://user:password@host:587)');
  const passwordResetUrl = env.PASSWORD_RESET_URL?.trim() || 'http://localhost:3000/reset-password';
  if (!URL.canParse(passwordResetUrl) || !/^https?:$/.test(new URL(passwordResetUrl).protocol)) throw new Error(`PASSWORD_RESET_URL must be an http(s) URL, got "${passwordResetUrl}"`);
  return {
    sender,
    from: env.MAIL_FROM?.trim() || 'Gateway <no-reply@localhost>',
    smtpUrl,
    passwordResetUrl,
    passwordResetTtlMinutes: positive('PASSWORD_RESET_TTL_MINUTES', 30, env),
    intervalMs: Math.max(100, integer('MAIL_POLL_INTERVAL_MS', 5_000, env)),
    maxAttempts: positive('MAIL_MAX_ATTEMPTS', 5, env),
    backoffMs: integer('MAIL_RETRY_BACKOFF_MS', 30_000, env),
  };
}

/** The standard OTEL_TRACES_SAMPLER values (the SDK's own names). */
export const TRACE_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

export interface TracingConfig {
  /** Where spans go (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces); the exporter reads its other OTEL_EXPORTER_OTLP_* (headers, timeout) itself. */
  endpoint: string;
  serviceName: string;
  sampler: (typeof TRACE_SAMPLERS)[number];
  /** The ratio of the traceidratio samplers (OTEL_TRACES_SAMPLER_ARG, 0 to 1). */
  samplerRatio: number;
}

export interface SignInSettings {
  /** AUTH_PROVIDER_SECRET_KEY (32 bytes): encrypts OIDC client secrets and the sign-in state cookie; null: no OIDC sign-in. */
  secretKey: Buffer | null;
  /** OIDC_PUBLIC_URL: the gateway's origin as browsers reach it (callbacks go to <url>/auth/oidc/<key>/callback); unset: the request's own. */
  publicUrl: string | undefined;
  /** OIDC_RETURN_URLS: where a finished sign-in may send the browser (exact origin, path prefix); the first is the default. */
  returnUrls: string[];
}

/** An absolute http(s) URL, or the start stops with the variable's name. */
function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must hold absolute http(s) URLs, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must hold absolute http(s) URLs, got "${raw}"`);
  if (url.username || url.password || url.hash) throw new Error(`${name} must not hold credentials or a fragment: "${raw}"`);
  return url;
}

function signIn(env: NodeJS.ProcessEnv): SignInSettings {
  const publicUrl = env.OIDC_PUBLIC_URL?.trim() ? httpUrl('OIDC_PUBLIC_URL', env.OIDC_PUBLIC_URL.trim()).origin : undefined;
  const returnUrls = (env.OIDC_RETURN_URLS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => httpUrl('OIDC_RETURN_URLS', entry).href);
  return { secretKey: parseSecretKey(env.AUTH_PROVIDER_SECRET_KEY, 'AUTH_PROVIDER_SECRET_KEY'), publicUrl, returnUrls };
}

/** What sits between the gateway's pools and PostgreSQL: nothing, or a pooler that hands out a connection per transaction. */
export type DatabasePooler = 'none' | 'transaction';

/** DATABASE_POOLER and DATABASE_LISTEN_URL; behind a transaction pooler LISTEN needs a connection of its own that stays its own. */
function databaseConnections(env: NodeJS.ProcessEnv): Pick<Config, 'databaseUrl' | 'databasePooler' | 'databaseListenUrl'> {
  const databaseUrl = env.DATABASE_URL || undefined;
  const pooler = (env.DATABASE_POOLER?.toLowerCase() || 'none') as DatabasePooler;
  if (!['none', 'transaction'].includes(pooler)) throw new Error(`DATABASE_POOLER must be none or transaction, got "${env.DATABASE_POOLER}"`);
  const databaseListenUrl = env.DATABASE_LISTEN_URL || databaseUrl;
  if (pooler === 'transaction' && databaseUrl && !env.DATABASE_LISTEN_URL) {
    // A LISTEN through a transaction pooler succeeds, then its server connection serves other clients and the events are lost.
    throw new Error('DATABASE_POOLER=transaction needs DATABASE_LISTEN_URL: a URL of PostgreSQL itself (or of a session-mode pool) for the LISTEN connection');
  }
  return { databaseUrl, databasePooler: pooler, databaseListenUrl };
}

/** Defaults shared with callers that open a database without a Config (tests, scripts). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

export const MIB = 1024 * 1024;
/** Memory for compiled documents, their statements, and APQ documents, in MiB (src/compiled/fast-path.ts, src/http/persisted.ts). */
export const DEFAULT_CACHE_MB = { compiledTemplates: 128, compiledStatements: 64, apq: 16 };

function positive(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = integer(name, fallback, env);
  if (value === 0) throw new Error(`${name} must be at least 1`);
  return value;
}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function flag(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** One token bucket from RATE_LIMIT_<NAME>_BURST and _PER_MINUTE. */
function bucket(name: string, burst: number, perMinute: number, env: NodeJS.ProcessEnv) {
  return { burst: integer(`RATE_LIMIT_${name}_BURST`, burst, env), perMinute: integer(`RATE_LIMIT_${name}_PER_MINUTE`, perMinute, env) };
}

function rateLimits(env: NodeJS.ProcessEnv): RateLimitOptions | null {
  if (!flag('RATE_LIMITS', true, env)) return null;
  return {
    address: bucket('ADDRESS', 600, 6_000, env),
    viewer: bucket('VIEWER', 300, 3_000, env),
    password: bucket('PASSWORD', 20, 10, env),
    refusedCredentials: bucket('REFUSED_CREDENTIALS', 20, 10, env),
    maxBuckets: integer('RATE_LIMIT_MAX_BUCKETS', 100_000, env),
    exemptLoopback: !flag('RATE_LIMIT_LOOPBACK', false, env),
    trustProxy: integer('TRUST_PROXY', 0, env),
  };
}

function concurrency(env: NodeJS.ProcessEnv): ConcurrencyOptions | null {
  const perClient = integer('LIMIT_CLIENT_CONCURRENCY', 4, env);
  if (perClient === 0) return null;
  return { perClient, queue: integer('LIMIT_CLIENT_QUEUE', 32, env), maxWaitMs: integer('LIMIT_CLIENT_QUEUE_WAIT_MS', 5_000, env), trustProxy: integer('TRUST_PROXY', 0, env), exemptLoopback: !flag('RATE_LIMIT_LOOPBACK', false, env) };
}

/** On when an OTLP endpoint is set, unless OTEL_SDK_DISABLED; a wrong sampler stops the start (the SDK would fall back silently). */
function tracing(env: NodeJS.ProcessEnv): TracingConfig | null {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if ((!traces && !base) || flag('OTEL_SDK_DISABLED', false, env)) return null;
  const sampler = (env.OTEL_TRACES_SAMPLER?.trim().toLowerCase() || 'parentbased_always_on') as TracingConfig['sampler'];
  if (!TRACE_SAMPLERS.includes(sampler)) throw new Error(`OTEL_TRACES_SAMPLER must be one of ${TRACE_SAMPLERS.join(', ')}, got "${env.OTEL_TRACES_SAMPLER}"`);
  const rawRatio = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  const samplerRatio = rawRatio ? Number(rawRatio) : 1;
  if (!(samplerRatio >= 0 && samplerRatio <= 1)) throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "${rawRatio}"`);
  return {
    endpoint: traces || `${base!.replace(/\/+$/, '')}/v1/traces`,
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'pg-graphql-gateway',
    sampler,
    samplerRatio,
  };
}

/** WORKERS (src/cluster.ts): processes sharing the port; an embedded database lives in one process only. */
function clusterWorkers(env: NodeJS.ProcessEnv): number {
  const workers = workerCount(env.WORKERS);
  if (workers > 1 && !env.DATABASE_URL) throw new Error('WORKERS above 1 needs DATABASE_URL: the embedded database (PGlite) lives in one process');
  return workers;
}

/** The largest file FILES_MAX_BYTES may allow (File.sizeBytes is exact up to 2^53; 5 GiB is S3's largest single object PUT). */
export const FILES_MAX_BYTES_CEILING = 5 * 1024 ** 3;

/**
 * FILES_*. Local files default to a directory beside the embedded database's (PGLITE_DATA_DIR
 * ./.data -> ./.data-files): PGlite's own directory must hold a database and nothing else (a new
 * one is only made in an empty directory); with `memory://` they go to ./.data-files too.
 */
function files(env: NodeJS.ProcessEnv, pgliteDataDir: string): FilesConfig {
  const storage = (env.FILES_STORAGE?.trim().toLowerCase() || 'local') as FilesConfig['storage'];
  if (storage !== 'local' && storage !== 's3') throw new Error(`FILES_STORAGE must be local or s3, got "${env.FILES_STORAGE}"`);
  const maxBytes = positive('FILES_MAX_BYTES', 25 * MIB, env);
  if (maxBytes > FILES_MAX_BYTES_CEILING) throw new Error(`FILES_MAX_BYTES must be at most ${FILES_MAX_BYTES_CEILING} (5 GiB)`);
  const allowedTypes = (env.FILES_ALLOWED_TYPES ?? '')
    .split(',')
    .map((type) => type.trim().toLowerCase())
    .filter(Boolean);
  for (const type of allowedTypes) if (!/^([a-z0-9][a-z0-9!#$&^_.+-]*|\*)\/([a-z0-9][a-z0-9!#$&^_.+-]*|\*)$/.test(type)) throw new Error(`FILES_ALLOWED_TYPES: "${type}" is not a media type such as image/png or image/*`);
  const embedded = /^[a-z][a-z0-9+.-]*:\/\//i.test(pgliteDataDir) && !pgliteDataDir.startsWith('file://') ? './.data' : pgliteDataDir.replace(/^file:\/\//, '');
  const dir = env.FILES_DIR?.trim() || `${embedded.replace(/\/+$/, '')}-files`;
  let s3: S3Options | null = null;
  if (storage === 's3') {
    const required = ['FILES_S3_ENDPOINT', 'FILES_S3_BUCKET', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]?.trim());
    if (required.length > 0) throw new Error(`FILES_STORAGE=s3 needs ${required.join(', ')}`);
    s3 = {
      endpoint: env.FILES_S3_ENDPOINT!.trim(),
      bucket: env.FILES_S3_BUCKET!.trim(),
      region: env.FILES_S3_REGION?.trim() || 'us-east-1',
      accessKeyId: env.FILES_S3_ACCESS_KEY_ID!.trim(),
      secretAccessKey: env.FILES_S3_SECRET_ACCESS_KEY!,
    };
  }
  return { storage, dir, maxBytes, allowedTypes, s3 };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const statementTimeoutMs = integer('DATABASE_STATEMENT_TIMEOUT_MS', 15_000, env);
  const pgliteDataDir = env.PGLITE_DATA_DIR || './.data';
  return {
    port: integer('PORT', 4000, env),
    // Development listens on loopback only (the playground may carry a demo session); production on every interface.
    host: env.HOST || (env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    ...databaseConnections(env),
    pgliteDataDir,
    pgliteTemplateCache: env.PGLITE_TEMPLATE_CACHE === 'off' ? null : env.PGLITE_TEMPLATE_CACHE || undefined,
    poolSize: integer('DATABASE_POOL_SIZE', 10, env),
    statementTimeoutMs,
    connectTimeoutMs: integer('DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_CONNECT_TIMEOUT_MS, env),
    // The server's statement_timeout answers first; this catches a connection that went silent.
    queryTimeoutMs: integer('DATABASE_QUERY_TIMEOUT_MS', statementTimeoutMs + 5_000, env),
    retryAfterSeconds: integer('DATABASE_RETRY_AFTER_SECONDS', DEFAULT_RETRY_AFTER_SECONDS, env),
    migrateOnStart: flag('MIGRATE_ON_START', true, env),
    seedOnStart: flag('SEED_ON_START', true, env),
    logQueries: flag('LOG_QUERIES', false, env),
    authCacheTtlMs: integer('AUTH_CACHE_TTL_MS', 5_000, env),
    subscriptionBufferLimit: positive('SUBSCRIPTION_BUFFER_LIMIT', DEFAULT_BUFFER_LIMIT, env),
    playgroundUser: env.NODE_ENV === 'production' ? '' : (env.PLAYGROUND_USER ?? 'alice@example.com'),
    compiledReads: flag('COMPILED_READS', true, env),
    compiledCache: { templateBytes: integer('COMPILED_TEMPLATE_CACHE_MB', DEFAULT_CACHE_MB.compiledTemplates, env) * MIB, statementBytes: integer('COMPILED_STATEMENT_CACHE_MB', DEFAULT_CACHE_MB.compiledStatements, env) * MIB },
    persisted: { apqBytes: integer('APQ_CACHE_MB', DEFAULT_CACHE_MB.apq, env) * MIB, manifestPath: env.PERSISTED_DOCUMENTS || undefined, only: flag('PERSISTED_DOCUMENTS_ONLY', false, env) },
    production: env.NODE_ENV === 'production',
    graphiql: flag('GRAPHIQL', env.NODE_ENV !== 'production', env),
    introspection: flag('INTROSPECTION', env.NODE_ENV !== 'production', env),
    seedDemo: flag('SEED_DEMO', env.NODE_ENV !== 'production', env),
    adminUserEmail: env.ADMIN_USER_EMAIL?.trim() || undefined,
    adminUserPassword: env.ADMIN_USER_PASSWORD || undefined,
    cors: parseCorsOrigins(env.CORS_ORIGINS, env.NODE_ENV === 'production'),
    rateLimits: rateLimits(env),
    concurrency: concurrency(env),
    headersTimeoutMs: integer('HEADERS_TIMEOUT_MS', 10_000, env),
    requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 30_000, env),
    keepAliveTimeoutMs: integer('KEEP_ALIVE_TIMEOUT_MS', 5_000, env),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, env),
    workers: clusterWorkers(env),
    mail: mail(env),
    eventLog: {
      maxAgeHours: integer('EVENT_LOG_RETENTION_HOURS', 24, env),
      maxRows: integer('EVENT_LOG_MAX_ROWS', 1_000_000, env),
      intervalMs: Math.max(1_000, integer('EVENT_LOG_CLEANUP_INTERVAL_MS', 60_000, env)),
    },
    limits: {
      bodyBytes: integer('LIMIT_BODY_BYTES', DEFAULT_LIMITS.bodyBytes, env),
      queryLength: integer('LIMIT_QUERY_LENGTH', DEFAULT_LIMITS.queryLength, env),
      tokens: integer('LIMIT_TOKENS', DEFAULT_LIMITS.tokens, env),
      depth: integer('LIMIT_DEPTH', DEFAULT_LIMITS.depth, env),
      aliases: integer('LIMIT_ALIASES', DEFAULT_LIMITS.aliases, env),
      directives: integer('LIMIT_DIRECTIVES', DEFAULT_LIMITS.directives, env),
      cost: integer('LIMIT_COST', DEFAULT_LIMITS.cost, env),
      passwordHashes: integer('LIMIT_PASSWORD_HASHES', DEFAULT_LIMITS.passwordHashes, env),
    },
    tracing: tracing(env),
    signIn: signIn(env),
    integrationSecretKey: parseSecretKey(env.INTEGRATION_SECRET_KEY, 'INTEGRATION_SECRET_KEY'),
    files: files(env, pgliteDataDir),
    logLevel: logLevel(env.LOG_LEVEL),
    metrics: { enabled: flag('METRICS', true, env), token: env.METRICS_TOKEN || undefined, port: env.METRICS_PORT ? integer('METRICS_PORT', 0, env) : undefined },
  };
}
