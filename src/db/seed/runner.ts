import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { seeds as registry } from '../../../seeds/config.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from '../../auth/passwords.js';
import { fromPackageRoot } from '../../paths.js';
import type { DatabaseHandle } from '../client.js';

/** One data set or procedure: an idempotent SQL file and the entries it needs first. */
export interface SeedDefinition {
  name: string;
  /** File name inside the seeds folder (procedures: `procedures/<name>.sql`). */
  file: string;
  /**
   * base: catalogs and the first administrator, loaded everywhere; demo: only when asked for;
   * procedure: SQL functions (`create or replace function`), created by every run like base data.
   */
  kind: 'base' | 'demo' | 'procedure';
  dependsOn: string[];
  description: string;
}

export interface RunSeedsOptions {
  /** Run only these data sets (and what they depend on, transitively). */
  only?: string[];
  /** Run only the procedures (`--only-procedures`); not with `only` or `reset`. */
  onlyProcedures?: boolean;
  /** Truncate every table of the auth, platform and chat schemas first. */
  reset?: boolean;
  /** Also load the demo data sets (people, organizations, messages, the demo bot); default: base data only. */
  demo?: boolean;
  /** The first administrator's email (`seed.admin_email`): created if absent, never changed once it exists. */
  adminEmail?: string;
  /** That administrator's first password; without it a random one is made and answered once (`generatedPassword`). */
  adminPassword?: string;
  /** The registry (default: seeds/config.ts). */
  seeds?: SeedDefinition[];
  /** Where the SQL files live (default: the repository's seeds/ folder). */
  seedsDir?: string;
  log?: (line: string) => void;
}

/** What became of the first administrator in a run given an email. */
export type AdministratorOutcome =
  | { outcome: 'created'; email: string; generatedPassword: string | null }
  /** The administrator's row already existed (maybe with another email now): nothing changed. */
  | { outcome: 'exists'; email: string }
  /** A live user already had that email: they were not promoted and no administrator was made. */
  | { outcome: 'emailInUse'; email: string };

export interface SeedRun {
  ran: string[];
  /** Null when no email was given or the admin data set did not run. */
  administrator: AdministratorOutcome | null;
}

/** The id seeds/admin.sql gives the first administrator (`seed.admin_id`); the demo admin of users.sql has it too. */
export const FIRST_ADMIN_ID = '10000000-0000-4000-8000-000000000001';

interface LoadedSeed {
  seed: SeedDefinition;
  sqlText: string;
}

export const defaultSeedsDir = fromPackageRoot('seeds');

/** The schemas a reset empties; drizzle's migration journal (schema `drizzle`) is left alone. */
const SEEDED_SCHEMAS = ['auth', 'platform', 'chat'];

/**
 * The data sets to run, dependencies first. Among data sets that do not depend on each other the
 * registry order is kept. With `only`, the named sets plus everything they depend on; with
 * `onlyProcedures`, every procedure and nothing else.
 */
export function planSeeds(all: SeedDefinition[], only?: string[], { demo = false, onlyProcedures = false }: { demo?: boolean; onlyProcedures?: boolean } = {}): SeedDefinition[] {
  const byName = indexByName(all);
  const ordered = sortByDependencies(all, byName);
  if (onlyProcedures) {
    if (only !== undefined) throw new Error('--only-procedures runs every procedure: it does not go with --only');
    return ordered.filter((seed) => seed.kind === 'procedure');
  }
  if (only === undefined) return demo ? ordered : ordered.filter((seed) => seed.kind !== 'demo');
  const wanted = dependencyClosure(only, byName);
  const demoWanted = demo ? undefined : ordered.find((seed) => wanted.has(seed.name) && seed.kind === 'demo');
  if (demoWanted) throw new Error(`Seed "${demoWanted.name}" is demo data: load it with demo data on (SEED_DEMO=true)`);
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
      const needed = byName.get(dependency);
      if (!needed) throw new Error(`Unknown seed "${dependency}" (in dependsOn of "${seed.name}")`);
      // Base data loads without the demo sets, so it may not need one.
      if (seed.kind === 'base' && needed.kind === 'demo') throw new Error(`Base seed "${seed.name}" depends on demo seed "${dependency}"`);
      // --only-procedures runs on a database without data: a function may need only other functions.
      if (seed.kind === 'procedure' && needed.kind !== 'procedure') throw new Error(`Procedure "${seed.name}" depends on data set "${dependency}": a procedure may depend only on procedures`);
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
export async function runSeeds(handle: DatabaseHandle, options: RunSeedsOptions = {}): Promise<SeedRun> {
  const log = options.log ?? (() => undefined);
  if (options.onlyProcedures && options.reset) throw new Error('--only-procedures does not go with --reset (a reset empties the tables, then loads the data sets)');
  const plan = planSeeds(options.seeds ?? registry, options.only, { demo: options.demo, onlyProcedures: options.onlyProcedures });
  // Procedures alone make no administrator: no password to hash.
  const adminEmail = options.onlyProcedures ? '' : checkedAdminEmail(options.adminEmail);
  const password = adminEmail === '' ? null : adminPassword(options.adminPassword);
  // Hashing takes ~100 ms: before the transaction. A generated password is told only if this run stores it.
  const passwordHash = password ? await hashPassword(password.value) : '';
  // Read every file before touching the database, so a missing file cannot leave half a run.
  const loaded = await loadSeedFiles(plan, options.seedsDir ?? defaultSeedsDir);
  const adminBefore = adminEmail === '' ? null : await administratorState(handle, adminEmail);
  await handle.scriptTransaction(async (exec) => {
    // Transaction-local: the seed files read them with current_setting('seed.…', true).
    await exec(`select set_config('seed.admin_id', ${quoteLiteral(FIRST_ADMIN_ID)}, true),
      set_config('seed.admin_email', ${quoteLiteral(adminEmail)}, true),
      set_config('seed.admin_password_hash', ${quoteLiteral(passwordHash)}, true),
      set_config('gateway.notifications', 'off', true)`); // seeds load history: their notifications are written out (notifications.sql)
    if (options.reset) {
      log(`reset: truncating every table of ${SEEDED_SCHEMAS.join(', ')}`);
      await exec(truncateScript());
    }
    for (const { seed, sqlText } of loaded) {
      const what = seed.kind === 'procedure' ? 'procedure' : 'seed';
      log(`${what} ${seed.name} (${seed.file})`);
      await exec(sqlText).catch((error: unknown) => {
        throw new Error(`${what === 'seed' ? 'Seed' : 'Procedure'} "${seed.name}" (${seed.file}) failed: ${describeError(error)}`, { cause: error });
      });
    }
  });
  const ran = plan.map((seed) => seed.name);
  if (!adminBefore || !ran.includes('admin')) return { ran, administrator: null };
  const after = await administratorState(handle, adminEmail);
  const existed = adminBefore.present && !options.reset;
  // Without an administrator of this email, the demo data may have made admin@example.com on that id.
  const createdNow = after.present && !existed && after.email?.toLowerCase() === adminEmail.toLowerCase();
  let administrator: AdministratorOutcome | null = null;
  if (createdNow) {
    administrator = { outcome: 'created', email: adminEmail, generatedPassword: password?.generated && after.hash === passwordHash ? password.value : null };
  } else if (existed) administrator = { outcome: 'exists', email: after.email ?? adminEmail };
  else if (after.emailInUse) administrator = { outcome: 'emailInUse', email: adminEmail };
  return { ran, administrator };
}

/** The given password (checked like a sign-up's), or a random one of 144 bits. */
function adminPassword(given: string | undefined): { value: string; generated: boolean } {
  if (given === undefined || given === '') return { value: randomBytes(18).toString('base64url'), generated: true };
  if (given.length < PASSWORD_MIN_LENGTH) throw new Error(`The administrator's password must be at least ${PASSWORD_MIN_LENGTH} characters`);
  return { value: given, generated: false };
}

interface AdministratorState {
  present: boolean;
  email: string | null;
  hash: string | null;
  emailInUse: boolean;
}

async function administratorState(handle: DatabaseHandle, email: string): Promise<AdministratorState> {
  const result = await handle.db.execute(sql`select
      u.id is not null as "present", u.email,
      (select a.password_hash from auth.accounts a where a.user_id = u.id and a.provider = 'password') as "hash",
      exists (select 1 from auth.users o where lower(o.email) = lower(${email}) and o.deleted_at is null) as "emailInUse"
    from (select 1) as one left join auth.users u on u.id = ${FIRST_ADMIN_ID}::uuid`);
  return (result as unknown as { rows: AdministratorState[] }).rows[0]!;
}

/** One line for the log about the first administrator; the generated password is in it, once. */
export function describeAdministrator(administrator: AdministratorOutcome | null): string | null {
  if (!administrator) return null;
  const { email } = administrator;
  if (administrator.outcome === 'exists') return `the first administrator exists already (${email}): left as it is`;
  if (administrator.outcome === 'emailInUse') return `no administrator made: ${email} belongs to an existing user, who is not promoted by email`;
  if (!administrator.generatedPassword) return `administrator ${email} created with the password of ADMIN_USER_PASSWORD`;
  return `administrator ${email} created; initial password (shown only now): ${administrator.generatedPassword}`;
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
