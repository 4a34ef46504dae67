import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Viewer } from '../context.js';
import type { RequestLocale } from '../i18n/request.js';
import type { RuledTable } from '../policies/rule.js';

/**
 * How a GraphQL field is written as SQL in a compiled read (src/compiled/). A field without a spec
 * (and not a plain exposed column) is not compiled: its operation runs on the normal engine.
 */

/** What a decoder returns when the normal engine must answer, e.g. to report a bad argument. */
export const NOT_COMPILED = Symbol('not compiled');

export interface ArgUse {
  /**
   * `param`: a variable becomes a statement parameter, its value filled per request (an ID, a slug);
   * `structural`: its value shapes the SQL (an optional filter, a locale) and is part of the plan's key.
   */
  use: 'param' | 'structural';
  /** From the GraphQL value (variables coerced, enums internal) to what the SQL needs; NOT_COMPILED to fall back. */
  decode?: (value: unknown) => unknown;
}

/** Who asks and in which locale: the part of a request that shapes its compiled statement. */
export interface Scope {
  viewer: Viewer | null;
  locale: RequestLocale;
}

/** A field's inputs: the parent row (an aliased table; none at the root), arguments, the scope. */
export interface FieldInput<Row> {
  row: Row;
  /** Argument values: constants, or placeholders filled per request (see ArgUse). */
  args: Record<string, unknown>;
  scope: Scope;
}

/** One column of a connection's order (the tie-breaking id included, as plugin-drizzle appends it); cursors hold their values. */
export interface OrderTerm {
  column: AnyPgColumn;
  direction: 'asc' | 'desc';
}

/** A scalar (or a JSON value) computed from the row. */
export interface LeafSpec<Row> {
  kind: 'leaf';
  args?: Record<string, ArgUse>;
  sql(input: FieldInput<Row>): SQL | Promise<SQL>;
}

/** One row of `type`, or null: the row of the target table (under a fresh alias) that `where` keeps. */
export interface ObjectSpec<Row> {
  kind: 'object';
  type: string;
  args?: Record<string, ArgUse>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  where(input: FieldInput<Row>, target: any): SQL;
}

/** A relay connection of `type` (nodes and totalCount); `first` is handled for every connection alike. */
export interface ConnectionSpec<Row> {
  kind: 'connection';
  type: string;
  args?: Record<string, ArgUse>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  where(input: FieldInput<Row>, target: any): SQL;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  orderBy(input: FieldInput<Row>, target: any): OrderTerm[];
}

export type FieldSpec<Row> = LeafSpec<Row> | ObjectSpec<Row> | ConnectionSpec<Row>;

/** The compiled form of one GraphQL object type: its table, and the fields that are not plain columns. */
export interface TypeSpec<Table extends RuledTable = RuledTable> {
  table: Table;
  fields: Record<string, FieldSpec<Table>>;
}

export function compiledType<Table extends RuledTable>(table: Table, fields: Record<string, FieldSpec<Table>>): TypeSpec {
  return { table, fields } as unknown as TypeSpec;
}

/** The root fields: no parent row. */
export type RootSpecs = Record<string, FieldSpec<undefined>>;
