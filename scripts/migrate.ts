/**
 * `npm run db:migrate`: applies the pending migrations of drizzle/ to DATABASE_URL, or to the
 * embedded PGlite in PGLITE_DATA_DIR (default ./.data). For deployments that set MIGRATE_ON_START=false.
 */
import { loadConfig } from '../src/config.js';
import { describeDatabase, openConfiguredDatabase } from '../src/db/client.js';
import { localMigrations, pendingMigrationCount, runMigrations } from '../src/db/migrate.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  try {
    const pending = await pendingMigrationCount(handle);
    await runMigrations(handle);
    console.log(`${describeDatabase(config)}: applied ${pending} migration(s); ${localMigrations().length} in drizzle/, all applied`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
