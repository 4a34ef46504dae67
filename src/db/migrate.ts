import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fromPackageRoot } from '../paths.js';
import { postgresError } from '../errors.js';
import type { DatabaseHandle } from './client.js';

export const migrationsFolder = fromPackageRoot('drizzle');

/** Applies the pending migrations of `drizzle/` (each driver has its own migrator; the folder is shared). */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder };
  // Both migrators accept our Database; their signatures only name the driver-specific subclass.
  if (handle.kind === 'pglite') await migratePglite(handle.db as never, config);
  else await migrateNodePg(handle.db as never, config);
}

/** The names of the migrations in `drizzle/`, oldest first. */
export function localMigrations(): string[] {
  return readdirSync(migrationsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * How many migrations of `drizzle/` the database has not applied (0 = current); a database never
 * migrated has them all pending. Rejects when the database does not answer.
 */
export async function pendingMigrations(handle: DatabaseHandle): Promise<number> {
  const local = localMigrations().length;
  try {
    const result = await handle.db.execute<{ applied: number }>(
      sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
    );
    const rows = (result as unknown as { rows?: { applied: number }[] }).rows ?? (result as unknown as { applied: number }[]);
    return Math.max(0, local - Number(rows[0]?.applied ?? 0));
  } catch (error) {
    // undefined_table / invalid_schema_name: no migration ever ran here.
    const code = postgresError(error)?.code;
    if (code === '42P01' || code === '3F000') return local;
    throw error;
  }
}

/** Like pendingMigrations, but a database that does not answer counts as not migrated. */
export async function pendingMigrationCount(handle: DatabaseHandle): Promise<number> {
  return pendingMigrations(handle).catch(() => localMigrations().length);
}
