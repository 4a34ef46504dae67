/**
 * Heap a compiled document costs the gateway (calibrates TEMPLATE_BYTES_PER_CHAR of src/compiled/fast-path.ts):
 *   node --expose-gc --import tsx scripts/compiled-template-heap.ts        (OFF=1: compiled reads off, the baseline)
 * Sends 2,000 new documents of 202 characters once each, after 1,100 that fill yoga's own caches, and prints heap growth per document.
 */
import { loadConfig } from '../src/config.js';
import { openConfiguredDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedEmptyDatabase } from '../src/db/seed/start.js';
import { createYogaApp } from '../src/server.js';
const config = loadConfig({ ...process.env, PGLITE_DATA_DIR: 'memory://', DATABASE_URL: '' });
const handle = await openConfiguredDatabase(config);
await runMigrations(handle);
await seedEmptyDatabase(handle, config, () => undefined);
const yoga = createYogaApp({ handle, logError: console.error, compiledReads: process.env.OFF !== '1' });
const docs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `query ${tag}${i}($id: ID!, $first: Int) { channel(id: $id) { name messages(first: $first) { totalCount nodes { id content createdAt author { displayName firstName } channel { name } reactionCount } } } }`);
const send = async (query: string) => { const r = await yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { id: Buffer.from('Channel:30000000-0000-4000-8000-000000000001').toString('base64'), first: 2 } }) }); await r.text(); };
for (const q of docs(1100, 'Warm')) await send(q); // fills yoga's own parse cache (1000) first
global.gc!(); const before = process.memoryUsage().heapUsed;
const list = docs(2000, 'Measured');
for (const q of list) await send(q);
global.gc!(); const after = process.memoryUsage().heapUsed;
console.log('chars/doc', list[0]!.length, 'heap bytes per new compiled document', Math.round((after - before) / 2000));
await yoga.dispose(); await handle.close();
