import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** Only loopback: the benchmark never sends traffic anywhere else. */
export const HOST = '127.0.0.1';

/** A server the runner started; `pid` is the server process itself (no npm/tsx wrapper). */
export interface ServerProcess {
  name: string;
  baseUrl: string;
  pid: number;
  /** The last lines it printed, shown when it fails. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Children die with the runner: on normal exit, on an error, and on Ctrl-C. */
export function killChildrenOnExit(): void {
  process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the servers`);
      process.exit(130);
    });
  }
}

/** A free TCP port on the loopback address (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The repository root: entry points are given relative to it, whatever the current directory. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A TypeScript entry point as one node process (tsx as a loader, so the pid is the program's own). */
function spawnTypeScript(entry: string, args: string[], env: Record<string, string>, stdio: 'pipe' | 'inherit', nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', '--import', './scripts/bench/exit-with-parent.ts', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdio, stdio],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Runs a script to its end, its output shown; fails when it exits non-zero. */
export function runToCompletion(entry: string, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawnTypeScript(entry, args, env, 'inherit');
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${entry} exited with code ${code}`)))),
  );
}

/** The gateway as `npm start` runs it (src/ bundled by esbuild, scripts/start.mjs), not each module through tsx. */
// BENCH_GATEWAY_ENTRY=<path to a main.ts> runs another checkout's gateway (through tsx), to compare commits on one machine.
export const GATEWAY_ENTRY = process.env.BENCH_GATEWAY_ENTRY || 'scripts/start.mjs';

export async function startServer(name: string, entry: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (node refuses --cpu-prof in NODE_OPTIONS).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawnTypeScript(entry, [], { ...env, PORT: String(port), HOST }, 'pipe', [...profile, ...extra]);
  const lines: string[] = [];
  // Only the last lines are ever shown; the gateway writes one access line per request.
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).map((line) => `[${name}] ${line}`));
    if (lines.length > 400) lines.splice(0, lines.length - 40);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: ServerProcess = {
    name,
    baseUrl: `http://${HOST}:${port}`,
    pid: child.pid!,
    output: () => lines.slice(-40).join('\n'),
    async stop() {
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
      if (timedOut) child.kill('SIGKILL');
    },
  };
  await waitUntilReady(server, child);
  return server;
}

/** Polls GET /ready (bounded: 60 s) until it answers 200; fails early when the process exits. */
async function waitUntilReady(server: ServerProcess, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${server.name} exited with code ${child.exitCode}:\n${server.output()}`);
    const ok = await fetch(`${server.baseUrl}/ready`).then((response) => response.ok, () => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${server.name} was not ready within 60 s:\n${server.output()}`);
}

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The live child processes of a process (a cluster primary's workers, WORKERS > 1). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** User + system CPU time of a process and its live children (a cluster's workers) so far, in ms. */
export function cpuMs(pid: number): number {
  return childPids(pid).reduce((sum, child) => sum + ownCpuMs(child), ownCpuMs(pid));
}

/** User + system CPU time of one process so far, in ms (/proc/<pid>/stat fields utime and stime). */
export function ownCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0; // gone, or another user's process
  }
}

/** CPU ms of each local PostgreSQL process (backends, walwriter...), by pid. */
export function postgresCpuSnapshot(): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') snapshot.set(Number(entry), ownCpuMs(Number(entry)));
    } catch {
      // exited while we looked
    }
  }
  return snapshot;
}

/**
 * The database's CPU ms since `before`, per process: a backend that exits during the run (a pool
 * closing an idle connection) takes its counters with it, so totals of two snapshots could go negative.
 */
export function postgresCpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of postgresCpuSnapshot()) total += cpu - (before.get(pid) ?? 0);
  return total;
}
