import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { runSeeds } from '../../src/db/seed/runner.js';
import { generateDataset } from '../../scripts/seed-large/generate.js';
import { insertTable, type Queryable } from '../../scripts/seed-large/table.js';
import { insertViewer, loadOrder } from '../../scripts/seed-large/viewer.js';
import { adminQuery, withDatabase } from '../global-setup.js';

/** One statement the gateway sent, with its parameters, for EXPLAIN. */
export interface SentStatement {
  text: string;
  params: unknown[];
}

export interface LargeDatabase {
  handle: DatabaseHandle;
  /** The statements sent since the last `sent.length = 0`. */
  sent: SentStatement[];
  cleanup(): Promise<void>;
}

/**
 * A database holding the `seed:large` data set at `scale` (PostgreSQL with TEST_DATABASE_URL, a
 * database of its own dropped by cleanup(); else in-memory PGlite), analyzed like the seed script does.
 */
export async function openLargeDatabase(scale: number): Promise<LargeDatabase> {
  const sent: SentStatement[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => void sent.push({ text, params }) };
  const adminUrl = process.env.TEST_DATABASE_URL;
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  let name: string | undefined;
  if (adminUrl) {
    name = `plans_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `create database "${name}"`);
    handle = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 4, logger });
    cleanup = async () => {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
    };
  } else {
    handle = await openDatabase({ logger });
    cleanup = () => handle.close();
  }
  try {
    await runMigrations(handle);
    await runSeeds(handle, { reset: true, demo: true });
    const dataset = generateDataset(scale, 1);
    // Loaded as seed:large does, with gateway.realtime=off: no event log rows, no notifications (a bulk load).
    const bulk = adminUrl ? new pg.Pool({ connectionString: withDatabase(adminUrl, name!), max: 2, options: '-c gateway.realtime=off' }) : null;
    if (!bulk) await handle.exec(`set gateway.realtime = 'off'`);
    const target: Queryable = bulk ?? handle.pglite!;
    try {
      for (const key of loadOrder) await insertTable(target, dataset[key]);
      await insertViewer(target);
    } finally {
      if (bulk) await bulk.end();
      else await handle.exec('reset gateway.realtime');
    }
    await handle.exec('analyze');
  } catch (error) {
    await cleanup();
    throw error;
  }
  sent.length = 0;
  return { handle, sent, cleanup };
}
