/**
 * Fills a real PostgreSQL with a large, deterministic data set for the benchmark (issue 7).
 *   npm run seed:large -- --scale 1 [--seed 1] [--force]
 * Target: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/gateway_bench (created when missing).
 * Steps: migrations, demo seeds after a reset (locales, RBAC, apps...), the large volume with
 * batched `unnest` inserts, the benchmark viewer and its session, then ANALYZE. A database holding
 * other data (no benchmark viewer) is refused unless --force: everything in it is truncated.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_VIEWER, benchDatabaseUrl } from './bench/fixtures.js';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { runSeeds } from '../src/db/seed/runner.js';
import { datasetState, ensureDatabase } from './seed-large/database.js';
import { generateDataset, PER_SCALE } from './seed-large/generate.js';
import { insertTable } from './seed-large/table.js';
import { insertViewer, loadOrder } from './seed-large/viewer.js';

interface Options {
  scale: number;
  seed: number;
  force: boolean;
}

function parseCli(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, force: { type: 'boolean', default: false } },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!Number.isInteger(scale) || scale < 1 || scale > 50) throw new Error(`--scale must be an integer from 1 to 50, got "${values.scale}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  return { scale, seed, force: values.force ?? false };
}

/** Times one step and prints it when done. */
async function step<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(2).padStart(7)} s`);
  return result;
}

/** Migrations, then the demo catalog (locales, roles, apps...) after truncating the three schemas. */
async function prepareSchema(url: string): Promise<void> {
  const handle = await openDatabase({ url, poolSize: 1 });
  try {
    await runMigrations(handle);
    await runSeeds(handle, { reset: true, demo: true });
  } finally {
    await handle.close();
  }
}

async function rowCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = ['auth.users', 'chat.organizations', 'chat.organization_members', 'chat.channels', 'chat.channel_members', 'chat.messages', 'chat.message_reactions', 'platform.apps'];
  const sql = tables.map((table) => `select '${table}' as name, count(*)::int as n from ${table}`).join(' union all ');
  const { rows } = await pool.query<{ name: string; n: number }>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

async function seedLarge({ scale, seed, force }: Options): Promise<void> {
  const url = benchDatabaseUrl();
  const safeUrl = url.replace(/:[^:@/]*@/, ':***@');
  // The seed truncates everything: never a database someone filled by other means, unless asked.
  if (!force && (await datasetState(url, BENCH_VIEWER.id)) === 'other') {
    throw new Error(`${safeUrl} holds data that seed:large did not write; it would be truncated. Pass --force to replace it.`);
  }
  console.log(`seed:large scale ${scale} (seed ${seed}) into ${safeUrl}`);
  const started = performance.now();
  if (await step('database', () => ensureDatabase(url))) console.log('  (created the database)');
  await step('migrations + demo catalog (reset)', () => prepareSchema(url));
  const dataset = await step(`generate ${PER_SCALE.messages * scale} messages in memory`, () => generateDataset(scale, seed));
  // gateway.realtime=off: a bulk load writes no event log rows and wakes no gateway (drizzle/*_event_log).
  const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c jit=off -c gateway.realtime=off' });
  try {
    for (const key of loadOrder) {
      const table = dataset[key];
      await step(`insert ${table.name} (${table.size} rows)`, () => insertTable(pool, table));
    }
    await step('benchmark viewer, roles, memberships, session', () => insertViewer(pool));
    await step('analyze', () => pool.query('analyze'));
    const counts = await rowCounts(pool);
    console.log('rows:', Object.entries(counts).map(([name, n]) => `${name} ${n}`).join(', '));
  } finally {
    await pool.end();
  }
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

seedLarge(parseCli(process.argv.slice(2))).catch((error: unknown) => {
  console.error(`seed:large failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
