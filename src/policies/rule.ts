import DataLoader from 'dataloader';
import { and, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Context, Viewer } from '../context.js';
import type { Database } from '../db/client.js';

/** A table whose rows are judged one by one (every entity has a uuid `id`). */
export type RuledTable = PgTable & { id: AnyPgColumn };

/**
 * One rule of DOMAIN.md, written once as a SQL condition on the row's table. The same function
 * filters lists, relations, counts and node loads (in SQL), and answers row checks for scopes and
 * mutations by evaluating that very condition in the database (batched per request).
 */
export interface Rule<Table extends RuledTable = RuledTable> {
  name: string;
  table: Table;
  where(viewer: Viewer | null, table: Table): SQL;
}

export function defineRule<Table extends RuledTable>(
  name: string,
  table: Table,
  where: (viewer: Viewer | null, table: Table) => SQL,
): Rule<Table> {
  return { name, table, where };
}

/** Which of these rows `rule` allows the viewer: the rule evaluated in the database, one statement. */
export async function allowedAmong(db: Database, viewer: Viewer | null, rule: Rule, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .select({ id: rule.table.id })
    .from(rule.table as PgTable)
    .where(and(inArray(rule.table.id, [...ids]), rule.where(viewer, rule.table)));
  return new Set(rows.map((row) => String(row.id)));
}

// Per-request loaders, keyed by the context object itself (no global state between requests).
const loadersByContext = new WeakMap<object, Map<string, DataLoader<string, boolean>>>();

function loaderFor(ctx: Context, rule: Rule): DataLoader<string, boolean> {
  let loaders = loadersByContext.get(ctx);
  if (!loaders) loadersByContext.set(ctx, (loaders = new Map()));
  let loader = loaders.get(rule.name);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const allowed = await allowedAmong(ctx.db, ctx.viewer, rule, ids);
      return ids.map((id) => allowed.has(id));
    });
    loaders.set(rule.name, loader);
  }
  return loader;
}

/** Row check: does `rule` allow the viewer this row? One statement per rule per request, however many rows. */
export function allows(ctx: Context, rule: Rule, id: string): Promise<boolean> {
  return loaderFor(ctx, rule).load(id);
}

/** Forget cached answers, e.g. after a mutation changed what the rules see. */
export function clearRuleCache(ctx: Context): void {
  loadersByContext.delete(ctx);
}
