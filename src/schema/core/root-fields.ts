import { relationsFilterToSQL, sql, type SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { relations } from '../../db/relations.js';

/**
 * A root field's rows, declared once: which table, and the relational query (`where`, `orderBy`,
 * `extras`) for these arguments and this viewer. The engine's resolver runs it through
 * plugin-drizzle; compiled reads (src/compiled/) read the same declaration from the field's
 * extensions, so a root list or lookup is compiled without a second copy of its rule or order.
 */

export type TableName = keyof typeof relations & string;

export interface RootRows {
  where?: object;
  orderBy?: object;
  extras?: Record<string, unknown>;
}

/** null: the field answers null (or an empty list) without reading anything, e.g. `viewer` when anonymous. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RootQuery = (args: any, ctx: Context) => RootRows | null | Promise<RootRows | null>;

export interface CompiledRoot {
  table: TableName;
  /** One row (or null), every row in order, or a relay connection. */
  kind: 'one' | 'many' | 'connection';
  query: RootQuery;
}

export const COMPILED_ROOT = 'compiledRoot';

/** The field's declaration, as compiled reads find it. */
export function compiledRootOf(extensions: Record<string, unknown> | null | undefined): CompiledRoot | undefined {
  return extensions?.[COMPILED_ROOT] as CompiledRoot | undefined;
}

/** The `where` of a relational query as one condition on `table` (for counts), as drizzle's query builder reads it. */
export function whereSql(table: TableName, where: object | undefined, target: object = relations[table].table): SQL {
  return (where && relationsFilterToSQL(target as never, where as never, relations[table].relations, relations)) || sql`true`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type QueryBuilder = (options: any) => any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const finder = (ctx: Context, table: TableName) => (ctx.db.query as any)[table] as { findFirst(q: unknown): Promise<unknown>; findMany(q: unknown): Promise<unknown[]> };

/** Options of a `t.drizzleField` answering one row (or null). */
export function rootRow(table: TableName, query: RootQuery) {
  return {
    extensions: { [COMPILED_ROOT]: { table, kind: 'one', query } satisfies CompiledRoot },
    resolve: async (select: QueryBuilder, _root: unknown, args: unknown, ctx: Context): Promise<never> => {
      const rows = await query(args, ctx);
      return (rows ? ((await finder(ctx, table).findFirst(select(rows))) ?? null) : null) as never;
    },
  };
}

/** Options of a `t.drizzleField` answering every row in order. */
export function rootRows(table: TableName, query: RootQuery) {
  return {
    extensions: { [COMPILED_ROOT]: { table, kind: 'many', query } satisfies CompiledRoot },
    resolve: async (select: QueryBuilder, _root: unknown, args: unknown, ctx: Context): Promise<never> => {
      const rows = await query(args, ctx);
      return (rows ? finder(ctx, table).findMany(select(rows)) : []) as never;
    },
  };
}

/** Options of a `t.drizzleConnection`: the page and `totalCount` from the same declaration. */
export function rootConnection(table: TableName, query: RootQuery) {
  return {
    extensions: { [COMPILED_ROOT]: { table, kind: 'connection', query } satisfies CompiledRoot },
    totalCount: async (_parent: unknown, args: unknown, ctx: Context): Promise<number> => {
      const rows = await query(args, ctx);
      return rows ? ctx.db.$count(relations[table].table as never, whereSql(table, rows.where)) : 0;
    },
    resolve: async (select: QueryBuilder, _root: unknown, args: unknown, ctx: Context): Promise<never> => {
      const rows = await query(args, ctx);
      return (rows ? finder(ctx, table).findMany(select(rows)) : []) as never;
    },
  };
}
