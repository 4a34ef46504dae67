/**
 * `npm run bench:sse` (issues 6 and 16): delivery latency, memory and throughput of subscriptions on one gateway.
 *   npm run bench:sse -- [--subscribers 1000] [--mode distinct|single|ws] [--connections 100] [--viewers N]
 *                        [--messages 30] [--interval 1000] [--burst 200] [--in-flight 8]
 * Starts the gateway (`src/main.ts`) as a process of its own on a loopback port: on embedded PGlite
 * (in memory), or with DATABASE_URL on a fresh database of that PostgreSQL server (made from it,
 * migrated, seeded, dropped at the end). Signs up `--viewers` people through the API (each joins
 * acme), opens the subscribers, all on #general (scripts/bench/sse-clients.ts: one graphql-sse
 * stream each in distinct mode; in single-connection and WebSocket modes `--connections`
 * connections, one viewer each, carrying the subscriptions between them), warms up until each has
 * received an event, then posts messages through the API as alice, one every `--interval` ms, and
 * measures, per delivery, the time from just before the write was sent to the event's arrival.
 * Then the burst: `--burst` messages as fast as `--in-flight` concurrent writes go, timed until
 * every delivery arrived (the events per second one process sustains). Prints latency
 * percentiles, throughput and the gateway process's memory (RSS); stops by itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { adminQuery } from '../src/db/admin.js';
import { childPids, cpuMs, GATEWAY_ENTRY, ownCpuMs, killChildrenOnExit, startServer, type ServerProcess } from './bench/processes.js';
import { Deliveries, openSubscribers, type Mode } from './bench/sse-clients.js';

interface Options {
  subscribers: number;
  connections: number;
  viewers: number;
  messages: number;
  intervalMs: number;
  burst: number;
  inFlight: number;
  mode: Mode;
}

// seeds/accounts.sql: every demo person has this password; alice posts in #general of acme (public).
const DEMO_PASSWORD = 'demo-password-2026';
const ACME = Buffer.from('Organization:20000000-0000-4000-8000-000000000001').toString('base64');
const GENERAL = Buffer.from('Channel:30000000-0000-4000-8000-000000000001').toString('base64');

function parseCli(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      subscribers: { type: 'string', default: '1000' },
      connections: { type: 'string' },
      viewers: { type: 'string' },
      messages: { type: 'string', default: '30' },
      interval: { type: 'string', default: '1000' },
      burst: { type: 'string', default: '200' },
      'in-flight': { type: 'string', default: '8' },
      mode: { type: 'string', default: 'distinct' },
    },
  });
  const mode = values.mode as Mode;
  if (!['distinct', 'single', 'ws'].includes(mode)) throw new Error('--mode must be distinct, single or ws');
  const bounded = (name: keyof typeof values, fallback: number, min: number, max: number) => {
    const value = values[name] === undefined ? fallback : Number(values[name]);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer in ${min}..${max}`);
    return value;
  };
  const subscribers = bounded('subscribers', 1000, 1, 20_000);
  const connections = mode === 'distinct' ? subscribers : bounded('connections', Math.min(subscribers, 100), 1, subscribers);
  // One viewer per connection (a WebSocket or single-connection stream is signed in once); at most 5,000 sign-ups.
  const viewers = bounded('viewers', Math.min(connections, 5_000), 1, 5_000);
  return {
    subscribers,
    connections,
    viewers,
    messages: bounded('messages', 30, 0, 1_000),
    intervalMs: bounded('interval', 1000, 10, 10_000),
    burst: bounded('burst', 200, 0, 10_000),
    inFlight: bounded('in-flight', 8, 1, 64),
    mode,
  };
}

/** Resident memory of a process and its live children (a cluster's workers) in MB (/proc/<pid>/status VmRSS). */
function rssMb(pid: number): number {
  return childPids(pid).reduce((sum, child) => sum + ownRssMb(child), ownRssMb(pid));
}

function ownRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** CPU ms of each local PostgreSQL backend serving `database` (their title names it), not of other users' databases. */
function databaseCpuMs(database: string | null): Map<number, number> {
  const byPid = new Map<number, number>();
  if (!database) return byPid;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${database} `)) byPid.set(Number(entry), ownCpuMs(Number(entry)));
    } catch {
      // exited while we looked
    }
  }
  return byPid;
}

/** CPU ms the backends spent since `before` (a backend that exited meanwhile is not counted: a lower bound). */
function databaseCpuSince(database: string | null, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of databaseCpuMs(database)) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Where the gateway runs: PGlite in memory, or a fresh database on the DATABASE_URL server. */
interface BenchDatabase {
  env: Record<string, string>;
  label: string;
  /** The PostgreSQL database's name (null on PGlite). */
  name: string | null;
  /** Refreshes the planner's statistics after the viewers were added, as autovacuum would soon do. */
  analyze(): Promise<void>;
  drop(): Promise<void>;
}

async function prepareDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const nothing = async () => undefined;
    return { env: { DATABASE_URL: '', PGLITE_DATA_DIR: 'memory://' }, label: 'embedded PGlite (in memory)', name: null, analyze: nothing, drop: nothing };
  }
  const name = `bench_sse_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await adminQuery(serverUrl, `create database "${name}"`);
  return {
    env: { DATABASE_URL: url.toString() },
    label: `PostgreSQL (${url.host}, database ${name})`,
    name,
    analyze: () => adminQuery(url.toString(), 'analyze'),
    drop: () => adminQuery(serverUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function graphql(server: ServerProcess, query: string, variables: object, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function signIn(server: ServerProcess, email: string): Promise<Record<string, string>> {
  const query = 'mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on SessionPayload { token } } }';
  const result = await graphql(server, query, { input: { email, password: DEMO_PASSWORD } });
  const token = result.data?.signIn?.token;
  if (!token) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(result)}`);
  return { authorization: `Bearer ${token}` };
}

/** A new person who joins acme (so they see #general): signUp, then joinOrganization, through the API. */
async function newMember(server: ServerProcess, n: number): Promise<Record<string, string>> {
  const signUp = 'mutation ($input: SignUpInput!) { signUp(input: $input) { __typename ... on SessionPayload { token } } }';
  const input = { email: `bench-sse-${n}@example.com`, displayName: `Bench ${n}`, password: DEMO_PASSWORD };
  const token = (await graphql(server, signUp, { input })).data?.signUp?.token;
  if (!token) throw new Error(`signUp of bench-sse-${n} failed`);
  const headers = { authorization: `Bearer ${token}` };
  const join = 'mutation ($input: JoinOrganizationInput!) { joinOrganization(input: $input) { __typename } }';
  const joined = await graphql(server, join, { input: { organizationId: ACME } }, headers);
  if (joined.data?.joinOrganization?.__typename !== 'OrganizationMemberPayload') throw new Error(`bench-sse-${n} could not join acme`);
  return headers;
}

/** `count` distinct viewers, made 8 at a time (password hashing is the slow part). */
async function newMembers(server: ServerProcess, count: number): Promise<Record<string, string>[]> {
  const sessions: Record<string, string>[] = [];
  for (let start = 0; start < count; start += 8) {
    const batch = Array.from({ length: Math.min(8, count - start) }, (_, i) => newMember(server, start + i));
    sessions.push(...(await Promise.all(batch)));
  }
  return sessions;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }';

/** Latency percentiles of one phase's deliveries. */
function latencyLine(label: string, latencies: Map<number, number[]>): string {
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  return `${label}: p50 ${percentile(all, 50)}  p90 ${percentile(all, 90)}  p99 ${percentile(all, 99)}  max ${all.at(-1)} ms`;
}

/** Waits until `count()` reaches `expected` (at most `timeoutMs`); the time it took. */
async function settle(count: () => number, expected: number, since: number, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (count() < expected && Date.now() < deadline) await sleep(20);
  return Date.now() - since;
}

async function main() {
  const options = parseCli(process.argv.slice(2));
  killChildrenOnExit();
  const database = await prepareDatabase();
  // Thousands of sign-ups from one loopback address would meet the password limit at once.
  const server = await startServer('gateway', GATEWAY_ENTRY, { ...database.env, PLAYGROUND_USER: '', NODE_ENV: 'production', SEED_DEMO: 'true', LOG_QUERIES: 'false', RATE_LIMITS: 'false', LIMIT_CLIENT_CONCURRENCY: '0' });
  const deliveries = new Deliveries();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 100);
  const send = (content: string, author: Record<string, string>) => graphql(server, SEND, { input: { channelId: GENERAL, content } }, author);
  try {
    const author = await signIn(server, 'alice@example.com');
    const prepared = Date.now();
    const sessions = await newMembers(server, options.viewers);
    console.log(`${options.viewers} viewers signed up and joined acme in ${((Date.now() - prepared) / 1000).toFixed(1)} s`);
    await database.analyze();
    await sleep(2_000);
    const memory = { idle: rssMb(server.pid), subscribed: 0, afterClose: 0 };
    const opened = Date.now();
    const plan = { mode: options.mode, subscribers: options.subscribers, connections: options.connections, baseUrl: server.baseUrl, channel: GENERAL };
    const closers = await openSubscribers(plan, sessions, deliveries);

    // Warm-up: post until every subscriber has received an event (all connected and delivering), at most 180 s.
    for (let round = 1; deliveries.warmed.size < options.subscribers; round++) {
      if (Date.now() - opened > 180_000) throw new Error(`only ${deliveries.warmed.size} of ${options.subscribers} subscribers received events within 180 s`);
      await send(`bench -${round} 0`, author);
      await sleep(1_000);
    }
    const connectMs = Date.now() - opened;
    await sleep(1_000);
    memory.subscribed = rssMb(server.pid);

    const cpuBefore = { gateway: cpuMs(server.pid), postgres: databaseCpuMs(database.name), bench: process.cpuUsage() };
    const started = Date.now();
    for (let seq = 0; seq < options.messages; seq++) {
      // Not awaited: writes go out on schedule however long delivery takes.
      send(`bench ${seq} ${Date.now()}`, author).catch((error: unknown) => console.error(`message ${seq}: ${String(error)}`));
      await sleep(options.intervalMs);
    }
    const pacedExpected = options.messages * options.subscribers;
    const pacedS = (await settle(() => deliveries.count('paced'), pacedExpected, started)) / 1000;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const cpu = {
      gateway: (cpuMs(server.pid) - cpuBefore.gateway) / 1000,
      postgres: databaseCpuSince(database.name, cpuBefore.postgres) / 1000,
      clients: (benchCpu.user + benchCpu.system) / 1e6,
    };

    // Burst: as many messages as `inFlight` concurrent writers get through, until every delivery arrived.
    const burstStarted = Date.now();
    let nextBurst = 0;
    const writer = async () => {
      while (nextBurst < options.burst) {
        const seq = nextBurst++;
        await send(`burst ${seq} ${Date.now()}`, author).catch((error: unknown) => console.error(`burst ${seq}: ${String(error)}`));
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.inFlight, Math.max(options.burst, 1)) }, writer));
    const writtenS = (Date.now() - burstStarted) / 1000;
    const burstExpected = options.burst * options.subscribers;
    const burstS = (await settle(() => deliveries.count('burst'), burstExpected, burstStarted)) / 1000;
    const burstPeakRss = peakRss;

    deliveries.closing = true;
    closers.forEach((close) => close());
    await sleep(3_000);
    memory.afterClose = rssMb(server.pid);

    const paced = deliveries.count('paced');
    const burst = deliveries.count('burst');
    const connections = options.mode === 'distinct' ? `one connection each` : `over ${options.connections} connections`;
    const lines = [
      `gateway on ${database.label}; ${options.subscribers} subscribers (${options.mode} mode, ${connections}) on one channel, ${options.viewers} distinct viewers`,
      `subscribers connected and warmed up in ${(connectMs / 1000).toFixed(1)} s`,
      `paced: ${options.messages} messages, one every ${options.intervalMs} ms, through sendMessage; delivered ${paced} of ${pacedExpected} events in ${pacedS.toFixed(1)} s`,
      `CPU seconds meanwhile: gateway ${cpu.gateway.toFixed(1)}, PostgreSQL ${database.name ? cpu.postgres.toFixed(1) : '(in the gateway)'}, the clients ${cpu.clients.toFixed(1)} (${cpus().length} cores)`,
      latencyLine('latency write -> event, paced', deliveries.latencies.paced),
      `burst: ${options.burst} messages (${options.inFlight} writes in flight) written in ${writtenS.toFixed(1)} s, ${burst} of ${burstExpected} events delivered in ${burstS.toFixed(1)} s:` +
        ` ${(options.burst / burstS).toFixed(1)} messages/s, ${(burst / burstS).toFixed(0)} deliveries/s`,
      latencyLine('latency write -> event, burst', deliveries.latencies.burst),
      `gateway RSS (MB): idle ${memory.idle.toFixed(0)}  with subscribers ${memory.subscribed.toFixed(0)}  peak ${burstPeakRss.toFixed(0)}  3 s after they closed ${memory.afterClose.toFixed(0)}`,
      `subscription errors seen by the clients: ${deliveries.errors}`,
    ];
    console.log(`\n${lines.join('\n')}`);
    if (paced < pacedExpected || burst < burstExpected) process.exitCode = 1;
  } catch (error) {
    console.error(`the gateway said:\n${server.output()}`);
    throw error;
  } finally {
    clearInterval(sampler);
    await server.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
