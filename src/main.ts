import { loadConfig } from './config.js';
import { describeDatabase, openConfiguredDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { isDatabaseEmpty, runSeeds } from './db/seed/runner.js';
import { playgroundSessionHeaders } from './playground-session.js';
import { createRealtime } from './realtime/index.js';
import { createYogaApp, listen } from './server.js';

/** `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on an empty database, server. */
async function main() {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config, config.logQueries ? { logQuery: (query) => console.log('[sql]', query) } : undefined);
  console.log(`[db] ${describeDatabase(config)}`);

  if (config.migrateOnStart) await runMigrations(handle);
  if (config.seedOnStart && (await isDatabaseEmpty(handle))) {
    const { ran } = await runSeeds(handle, { adminEmail: process.env.ADMIN_USER_EMAIL });
    console.log(`[seed] empty database: loaded demo data (${ran.join(', ')})`);
  }

  const playgroundHeaders = await playgroundSessionHeaders(handle.db, config.playgroundUser);
  // The one LISTEN connection of this process, in place before the first subscriber arrives.
  const realtime = createRealtime(handle);
  await realtime.start();
  const yoga = createYogaApp({ handle, authCacheTtlMs: config.authCacheTtlMs, playgroundHeaders, realtime, compiledReads: config.compiledReads, limits: config.limits });
  const gateway = await listen(yoga, config.port, config.host);
  console.log(`[gateway] GraphQL playground: ${gateway.url}`);
  if (playgroundHeaders) console.log(`[gateway] the playground is signed in as ${config.playgroundUser} (demo data; PLAYGROUND_USER= to turn off)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[gateway] ${signal}: finishing in-flight requests`);
    // Subscriptions complete first, so their streams end; a client keeping an idle stream open is cut after 10 s.
    await realtime.stop();
    const cut = setTimeout(() => gateway.server.closeAllConnections(), 10_000).unref();
    await gateway.close();
    clearTimeout(cut);
    await yoga.dispose();
    await handle.close();
    console.log('[gateway] stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`[gateway] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
