/**
 * `npm run bench` (issue 7): the gateway against a raw-SQL server on the same database, per shape.
 *   npm run bench -- [--duration 10] [--warmup 2] [--connections 10] [--rounds 1] [--shapes a,b,c]
 * Needs the large data set (`npm run seed:large`) in DATABASE_URL or the default bench database.
 * Starts both servers on free loopback ports, checks that they return the same data, counts the
 * gateway's SQL statements per request, measures each shape (gateway, raw, interleaved), prints a
 * table and saves it to bench/results/.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { datasetState } from '../seed-large/database.js';
import { openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { ensureMemberSession } from './actors.js';
import { authorizationFor, BENCH_VIEWER, benchDatabaseUrl } from './fixtures.js';
import { countStatements, schemaProblem } from './in-process.js';
import { combine, measure, type LoadOptions, type RunStats, type Target } from './load.js';
import { GATEWAY_ENTRY, killChildrenOnExit, runToCompletion, startServer, type ServerProcess } from './processes.js';
import { describeMachine, saveReport, skippedLines, textTable, type BenchReport, type ShapeResult } from './report.js';
import { gatewayRequests, type GatewayRequest } from './requests.js';
import { loadShapeParams, selectShapes, type Shape, type ShapeParams } from './shapes.js';
import { fetchBody, verifySameData } from './verify.js';

interface Options extends LoadOptions {
  rounds: number;
  shapes: string | undefined;
}

function parseCli(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '1' },
      shapes: { type: 'string' },
    },
  });
  // Bounded on purpose: a benchmark here must stop by itself.
  const number = (name: keyof typeof values, min: number, max: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`);
    return value;
  };
  return {
    duration: number('duration', 1, 300),
    warmup: number('warmup', 0, 60),
    connections: number('connections', 1, 200),
    rounds: number('rounds', 1, 10),
    shapes: values.shapes,
  };
}

const requestTarget = (server: ServerProcess, { method, path, headers, body }: GatewayRequest): Target => ({ url: `${server.baseUrl}${path}`, method, headers, body });

/** The shape's request as its client sends it; a shape with many documents sends them in rotation. */
function gatewayTarget(server: ServerProcess, shape: Shape, params: ShapeParams): Target {
  const requests = gatewayRequests(shape, params);
  return { ...requestTarget(server, requests[0]!), rotation: requests.length > 1 ? requests : undefined };
}

const rawTarget = (server: ServerProcess, shape: Shape, path: string): Target => ({ url: `${server.baseUrl}${path}`, method: 'GET', headers: authorizationFor(shape.actor) });

/** How many of a rotation's documents are checked against the raw server before the run (every response is compared during it). */
const ROTATION_SAMPLES = 20;

/** Why a mutation shape cannot be measured (its one trial answered errors or an Error member), or null. */
async function mutationProblem(target: Target): Promise<string | null> {
  const body = JSON.parse(await fetchBody(target)) as { errors?: unknown; data?: Record<string, { error?: string } | null> };
  if (body.errors) return `the gateway answered errors: ${JSON.stringify(body.errors).slice(0, 300)}`;
  const result = Object.values(body.data ?? {})[0];
  return result?.error ? `the mutation refused: ${result.error}` : null;
}

/** The measured plan of one shape: targets with the exact bodies every response must repeat. */
interface Plan {
  shape: Shape;
  result: ShapeResult;
  gateway: Target;
  raw?: Target;
}

async function planShape(shape: Shape, result: ShapeResult, servers: { gateway: ServerProcess; raw: ServerProcess }, params: ShapeParams): Promise<Plan | null> {
  const gateway = gatewayTarget(servers.gateway, shape, params);
  if (shape.mutates || !shape.rawPath) {
    result.skipped = shape.mutates ? (await mutationProblem(gateway)) ?? undefined : undefined;
    return result.skipped ? null : { shape, result, gateway };
  }
  const raw = rawTarget(servers.raw, shape, shape.rawPath(params));
  const same = await verifySameData(shape.key, gateway, raw, shape.expectsErrors);
  const rotation = gateway.rotation ?? [];
  const step = Math.max(1, Math.floor(rotation.length / ROTATION_SAMPLES));
  for (let index = step; index < rotation.length; index += step) {
    const sample = await verifySameData(`${shape.key} (document ${index + 1})`, requestTarget(servers.gateway, rotation[index]!), raw, shape.expectsErrors);
    if (sample.gatewayBody !== same.gatewayBody) throw new Error(`shape ${shape.key}: document ${index + 1} answers other bytes than the first`);
  }
  // Every document is sent once before the run: measured is a server that has seen them all (each first sight is the engine's).
  for (let index = 0; index < rotation.length; index += 10) {
    await Promise.all(rotation.slice(index, index + 10).map((request) => fetchBody(requestTarget(servers.gateway, request))));
  }
  const documents = rotation.length ? `, ${rotation.length} documents` : '';
  console.log(`  shape ${shape.key}: same data from both servers (${same.nodes} list items, ${same.gatewayBody.length} bytes${documents})`);
  return { shape, result, gateway: { ...gateway, expectBody: same.gatewayBody }, raw: { ...raw, expectBody: same.rawBody } };
}

/**
 * Waits (bounded: 120 s) until no other statement runs in the bench database, e.g. slow requests
 * still running after autocannon stopped, which would otherwise slow down the next run.
 */
function databaseSettler(client: pg.Client): () => Promise<void> {
  return async () => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ busy: number }>(
        `select count(*)::int as busy from pg_stat_activity where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      if (rows[0]!.busy === 0) return;
      await sleep(100);
    }
    console.warn('  (the database was still busy after 120 s; measuring anyway)');
  };
}

async function measurePlans(plans: Plan[], servers: { gateway: ServerProcess; raw: ServerProcess }, options: Options): Promise<void> {
  const runs = new Map<Plan, { gateway: RunStats[]; raw: RunStats[] }>(plans.map((plan) => [plan, { gateway: [], raw: [] }]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const plan of plans) {
      // Gateway then raw for each shape, so both see the same machine state.
      for (const server of ['gateway', 'raw'] as const) {
        const target = plan[server];
        if (!target) continue;
        const stats = await measure(target, servers[server].pid, options);
        runs.get(plan)![server].push(stats);
        console.log(`  round ${round} shape ${plan.shape.key} ${server.padEnd(7)} ${stats.reqPerSec.toFixed(0)} req/s`);
      }
    }
  }
  for (const [plan, collected] of runs) {
    plan.result.gateway = combine(collected.gateway);
    if (collected.raw.length) plan.result.raw = combine(collected.raw);
  }
}

/** A fresh clone has no data set: seed scale 1 into a missing or empty database; never overwrite other data. */
async function ensureDataset(url: string): Promise<void> {
  const state = await datasetState(url, BENCH_VIEWER.id);
  if (state === 'bench') return migrateDataset(url);
  if (state === 'other') throw new Error('the database holds other data: run `npm run seed:large -- --scale 1 --force` to replace it, or point DATABASE_URL elsewhere');
  console.log(`no large data set yet (${state} database): running seed:large --scale 1 first`);
  await runToCompletion('scripts/seed-large.ts', ['--scale', '1'], { DATABASE_URL: url });
}

/** A data set seeded before newer migrations (indexes, triggers) gets them, as a deployment would. */
async function migrateDataset(url: string): Promise<void> {
  const handle = await openDatabase({ url });
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
}

async function bench(options: Options): Promise<void> {
  const startedAt = new Date().toISOString();
  const url = benchDatabaseUrl();
  const poolSize = loadConfig().poolSize;
  await ensureDataset(url);
  await ensureMemberSession(url);
  const params = await loadShapeParams(url);
  const results: ShapeResult[] = selectShapes(options.shapes).map((shape) => ({ key: shape.key, title: shape.title, query: shape.query, skipped: schemaProblem(shape) ?? undefined }));
  skippedLines(results).forEach((line) => console.log(line));
  const runnable = selectShapes(options.shapes).filter((shape) => !results.find((result) => result.key === shape.key)!.skipped);

  console.log('counting SQL statements per request (gateway in process)...');
  const counts = await countStatements(url, runnable, params, poolSize);
  for (const result of results) Object.assign(result, { statements: counts.get(result.key)?.statements, sql: counts.get(result.key)?.log });

  console.log('starting the gateway and the raw server...');
  const env = { DATABASE_URL: url, DATABASE_POOL_SIZE: String(poolSize), NODE_ENV: 'production' };
  const [gateway, raw] = await Promise.all([
    // One loopback client sends thousands of requests a second: a load to measure, not to rate-limit.
    startServer('gateway', GATEWAY_ENTRY, { ...env, MIGRATE_ON_START: 'false', SEED_ON_START: 'false', LOG_QUERIES: 'false', RATE_LIMITS: 'false', LIMIT_CLIENT_CONCURRENCY: '0' }),
    startServer('raw', 'scripts/bench/raw-server.ts', env),
  ]);
  const servers = { gateway, raw };
  try {
    const plans: Plan[] = [];
    for (const shape of runnable) {
      const plan = await planShape(shape, results.find((result) => result.key === shape.key)!, servers, params);
      if (plan) plans.push(plan);
    }
    const client = new pg.Client({ connectionString: url, application_name: 'bench-runner' });
    await client.connect();
    try {
      await measurePlans(plans, servers, { ...options, settle: databaseSettler(client) });
    } finally {
      await client.end();
    }
  } finally {
    await Promise.all([gateway.stop(), raw.stop()]);
  }

  const { machine, rows } = await describeMachine(url);
  // Settings the gateway reads that change what is measured are part of the command.
  const settings = ['COMPILED_READS', 'AUTH_CACHE_TTL_MS'].filter((name) => process.env[name] !== undefined).map((name) => `${name}=${process.env[name]}`);
  const command = [...settings, 'npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const report: BenchReport = { startedAt, command, database: url.replace(/:[^:@/]*@/, ':***@'), rows, options: { ...options, poolSize }, machine, shapes: results };
  console.log(`\n${textTable(results)}`);
  skippedLines(results).forEach((line) => console.log(line));
  console.log(`\nratio = gateway req/s / raw req/s; CPU = server process user+system; DB CPU = all postgres processes.`);
  console.log(`saved ${saveReport(report).join(' and ')}`);
}

killChildrenOnExit();
bench(parseCli(process.argv.slice(2))).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
