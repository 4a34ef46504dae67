import { and, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** A row filter written once as SQL and used both in relational `where: { RAW }` and in counts. */
export type RowFilter<Table> = (table: Table) => SQL;

/** `%text%` for ILIKE, with the user's own pattern characters escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** All the given conditions (undefined ones skipped); `true` when none is given. */
export function allOf(...conditions: (SQL | undefined)[]): SQL {
  return and(...conditions) ?? sql`true`;
}

/** Rows that are not soft-deleted, plus any further conditions. */
export function liveAnd<Table extends { deletedAt: PgColumn }>(table: Table, ...conditions: (SQL | undefined)[]): SQL {
  return allOf(isNull(table.deletedAt), ...conditions);
}
