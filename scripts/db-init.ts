/**
 * `npm run db:init`: prepares the database for the gateway and exits, safe to run again (compose's
 * `init` service runs it before every start): pending migrations, the procedures of
 * seeds/procedures/, the base data (the demo data too unless NODE_ENV=production; SEED_DEMO
 * decides) and the first administrator of ADMIN_USER_EMAIL, then ANALYZE.
 * DATABASE_URL selects PostgreSQL, else PGlite in PGLITE_DATA_DIR (default ./.data).
 */
import { loadConfig } from '../src/config.js';
import { describeDatabase, openConfiguredDatabase } from '../src/db/client.js';
import { initDatabase } from '../src/db/ops/init.js';

async function main(): Promise<void> {
  if (process.argv.length > 2) throw new Error(`db:init takes no arguments (got ${process.argv.slice(2).join(' ')}); the environment configures it`);
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  try {
    console.log(`database: ${describeDatabase(config)}`);
    await initDatabase(handle, config, (line) => console.log(line));
    console.log('initialised');
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`init failed: ${message.replace(/\s+/g, ' ')}`);
  process.exitCode = 1;
});
