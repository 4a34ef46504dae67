import { loadConfig } from './config.js';
import { describeDatabase, openConfiguredDatabase, poolerSettingsWarning } from './db/client.js';
import { pendingMigrationCount, runMigrations } from './db/migrate.js';
import { seedEmptyDatabase } from './db/seed/start.js';
import { persistedOptions } from './http/persisted.js';
import { playgroundSessionHeaders, playgroundSessionRefusal } from './http/playground-session.js';
import { startTracing, stopTracing } from './observe/trace.js';
import { createRealtime } from './realtime/index.js';
import { serveMetrics } from './observe/endpoints.js';
import { createLogger, logger, setProcessLogger } from './observe/logger.js';
import { createYogaApp, listen, metricsOf } from './server.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on an empty database, server. */
async function main() {
  const config = loadConfig();
  // The one logger of this process: JSON lines in production, readable ones otherwise.
  setProcessLogger(createLogger({ level: config.logLevel, json: config.production }));
  const log = logger().child({ component: 'gateway' });
  // Before anything that makes spans (the database, the server); without an OTLP endpoint nothing is loaded.
  if (config.tracing) {
    await startTracing(config.tracing);
    log.info({ endpoint: config.tracing.endpoint, serviceName: config.tracing.serviceName, sampler: config.tracing.sampler }, `tracing: OTLP/HTTP to ${config.tracing.endpoint} as ${config.tracing.serviceName} (${config.tracing.sampler})`);
  }
  // Before the database: a missing or malformed manifest stops the start at once.
  const persisted = persistedOptions(config.persisted);
  const sqlLog = logger().child({ component: 'sql' });
  const handle = await openConfiguredDatabase(config, config.logQueries ? { logQuery: (query) => sqlLog.info(query) } : undefined);
  const dbLog = logger().child({ component: 'db' });
  dbLog.info(describeDatabase(config));
  const poolerWarning = config.databasePooler === 'transaction' ? await poolerSettingsWarning(handle, config.statementTimeoutMs) : null;
  if (poolerWarning) dbLog.warn(poolerWarning);

  if (config.migrateOnStart) {
    const started = Date.now();
    const pending = await pendingMigrationCount(handle);
    await runMigrations(handle);
    logger().child({ component: 'migrate' }).info({ applied: pending, ms: Date.now() - started }, pending > 0 ? `applied ${pending} migration(s)` : 'migrations up to date');
  }
  // Base data, and demo data unless NODE_ENV=production (SEED_DEMO), on a database without users.
  const seedLog = logger().child({ component: 'seed' });
  await seedEmptyDatabase(handle, config, (line) => seedLog.info(line));

  const playgroundSession = { playgroundUser: config.playgroundUser, host: config.host, production: config.production };
  const playgroundHeaders = await playgroundSessionHeaders(handle.db, playgroundSession);
  // The one LISTEN connection of this process, in place before the first subscriber arrives.
  const realtime = createRealtime(handle, { retention: config.eventLog });
  await realtime.start();
  logger().child({ component: 'realtime' }).info({ database: handle.kind }, 'LISTEN connected');
  // METRICS_PORT: /metrics on a port of its own instead of the main one.
  const metrics = config.metrics.enabled ? { token: config.metrics.token, endpoint: config.metrics.port === undefined } : false;
  const yoga = createYogaApp({ handle, metrics, authCacheTtlMs: config.authCacheTtlMs, playgroundHeaders, realtime, compiledReads: config.compiledReads, compiledCache: config.compiledCache, persisted, graphiql: config.graphiql, introspection: config.introspection, cors: config.cors, rateLimits: config.rateLimits, concurrency: config.concurrency, limits: config.limits });
  const gateway = await listen(yoga, config.port, config.host, config);
  const registry = metricsOf(yoga)?.registry;
  const metricsServer = registry && config.metrics.port !== undefined ? await serveMetrics(registry, config.metrics.port, config.host, { token: config.metrics.token }) : null;
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
    // A subscription that starts during the drain (its request came just before the signal) completes too.
    const late = setInterval(() => realtime.hub.closeAll(), 100);
    const { forced } = await drained;
    clearInterval(late);
    if (forced > 0) log.warn({ forced }, `shutdown deadline (${timeoutMs} ms): closed ${forced} connection(s) still open`);
    await yoga.dispose();
    await handle.close();
    // The spans still batched go out, within a bound (the deadline above bounds it too).
    await stopTracing(500);
    log.info('stopped');
    logger().flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
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
