import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Viewer } from '../context.js';
import type { RequestLocale } from '../i18n/request.js';

/** What a decoder returns when the normal engine must answer, e.g. to report a bad argument. */
export const NOT_COMPILED = Symbol('not compiled');

export interface ArgUse {
  /**
   * `param`: a variable becomes a statement parameter, its value filled per request (an ID, a time);
   * `structural`: its value shapes the SQL (an optional filter, a locale) and is part of the plan's key.
   */
  use: 'param' | 'structural';
  /** From the GraphQL value (variables coerced, enums internal) to what the SQL needs; NOT_COMPILED to fall back. */
  decode?: (value: unknown) => unknown;
  /** What the field's resolvers receive for a parameter (a placeholder, or e.g. a global ID object holding it). */
  shape?: (placeholder: unknown) => unknown;
  /** The part of a parameter's value that shapes the statement after all (e.g. a global ID's type for `node`). */
  keyOf?: (value: unknown) => string;
}

/** Who asks and in which locale: the part of a request that shapes its compiled statement. */
export interface Scope {
  viewer: Viewer | null;
  locale: RequestLocale;
}

/** One term of a list's order (the tie-breaking key included, as plugin-drizzle appends it); cursors hold their values. */
export interface OrderTerm {
  /** A column of the row's alias, or a computed key (an `extras` expression). */
  column?: AnyPgColumn;
  expression?: SQL;
  direction: 'asc' | 'desc';
}
