import { loadConfig } from './config.js';
import { describeDatabase, openConfiguredDatabase, poolerSettingsWarning } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { seedEmptyDatabase } from './db/seed/start.js';
import { persistedOptions } from './http/persisted.js';
import { playgroundSessionHeaders, playgroundSessionRefusal } from './http/playground-session.js';
import { startTracing, stopTracing } from './observe/trace.js';
import { createRealtime } from './realtime/index.js';
import { createYogaApp, listen } from './server.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on an empty database, server. */
async function main() {
  const config = loadConfig();
  // Before anything that makes spans (the database, the server); without an OTLP endpoint nothing is loaded.
  if (config.tracing) {
    await startTracing(config.tracing);
    console.log(`[gateway] tracing: OTLP/HTTP to ${config.tracing.endpoint} as ${config.tracing.serviceName} (${config.tracing.sampler})`);
  }
  // Before the database: a missing or malformed manifest stops the start at once.
  const persisted = persistedOptions(config.persisted);
  const handle = await openConfiguredDatabase(config, config.logQueries ? { logQuery: (query) => console.log('[sql]', query) } : undefined);
  console.log(`[db] ${describeDatabase(config)}`);
  const poolerWarning = config.databasePooler === 'transaction' ? await poolerSettingsWarning(handle, config.statementTimeoutMs) : null;
  if (poolerWarning) console.warn(poolerWarning);

  if (config.migrateOnStart) await runMigrations(handle);
  // Base data, and demo data unless NODE_ENV=production (SEED_DEMO), on a database without users.
  await seedEmptyDatabase(handle, config);

  const playgroundSession = { playgroundUser: config.playgroundUser, host: config.host, production: config.production };
  const playgroundHeaders = await playgroundSessionHeaders(handle.db, playgroundSession);
  // The one LISTEN connection of this process, in place before the first subscriber arrives.
  const realtime = createRealtime(handle, { retention: config.eventLog });
  await realtime.start();
  const yoga = createYogaApp({ handle, authCacheTtlMs: config.authCacheTtlMs, playgroundHeaders, realtime, compiledReads: config.compiledReads, compiledCache: config.compiledCache, persisted, graphiql: config.graphiql, introspection: config.introspection, cors: config.cors, rateLimits: config.rateLimits, concurrency: config.concurrency, limits: config.limits });
  const gateway = await listen(yoga, config.port, config.host, config);
  console.log(`[gateway] GraphQL ${config.graphiql ? 'playground' : 'endpoint'}: ${gateway.url}`);
  if (playgroundHeaders) console.log(`[gateway] the playground is signed in as ${config.playgroundUser} (demo data; PLAYGROUND_USER= to turn off)`);
  else if (config.playgroundUser) console.log(`[gateway] the playground is not signed in: ${playgroundSessionRefusal(playgroundSession) ?? `no demo user ${config.playgroundUser}`}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = config.shutdownTimeoutMs;
    console.log(`[gateway] ${signal}: answering the requests already received (at most ${timeoutMs} ms), then stopping`);
    // Whatever hangs (the database), the process ends: at the deadline plus a second for the pool.
    setTimeout(() => {
      console.log('[gateway] stopped at the deadline with work unfinished');
      process.exit(0);
    }, timeoutMs + 1_000).unref();
    // Stop accepting at once; subscriptions complete, so their streams end like any response.
    const drained = gateway.shutdown(timeoutMs);
    await realtime.stop().catch((error: unknown) => console.error('[gateway] stopping realtime:', error));
    // A subscription that starts during the drain (its request came just before the signal) completes too.
    const late = setInterval(() => realtime.hub.closeAll(), 100);
    const { forced } = await drained;
    clearInterval(late);
    if (forced > 0) console.log(`[gateway] shutdown deadline (${timeoutMs} ms): closed ${forced} connection(s) still open`);
    await yoga.dispose();
    await handle.close();
    // The spans still batched go out, within a bound (the deadline above bounds it too).
    await stopTracing(500);
    console.log('[gateway] stopped');
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
  console.error(`[gateway] failed to start: ${message}${cause}${hint}`);
  process.exit(1);
});
