import { isClusterWorker, runPrimary, workerId } from './cluster.js';
import { loadConfig, type Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { startFromTemplate } from './db/pglite-template.js';
import { createLogger, logger, setProcessLogger } from './observe/logger.js';

type Steps = ReturnType<typeof startSteps>;

/** How long each start step took, for the `started in` line (`npm run start-time` reads it). */
function startSteps() {
  const done: string[] = [];
  return {
    done,
    async time<T>(name: string, work: () => Promise<T>): Promise<T> {
      const begin = performance.now();
      try {
        return await work();
      } finally {
        done.push(`${name} ${Math.round(performance.now() - begin)}`);
      }
    },
  };
}

/** The modules only the server needs (the schema build, yoga: half of the start), loaded while the database opens. */
async function loadServerModules() {
  const [server, realtime, playgroundSession, persisted, endpoints, files] = await Promise.all([
    import('./server.js'),
    import('./realtime/index.js'),
    import('./http/playground-session.js'),
    import('./http/persisted.js'),
    import('./observe/endpoints.js'),
    import('./files/index.js'),
  ]);
  return { ...server, ...realtime, ...playgroundSession, ...persisted, ...endpoints, ...files };
}

/**
 * The database as the first request needs it: open, migrated, seeded when empty. Its modules load
 * while a new embedded database is copied from the migrated template (when the migrations would run anyway).
 */
async function prepareDatabase(config: Config, steps: Steps): Promise<DatabaseHandle> {
  const dbLog = logger().child({ component: 'db' });
  const cacheDir = config.pgliteTemplateCache;
  const copied =
    !config.databaseUrl && config.migrateOnStart && cacheDir !== null
      ? steps.time('template', () => startFromTemplate(config.pgliteDataDir, { cacheDir, log: (line) => dbLog.info(line) }))
      : undefined;
  const [{ describeDatabase, openConfiguredDatabase, poolerSettingsWarning }, { runMigrations }, { seedEmptyDatabase }] = await Promise.all([
    import('./db/client.js'),
    import('./db/migrate.js'),
    import('./db/seed/start.js'),
  ]);
  // startFromTemplate never rejects: what it cannot do, PGlite's initdb and the migrations do.
  await copied;
  const sqlLog = logger().child({ component: 'sql' });
  const handle = await steps.time('open', () => openConfiguredDatabase(config, config.logQueries ? { logQuery: (query) => sqlLog.info(query) } : undefined));
  dbLog.info(describeDatabase(config));
  const poolerWarning = config.databasePooler === 'transaction' ? await poolerSettingsWarning(handle, config.statementTimeoutMs) : null;
  if (poolerWarning) dbLog.warn(poolerWarning);

  if (config.migrateOnStart) {
    const started = Date.now();
    const applied = await steps.time('migrations', () => runMigrations(handle));
    logger().child({ component: 'migrate' }).info({ applied: applied.length, ms: Date.now() - started }, applied.length > 0 ? `applied ${applied.length} migration(s)` : 'migrations up to date');
  }
  // Base data, and demo data unless NODE_ENV=production (SEED_DEMO), on a database without users.
  const seedLog = logger().child({ component: 'seed' });
  await steps.time('seed', () => seedEmptyDatabase(handle, config, (line) => seedLog.info(line)));
  return handle;
}

/** Waits for both, so neither is left running when the other fails; then the first failure is thrown. */
async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on an empty database, server. */
async function main() {
  // Since the process started: node, the TypeScript loader and the modules above (configuration, template, logger).
  const steps = startSteps();
  steps.done.push(`process and imports ${Math.round(performance.now())}`);
  const config = loadConfig();
  // The one logger of this process: JSON lines in production, readable ones otherwise; a worker's lines say which.
  const processLog = createLogger({ level: config.logLevel, json: config.production });
  setProcessLogger(isClusterWorker() ? processLog.child({ worker: workerId() }) : processLog);
  const log = logger().child({ component: 'gateway' });
  if (config.workers > 1 && !isClusterWorker()) return primary(config, steps);
  // Before anything that makes spans (the database, the server); without an OTLP endpoint nothing is loaded.
  const tracing = config.tracing && (await import('./observe/trace.js'));
  if (config.tracing && tracing) {
    await tracing.startTracing(config.tracing);
    log.info({ endpoint: config.tracing.endpoint, serviceName: config.tracing.serviceName, sampler: config.tracing.sampler }, `tracing: OTLP/HTTP to ${config.tracing.endpoint} as ${config.tracing.serviceName} (${config.tracing.sampler})`);
  }
  const [modules, handle] = await both(steps.time('server modules', loadServerModules), prepareDatabase(config, steps));
  const { createRealtime, createYogaApp, filesFromConfig, LocalFileStorage, listen, metricsOf, persistedOptions, playgroundSessionHeaders, playgroundSessionRefusal, serveMetrics } = modules;
  // A missing or malformed manifest stops the start (the database is closed with the process).
  const persisted = persistedOptions(config.persisted);

  const playgroundSession = { playgroundUser: config.playgroundUser, host: config.host, production: config.production };
  const playgroundHeaders = await playgroundSessionHeaders(handle.db, playgroundSession);
  // The one LISTEN connection of this process, in place before the first subscriber arrives.
  const realtime = createRealtime(handle, { retention: config.eventLog, bufferLimit: config.subscriptionBufferLimit });
  await steps.time('realtime', () => realtime.start());
  logger().child({ component: 'realtime' }).info({ database: handle.kind }, 'LISTEN connected');
  // Mail waiting in the outbox (password reset links) leaves through the configured sender.
  const mailer = await (await import('./mail/mailer.js')).startConfiguredMailer(handle.db, config.mail, logger().child({ component: 'mail' }));
  // METRICS_PORT: /metrics on a port of its own instead of the main one.
  const metrics = config.metrics.enabled ? { token: config.metrics.token, endpoint: config.metrics.port === undefined } : false;
  const files = filesFromConfig(config.files);
  // Bodies a stopped process left half-written (older than a day: no live upload is).
  if (files.storage instanceof LocalFileStorage) void files.storage.clearPartial(86_400_000).then((removed) => removed > 0 && log.info({ removed }, `removed ${removed} half-written upload(s)`), (error: unknown) => log.warn({ err: error }, 'could not clear half-written uploads'));
  const yoga = createYogaApp({ handle, metrics, authCacheTtlMs: config.authCacheTtlMs, playgroundHeaders, realtime, compiledReads: config.compiledReads, compiledCache: config.compiledCache, persisted, graphiql: config.graphiql, introspection: config.introspection, cors: config.cors, rateLimits: config.rateLimits, concurrency: config.concurrency, limits: config.limits, signIn: config.signIn, integrationSecretKey: config.integrationSecretKey, files });
  const gateway = await steps.time('listen', () => listen(yoga, config.port, config.host, config));
  const registry = metricsOf(yoga)?.registry;
  // In a cluster the primary serves METRICS_PORT, summing what each worker's registry answers it.
  if (registry && isClusterWorker()) (await import('./observe/cluster-metrics.js')).answerPrimary(registry);
  const metricsServer = registry && config.metrics.port !== undefined && !isClusterWorker() ? await serveMetrics(registry, config.metrics.port, config.host, { token: config.metrics.token }) : null;
  log.info({ ms: Math.round(performance.now()) }, `started in ${Math.round(performance.now())} ms (${steps.done.join(', ')})`);
  log.info({ url: gateway.url }, `GraphQL ${config.graphiql ? 'playground' : 'endpoint'}: ${gateway.url}`);
  if (metricsServer) log.info({ port: metricsServer.port }, `metrics on port ${metricsServer.port}`);
  if (playgroundHeaders) log.info(`the playground is signed in as ${config.playgroundUser} (demo data; PLAYGROUND_USER= to turn off)`);
  else if (config.playgroundUser) log.info(`the playground is not signed in: ${playgroundSessionRefusal(playgroundSession) ?? `no demo user ${config.playgroundUser}`}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = config.shutdownTimeoutMs;
    log.info({ signal, timeoutMs }, `${signal}: answering the requests already received (at most ${timeoutMs} ms), then stopping`);
    // Whatever hangs (the database), the process ends: at the deadline plus a second for the pool.
    setTimeout(() => {
      log.warn('stopped at the deadline with work unfinished');
      logger().flush();
      process.exit(0);
    }, timeoutMs + 1_000).unref();
    // Stop accepting at once; subscriptions complete, so their streams end like any response.
    const drained = gateway.shutdown(timeoutMs);
    metricsServer?.server.close();
    await realtime.stop().catch((error: unknown) => log.error({ err: error }, 'stopping realtime failed'));
    await mailer.stop().catch((error: unknown) => log.error({ err: error }, 'stopping the mailer failed'));
    // A subscription that starts during the drain (its request came just before the signal) completes too.
    const late = setInterval(() => realtime.hub.closeAll(), 100);
    const { forced } = await drained;
    clearInterval(late);
    if (forced > 0) log.warn({ forced }, `shutdown deadline (${timeoutMs} ms): closed ${forced} connection(s) still open`);
    await yoga.dispose();
    await handle.close();
    // The spans still batched go out, within a bound (the deadline above bounds it too).
    if (tracing) await tracing.stopTracing(500);
    log.info('stopped');
    logger().flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** WORKERS > 1: migrations and seeds once, then the workers (each the gateway above), supervised (src/cluster.ts). */
async function primary(config: Config, steps: Steps) {
  const log = logger().child({ component: 'cluster' });
  const handle = await prepareDatabase(config, steps);
  await handle.close();
  const metrics = config.metrics.enabled && config.metrics.port !== undefined ? await (await import('./observe/cluster-metrics.js')).serveClusterMetrics(config.metrics.port, config.host, config.metrics.token) : null;
  const { listening } = runPrimary(new URL(import.meta.url), {
    workers: config.workers,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    log,
    workerEnv: { MIGRATE_ON_START: 'false', SEED_ON_START: 'false' },
    onStopped: async () => void metrics?.server.close(),
  });
  await listening;
  log.info({ workers: config.workers, ms: Math.round(performance.now()) }, `${config.workers} workers listening (${steps.done.join(', ')})`);
  if (metrics) log.info({ port: metrics.port }, `metrics of all workers on port ${metrics.port}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.trim() : String(error);
  // Drizzle wraps the driver's error (e.g. PgBouncer refusing a direct connection's startup options) as the cause.
  const cause = error instanceof Error && error.cause instanceof Error ? `\n  caused by: ${error.cause.message}` : '';
  const hint = /unsupported startup parameter/.test(message + cause) ? ' (behind PgBouncer in transaction mode set DATABASE_POOLER=transaction; README: Behind PgBouncer)' : '';
  logger().child({ component: 'gateway' }).fatal({ err: error }, `failed to start: ${message}${cause}${hint}`);
  logger().flush();
  process.exit(1);
});
