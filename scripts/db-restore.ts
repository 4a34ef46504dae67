/**
 * `npm run db:restore -- <file> [--clean]`: a db:backup file into the configured database, which
 * must be of the file's kind (PostgreSQL archive: DATABASE_URL; PGlite dump: PGLITE_DATA_DIR) and
 * empty; --clean replaces what it holds (with NODE_ENV=production only with
 * --yes-really-reset=<database name>). PostgreSQL: pg_restore into psql, one transaction.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { describeDatabase } from '../src/db/client.js';
import { restoreDatabase } from '../src/db/ops/backup.js';
import { RESET_OVERRIDE } from '../src/db/ops/reset-guard.js';
import { failed } from './db-ops-cli.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { clean: { type: 'boolean' }, [RESET_OVERRIDE]: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new Error(`usage: npm run db:restore -- <file> [--clean [--${RESET_OVERRIDE}=<database name>]]`);
  const config = loadConfig();
  const file = positionals[0]!;
  await restoreDatabase(config, file, { clean: values.clean ?? false, resetOverride: values[RESET_OVERRIDE] as string | undefined });
  console.log(`restored ${file} into ${describeDatabase(config)}`);
}

main().catch(failed('restore'));
