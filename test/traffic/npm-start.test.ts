import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, descendants, expectEveryWrittenRequestAnswered, freshDatabase, loadWithSignal, type Database } from './process.js';
import { spawnGateway, type GatewayProcess } from '../gateway-process.js';

/**
 * `npm start` under load: SIGTERM to the npm process (what a process manager or `docker stop`
 * of an npm-started container sends) must reach the gateway, which drains and exits 0, leaving
 * no process behind. Before, npm's shell died and the gateway ran on, orphaned.
 */
let database: Database;
let gateway: GatewayProcess | undefined;
let below: number[] = [];

beforeAll(async () => {
  database = await freshDatabase('npm-start');
});

afterAll(async () => {
  for (const pid of below) if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (gateway && gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  await database.drop();
});

const refusesConnections = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

describe('npm start', () => {
  it('passes SIGTERM to the gateway, which answers what it received, exits 0 and leaves no process behind', async () => {
    gateway = await spawnGateway({ ...database.env, npm_config_update_notifier: 'false' }, { command: 'npm', args: ['start'] });
    const started = gateway;
    below = descendants(started.child.pid!);
    expect(below.length).toBeGreaterThan(0);
    // npm start runs src/ bundled by esbuild (scripts/start.mjs): the bundle serves the schema the sources print.
    const introspection = await fetch(started.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: getIntrospectionQuery({ specifiedByUrl: true }) }) });
    const served = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data);
    expect(printSchema(lexicographicSortSchema(served))).toBe(printSchema(lexicographicSortSchema(buildSchema(readFileSync('schema.graphql', 'utf8')))));
    const { records, signalAt } = await loadWithSignal(started.url, { total: 200, connections: 8, signalAfter: 100, signal: () => started.child.kill('SIGTERM') });
    expect(expectEveryWrittenRequestAnswered(records, signalAt!).length).toBeGreaterThan(100);
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(/\[gateway\] stopped/);
    expect(below.filter(alive)).toEqual([]);
    expect(await refusesConnections(started.url)).toBe(true);
  }, 150_000);
});
