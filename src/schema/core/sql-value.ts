import type { SQL } from 'drizzle-orm';

/**
 * A field whose value is one SQL expression over its row, written once: the engine selects it as an
 * extra column of the row's own query (no statement of its own) and compiled reads (src/compiled/)
 * inline the same expression.
 */
export const SQL_VALUE = 'sqlValue';

export function sqlValue<Table>(key: string, expression: (table: Table) => SQL) {
  return {
    // Typed as no selection, so the field keeps the row type; the extra is read by `resolve`.
    select: { extras: { [key]: expression } } as unknown as {},
    resolve: (row: object) => (row as Record<string, unknown>)[key] as never,
    extensions: { [SQL_VALUE]: expression },
  };
}
