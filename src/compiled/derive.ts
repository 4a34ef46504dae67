import { getNamedType, getNullableType, GraphQLEnumType, GraphQLObjectType, GraphQLScalarType, isListType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { and, relationsFilterToSQL, relationToSQL, sql, type SQL } from 'drizzle-orm';
import { alias, getTableConfig, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Context } from '../context.js';
import { relations } from '../db/relations.js';
import { withBaseLanguages } from '../i18n/locale.js';
import { localizedChainSql, localizedLocaleSql, localizedTextSql, type LocaleCandidate } from '../i18n/sql.js';
import type { Rule } from '../policies/rule.js';
import { GUARDED_COLUMN, type GuardedColumn } from '../schema/core/guards.js';
import { LOCALIZED_FIELD, type LocalizedField } from '../schema/core/localized.js';
import { compiledRootOf, whereSql, type TableName } from '../schema/core/root-fields.js';
import { SQL_VALUE, SQL_VALUE_WITH_ARGS, type ArgsExpression } from '../schema/core/sql-value.js';
import { dateTimeSql, enumSql, globalIdSql } from './sql-json.js';
import type { OrderTerm, Scope } from './spec.js';

/**
 * The SQL of a GraphQL field, read from the schema's own definitions: plugin-drizzle's relations,
 * connections and counts (their `query` with the policies' `where`), exposed columns, and the
 * declarations the schema helpers attach (root rows, guarded columns, SQL values, localized
 * fields). Nothing here is a second copy of a rule, filter or order: a new field built with those
 * helpers is compiled as it is. A field with none of them is not compiled (the engine answers).
 */

/** A table under an alias (its columns render as `"alias"."column"`). */
export type Aliased = PgTable & Record<string, AnyPgColumn>;

/** What a field's SQL is built from: its arguments (as resolvers receive them), a context, the scope. */
export interface Input {
  args: Record<string, unknown>;
  ctx: Context;
  scope: Scope;
  /** A fresh alias name for a table this field joins (e.g. a many-to-many junction). */
  aliasName(): string;
}

/** The rows a relation, list or connection reads: a condition on its alias and, for lists, an order. */
export interface Rows {
  table: PgTable;
  where(target: Aliased): SQL;
  terms(target: Aliased): OrderTerm[] | null;
}

export type Derived =
  | { kind: 'leaf'; guard?: Rule; sql(row: Aliased, input: Input): SQL | Promise<SQL> }
  | { kind: 'object' | 'list' | 'connection'; type: string; rows(input: Input, parent: Aliased | undefined): Promise<Rows | null> }
  | { kind: 'node'; many: boolean };

type Extensions = Record<string, unknown> & {
  pothosExposedField?: string;
  pothosOptions?: { authScopes?: unknown };
  pothosDrizzleSelect?: (...args: unknown[]) => unknown;
  pothosDrizzleLoaded?: unknown;
};

interface TableInfo {
  name: TableName;
  table: PgTable;
  relations: Record<string, RelationInfo>;
}

interface RelationInfo {
  targetTable: PgTable;
  targetTableName: TableName;
  throughTable?: PgTable;
  through?: unknown;
}

/** The drizzle table behind a GraphQL object type (plugin-drizzle records it on the type). */
export function tableOf(schema: GraphQLSchema, typename: string): TableInfo | null {
  const type = schema.getType(typename);
  const info = (type?.extensions as { pothosDrizzleTable?: { name: TableName; table: PgTable; relations: TableInfo['relations'] } } | undefined)?.pothosDrizzleTable;
  return info ? { name: info.name, table: info.table, relations: info.relations } : null;
}

/** Scalars whose serialized form is the value's own JSON. */
const PLAIN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'Locale', 'EmailAddress', 'URL', 'UUID', 'JSON', 'JSONObject']);

/** A value of the field's output type, as the engine serializes it; null when there is no SQL form. */
function outputSql(field: GraphQLField<unknown, unknown>): ((value: SQL) => SQL) | null {
  const type = getNamedType(field.type);
  if (isListType(getNullableType(field.type)) && !(type instanceof GraphQLScalarType && PLAIN_SCALARS.has(type.name))) return null;
  if (type instanceof GraphQLEnumType) return isListType(getNullableType(field.type)) ? null : (value) => enumSql(type, value);
  if (!(type instanceof GraphQLScalarType)) return null;
  if (type.name === 'DateTime') return dateTimeSql;
  return PLAIN_SCALARS.has(type.name) ? (value) => value : null;
}

const column = (row: Aliased, name: string): SQL => sql`${row[name]}`;

/** Every column of a unique key is non-null and in the order: plugin-drizzle then adds no tie-breaker. */
function orderIsUnique(table: PgTable, keys: readonly string[]): boolean {
  const config = getTableConfig(table);
  // Key constraints hold their own column objects: compared by SQL name.
  const ordered = new Set(keys.map((key) => (table as unknown as Record<string, AnyPgColumn | undefined>)[key]?.name).filter(Boolean));
  const uniques = [...config.columns.filter((c) => c.primary || c.isUnique).map((c) => [c]), ...config.primaryKeys.map((k) => k.columns), ...config.uniqueConstraints.map((u) => u.columns)];
  return uniques.some((columns) => columns.length > 0 && columns.every((c) => c.notNull && ordered.has(c.name)));
}

/**
 * A relational `orderBy` as terms, with plugin-drizzle's tie-breaker (the primary key, in the last
 * term's direction) unless the order is already unique. Ordering by an extra (a computed key) keeps
 * its expression. A callback order is not read here (null: lists and connections of it are not compiled).
 */
export function orderTerms(table: PgTable, orderBy: unknown, extras: Record<string, unknown> | undefined, target: Aliased): OrderTerm[] | null {
  if (typeof orderBy === 'function') return null;
  const terms: OrderTerm[] = [];
  const keys: string[] = [];
  for (const [key, direction] of Object.entries((orderBy ?? {}) as Record<string, 'asc' | 'desc' | undefined>)) {
    if (!direction) continue;
    keys.push(key);
    const extra = extras?.[key];
    if (target[key]) terms.push({ column: target[key], direction });
    else if (typeof extra === 'function') terms.push({ expression: (extra as (t: Aliased) => SQL)(target), direction });
    else return null;
  }
  if (!orderIsUnique(table, keys)) {
    const tieBreaker = primaryKeyOf(table);
    if (!tieBreaker.length) return null;
    const direction = terms.at(-1)?.direction ?? 'asc';
    for (const name of tieBreaker) if (!keys.includes(name)) terms.push({ column: target[name]!, direction });
  }
  return terms;
}

/** The property names of a table's primary key columns (one, or a composite key's), as plugin-drizzle breaks ties with them. */
export function primaryKeyOf(table: PgTable): string[] {
  const config = getTableConfig(table);
  const primary = config.columns.find((c) => c.primary);
  const columns = primary ? [primary] : (config.primaryKeys[0]?.columns ?? []);
  const entries = Object.entries(table as unknown as Record<string, unknown>);
  // Key constraints hold their own column objects: matched by SQL name.
  return columns.map((c) => entries.find(([, value]) => (value as AnyPgColumn | undefined)?.name === c.name && value === config.columns.find((own) => own.name === c.name))?.[0]).filter((name): name is string => Boolean(name));
}

/** The condition joining a relation's target rows to its parent row (through a junction table when it has one). */
function relationCondition(relation: RelationInfo, parent: Aliased, target: Aliased, input: Input): SQL {
  if (!relation.throughTable) return relationToSQL(relation as never, parent as never, target as never).filter ?? sql`true`;
  const through = alias(relation.throughTable as never, input.aliasName()) as unknown as PgTable;
  const { filter, joinCondition } = relationToSQL(relation as never, parent as never, target as never, through as never);
  return sql`exists (select 1 from ${through} where ${and(filter, joinCondition)})`;
}

/** A relational query's `where` on the target alias. */
const queryWhere = (info: RelationInfo, where: unknown, target: Aliased): SQL | undefined =>
  where ? relationsFilterToSQL(target as never, where as never, relations[info.targetTableName].relations, relations) : undefined;

/** The arguments a connection's select is asked with: its own filters, not the page (compiled reads page themselves). */
const PAGE_ARGS = new Set(['first', 'last', 'after', 'before']);
const withoutPage = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([name]) => !PAGE_ARGS.has(name)));

/** plugin-drizzle's selection of a relation field, asked as the engine's planner asks it. */
async function selectionOf(extensions: Extensions, input: Input, selected: string[]): Promise<{ with?: Record<string, Record<string, unknown>>; extras?: Record<string, (parent: Aliased) => SQL> }> {
  const select = extensions.pothosDrizzleSelect!;
  return (await select(withoutPage(input.args), input.ctx, (query: unknown) => query, () => new Set(selected), undefined)) as never;
}

function relationRows(parentTable: TableInfo, extensions: Extensions, field: GraphQLField<unknown, unknown>): Derived | null {
  const connection = getNamedType(field.type);
  const isConnection = connection instanceof GraphQLObjectType && 'pageInfo' in connection.getFields();
  const nodeType = isConnection ? getNamedType((connection as GraphQLObjectType).getFields().nodes!.type).name : connection.name;
  return {
    kind: isConnection ? 'connection' : isListType(getNullableType(field.type)) ? 'list' : 'object',
    type: nodeType,
    rows: async (input, parent) => {
      const selection = await selectionOf(extensions, input, ['nodes']);
      const [name, query] = Object.entries(selection.with ?? {})[0] ?? [];
      const relation = name ? parentTable.relations[name] : undefined;
      if (!relation || !query || !parent) return null;
      const related = await query;
      return {
        table: relation.targetTable,
        where: (target) => and(relationCondition(relation, parent, target, input), queryWhere(relation, related.where, target)) ?? sql`true`,
        terms: (target) => orderTerms(relation.targetTable, related.orderBy, related.extras as never, target),
      };
    },
  };
}

function rootRows(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): Derived | null {
  const root = compiledRootOf(field.extensions as Extensions);
  if (!root) return null;
  const named = getNamedType(field.type);
  const type = root.kind === 'connection' ? getNamedType((named as GraphQLObjectType).getFields().nodes!.type).name : named.name;
  const table = relations[root.table].table as PgTable;
  return {
    kind: root.kind === 'one' ? 'object' : root.kind === 'many' ? 'list' : 'connection',
    type,
    rows: async (input) => {
      const rows = await root.query(input.args, input.ctx);
      if (!rows) return null;
      return {
        table,
        where: (target) => whereSql(root.table, rows.where, target),
        terms: (target) => orderTerms(table, rows.orderBy, rows.extras, target),
      };
    },
  };
}

function localizedLeaf(localized: LocalizedField): Derived | null {
  if (localized.part === 'translations') return { kind: 'leaf', sql: (row) => column(row, localized.column) };
  const { audience, organization } = localized.sources;
  return {
    kind: 'leaf',
    sql: async (row, input) => {
      const target = row[localized.column]!;
      const argument = input.args.locale as string | null | undefined;
      let resolved: SQL;
      if (!audience && !organization) {
        const preferences = await input.scope.locale.preferences(argument);
        resolved = localized.part === 'locale' ? localizedLocaleSql(target, preferences) : localizedTextSql(target, preferences);
      } else {
        // The engine's chain (src/i18n/request.ts resolve): argument, audience, Accept-Language, viewer, organization, default.
        const locale = input.scope.locale;
        const [{ active, defaultLocale }, viewerLocale] = await Promise.all([locale.catalog(), locale.viewerLocale()]);
        const chain: LocaleCandidate[] = [
          ...withBaseLanguages([argument]),
          ...(audience ? [{ locale: audience(row), withBase: true }] : []),
          ...locale.accepted,
          ...withBaseLanguages([viewerLocale]),
          ...(organization ? [{ locale: organization(row), withBase: false }] : []),
          ...(defaultLocale ? [defaultLocale] : []),
        ];
        resolved = localizedChainSql(target, chain, active, localized.part === 'locale' ? 'locale' : 'text');
      }
      // A non-null column whose texts are all blank still answers a string.
      return localized.part === 'text' && !localized.nullable ? sql`coalesce(${resolved}, '')` : resolved;
    },
  };
}

/** The compiled form of `field` of `typename`, or null when it has none. */
export function deriveField(schema: GraphQLSchema, typename: string, field: GraphQLField<unknown, unknown>): Derived | null {
  const extensions = (field.extensions ?? {}) as Extensions;
  if (typename === schema.getQueryType()?.name) {
    if (field.name === 'node' || field.name === 'nodes') return { kind: 'node', many: field.name === 'nodes' };
    return rootRows(schema, field);
  }
  const table = tableOf(schema, typename);
  if (!table) return null;
  if (field.name === 'id' && getNamedType(field.type).name === 'ID' && extensions.pothosExposedField === undefined) {
    return { kind: 'leaf', sql: (row) => globalIdSql(typename, row.id!) };
  }
  const output = outputSql(field);
  const guarded = extensions[GUARDED_COLUMN] as GuardedColumn | undefined;
  if (guarded && output) return { kind: 'leaf', guard: guarded.rule, sql: (row) => output(column(row, guarded.column)) };
  const value = extensions[SQL_VALUE] as ((row: Aliased) => SQL) | undefined;
  if (value && output) return { kind: 'leaf', sql: (row) => output(value(row)) };
  const withArgs = extensions[SQL_VALUE_WITH_ARGS] as ArgsExpression<Aliased> | undefined;
  if (withArgs && output) return { kind: 'leaf', sql: (row, input) => output(withArgs(row, input.args, input.scope.viewer)) };
  const localized = extensions[LOCALIZED_FIELD] as LocalizedField | undefined;
  if (localized) return localizedLeaf(localized);
  if (typeof extensions.pothosExposedField === 'string') {
    const key = extensions.pothosExposedField;
    if (extensions.pothosOptions?.authScopes || !output || !(key in table.table)) return null;
    return { kind: 'leaf', sql: (row) => output(column(row, key)) };
  }
  if (!extensions.pothosDrizzleSelect || !extensions.pothosDrizzleLoaded) return null;
  // relatedCount: plugin-drizzle's own count subquery for the parent row.
  if (getNamedType(field.type).name === 'Int') {
    return {
      kind: 'leaf',
      sql: async (row, input) => {
        const extras = (await selectionOf(extensions, input, [])).extras ?? {};
        const count = Object.values(extras)[0];
        if (!count) throw new Error(`No count selection for ${typename}.${field.name}`);
        return sql`(${count(row)})`;
      },
    };
  }
  return relationRows(table, extensions, field);
}
