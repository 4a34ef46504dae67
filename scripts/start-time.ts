/**
 * `npm run start-time`: how long the gateway takes from `npm start`'s command
 * (`node scripts/start.mjs`: src/main.ts bundled by esbuild) to its first answered GraphQL query, on the embedded database.
 *   npm run start-time -- [--runs 5] [--caches warm|prepared|empty]
 * Each run is a process of its own on a loopback port: a cold start on an empty temporary data
 * directory (PGLITE_DATA_DIR), then a restart on that same directory. The clock starts at spawn and
 * stops at the first 200 answer with data to an anonymous query that reads the database (the port
 * is polled). Prints median, min and max of the time and of the process's CPU time (less bent by a
 * busy machine), and the steps the gateway reports in its `[gateway] started in …` line.
 * --caches: warm (default): tsx's transpile cache and the migrated PGlite template as `npm install`
 * left them (made first when missing); prepared: both emptied for every run, then made by `npm run
 * start:prepare` as `npm install` does (a fresh clone after `npm install`); empty: both emptied for
 * every run (a clone whose install skipped scripts: the first start makes them).
 * No timed test: figures only (they vary with the machine's load).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpuMs, freePort, HOST } from './bench/processes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Public organizations are readable without signing in: the answer needs the migrated, seeded database.
const QUERY = '{ organizations(first: 1) { totalCount nodes { name channels(first: 1) { nodes { name } } } } }';
const GIVE_UP_MS = 120_000;

type Caches = 'warm' | 'prepared' | 'empty';

interface Run {
  /** Spawn to the first answered query. */
  totalMs: number;
  /** CPU time of the gateway process (all its threads) until then. */
  cpuMs: number;
  /** Spawn to the gateway printing its URL. */
  listeningMs: number;
  /** The phases the gateway reports in its `[gateway] started in …` line, by name. */
  phases: Record<string, number>;
}

/** Where tsx keeps its transpile cache (TMPDIR) and the gateway its template; none given: the usual ones. */
interface CacheDirs {
  TMPDIR?: string;
  PGLITE_TEMPLATE_CACHE?: string;
}

/** `npm run start:prepare` (what `npm install` runs after installing), with these caches. */
function prepare(caches: CacheDirs): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/prepare-start.ts'], { cwd: ROOT, env: { ...process.env, ...caches }, stdio: 'ignore' });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`start:prepare exited with ${code}`)))),
  );
}

/** Starts `npm start`'s command on `dataDir`, polls until a query is answered, stops it (SIGTERM). */
async function timeStart(dataDir: string, caches: CacheDirs): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, ...caches, PORT: String(port), HOST, NODE_ENV: 'development', PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let listeningMs = Number.NaN;
  const read = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (Number.isNaN(listeningMs) && /GraphQL (playground|endpoint):/.test(output)) listeningMs = performance.now() - started;
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', (code) => ((exitCode = code), resolve())));
  try {
    const totalMs = await firstAnswer(port, started, () => exitCode !== undefined, () => output);
    return { totalMs, cpuMs: cpuMs(child.pid!), listeningMs, phases: parsePhases(output) };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
  }
}

async function firstAnswer(port: number, started: number, ended: () => boolean, output: () => string): Promise<number> {
  const url = `http://${HOST}:${port}/graphql`;
  while (performance.now() - started < GIVE_UP_MS) {
    if (ended()) throw new Error(`the gateway exited before answering:\n${output()}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
      const body = (await response.json()) as { data?: { organizations?: { totalCount: number } }; errors?: unknown[] };
      if (response.status === 200 && body.data?.organizations && !body.errors) return performance.now() - started;
      throw new Error(`the first answer was not data (${response.status}): ${JSON.stringify(body).slice(0, 300)}`);
    } catch (error) {
      // Not listening yet: poll again soon. Any other failure ends the measurement.
      if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED') throw error;
      await sleep(10);
    }
  }
  throw new Error(`no answer within ${GIVE_UP_MS / 1000} s:\n${output()}`);
}

/** `[gateway] started in 1234 ms (modules 700, database 300, …)` -> { total: 1234, modules: 700, … }. */
function parsePhases(output: string): Record<string, number> {
  const match = /started in (\d+) ms \(([^)]*)\)/.exec(output);
  if (!match) return {};
  const phases: Record<string, number> = { 'in process': Number(match[1]) };
  for (const part of match[2]!.split(',')) {
    const phase = /^\s*(.+?) (\d+)(?: ms)?\s*$/.exec(part);
    if (phase) phases[phase[1]!] = Number(phase[2]);
  }
  return phases;
}

function summary(values: number[]): string {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return '-';
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return `median ${Math.round(median)} ms (min ${Math.round(sorted[0]!)}, max ${Math.round(sorted.at(-1)!)})`;
}

function report(label: string, runs: Run[]): void {
  console.log(`\n${label}: first answered query ${summary(runs.map((run) => run.totalMs))}`);
  console.log(`  CPU time until then      ${summary(runs.map((run) => run.cpuMs))}`);
  console.log(`  listening (URL printed)  ${summary(runs.map((run) => run.listeningMs))}`);
  const names = [...new Set(runs.flatMap((run) => Object.keys(run.phases)))];
  for (const name of names) console.log(`  ${name.padEnd(23)}  ${summary(runs.map((run) => run.phases[name] ?? Number.NaN))}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { runs: { type: 'string', default: '5' }, caches: { type: 'string', default: 'warm' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be an integer in 1..50');
  const caches = values.caches as Caches;
  if (!['warm', 'prepared', 'empty'].includes(caches)) throw new Error('--caches must be warm, prepared or empty');
  console.log(`${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}; caches: ${caches}`);
  if (caches === 'warm') await prepare({});
  const cold: Run[] = [];
  const restart: Run[] = [];
  const prepared: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const scratch = mkdtempSync(join(tmpdir(), 'gateway-start-'));
    const dataDir = join(scratch, 'data');
    const dirs: CacheDirs = caches === 'warm' ? {} : { TMPDIR: join(scratch, 'tmp'), PGLITE_TEMPLATE_CACHE: join(scratch, 'template') };
    if (dirs.TMPDIR) mkdirSync(dirs.TMPDIR);
    try {
      if (caches === 'prepared') prepared.push(await prepare(dirs));
      cold.push(await timeStart(dataDir, dirs));
      restart.push(await timeStart(dataDir, dirs));
      process.stdout.write(`run ${index + 1}/${runs}: cold ${Math.round(cold.at(-1)!.totalMs)} ms, restart ${Math.round(restart.at(-1)!.totalMs)} ms\n`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  if (prepared.length > 0) console.log(`\nnpm run start:prepare (run by npm install): ${summary(prepared)}`);
  report('cold start (empty data directory)', cold);
  report('restart (same data directory)', restart);
  console.log(`\nload average at the end ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
}

main().catch((error: unknown) => {
  console.error(`start-time failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
