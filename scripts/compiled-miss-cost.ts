/**
 * What a request the compiled fast path cannot serve costs, with compiled reads on and off
 * (issue 13: a miss must cost no more than without them). In process, on embedded PGlite in memory:
 *   npx tsx scripts/compiled-miss-cost.ts [--requests 2000]
 * Prints ms per request for: the same uncompilable document again (the fast path reads the body,
 * finds no template, the engine answers from the body already parsed), a new document each time
 * (also compiled once by the fast path), and, for scale, a hit (a compiled document).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openConfiguredDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedEmptyDatabase } from '../src/db/seed/start.js';
import { createYogaApp, type Yoga } from '../src/server.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' } } });
const requests = Number(values.requests);

const config = loadConfig({ ...process.env, PGLITE_DATA_DIR: 'memory://', DATABASE_URL: '' });
const handle = await openConfiguredDatabase(config);
await runMigrations(handle);
await seedEmptyDatabase(handle, config, () => undefined);

// `viewer` has no compiled SQL: anonymous, the engine answers it without a statement, so the figure is the request path itself.
const uncompilable = (i: number | null) => `query Viewer${i ?? ''} { viewer { id displayName } }`;
const compilable = '{ apps(first: 2) { nodes { key } } }';
const body = (query: string) => JSON.stringify({ query, variables: { padding: 'x'.repeat(2_000) }, extensions: { clientLibrary: { name: '@apollo/client', version: '4.0.0' } } });

async function send(yoga: Yoga, text: string): Promise<void> {
  const response = await yoga.fetch('http://bench.local/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: '*/*' }, body: text });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  await response.text();
}

async function msPerRequest(yoga: Yoga, bodies: (i: number) => string): Promise<number> {
  for (let i = 0; i < 200; i++) await send(yoga, bodies(-1 - i)); // warm-up
  const start = performance.now();
  for (let i = 0; i < requests; i++) await send(yoga, bodies(i));
  return (performance.now() - start) / requests;
}

const cases: [string, (run: number) => (i: number) => string][] = [
  ['miss: the same uncompilable document', () => () => body(uncompilable(null))],
  ['miss: a new document each request', (run) => (i) => body(uncompilable(run * 1_000_000 + i + 1_000))],
  ['hit: a compiled document (on) / the engine (off)', () => () => body(compilable)],
];
console.log(`${requests} requests each, ms/request (3 alternating runs)`);
for (const [name, bodies] of cases) {
  const figures: Record<'on' | 'off', number[]> = { on: [], off: [] };
  for (let run = 0; run < 3; run++) {
    for (const mode of ['on', 'off'] as const) {
      const yoga = createYogaApp({ handle, logError: console.error, compiledReads: mode === 'on' });
      figures[mode].push(await msPerRequest(yoga, bodies(run * 2 + (mode === 'on' ? 0 : 1))));
      await yoga.dispose();
    }
  }
  const show = (list: number[]) => list.map((ms) => ms.toFixed(3)).join(' ');
  console.log(`${name}: compiled reads on ${show(figures.on)} | off ${show(figures.off)}`);
}
await handle.close();
