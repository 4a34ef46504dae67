/**
 * `npm run bench:sse` (issue 6): delivery latency and memory of SSE subscriptions on one gateway.
 *   npm run bench:sse -- [--subscribers 1000] [--viewers 1000] [--messages 30] [--interval 1000] [--mode distinct|single]
 * Starts the gateway (`src/main.ts`) as a process of its own on a loopback port: on embedded PGlite
 * (in memory), or with DATABASE_URL on a fresh database of that PostgreSQL server (made from it,
 * migrated, seeded, dropped at the end). Signs up `--viewers` people through the API (each joins
 * acme), opens the subscribers (graphql-sse clients, spread over those people, all on #general),
 * warms up until each has received an event, then posts messages through the API as alice and
 * measures, per delivery, the time from just before the write was sent to the event's arrival.
 * Prints latency percentiles and the gateway process's memory (RSS).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-sse';
import { adminQuery } from '../src/db/admin.js';
import { cpuMs, killChildrenOnExit, startServer, type ServerProcess } from './bench/processes.js';

interface Options {
  subscribers: number;
  viewers: number;
  messages: number;
  intervalMs: number;
  mode: 'distinct' | 'single';
}

// seeds/accounts.sql: every demo person has this password; alice posts in #general of acme (public).
const DEMO_PASSWORD = 'demo-password-2026';
const ACME = Buffer.from('Organization:20000000-0000-4000-8000-000000000001').toString('base64');
const GENERAL = Buffer.from('Channel:30000000-0000-4000-8000-000000000001').toString('base64');
const SUBSCRIPTION = `subscription ($channel: ID!) {
  channelEvents(channel: $channel) { kind message { id content createdAt author { displayName } } }
}`;

function parseCli(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      subscribers: { type: 'string', default: '1000' },
      viewers: { type: 'string' },
      messages: { type: 'string', default: '30' },
      interval: { type: 'string', default: '1000' },
      mode: { type: 'string', default: 'distinct' },
    },
  });
  const bounded = (name: 'subscribers' | 'viewers' | 'messages' | 'interval', min: number, max: number) => {
    const value = Number(values[name] ?? values.subscribers);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer in ${min}..${max}`);
    return value;
  };
  if (values.mode !== 'distinct' && values.mode !== 'single') throw new Error('--mode must be distinct or single');
  return { subscribers: bounded('subscribers', 1, 5_000), viewers: bounded('viewers', 1, 5_000), messages: bounded('messages', 1, 1_000), intervalMs: bounded('interval', 10, 10_000), mode: values.mode };
}

/** Resident memory of a process in MB (/proc/<pid>/status VmRSS). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** CPU ms of the local PostgreSQL backends serving `database` (their title names it), not of other users' databases. */
function databaseCpuMs(database: string | null): number {
  if (!database) return 0;
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${database} `)) total += cpuMs(Number(entry));
    } catch {
      // exited while we looked
    }
  }
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

/** What the subscribers saw: per message number, the latency of each delivery. */
class Deliveries {
  readonly latencies = new Map<number, number[]>();
  warmups = 0;

  record(content: string | undefined): void {
    const match = /^bench (-?\d+) (\d+)$/.exec(content ?? '');
    if (!match) return;
    const seq = Number(match[1]);
    if (seq < 0) {
      this.warmups++;
      return;
    }
    const list = this.latencies.get(seq) ?? [];
    list.push(Date.now() - Number(match[2]));
    this.latencies.set(seq, list);
  }

  count(): number {
    let total = 0;
    for (const list of this.latencies.values()) total += list.length;
    return total;
  }
}

/** One subscriber: a graphql-sse client of its own (a browser tab), on #general. */
function openSubscriber(server: ServerProcess, options: Options, headers: Record<string, string>, onConnected: () => void, onContent: (content?: string) => void) {
  const single = options.mode === 'single';
  const url = single ? `${server.baseUrl}/graphql/stream` : `${server.baseUrl}/graphql`;
  // Its own headers object: a single-connection client writes its stream token into it.
  const client = createClient({ url, singleConnection: single, headers: { ...headers }, retryAttempts: 0, on: single ? { connected: onConnected } : undefined } as never) as Client<boolean>;
  const sink = {
    next: (result: { data?: unknown }) => onContent((result.data as any)?.channelEvents?.message?.content),
    error: (error: unknown) => console.error(`a subscriber failed: ${String(error)}`),
    complete: () => undefined,
  };
  (client.subscribe as (...args: unknown[]) => void)({ query: SUBSCRIPTION, variables: { channel: GENERAL } }, sink, single ? undefined : { connected: onConnected });
  return client;
}

/** Opens the subscribers 100 at a time (each batch connected before the next: no connection storm); each knows whether it saw a warm-up event. */
async function openSubscribers(server: ServerProcess, options: Options, sessions: Record<string, string>[], deliveries: Deliveries) {
  const warmed = new Set<number>();
  const clients: Client<boolean>[] = [];
  let connected = 0;
  for (let i = 0; i < options.subscribers; i++) {
    const record = (content?: string) => {
      if (content?.startsWith('bench -')) warmed.add(i);
      deliveries.record(content);
    };
    clients.push(openSubscriber(server, options, sessions[i % sessions.length]!, () => connected++, record));
    if ((i + 1) % 100 !== 0 && i + 1 < options.subscribers) continue;
    const deadline = Date.now() + 60_000;
    while (connected < clients.length) {
      if (Date.now() > deadline) throw new Error(`only ${connected} of ${clients.length} subscribers connected within 60 s`);
      await sleep(20);
    }
  }
  return { clients, warmed };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main() {
  const options = parseCli(process.argv.slice(2));
  killChildrenOnExit();
  const database = await prepareDatabase();
  // 1,000 sign-ups from one loopback address would meet the password limit at once.
  const server = await startServer('gateway', 'src/main.ts', { ...database.env, PLAYGROUND_USER: '', NODE_ENV: 'production', SEED_DEMO: 'true', LOG_QUERIES: 'false', RATE_LIMITS: 'false', LIMIT_CLIENT_CONCURRENCY: '0' });
  const deliveries = new Deliveries();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid))), 100);
  try {
    const author = await signIn(server, 'alice@example.com');
    const prepared = Date.now();
    const sessions = await newMembers(server, options.viewers);
    console.log(`${options.viewers} viewers signed up and joined acme in ${((Date.now() - prepared) / 1000).toFixed(1)} s`);
    await database.analyze();
    await sleep(2_000);
    const memory = { idle: rssMb(server.pid), subscribed: 0, afterClose: 0 };
    const opened = Date.now();
    const { clients, warmed } = await openSubscribers(server, options, sessions, deliveries);

    // Warm-up: post until every subscriber has received an event (all connected and delivering), at most 120 s.
    for (let round = 1; warmed.size < options.subscribers; round++) {
      if (Date.now() - opened > 120_000) throw new Error(`only ${warmed.size} of ${options.subscribers} subscribers received events within 120 s`);
      await graphql(server, 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }', { input: { channelId: GENERAL, content: `bench -${round} 0` } }, author);
      await sleep(1_000);
    }
    const connectMs = Date.now() - opened;
    await sleep(1_000);
    memory.subscribed = rssMb(server.pid);

    const cpuBefore = { gateway: cpuMs(server.pid), postgres: databaseCpuMs(database.name), bench: process.cpuUsage() };
    const started = Date.now();
    for (let seq = 0; seq < options.messages; seq++) {
      const content = `bench ${seq} ${Date.now()}`;
      // Not awaited: writes go out on schedule however long delivery takes.
      graphql(server, 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }', { input: { channelId: GENERAL, content } }, author).catch(
        (error: unknown) => console.error(`message ${seq}: ${String(error)}`),
      );
      await sleep(options.intervalMs);
    }
    const expected = options.messages * options.subscribers;
    const deadline = Date.now() + 120_000;
    while (deliveries.count() < expected && Date.now() < deadline) await sleep(100);
    const elapsedS = (Date.now() - started) / 1000;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const cpu = {
      gateway: (cpuMs(server.pid) - cpuBefore.gateway) / 1000,
      postgres: (databaseCpuMs(database.name) - cpuBefore.postgres) / 1000,
      clients: (benchCpu.user + benchCpu.system) / 1e6,
    };

    clients.forEach((client) => client.dispose());
    await sleep(3_000);
    memory.afterClose = rssMb(server.pid);

    const all = [...deliveries.latencies.values()].flat().sort((a, b) => a - b);
    const lines = [
      `gateway on ${database.label}; ${options.subscribers} subscribers (${options.mode} mode) on one channel, ${options.viewers} distinct viewers`,
      `subscribers connected and warmed up in ${(connectMs / 1000).toFixed(1)} s`,
      `${options.messages} messages, one every ${options.intervalMs} ms, through sendMessage`,
      `delivered ${all.length} of ${expected} events in ${elapsedS.toFixed(1)} s`,
      `CPU seconds meanwhile: gateway ${cpu.gateway.toFixed(1)}, PostgreSQL ${database.name ? cpu.postgres.toFixed(1) : '(in the gateway)'}, the ${options.subscribers} clients ${cpu.clients.toFixed(1)} (${cpus().length} cores)`,
      `latency write -> event (ms): p50 ${percentile(all, 50)}  p90 ${percentile(all, 90)}  p99 ${percentile(all, 99)}  max ${all.at(-1)}`,
      `gateway RSS (MB): idle ${memory.idle.toFixed(0)}  with subscribers ${memory.subscribed.toFixed(0)}  peak ${peakRss.toFixed(0)}  3 s after they closed ${memory.afterClose.toFixed(0)}`,
    ];
    console.log(`\n${lines.join('\n')}`);
    if (all.length < expected) process.exitCode = 1;
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
