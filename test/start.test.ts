import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundQuery } from '../src/playground.js';
import { adminQuery, withDatabase } from './global-setup.js';

/**
 * `npm start` as a newcomer runs it: a real process on an empty database (a fresh PGlite
 * directory, or a new PostgreSQL database with TEST_DATABASE_URL), started twice.
 */
interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

let dataDir: string;
let databaseUrl: string | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gateway-start-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `gateway_start_${process.pid}_${Date.now()}`;
    await adminQuery(adminUrl, `create database "${name}"`);
    databaseUrl = withDatabase(adminUrl, name);
  }
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl && databaseUrl) await adminQuery(adminUrl, `drop database if exists "${new URL(databaseUrl).pathname.slice(1)}" with (force)`);
});

/** Starts the gateway like `npm start` and waits (60 s at most) for the playground URL it prints. */
function start(): Promise<Started> {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', NODE_ENV: 'development' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no playground URL within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL playground: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
}

/** SIGTERM, then the exit code (the process must stop by itself within 15 s). */
function stop(started: Started): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('did not stop within 15 s')), 15_000);
    started.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    started.child.kill('SIGTERM');
  });
}

async function query(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

/** The playground's default query, with the headers GraphiQL opens with (the demo session). */
async function playground(started: Started) {
  const page = await (await fetch(started.url, { headers: { accept: 'text/html' } })).text();
  const token = /Bearer (gw_s_[A-Za-z0-9_-]+)/.exec(page)?.[1];
  return query(started.url, { query: playgroundQuery }, token ? { authorization: `Bearer ${token}` } : {});
}

describe('npm start', () => {
  let firstOrganizations: unknown;

  it('migrates and seeds an empty database, serves health, readiness and the playground, and stops on SIGTERM', async () => {
    const started = await start();
    const base = started.url.replace(/\/graphql$/, '');
    expect(started.output()).toMatch(/\[seed\] empty database: loaded demo data/);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const { status, body } = await playground(started);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const organizations = body.data.organizations;
    expect(organizations.totalCount).toBeGreaterThanOrEqual(1);
    const channels = organizations.nodes.flatMap((org: { channels: { nodes: unknown[] } }) => org.channels.nodes);
    expect(channels.length).toBeGreaterThan(0); // the playground opens signed in as a demo user
    firstOrganizations = organizations;
    expect(await stop(started)).toBe(0);
  });

  it('keeps the data over a restart and does not seed it again', async () => {
    const started = await start();
    expect(started.output()).not.toMatch(/\[seed\]/);
    const { body } = await playground(started);
    expect(body.data.organizations).toEqual(firstOrganizations);
    // Over real HTTP, a repeated read is answered by its compiled statement with the same data.
    const read = async () => {
      const response = await fetch(started.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: '{ organizations { nodes { slug channels(first: 3) { totalCount nodes { name } } } } }' }),
      });
      return response.text();
    };
    const [first, second] = [await read(), await read()];
    expect(JSON.parse(second)).toEqual(JSON.parse(first));
    expect(JSON.parse(first).data.organizations.nodes.length).toBeGreaterThan(0);
    expect(second).toContain('" : '); // the spacing of PostgreSQL's JSON: written by the database
    expect(await stop(started)).toBe(0);
  });
});
