import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { OrderTerm } from './spec.js';

/**
 * plugin-drizzle's connection cursors in SQL: `base64("DC:" + chunk)`; one term's chunk is its tagged
 * value (`S:text`, `N:42`, `D:<epoch ms>`), several terms' chunk is `T:` + a JSON array of tagged
 * values, as @pothos/core's encodeCursorChunk / encodeCursorTuple write them (a null is `Z:` alone,
 * `null` in a tuple). Only the value types of our orders are handled.
 */

type Tag = 'S' | 'N' | 'D';

/** The tag of a term's values in a cursor, or null for a type compiled reads leave to the engine. */
function tagOf(term: OrderTerm): Tag | null {
  if (term.expression) return 'S';
  const column = term.column as AnyPgColumn;
  if (column.dataType.startsWith('string')) return 'S';
  if (column.dataType === 'number int32') return 'N';
  if (column.dataType === 'object date') return 'D';
  return null;
}

const valueOf = (term: OrderTerm): SQL => (term.expression ? sql`(${term.expression})` : sql`${term.column}`);

/** Whether every term of an order can be written into a cursor here. */
export const cursorable = (terms: readonly OrderTerm[]) => terms.every((term) => tagOf(term));

/** One tagged value as text: `S:...`, `N:...`, `D:<epoch ms>`. */
function chunk(term: OrderTerm): SQL {
  const tag = tagOf(term)!;
  const value = valueOf(term);
  const text = tag === 'D' ? sql`(extract(epoch from ${value}) * 1000)::bigint::text` : sql`${value}::text`;
  return sql`(${sql.raw(`'${tag}:'`)} || ${text})`;
}

/** A row's cursor for this order (columns of the row's alias). */
export function cursorSql(terms: readonly OrderTerm[]): SQL {
  const body =
    terms.length === 1
      ? sql`coalesce(${chunk(terms[0]!)}, 'Z:')`
      : sql`'T:[' || ${sql.join(
          terms.map((term) => sql`coalesce(to_json(${chunk(term)})::text, 'null')`),
          sql` || ',' || `,
        )} || ']'`;
  return sql`translate(encode(convert_to('DC:' || ${body}, 'UTF8'), 'base64'), E'\\n', '')`;
}

/** The SQL type a cursor value is cast to for a term. */
const sqlType = (term: OrderTerm) => (term.expression ? 'text' : (term.column as AnyPgColumn).getSQLType());

/**
 * Rows beyond the cursor (`values`: its JSON array): the first order column that differs from it
 * differs in the paging direction (`after` in the order's direction, `before` against it).
 */
export function keysetSql(terms: readonly OrderTerm[], values: unknown, paging: 'after' | 'before'): SQL {
  const value = (index: number) => sql`cast((${values}::json ->> ${sql.raw(String(index))}) as ${sql.raw(sqlType(terms[index]!))})`;
  const arms = terms.map((term, index) => {
    // As plugin-drizzle compares: equal to a null is IS NULL; beyond a null is nothing.
    // (`=` where the column is never null, so an index still serves the comparison.)
    const equal = terms.slice(0, index).map((previous, j) =>
      previous.column?.notNull ? sql`${valueOf(previous)} = ${value(j)}` : sql`${valueOf(previous)} is not distinct from ${value(j)}`,
    );
    const forward = (term.direction === 'asc') === (paging === 'after');
    const beyond = sql`${valueOf(term)} ${sql.raw(forward ? '>' : '<')} ${value(index)}`;
    return sql`(${sql.join([...equal, beyond], sql` and `)})`;
  });
  return sql`(${sql.join(arms, sql` or `)})`;
}
