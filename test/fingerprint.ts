import type { DatabaseHandle } from '../src/db/client.js';
import { queryRows } from './database.js';

/** Per table: its row count and an md5 of every row's text in order. Equal fingerprints: equal contents. */
export type Fingerprint = Record<string, { count: number; digest: string }>;

/** The gateway's schemas; drizzle's migration journal too when asked (a restore must bring it back). */
export const DATA_SCHEMAS = ['auth', 'platform', 'chat'];

export async function fingerprint(handle: DatabaseHandle, schemas: string[] = DATA_SCHEMAS): Promise<Fingerprint> {
  const tables = await queryRows<{ name: string }>(
    handle,
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
     where schemaname in (${schemas.map((schema) => `'${schema}'`).join(', ')}) order by 1`,
  );
  const result: Fingerprint = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ count: number; digest: string }>(
      handle,
      `select count(*)::int as count, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from ${name} t`,
    );
    result[name] = row!;
  }
  return result;
}

/** The definitions of the functions in `schemas` (name and md5 of pg_get_functiondef), to compare databases. */
export async function functionDefinitions(handle: DatabaseHandle, schemas: string[] = DATA_SCHEMAS): Promise<Record<string, string>> {
  const rows = await queryRows<{ name: string; digest: string }>(
    handle,
    `select p.oid::regprocedure::text as name, md5(pg_get_functiondef(p.oid)) as digest from pg_proc p
     join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in (${schemas.map((schema) => `'${schema}'`).join(', ')}) and p.prokind = 'f' order by 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
