import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundQuery } from '../src/http/playground.js';
import { emptyDatabase, spawnGateway, stopGateway, type EmptyDatabase, type GatewayProcess } from './gateway-process.js';

/**
 * `npm start` as a newcomer runs it: a real process on an empty database (a fresh PGlite
 * directory, or a new PostgreSQL database with TEST_DATABASE_URL), started twice.
 */

let database: EmptyDatabase;

beforeAll(async () => (database = await emptyDatabase('start')));
afterAll(() => database?.drop());

// A first start on PGlite runs initdb and every migration: on 2 busy cores that took over 60 s.
const PROCESS_TEST_TIMEOUT = 150_000;

/** Starts the gateway like `npm start` on this file's database. */
const start = () => spawnGateway(database.env);

async function query(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

/** The playground's default query, with the headers GraphiQL opens with (the demo session). */
async function playground(started: GatewayProcess) {
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
    expect(await stopGateway(started)).toBe(0);
  }, PROCESS_TEST_TIMEOUT);

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
    expect(await stopGateway(started)).toBe(0);
  }, PROCESS_TEST_TIMEOUT);
});
