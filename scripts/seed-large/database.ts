import pg from 'pg';

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`Unsupported database name "${name}" in DATABASE_URL`);
  return name;
}

/** Runs one statement on the server's `postgres` database (CREATE DATABASE cannot run inside the target). */
async function adminQuery(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

async function databaseExists(url: string): Promise<boolean> {
  const found = await adminQuery(url, 'select 1 from pg_database where datname = $1', [databaseName(url)]);
  return Boolean(found.rowCount);
}

/** Creates the database of `url` unless it exists; answers whether it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  if (await databaseExists(url)) return false;
  await adminQuery(url, `create database "${databaseName(url)}"`);
  return true;
}

/** What the target holds: nothing yet, a large bench data set (it has the bench viewer), or other data. */
export type DatasetState = 'missing' | 'empty' | 'bench' | 'other';

export async function datasetState(url: string, benchViewerId: string): Promise<DatasetState> {
  if (!(await databaseExists(url))) return 'missing';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migrated: boolean }>(`select to_regclass('auth.users') is not null as migrated`);
    if (!rows[0]?.migrated) return 'empty';
    const users = await client.query<{ bench: boolean; any: boolean }>(
      'select exists (select 1 from auth.users where id = $1) as bench, exists (select 1 from auth.users) as any',
      [benchViewerId],
    );
    const state = users.rows[0]!;
    return state.bench ? 'bench' : state.any ? 'other' : 'empty';
  } finally {
    await client.end();
  }
}
