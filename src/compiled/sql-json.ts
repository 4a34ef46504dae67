import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { GraphQLEnumType } from 'graphql';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * SQL that writes GraphQL response values exactly as the resolvers and scalars of src/schema/
 * would serialize them, so that PostgreSQL can build a response as JSON text by itself.
 */

/** A name from our own schema (type, field, response key), checked before it is written into SQL text. */
function safeName(name: string): string {
  if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) throw new Error(`Not a GraphQL name: ${name}`);
  return name;
}

/** A GraphQL name as a SQL string literal (inline, so every request shares one statement text). */
export const nameLiteral = (name: string): SQL => sql.raw(`'${safeName(name)}'`);

/** The relay global ID, as Pothos encodes it: base64 of `Type:id` (a uuid's text is 36 bytes). */
export function globalIdSql(typename: string, id: SQLWrapper): SQL {
  const base64 = sql`encode(convert_to(${sql.raw(`'${safeName(typename)}:'`)} || ${id}::text, 'UTF8'), 'base64')`;
  // encode() breaks lines after 76 characters (57 bytes); shorter IDs need no translate() per row.
  return typename.length + 1 + 36 <= 57 ? base64 : sql`translate(${base64}, E'\\n', '')`;
}

/** The DateTime scalar (graphql-scalars): ISO 8601 in UTC with milliseconds; columns are stored at that precision. */
export const dateTimeSql = (value: SQLWrapper): SQL => sql`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** An enum column as the GraphQL enum's names (the column holds the internal values). */
export function enumSql(type: GraphQLEnumType, value: SQLWrapper): SQL {
  const arms = type.getValues().map((entry) => {
    if (typeof entry.value !== 'string' || entry.value.includes("'")) throw new Error(`Enum ${type.name} has a value SQL cannot name`);
    return sql.raw(`when '${entry.value}' then '${safeName(entry.name)}'`);
  });
  return sql`(case ${value} ${sql.join(arms, sql` `)} end)`;
}

/** json_build_object takes at most 100 arguments: 50 keys. */
export const MAX_OBJECT_KEYS = 50;

/** A JSON object with these keys in this order (json, not jsonb: jsonb would sort the keys). */
export const jsonObject = (entries: readonly (readonly [string, SQL])[]): SQL =>
  sql`json_build_object(${sql.join(
    entries.map(([key, value]) => sql`${nameLiteral(key)}, ${value}`),
    sql`, `,
  )})`;

/** `"schema"."table" "alias"`: a table under the alias its columns were built with. */
export const fromAliased = (table: PgTable, alias: string): SQL => sql`${table} ${sql.identifier(alias)}`;
