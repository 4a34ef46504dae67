import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { seeds as registry } from '../../../seeds/config.js';
import type { DatabaseHandle } from '../client.js';

/** One data set: an idempotent SQL file and the data sets it needs first. */
export interface SeedDefinition {
  name: string;
  /** File name inside the seeds folder. */
  file: string;
  dependsOn: string[];
  description: string;
}

export interface RunSeedsOptions {
  /** Run only these data sets (and what they depend on, transitively). */
  only?: string[];
  /** Truncate every table of the auth, platform and chat schemas first. */
  reset?: boolean;
  /** Overrides the first administrator's email (exposed to SQL as `seed.admin_email`). */
  adminEmail?: string;
  /** The registry (default: seeds/config.ts). */
  seeds?: SeedDefinition[];
  /** Where the SQL files live (default: the repository's seeds/ folder). */
  seedsDir?: string;
  log?: (line: string) => void;
}

interface LoadedSeed {
  seed: SeedDefinition;
  sqlText: string;
}

export const defaultSeedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url));

/** The schemas a reset empties; drizzle's migration journal (schema `drizzle`) is left alone. */
const SEEDED_SCHEMAS = ['auth', 'platform', 'chat'];

/**
 * The data sets to run, dependencies first. Among data sets that do not depend on each other the
 * registry order is kept. With `only`, the named sets plus everything they depend on.
 */
export function planSeeds(all: SeedDefinition[], only?: string[]): SeedDefinition[] {
  const byName = indexByName(all);
  const ordered = sortByDependencies(all, byName);
  if (only === undefined) return ordered;
  const wanted = dependencyClosure(only, byName);
  return ordered.filter((seed) => wanted.has(seed.name));
}

function indexByName(all: SeedDefinition[]): Map<string, SeedDefinition> {
  const byName = new Map<string, SeedDefinition>();
  for (const seed of all) {
    if (byName.has(seed.name)) throw new Error(`Duplicate seed "${seed.name}"`);
    byName.set(seed.name, seed);
  }
  for (const seed of all) {
    for (const dependency of seed.dependsOn) {
      if (!byName.has(dependency)) throw new Error(`Unknown seed "${dependency}" (in dependsOn of "${seed.name}")`);
    }
  }
  return byName;
}

/** Kahn's algorithm that always takes the earliest ready data set in registry order (stable). */
function sortByDependencies(all: SeedDefinition[], byName: Map<string, SeedDefinition>): SeedDefinition[] {
  const done = new Set<string>();
  const result: SeedDefinition[] = [];
  while (result.length < all.length) {
    const next = all.find((seed) => !done.has(seed.name) && seed.dependsOn.every((name) => done.has(name)));
    if (!next) {
      const cycle = findCycle(all.filter((seed) => !done.has(seed.name)), byName);
      throw new Error(`Seed dependency cycle: ${cycle.join(' -> ')}`);
    }
    done.add(next.name);
    result.push(next);
  }
  return result;
}

/** Walks dependencies among the unsorted rest (every one of them is blocked) until a name repeats. */
function findCycle(rest: SeedDefinition[], byName: Map<string, SeedDefinition>): string[] {
  const remaining = new Set(rest.map((seed) => seed.name));
  const path: string[] = [];
  let current = rest[0]!;
  while (!path.includes(current.name)) {
    path.push(current.name);
    current = byName.get(current.dependsOn.find((name) => remaining.has(name))!)!;
  }
  return [...path.slice(path.indexOf(current.name)), current.name];
}

function dependencyClosure(names: string[], byName: Map<string, SeedDefinition>): Set<string> {
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    const seed = byName.get(name);
    if (!seed) throw new Error(`Unknown seed "${name}"`);
    if (wanted.has(name)) return;
    wanted.add(name);
    seed.dependsOn.forEach(visit);
  };
  names.forEach(visit);
  return wanted;
}

/** Runs the planned data sets in one transaction: either all of them land or none does. */
export async function runSeeds(handle: DatabaseHandle, options: RunSeedsOptions = {}): Promise<{ ran: string[] }> {
  const log = options.log ?? (() => undefined);
  const plan = planSeeds(options.seeds ?? registry, options.only);
  const adminEmail = checkedAdminEmail(options.adminEmail);
  // Read every file before touching the database, so a missing file cannot leave half a run.
  const loaded = await loadSeedFiles(plan, options.seedsDir ?? defaultSeedsDir);
  await handle.scriptTransaction(async (exec) => {
    // Transaction-local: the seed files read it with current_setting('seed.admin_email', true).
    await exec(`select set_config('seed.admin_email', ${quoteLiteral(adminEmail)}, true)`);
    if (options.reset) {
      log(`reset: truncating every table of ${SEEDED_SCHEMAS.join(', ')}`);
      await exec(truncateScript());
    }
    for (const { seed, sqlText } of loaded) {
      log(`seed ${seed.name} (${seed.file})`);
      await exec(sqlText).catch((error: unknown) => {
        throw new Error(`Seed "${seed.name}" (${seed.file}) failed: ${describeError(error)}`, { cause: error });
      });
    }
  });
  return { ran: plan.map((seed) => seed.name) };
}

async function loadSeedFiles(plan: SeedDefinition[], seedsDir: string): Promise<LoadedSeed[]> {
  return Promise.all(
    plan.map(async (seed) => {
      const path = join(seedsDir, seed.file);
      const sqlText = await readFile(path, 'utf8').catch((error: unknown) => {
        throw new Error(`Seed "${seed.name}": cannot read ${path}: ${describeError(error)}`, { cause: error });
      });
      return { seed, sqlText };
    }),
  );
}

function checkedAdminEmail(email: string | undefined): string {
  const trimmed = email?.trim() ?? '';
  if (trimmed !== '' && !/^[^\s@]+@[^\s@]+$/.test(trimmed)) throw new Error(`Invalid admin email "${trimmed}"`);
  return trimmed;
}

/** A SQL string literal (standard_conforming_strings is on in both PostgreSQL and PGlite). */
function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** One TRUNCATE of every table in the seeded schemas, found at run time so new tables are included. */
function truncateScript(): string {
  const schemas = SEEDED_SCHEMAS.map(quoteLiteral).join(', ');
  return `do $$
declare
  tables text;
begin
  select string_agg(format('%I.%I', schemaname, tablename), ', ') into tables
  from pg_tables where schemaname in (${schemas});
  if tables is not null then
    execute 'truncate table ' || tables || ' restart identity cascade';
  end if;
end
$$;`;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === 'string' && detail !== '' ? `${error.message} (${detail})` : error.message;
}

/** True when no user exists yet: `npm start` seeds only such a database. */
export async function isDatabaseEmpty(handle: DatabaseHandle): Promise<boolean> {
  const result = await handle.db.execute(sql`select exists (select 1 from auth.users) as "present"`);
  // node-postgres and PGlite both return { rows }.
  const rows = (result as unknown as { rows: { present: boolean }[] }).rows;
  return rows[0]?.present !== true;
}
