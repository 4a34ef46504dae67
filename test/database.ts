import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Closes the handle and, on PostgreSQL, drops the database. */
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated database: in-memory PGlite by default; with TEST_DATABASE_URL set, a new
 * PostgreSQL database `<prefix>_<random>` created through that URL and dropped by cleanup().
 * PGlite.create takes seconds, so open one per test file (beforeAll), not one per test.
 */
export async function openTestDatabase(options: { prefix?: string } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = await openDatabase();
    await runMigrations(handle);
    return { handle, cleanup: () => handle.close() };
  }
  const name = `${options.prefix ?? 'test'}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}"`));
  const handle = await openDatabase({ url: databaseUrl(adminUrl, name), poolSize: 4 });
  const cleanup = async (): Promise<void> => {
    await handle.close();
    await withAdminClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
  };
  try {
    await runMigrations(handle);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { handle, cleanup };
}

/** The same server and credentials as `url`, another database. */
function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs one raw statement and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(handle: DatabaseHandle, sqlText: string): Promise<T[]> {
  const result = await handle.db.execute(sql.raw(sqlText));
  return (result as unknown as { rows: T[] }).rows;
}
