import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { fromPackageRoot } from '../paths.js';
import { postgresError } from '../errors.js';
import type { DatabaseHandle } from './client.js';

export const migrationsFolder = fromPackageRoot('drizzle');

/**
 * Applies the pending migrations of `drizzle/` (each driver has its own migrator; the folder is
 * shared) and answers their names. When none is pending, as on every restart, that takes one query
 * instead of the migrator's run.
 */
export async function runMigrations(handle: DatabaseHandle, folder = migrationsFolder): Promise<string[]> {
  const pending = await pendingMigrationNames(handle, folder);
  if (pending.length === 0) return pending;
  const config = { migrationsFolder: folder };
  // Both migrators accept our Database; their signatures only name the driver-specific subclass. Loaded only when needed.
  if (handle.kind === 'pglite') await (await import('drizzle-orm/pglite/migrator')).migrate(handle.db as never, config);
  else await (await import('drizzle-orm/node-postgres/migrator')).migrate(handle.db as never, config);
  return pending;
}

/** The names of the migrations in `folder` (subfolders with a migration.sql, as drizzle's migrator reads them), oldest first. */
export function localMigrations(folder = migrationsFolder): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The migrations of `folder` the database has not applied, oldest first: by name, as drizzle's
 * migrator decides; all of them on a database never migrated. Rejects when the database does not answer.
 */
export async function pendingMigrationNames(handle: DatabaseHandle, folder = migrationsFolder): Promise<string[]> {
  const local = localMigrations(folder);
  try {
    const result = await handle.db.execute<{ name: string | null }>(sql`select name from drizzle.__drizzle_migrations`);
    // node-postgres and PGlite both return { rows }.
    const applied = new Set((result as unknown as { rows: { name: string | null }[] }).rows.map((row) => row.name));
    return local.filter((name) => !applied.has(name));
  } catch (error) {
    // undefined_table / invalid_schema_name: no migration ever ran here.
    const code = postgresError(error)?.code;
    if (code === '42P01' || code === '3F000') return local;
    throw error;
  }
}

/**
 * How many migrations of `drizzle/` the database has not applied (0 = current); a database never
 * migrated has them all pending. Rejects when the database does not answer.
 */
export async function pendingMigrations(handle: DatabaseHandle): Promise<number> {
  return (await pendingMigrationNames(handle)).length;
}

/** Like pendingMigrations, but a database that does not answer counts as not migrated. */
export async function pendingMigrationCount(handle: DatabaseHandle): Promise<number> {
  return pendingMigrations(handle).catch(() => localMigrations().length);
}
