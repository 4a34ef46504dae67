import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { LoadOptions, RunStats } from './load.js';

export interface ShapeResult {
  key: string;
  title: string;
  query: string;
  /** Why the shape did not run (e.g. its operation fails schema validation). */
  skipped?: string;
  /** SQL statements per gateway request, and their text. */
  statements?: number;
  sql?: string[];
  gateway?: RunStats;
  raw?: RunStats;
}

export interface Machine {
  os: string;
  cpus: string;
  memory: string;
  node: string;
  postgres: string;
  commit: string | null;
}

export interface BenchReport {
  startedAt: string;
  command: string;
  database: string;
  rows: Record<string, number>;
  options: LoadOptions & { rounds: number; poolSize: number };
  machine: Machine;
  shapes: ShapeResult[];
}

/** What the machine and the database are, for the results file. */
export async function describeMachine(url: string): Promise<{ machine: Machine; rows: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = await client.query<{ version: string }>("select current_setting('server_version') as version");
    const counts = await client.query<{ name: string; n: number }>(
      `select 'users' as name, count(*)::int as n from auth.users union all select 'organizations', count(*)::int from chat.organizations
       union all select 'channels', count(*)::int from chat.channels union all select 'messages', count(*)::int from chat.messages`,
    );
    const cpus = os.cpus();
    return {
      machine: {
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        cpus: `${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown'}`,
        memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
        node: process.version,
        postgres: version.rows[0]?.version ?? 'unknown',
        commit: gitCommit(),
      },
      rows: Object.fromEntries(counts.rows.map((row) => [row.name, row.n])),
    };
  } finally {
    await client.end();
  }
}

/** The checked-out commit (read only), or null outside a git checkout. */
function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

const HEADER = ['shape', 'server', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'CPU ms/req', 'DB CPU ms/req', 'ratio', 'errors'];

const perRequest = (ms: number, run: RunStats) => (run.requests ? (ms / run.requests).toFixed(3) : '-');
// No request finished within the run (each took longer than --duration): there is no latency to show.
const latency = (run: RunStats, ms: number) => (run.requests ? ms.toFixed(1) : '-');

/** One table line per measured server and shape; the ratio is gateway req/s divided by raw req/s. */
function tableRows(shapes: ShapeResult[]): string[][] {
  const rows: string[][] = [];
  for (const shape of shapes) {
    if (shape.skipped) continue;
    const ratio = shape.gateway && shape.raw ? (shape.gateway.reqPerSec / shape.raw.reqPerSec).toFixed(2) + 'x' : '-';
    const line = (server: string, run: RunStats | undefined, statements: string, shownRatio: string) =>
      run && rows.push([shape.key, server, run.reqPerSec.toFixed(0), latency(run, run.p50), latency(run, run.p99), statements,
        perRequest(run.serverCpuMs, run), perRequest(run.databaseCpuMs, run), shownRatio, String(run.failures)]);
    line('gateway', shape.gateway, String(shape.statements ?? '?'), ratio);
    line('raw', shape.raw, '1', '');
  }
  return rows;
}

export function textTable(shapes: ShapeResult[]): string {
  const rows = [HEADER, ...tableRows(shapes)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(format)].join('\n');
}

function markdownTable(shapes: ShapeResult[]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map((_, i) => (i < 2 ? '---' : '---:'))), ...tableRows(shapes).map(line)].join('\n');
}

export const skippedLines = (shapes: ShapeResult[]) => shapes.filter((shape) => shape.skipped).map((shape) => `shape ${shape.key} skipped: ${shape.skipped}`);

function markdown(report: BenchReport): string {
  const { machine, options } = report;
  return [
    `# Benchmark ${report.startedAt}`,
    '',
    `Command: \`${report.command}\``,
    '',
    `Machine: ${machine.os}; ${machine.cpus}; ${machine.memory}; Node ${machine.node}; PostgreSQL ${machine.postgres}; commit ${machine.commit ?? '-'}`,
    '',
    `Database: ${report.database} (${Object.entries(report.rows).map(([name, n]) => `${n} ${name}`).join(', ')})`,
    '',
    `Load: ${options.connections} connections, ${options.warmup} s warm-up, ${options.duration} s measured, ${options.rounds} round(s), pool ${options.poolSize}`,
    '',
    markdownTable(report.shapes),
    '',
    ...skippedLines(report.shapes).map((line) => `- ${line}`),
    '',
    ...report.shapes.map((shape) => `- ${shape.key}: ${shape.title}: \`${shape.query.replace(/\s+/g, ' ')}\``),
    '',
  ].join('\n');
}

/** Writes bench/results/<timestamp>.json and .md; answers the two paths. */
export function saveReport(report: BenchReport, directory = fileURLToPath(new URL('../../bench/results', import.meta.url))): string[] {
  mkdirSync(directory, { recursive: true });
  const stamp = report.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z'); // no ':' in file names
  const paths = [join(directory, `${stamp}.json`), join(directory, `${stamp}.md`)];
  writeFileSync(paths[0]!, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(paths[1]!, markdown(report));
  return paths.map((path) => relative(process.cwd(), path));
}
