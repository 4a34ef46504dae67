/**
 * How long a credential revoked through one gateway instance stays usable on another: two instances
 * (own pool, own LISTEN connection, credential cache of a minute) on a fresh PostgreSQL database;
 * for each round a session is signed out on the first, and the second is asked every millisecond
 * until it refuses the token. Prints percentiles of that window, measured from signOut's response.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/revocation-latency.ts [--rounds 50]
 */
import { adminQuery } from '../src/db/admin.js';
import { createSession } from '../src/auth/sessions.js';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { runSeeds } from '../src/db/seed/runner.js';
import { createRealtime } from '../src/realtime/index.js';
import { createYogaApp } from '../src/server.js';
import { silentLogger } from '../src/observe/logger.js';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 50;
const name = `gateway_revocation_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const admin = (sqlText: string) => adminQuery(adminUrl, sqlText);

async function main() {
  await admin(`create database "${name}"`);
  const handles = [await openDatabase({ url: url.toString(), poolSize: 4 }), await openDatabase({ url: url.toString(), poolSize: 4 })];
  try {
    await runMigrations(handles[0]!);
    await runSeeds(handles[0]!, { demo: true });
    const instances = [];
    for (const handle of handles) {
      const realtime = createRealtime(handle, { log: silentLogger() });
      await realtime.start();
      instances.push({ realtime, yoga: createYogaApp({ handle, realtime, authCacheTtlMs: 60_000, logError: () => undefined }) });
    }
    const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const ask = async (yoga: typeof first.yoga, query: string, token: string) => {
      const response = await yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    };
    const [{ id: dave }] = (await handles[0]!.pool!.query(`select id from auth.users where email = 'dave@example.com'`)).rows as [{ id: string }];
    const windows: number[] = [];
    let polls = 0;
    for (let round = 0; round < rounds; round++) {
      const { token } = await createSession(handles[0]!.db, dave, { ip: null, userAgent: 'revocation latency' });
      for (const instance of instances) await ask(instance.yoga, '{ viewer { id } }', token); // cached on both
      await ask(first.yoga, 'mutation { signOut { __typename } }', token);
      const signedOut = performance.now();
      while ((await ask(second.yoga, '{ viewer { id } }', token)).errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') {
        polls++;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      windows.push(performance.now() - signedOut);
    }
    windows.sort((a, b) => a - b);
    const at = (p: number) => windows[Math.min(windows.length - 1, Math.floor((p / 100) * windows.length))]!.toFixed(1);
    console.log(`${rounds} sign-outs on instance 1; still accepted on instance 2 after signOut answered:`);
    console.log(`  p50 ${at(50)} ms, p90 ${at(90)} ms, max ${windows.at(-1)!.toFixed(1)} ms (${polls} requests accepted in those windows)`);
    for (const instance of instances) {
      await instance.realtime.stop();
      await instance.yoga.dispose();
    }
  } finally {
    for (const handle of handles) await handle.close();
    await admin(`drop database if exists "${name}" with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
