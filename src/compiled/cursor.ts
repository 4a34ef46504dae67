import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { NOT_COMPILED, type ArgUse, type OrderTerm } from './spec.js';

/**
 * plugin-drizzle's connection cursors in SQL: `base64("DC:" + chunk)`, the chunk of an order of
 * several columns being `T:` + a JSON array of tagged values (`S:text`, `N:42`, `D:<epoch ms>`),
 * as @pothos/core's encodeCursorTuple writes them. Only the value types of our orders are handled.
 */

/** The tag of a column's values in a cursor, or null for a type compiled reads leave to the engine. */
function cursorTag(column: AnyPgColumn): 'S' | 'N' | 'D' | null {
  if (column.dataType.startsWith('string')) return 'S';
  if (column.dataType === 'number int32') return 'N';
  if (column.dataType === 'object date') return 'D';
  return null;
}

/** Whether every term of an order can be written into a cursor here. */
export const cursorable = (terms: readonly OrderTerm[]) => terms.length > 1 && terms.every((term) => cursorTag(term.column) && term.column.notNull);

/** One tagged value, as a JSON string (to_json escapes like JSON.stringify for text). */
function taggedValue(column: AnyPgColumn): SQL {
  const tag = cursorTag(column);
  const text = tag === 'D' ? sql`(extract(epoch from ${column}) * 1000)::bigint::text` : sql`${column}::text`;
  return sql`to_json(${sql.raw(`'${tag}:'`)} || ${text})::text`;
}

/** A row's cursor for this order (columns of the row's alias). */
export function cursorSql(terms: readonly OrderTerm[]): SQL {
  const values = sql.join(
    terms.map((term) => taggedValue(term.column)),
    sql` || ',' || `,
  );
  return sql`translate(encode(convert_to('DC:T:[' || ${values} || ']', 'UTF8'), 'base64'), E'\\n', '')`;
}

/**
 * `after`: the cursor's values as a JSON array for the statement (the keyset filter casts each to its
 * column's type); a cursor the engine must judge (malformed, another length, a null) is NOT_COMPILED.
 */
export function afterCursor(length: number): ArgUse {
  return {
    use: 'param',
    decode: (value) => {
      if (value === null || value === undefined) return null;
      try {
        const decoded = decodeBase64(String(value));
        if (!decoded.startsWith('DC:')) return NOT_COMPILED;
        const values = decodeCursorChunk(decoded.slice(3));
        const valid = Array.isArray(values) && values.length === length && values.every((item) => item !== null && item !== undefined);
        return valid ? JSON.stringify(values) : NOT_COMPILED;
      } catch {
        return NOT_COMPILED;
      }
    },
  };
}

/** Rows after the cursor: the first order column that differs from it differs in the order's direction. */
export function keysetSql(terms: readonly OrderTerm[], values: unknown): SQL {
  const value = (index: number) => sql`cast((${values}::json ->> ${sql.raw(String(index))}) as ${sql.raw(terms[index]!.column.getSQLType())})`;
  const arms = terms.map((term, index) => {
    const equal = terms.slice(0, index).map((previous, j) => sql`${previous.column} = ${value(j)}`);
    const beyond = sql`${term.column} ${sql.raw(term.direction === 'asc' ? '>' : '<')} ${value(index)}`;
    return sql`(${sql.join([...equal, beyond], sql` and `)})`;
  });
  return sql`(${sql.join(arms, sql` or `)})`;
}
