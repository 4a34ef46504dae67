import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminQuery, withDatabase } from './global-setup.js';

/** A gateway running as its own process, as `npm start` or the Dockerfile runs it. */
export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  /** What it printed so far (the last 100 kB). */
  output(): string;
  /** Resolves with the exit code (null: ended by a signal). */
  exited: Promise<number | null>;
  /** Whether it has ended, and how, e.g. `exit code 1, signal null`; null while it runs. */
  ended(): string | null;
}

export interface SpawnOptions {
  /** The program and its arguments; default node itself with the TypeScript loader, as `npm start` runs it. */
  command?: string;
  args?: string[];
  /** How long to wait for the URL it prints (PGlite's initdb and migrations on busy cores are slow). */
  timeoutMs?: number;
}

/**
 * Spawns the gateway on a loopback port and resolves once it prints its URL. `env` goes over this
 * process's environment and the test defaults (PORT 0, HOST 127.0.0.1, development); an undefined
 * value removes a variable, so a test sets exactly the switches it means.
 */
export function spawnGateway(env: Record<string, string | undefined>, options: SpawnOptions = {}): Promise<GatewayProcess> {
  const { command = process.execPath, args = ['--import', 'tsx', 'src/main.ts'], timeoutMs = 90_000 } = options;
  // LOG_LEVEL info: the lines a test reads are written whatever the shell's level.
  const merged: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info', ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(command, args, { env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ended: string | null = null;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = `exit code ${code}, signal ${signal}`;
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-100_000);
      // A readable line, or a JSON one (production) where the URL ends at its quote.
      const match = /GraphQL (?:playground|endpoint): (http[^\s"]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output, exited, ended: () => ended });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
}

/** The output's log lines, parsed: in production every line is one JSON object (src/observe/logger.ts). */
export function jsonLogLines(output: string): { level: string; msg: string; component?: string; [field: string]: unknown }[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** SIGTERM, then the exit code; the process must stop by itself within `timeoutMs`. */
export async function stopGateway(gateway: GatewayProcess, timeoutMs = 15_000): Promise<number | null> {
  if (gateway.ended() !== null) return gateway.exited;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not stop within ${timeoutMs / 1000} s`)), timeoutMs)));
  gateway.child.kill('SIGTERM');
  try {
    return await Promise.race([gateway.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** An empty database for a spawned gateway: a new PGlite directory, or a new PostgreSQL database with TEST_DATABASE_URL. */
export interface EmptyDatabase {
  dataDir: string;
  /** The PostgreSQL URL, or undefined on PGlite. */
  url: string | undefined;
  /** What the gateway's environment needs to open it. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function emptyDatabase(label: string): Promise<EmptyDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `gateway-${label}-`));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const name = `gateway_${label}_${process.pid}_${Date.now()}`;
  if (adminUrl) await adminQuery(adminUrl, `create database "${name}"`);
  const url = adminUrl ? withDatabase(adminUrl, name) : undefined;
  return {
    dataDir,
    url,
    env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: url ?? '' },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (adminUrl) await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}
