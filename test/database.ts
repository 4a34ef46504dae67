import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { adminQuery, withDatabase } from './global-setup.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Closes the handle and, on PostgreSQL, drops the database. */
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated, empty database: in-memory PGlite by default; with TEST_DATABASE_URL set, a
 * new PostgreSQL database `<prefix>_<random>` created through that URL and dropped by cleanup().
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
  await adminQuery(adminUrl, `create database "${name}"`);
  const handle = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 4 });
  const cleanup = async (): Promise<void> => {
    await handle.close();
    await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
  };
  try {
    await runMigrations(handle);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { handle, cleanup };
}

/** Runs one raw statement and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T = Record<string, unknown>>(handle: DatabaseHandle, sqlText: string): Promise<T[]> {
  const result = await handle.db.execute(sql.raw(sqlText));
  return (result as unknown as { rows: T[] }).rows;
}
