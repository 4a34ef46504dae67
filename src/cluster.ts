import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Logger } from './observe/logger.js';

/**
 * WORKERS > 1: one primary process and that many gateway processes sharing the port (node's
 * cluster module: the primary accepts and hands connections out in turn). Each worker is a whole
 * gateway (its pool, LISTEN connection, caches), as separate instances are; the event log gives
 * each subscriber every event once whichever worker it is on. The primary migrates and seeds once
 * before forking, forwards SIGTERM/SIGINT and waits for every worker's drain, and replaces a
 * worker that dies (a crash loop stops the whole process instead). A connection the primary hands
 * to a worker in the instant it dies is never answered (Node's round robin keeps it): clients need a timeout.
 */

/** WORKERS: a count, or `auto` for one per core. */
export function workerCount(raw: string | undefined): number {
  const value = raw?.trim().toLowerCase() || '1';
  if (value === 'auto') return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`WORKERS must be a whole number from 1 to 64, or auto, got "${raw}"`);
  return count;
}

export const isClusterWorker = (): boolean => cluster.isWorker;
export const workerId = (): number | undefined => cluster.worker?.id;

/** Restarts tolerated within this window before the primary gives up (a worker that cannot start). */
const CRASH_WINDOW_MS = 60_000;
const MAX_CRASHES = 5;
const RESTART_DELAY_MS = 1_000;

export interface PrimaryOptions {
  workers: number;
  shutdownTimeoutMs: number;
  log: Logger;
  /** What workers must not do again (the primary did it): e.g. MIGRATE_ON_START=false. */
  workerEnv: Record<string, string>;
  /** Called once every worker has stopped, before the primary exits. */
  onStopped?: () => Promise<void>;
}

/** Runs the primary: forks the workers (this same entry module) and supervises them until a signal. */
export function runPrimary(entry: string | URL, options: PrimaryOptions): { listening: Promise<void> } {
  const { workers, shutdownTimeoutMs, log, workerEnv } = options;
  const exec = typeof entry === 'string' ? entry : fileURLToPath(entry);
  // A TypeScript entry (npm run dev, tests) needs tsx in the workers too; the bundle and dist/ do not.
  const tsx = exec.endsWith('.ts') && !process.execArgv.some((arg) => arg.includes('tsx')) ? ['--import', 'tsx'] : [];
  cluster.setupPrimary({ exec, args: [], execArgv: [...process.execArgv, ...tsx, '--enable-source-maps'] });

  let stopping = false;
  const crashes: number[] = [];
  const live = new Set<Worker>();
  let listeningCount = 0;
  let markListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (markListening = resolve));

  const fork = () => {
    const worker = cluster.fork(workerEnv);
    live.add(worker);
    worker.once('listening', () => {
      if (++listeningCount === workers) markListening();
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) void finish(0);
        return;
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length > MAX_CRASHES) {
        log.fatal({ code, signal, crashes: crashes.length }, `worker ${worker.id} exited; ${crashes.length} workers exited within ${CRASH_WINDOW_MS / 1000} s: stopping`);
        void stop('crash loop', 1);
        return;
      }
      log.error({ worker: worker.id, code, signal }, `worker ${worker.id} exited (code ${code}, signal ${signal}): starting another in ${RESTART_DELAY_MS} ms`);
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS).unref();
    });
  };

  let exitCode = 0;
  const finish = async (code: number) => {
    await options.onStopped?.().catch((error: unknown) => log.error({ err: error }, 'stopping the primary failed'));
    log.info('stopped');
    log.flush();
    process.exit(exitCode || code);
  };

  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    log.info({ reason, workers: live.size }, `${reason}: stopping ${live.size} worker(s)`);
    // Each worker drains within SHUTDOWN_TIMEOUT_MS (and exits a second after it at worst); then they are killed.
    setTimeout(() => {
      for (const worker of live) worker.process.kill('SIGKILL');
      log.warn('workers still running at the deadline were killed');
      void finish(exitCode);
    }, shutdownTimeoutMs + 3_000).unref();
    if (live.size === 0) return finish(code);
    for (const worker of live) worker.process.kill('SIGTERM');
  };

  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  for (let i = 0; i < workers; i++) fork();
  return { listening };
}
