/**
 * `npm run hostile` (issue 11): the hostile requests measured from outside, against the gateway
 * with its limits (src/limits/), and what the gateway still does for others meanwhile.
 *   npm run hostile -- [--attackers 10] [--seconds 5]
 * Starts the gateway in this process on a loopback port (embedded PGlite in memory; with
 * DATABASE_URL, on a fresh database of that server, dropped at the end), migrated and seeded.
 * 1. sends each hostile request once and prints its time, HTTP status and refusal (or answer size);
 * 2. measures /health and a normal read (the playground's query, signed in as bob, while the
 *    attacker is alice) alone, then with `--attackers` requests in flight all the time: first the
 *    refused shapes, then the shapes the budget still admits (what an attacker can do within the
 *    limits), without and with the per-client concurrency limit (LIMIT_CLIENT_CONCURRENCY, default
 *    4), and prints p50/p99 of both, the attack's request rate and the event loop's delay.
 * Stops by itself. Limits come from the LIMIT_* variables like the gateway's (README "Limits").
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { adminQuery } from '../src/db/admin.js';
import { parse } from 'graphql';
import { loadConfig } from '../src/config.js';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { runSeeds } from '../src/db/seed/runner.js';
import type { QueryLimits } from '../src/limits/limits.js';
import { measureOperation } from '../src/limits/cost.js';
import { playgroundQuery } from '../src/http/playground.js';
import { schema } from '../src/schema/index.js';
import { createYogaApp, listen } from '../src/server.js';

const GENERAL = Buffer.from('Channel:30000000-0000-4000-8000-000000000001').toString('base64');
const DEMO_PASSWORD = 'demo-password-2026';
const repeat = (n: number, piece: (i: number) => string) => Array.from({ length: n }, (_, i) => piece(i)).join(' ');
const signIn = (i: number, email = 'alice@example.com') => `a${i}: signIn(input: { email: "${email}", password: "${DEMO_PASSWORD}" }) { __typename }`;

interface Hostile {
  name: string;
  query: string;
  /** Sent without the session (the anonymous shapes of the issue). */
  anonymous?: boolean;
  /** Within the limits: answered, not refused. */
  allowed?: boolean;
}

// The shapes of issue 11, as measured from outside before the limits.
const HOSTILE: Hostile[] = [
  {
    name: '10,000 aliases of messages(first: 100) { reactions }',
    query: `{ ${repeat(10_000, (i) => `a${i}: messages(channel: "${GENERAL}", first: 100) { nodes { id content reactions { nodes { emoji } } } }`)} }`,
  },
  { name: '30 aliases of messages(first: 100) { reactions }', query: `{ ${repeat(30, (i) => `a${i}: messages(channel: "${GENERAL}", first: 100) { nodes { id content reactions { nodes { emoji } } } }`)} }` },
  { name: 'organizations -> channels(100) -> messages(100) -> reactions', query: '{ organizations { nodes { channels(first: 100) { nodes { messages(first: 100) { nodes { id reactions { nodes { emoji } } } } } } } } }' },
  { name: 'channel.organization.channels nested 200 deep', query: `{ channel(id: "${GENERAL}") { ${'organization { channels { nodes { '.repeat(66)}id${' } } }'.repeat(66)} } }` },
  {
    name: 'four-level fan-out: organizations -> members -> user -> organizations',
    query: '{ organizations(first: 100) { nodes { members(first: 100) { nodes { user { memberships(first: 100) { nodes { organization { channels(first: 100) { nodes { id name } } } } } } } } } } }',
  },
  { name: '8 levels of channels -> organization', query: `{ ${'channels { nodes { organization { '.repeat(8)}id${' } } }'.repeat(8)} }` },
  { name: '3 levels of channels -> organization', query: `{ ${'channels(first: 100) { nodes { organization { '.repeat(3)}id${' } } }'.repeat(3)} }` },
  { name: '1,000 aliases of __schema (anonymous)', query: `{ ${repeat(1_000, (i) => `a${i}: __schema { types { name fields { name } } }`)} }`, anonymous: true },
  { name: '11 aliases of __schema (anonymous)', query: `{ ${repeat(11, (i) => `a${i}: __schema { types { name fields { name } } }`)} }`, anonymous: true },
  { name: '100 aliases of signIn (anonymous)', query: `mutation { ${repeat(100, signIn)} }`, anonymous: true },
  { name: '2 aliases of signIn (anonymous)', query: `mutation { ${repeat(2, signIn)} }`, anonymous: true },
  { name: 'fields nested 1,500 deep', query: `{ ${'a { '.repeat(1_500)}b${' }'.repeat(1_500)} }` },
  { name: 'fields nested 100,000 deep', query: `{ ${'a{'.repeat(100_000)}b${'}'.repeat(100_000)} }` },
];

const aliases = (field: string) => (n: number) => `{ ${repeat(n, (i) => `a${i}: ${field}`)} }`;
const schemaAliases = aliases('__schema { types { name fields { name } } }');
const messagesAliases = aliases(`messages(channel: "${GENERAL}", first: 100) { nodes { id content reactions { nodes { emoji } } } }`);

/** Within the limits: the largest request of a shape they admit, as many aliases as the cost and alias limits allow. */
function admitted(limits: QueryLimits, name: string, shape: (n: number) => string, anonymous = false): Hostile {
  let n = 1;
  while (n < limits.aliases && (measureOperation(schema, parse(shape(n + 1)), null, {})?.cost ?? Infinity) <= limits.cost) n++;
  return { allowed: true, anonymous, name: `(allowed) ${n} aliases of ${name}`, query: shape(n) };
}

function parseCli() {
  const { values } = parseArgs({ options: { attackers: { type: 'string', default: '10' }, seconds: { type: 'string', default: '5' } } });
  const attackers = Number(values.attackers);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(attackers) || attackers < 1 || attackers > 200) throw new Error('--attackers must be an integer in 1..200');
  if (!(seconds > 0 && seconds <= 120)) throw new Error('--seconds must be in (0, 120]');
  return { attackers, seconds };
}


/** PGlite in memory, or a fresh database on the DATABASE_URL server. */
async function openScratchDatabase(): Promise<{ handle: DatabaseHandle; label: string; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { handle: await openDatabase({}), label: 'embedded PGlite (in memory)', drop: async () => undefined };
  const name = `hostile_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await adminQuery(serverUrl, `create database "${name}"`);
  const handle = await openDatabase({ url: url.toString(), poolSize: loadConfig().poolSize });
  return {
    handle,
    label: `PostgreSQL (${url.host}, database ${name})`,
    drop: async () => {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN);
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface Sent {
  ms: number;
  status: number;
  bytes: number;
  summary: string;
}

async function main() {
  const { attackers, seconds } = parseCli();
  const config = loadConfig();
  HOSTILE.push(admitted(config.limits, '__schema', schemaAliases), admitted(config.limits, 'messages(first: 100) { reactions }', messagesAliases));
  const database = await openScratchDatabase();
  const { handle } = database;
  await runMigrations(handle);
  await runSeeds(handle, { demo: true }); // the demo people and messages the requests read
  if (handle.kind === 'postgres') await handle.exec('analyze');
  // Two gateways on the same database: without (before) and with (after) the per-client concurrency limit.
  // Every client here is on loopback, which the default exempts; this script stands in for remote clients.
  const concurrency = { ...(config.concurrency ?? { perClient: 4, queue: 32, maxWaitMs: 5_000, trustProxy: 0 }), exemptLoopback: false };
  const open = async (withConcurrency: boolean) => {
    const yoga = createYogaApp({ handle, logError: () => undefined, authCacheTtlMs: config.authCacheTtlMs, limits: config.limits, concurrency: withConcurrency ? concurrency : null });
    const gateway = await listen(yoga, 0, '127.0.0.1');
    return { yoga, gateway, base: gateway.url.replace(/\/graphql$/, '') };
  };
  const gateways = { before: await open(false), after: await open(true) };
  let base = gateways.after.base;
  console.log(`[hostile] gateways on ${gateways.before.base} (no concurrency limit) and ${base} (${JSON.stringify(concurrency)}), ${database.label}; limits ${JSON.stringify(config.limits)}`);

  // Bodies are written once: the attackers share this process, their own work should stay small.
  const bodies = new Map<string, string>();
  const post = async (query: string, headers: Record<string, string> = {}): Promise<Sent> => {
    let body = bodies.get(query);
    if (!body) bodies.set(query, (body = JSON.stringify({ query })));
    const started = performance.now();
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body });
    const text = await response.text();
    const elapsed = performance.now() - started;
    let summary = `${(text.length / 1024).toFixed(1)} KB of data`;
    try {
      const error = (JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] }).errors?.[0];
      if (error) summary = `${String(error.extensions?.code)} ${String(error.extensions?.limit ?? '')} found ${String(error.extensions?.found ?? '-')} max ${String(error.extensions?.max ?? '-')}`;
    } catch {
      summary = `not JSON: ${text.slice(0, 80)}`;
    }
    return { ms: elapsed, status: response.status, bytes: text.length, summary };
  };

  const sessionOf = async (email: string) => {
    const signedIn = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { ${signIn(0, email).replace(/__typename/, '... on SessionPayload { token }')} }` }),
    }).then((response) => response.json() as Promise<{ data: { a0: { token: string } } }>);
    return { authorization: `Bearer ${signedIn.data.a0.token}` };
  };
  // The attacker and the normal reader are different people: per-client fairness is what is measured.
  const session = await sessionOf('alice@example.com');
  const reader = await sessionOf('bob@example.com');
  const headersOf = (hostile: Hostile) => (hostile.anonymous ? {} : session);

  console.log('\n1. Each hostile request alone (signed in unless marked anonymous): median and max HTTP round trip on loopback of 5 sends');
  for (const hostile of HOSTILE) await post(hostile.query, headersOf(hostile)); // warm-up: JIT, parse caches of yoga
  for (const hostile of HOSTILE) {
    const sends: Sent[] = [];
    for (let i = 0; i < 5; i++) sends.push(await post(hostile.query, headersOf(hostile)));
    const times = sends.map((sent) => sent.ms).sort((a, b) => a - b);
    const { status, summary } = sends[0]!;
    console.log(`  ${hostile.name.padEnd(68)} ${ms(times[2]!).padStart(9)} ${ms(times[4]!).padStart(9)}  HTTP ${status}  ${summary}  (${(hostile.query.length / 1024).toFixed(1)} KB sent)`);
  }

  const probe = async (until: number) => {
    const health: number[] = [];
    const reads: number[] = [];
    while (performance.now() < until) {
      let started = performance.now();
      await fetch(`${base}/health`).then((response) => response.text());
      health.push(performance.now() - started);
      started = performance.now();
      const read = await post(playgroundQuery, reader);
      if (read.status !== 200 || read.summary.startsWith('QUERY')) throw new Error(`the normal read failed: ${read.summary}`);
      reads.push(performance.now() - started);
    }
    return { health: health.sort((a, b) => a - b), reads: reads.sort((a, b) => a - b) };
  };
  const report = (label: string, figures: { health: number[]; reads: number[] }) =>
    console.log(
      `  ${label.padEnd(40)} /health p50 ${ms(percentile(figures.health, 50))} p99 ${ms(percentile(figures.health, 99))}` +
        `   normal read p50 ${ms(percentile(figures.reads, 50))} p99 ${ms(percentile(figures.reads, 99))}   (${figures.reads.length} reads)`,
    );

  const attack = async (label: string, shapes: Hostile[]) => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const until = performance.now() + seconds * 1000;
    const counts = new Map<string, number>();
    let attacks = 0;
    const attacker = async (offset: number) => {
      for (let i = offset; performance.now() < until; i++) {
        const hostile = shapes[i % shapes.length]!;
        const sent = await post(hostile.query, headersOf(hostile));
        attacks++;
        const key = `HTTP ${sent.status} ${sent.summary.split(' found')[0]!.replace(/^[\d.]+ KB of data$/, 'answered')}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    };
    const [underAttack] = await Promise.all([probe(until), ...Array.from({ length: attackers }, (_, i) => attacker(i))]);
    delay.disable();
    report(label, underAttack);
    const outcomes = [...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${count} ${key}`);
    console.log(`    ${attacks} requests in ${seconds} s (${(attacks / seconds).toFixed(0)}/s): ${outcomes.join(', ')}`);
    console.log(`    event loop delay p50 ${ms(delay.percentile(50) / 1e6)} p99 ${ms(delay.percentile(99) / 1e6)} max ${ms(delay.max / 1e6)}`);
  };

  console.log(`\n2. /health and the playground's query (signed in as bob; the attacker is alice), ${seconds} s each; the attackers run in this process too`);
  report('alone', await probe(performance.now() + seconds * 1000));
  await attack(`${attackers} refused requests in flight`, HOSTILE.filter((hostile) => !hostile.allowed));
  base = gateways.before.base;
  await attack(`${attackers} admitted, no concurrency limit`, HOSTILE.filter((hostile) => hostile.allowed));
  base = gateways.after.base;
  await attack(`${attackers} admitted, ${concurrency.perClient} per client`, HOSTILE.filter((hostile) => hostile.allowed));

  for (const { gateway, yoga } of Object.values(gateways)) {
    await gateway.close();
    await yoga.dispose();
  }
  await database.drop();
  if (handle.kind === 'pglite') await handle.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[hostile] failed:', error);
    process.exit(1);
  },
);
