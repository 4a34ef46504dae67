import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { Viewer } from '../../context.js';

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

/** A field whose SQL expression also depends on its arguments and the viewer (e.g. `User.permissions`). */
export const SQL_VALUE_WITH_ARGS = 'sqlValueWithArgs';

export type ArgsExpression<Table> = (table: Table, args: Record<string, unknown>, viewer: Viewer | null) => SQL;

/**
 * `sqlValue` for such a field: written once, selected by the engine as an extra of the row's query
 * (one per argument set, so two aliases with different arguments do not share it) and inlined by
 * compiled reads with the arguments they were given.
 */
export function sqlValueWithArgs<Table>(key: string, expression: ArgsExpression<Table>) {
  const extraOf = (args: object) => `${key}_${createHash('sha1').update(JSON.stringify(args)).digest('hex').slice(0, 12)}`;
  return {
    select: ((args: Record<string, unknown>, ctx: { viewer: Viewer | null }) => ({
      extras: { [extraOf(args)]: (table: Table) => expression(table, args, ctx.viewer) },
    })) as unknown as {},
    resolve: (row: object, args: object) => (row as Record<string, unknown>)[extraOf(args)] as never,
    extensions: { [SQL_VALUE_WITH_ARGS]: expression },
  };
}
