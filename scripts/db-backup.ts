/**
 * `npm run db:backup -- <file> [--force]`: the configured database into one file. PostgreSQL
 * (DATABASE_URL): `pg_dump -Fc` (custom format; pg_dump must be on PATH, of the server's major
 * version or newer). Embedded (PGLITE_DATA_DIR): PGlite's data-directory dump, refused while a
 * gateway has the directory open. An existing file is replaced only with --force.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { describeDatabase } from '../src/db/client.js';
import { backupDatabase } from '../src/db/ops/backup.js';
import { failed } from './db-ops-cli.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error('usage: npm run db:backup -- <file> [--force]');
  const config = loadConfig();
  const file = positionals[0]!;
  const { format, bytes } = await backupDatabase(config, file, { force: values.force ?? false });
  console.log(`backed up ${describeDatabase(config)} to ${file} (${format === 'postgres' ? 'pg_dump custom format' : 'PGlite data-directory dump'}, ${bytes} bytes)`);
}

main().catch(failed('backup'));
