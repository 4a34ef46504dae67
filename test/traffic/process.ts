import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expect, inject } from 'vitest';
import { adminQuery, withDatabase } from '../global-setup.js';

export interface Database {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A database of its own, already migrated and seeded (starting on an empty one is test/start.test.ts's
 * part): the global setup's PGlite dump unpacked into a new directory, or a copy of its PostgreSQL template.
 */
export async function freshDatabase(label: string): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), `gateway-${label}-`));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    execFileSync('tar', ['-xf', inject('seededDumpPath'), '-C', dataDir], { stdio: 'pipe' });
    return { env: { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `gateway_${label}_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `create database "${name}" template "${inject('seededTemplateDatabase')}"`);
  return {
    env: { DATABASE_URL: withDatabase(adminUrl, name) },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/** Every process below `pid` (Linux /proc), e.g. npm's shell and the node it runs. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) if (ppid === parent) found.push(child), walk(child);
  };
  walk(pid);
  return found;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface LoadRecord {
  /** When the whole request had been handed to the kernel (performance.now()); null: never. */
  writtenAt: number | null;
  status: number | null;
  body: string;
  error: string | null;
}

const QUERIES = [
  // A compiled read and one the engine answers, so requests of both paths are in flight.
  '{ organizations { nodes { slug channels(first: 3) { totalCount nodes { name } } } } }',
  '{ viewer { id } organizations { totalCount } }',
];

function send(url: URL, agent: Agent, index: number): Promise<LoadRecord> {
  const body = JSON.stringify({ query: QUERIES[index % QUERIES.length] });
  const record: LoadRecord = { writtenAt: null, status: null, body: '', error: null };
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      record.status = res.statusCode ?? null;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (record.body += chunk));
      res.on('end', () => resolve(record));
      res.on('error', (error) => resolve({ ...record, error: error.message }));
    });
    // 'finish': the last byte of the request was written to the socket.
    req.on('finish', () => (record.writtenAt = performance.now()));
    req.on('error', (error) => resolve({ ...record, error: error.message }));
    req.end(body);
  });
}

/**
 * `total` requests over `connections` keep-alive connections, each connection sending its next
 * request as soon as its last is answered; `signal()` runs once `signalAfter` have been answered.
 */
export async function loadWithSignal(url: string, options: { total: number; connections: number; signalAfter: number; signal: () => void }) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(url);
  const records: LoadRecord[] = [];
  let next = 0;
  let answered = 0;
  let signalAt: number | null = null;
  const worker = async () => {
    while (next < options.total) {
      const record = await send(target, agent, next++);
      records.push(record);
      if (record.status !== null && ++answered === options.signalAfter) {
        signalAt = performance.now();
        options.signal();
      }
      // After the signal new connections are refused: that is expected, and ends this worker's part.
      if (record.error && signalAt !== null) break;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  agent.destroy();
  return { records, signalAt: signalAt as number | null };
}

/**
 * Every request whose bytes were handed to the kernel was answered in full (200 and a result with
 * data): those sent before the signal, and those sent after it on a connection the gateway had not
 * yet closed (a connection refused after the signal carries no request). Returns those sent before.
 */
export function expectEveryWrittenRequestAnswered(records: LoadRecord[], signalAt: number): LoadRecord[] {
  const written = records.filter((record) => record.writtenAt !== null);
  const unanswered = written.filter((record) => record.status !== 200 || record.error !== null || !JSON.parse(record.body || '{}').data);
  expect(unanswered).toEqual([]);
  return written.filter((record) => record.writtenAt! < signalAt);
}
