/**
 * Seeds the database with the data sets of seeds/config.ts, after applying migrations.
 *   npm run db:seed                  the base data, and the demo data unless NODE_ENV=production
 *                                    (SEED_DEMO=true|false decides); safe to run again: catalogs are
 *                                    brought up to date, rows people changed are left alone
 *   npm run db:seed -- --only=a,b    those data sets and what they depend on
 *   npm run db:seed -- --only-procedures   only the SQL functions of seeds/procedures/
 *   npm run db:reset                 truncate the auth, platform and chat schemas first; refused
 *                                    with NODE_ENV=production unless --yes-really-reset=<database name>
 *   npm run db:seed -- --list        the registry: name, kind, dependsOn, description
 * DATABASE_URL selects PostgreSQL, else PGlite in PGLITE_DATA_DIR (default ./.data);
 * ADMIN_USER_EMAIL (and ADMIN_USER_PASSWORD) create the first administrator if there is none.
 */
import { parseArgs } from 'node:util';
import { seeds } from '../seeds/config.js';
import { describeDatabase, openConfiguredDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { RESET_OVERRIDE, resetRefusal } from '../src/db/ops/reset-guard.js';
import { describeAdministrator, runSeeds } from '../src/db/seed/runner.js';
import { loadConfig } from '../src/config.js';

interface CliOptions {
  only?: string[];
  onlyProcedures: boolean;
  reset: boolean;
  /** The database name repeated by --yes-really-reset, which a reset in production needs. */
  resetOverride?: string;
  list: boolean;
}

function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
      'only-procedures': { type: 'boolean' },
      reset: { type: 'boolean' },
      [RESET_OVERRIDE]: { type: 'string' },
      list: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const resetOverride = values[RESET_OVERRIDE] as string | undefined;
  if (resetOverride !== undefined && !values.reset) throw new Error(`--${RESET_OVERRIDE} goes with --reset (npm run db:reset)`);
  if (values['only-procedures'] && (values.only !== undefined || values.reset)) throw new Error('--only-procedures runs every procedure and nothing else: it goes with neither --only nor --reset');
  return {
    only: values.only === undefined ? undefined : parseNames(values.only),
    onlyProcedures: values['only-procedures'] ?? false,
    reset: values.reset ?? false,
    resetOverride,
    list: values.list ?? false,
  };
}

function parseNames(raw: string): string[] {
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new Error('--only needs at least one data set name, e.g. --only=users,messages');
  return names;
}

function printRegistry(): void {
  const width = Math.max(...seeds.map((seed) => seed.name.length));
  const dependsWidth = Math.max(...seeds.map((seed) => seed.dependsOn.join(',').length || 1));
  for (const seed of seeds) {
    const dependsOn = seed.dependsOn.join(',') || '-';
    console.log(`${seed.name.padEnd(width)}  ${seed.kind.padEnd(9)}  ${dependsOn.padEnd(dependsWidth)}  ${seed.description}`);
  }
}

async function seed(options: CliOptions): Promise<void> {
  const config = loadConfig();
  // Before the database is opened: a refused reset touches nothing.
  const refusal = options.reset ? resetRefusal(config, options.resetOverride) : null;
  if (refusal) throw new Error(refusal);
  const handle = await openConfiguredDatabase(config);
  try {
    console.log(`database: ${describeDatabase(config)}`);
    await runMigrations(handle);
    const { ran, administrator } = await runSeeds(handle, {
      only: options.only,
      onlyProcedures: options.onlyProcedures,
      reset: options.reset,
      demo: config.seedDemo,
      adminEmail: config.adminUserEmail,
      adminPassword: config.adminUserPassword,
      log: (line) => console.log(line),
    });
    if (options.onlyProcedures) console.log(`created ${ran.length} procedure(s): ${ran.join(', ')}`);
    else console.log(`seeded ${ran.length} data set(s) (${config.seedDemo ? 'base and demo' : 'base only'}): ${ran.join(', ')}`);
    const line = describeAdministrator(administrator);
    if (line) console.log(line);
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  if (options.list) printRegistry();
  else await seed(options);
}

main().catch((error: unknown) => {
  // One line, no stack: the runner's messages already name the data set and file.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`seed failed: ${message.replace(/\s+/g, ' ')}`);
  process.exitCode = 1;
});
