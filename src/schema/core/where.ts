import { relationToSQL, sql, type SQL } from 'drizzle-orm';
import { alias, getTableConfig, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Viewer } from '../../context.js';
import { relations } from '../../db/relations.js';
import { badInput, decodeGlobalID } from '../../errors.js';
import { COST } from '../../limits/cost.js';
import { allOf } from './filters.js';
import type { TableName } from './root-fields.js';

/**
 * General `where` / `orderBy` arguments of connections, from ONE declaration per type
 * (`where-definitions.ts`): which columns filter with which operators, which order, which to-one
 * relations a filter may cross. This file reads it to validate an argument, to write its SQL (a
 * condition on the row's alias, ANDed with the read rule by the caller) and to weigh its cost;
 * `where-input.ts` reads it to build the GraphQL input types. Compiled reads see the same SQL: it
 * is part of the connection's own relational `where`.
 */

export type FieldKind = 'id' | 'text' | 'int' | 'float' | 'date' | 'boolean' | 'enum';

export interface FilterField {
  kind: FieldKind;
  /** The drizzle property of the column. */
  column: string;
  /** For `enum`: the GraphQL enum it takes. */
  enumType?: string;
  /** The value reads as null unless this holds (a deleted message's content), as the field answers. */
  visibleWhen?: (table: never) => SQL;
  /** Offered in `orderBy` (an indexed, non-null column: checked when the schema is built). */
  order?: boolean;
}

export interface FilterDefinition {
  table: TableName;
  /** The GraphQL object type (`XWhere`, `XOrderField`, global IDs of `id`). */
  typename: string;
  /** The type's read rule: applied to every row a relation filter reaches. */
  rule: (viewer: Viewer | null, table: never) => SQL;
  fields: Record<string, FilterField>;
  /** To-one relations a filter may cross: GraphQL name -> drizzle relation name. */
  relations: Record<string, string>;
}

/** Bounds of one `where`: nesting (combinators and relations) and operators in all. */
export const WHERE_LIMITS = { depth: 5, conditions: 20, inValues: 100, orderTerms: 3 } as const;

export const OPERATORS: Record<FieldKind, readonly string[]> = {
  id: ['eq', 'ne', 'in'],
  text: ['eq', 'ne', 'in', 'contains', 'startsWith', 'isNull'],
  int: ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  float: ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  date: ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  boolean: ['eq', 'ne', 'isNull'],
  enum: ['eq', 'ne', 'in'],
};

/** A validated `where`: values decoded (global IDs to uuids), ready to render on any alias. */
export type WhereNode =
  | { kind: 'all' | 'any'; items: WhereNode[] }
  | { kind: 'not'; item: WhereNode }
  | { kind: 'op'; field: FilterField; op: string; value: unknown }
  | { kind: 'relation'; relation: string; target: FilterDefinition; node: WhereNode };

export interface OrderTermInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

const registry = new Map<TableName, FilterDefinition>();

interface RelationInfo {
  targetTableName: string;
  targetTable: PgTable;
}
/** A drizzle relation of `table` by name. */
const relationOf = (table: TableName, name: string) => (relations[table].relations as Record<string, RelationInfo>)[name]!;
export const filterDefinitionOf = (table: TableName): FilterDefinition => registry.get(table) ?? missing(table);
const missing = (table: string): never => {
  throw new Error(`No filter definition for ${table}`);
};
export const filterDefinitions = (): FilterDefinition[] => [...registry.values()];

/** Declares a type's filters; refuses an order over a column no index serves (or a nullable one). */
export function defineFilters(definition: FilterDefinition): FilterDefinition {
  const table = relations[definition.table].table as PgTable;
  for (const [name, field] of Object.entries(definition.fields)) {
    const column = (table as unknown as Record<string, AnyPgColumn | undefined>)[field.column];
    if (!column) throw new Error(`${definition.typename}.${name}: no column ${field.column}`);
    if (field.order && (!column.notNull || !indexedColumns(table).has(column.name))) throw new Error(`${definition.typename}.${name}: only indexed non-null columns are orderable`);
  }
  registry.set(definition.table, definition);
  return definition;
}

/** SQL names of the columns a b-tree index, the primary key or a unique constraint holds. */
function indexedColumns(table: PgTable): Set<string> {
  const config = getTableConfig(table);
  const names = new Set<string>();
  for (const column of config.columns) if (column.primary || column.isUnique) names.add(column.name);
  for (const key of [...config.primaryKeys, ...config.uniqueConstraints]) for (const column of key.columns) names.add(column.name);
  for (const index of config.indexes) {
    if (index.config.method && index.config.method !== 'btree') continue;
    for (const column of index.config.columns) if ('name' in column && typeof column.name === 'string') names.add(column.name);
  }
  return names;
}

/** Whether a trigram (GIN) index serves ILIKE on this column: an unindexed text search costs more. */
function trigramIndexed(table: PgTable, column: string): boolean {
  return getTableConfig(table).indexes.some(
    (index) => index.config.method === 'gin' && index.config.columns.some((c) => 'name' in c && c.name === column && (c as { indexConfig?: { opClass?: string } }).indexConfig?.opClass === 'gin_trgm_ops'),
  );
}

type Input = Record<string, unknown>;
interface Count {
  conditions: number;
}

/** Validates `where` for `definition` (BAD_USER_INPUT on anything refused) and decodes its values. */
export function parseWhere(definition: FilterDefinition, where: Input): WhereNode {
  return parseObject(definition, where, 1, { conditions: 0 });
}

function parseObject(definition: FilterDefinition, where: Input, depth: number, count: Count): WhereNode {
  if (depth > WHERE_LIMITS.depth) throw badInput(`A where argument may nest at most ${WHERE_LIMITS.depth} levels.`);
  const items: WhereNode[] = [];
  for (const [key, value] of Object.entries(where)) {
    // A null operator or field is no condition (isNull asks for nulls).
    if (value === null || value === undefined) continue;
    if (key === 'and' || key === 'or') {
      const list = (value as Input[]).map((item) => parseObject(definition, item, depth + 1, count));
      items.push({ kind: key === 'and' ? 'all' : 'any', items: list });
    } else if (key === 'not') items.push({ kind: 'not', item: parseObject(definition, value as Input, depth + 1, count) });
    else if (definition.relations[key]) {
      const relation = definition.relations[key]!;
      const target = filterDefinitionOf(relationOf(definition.table, relation).targetTableName as TableName);
      count.conditions++;
      items.push({ kind: 'relation', relation, target, node: parseObject(target, value as Input, depth + 1, count) });
    } else if (definition.fields[key]) items.push(...parseOperators(definition, definition.fields[key]!, value as Input, count));
    else throw badInput(`${definition.typename} has no filter ${key}.`);
  }
  if (count.conditions > WHERE_LIMITS.conditions) throw badInput(`A where argument may hold at most ${WHERE_LIMITS.conditions} conditions.`);
  return { kind: 'all', items };
}

function parseOperators(definition: FilterDefinition, field: FilterField, operators: Input, count: Count): WhereNode[] {
  const nodes: WhereNode[] = [];
  for (const [op, raw] of Object.entries(operators)) {
    if (raw === null || raw === undefined) continue;
    if (!OPERATORS[field.kind].includes(op)) throw badInput(`Operator ${op} does not apply here.`);
    count.conditions++;
    let value = raw;
    if (op === 'in') {
      if (!Array.isArray(raw) || raw.length > WHERE_LIMITS.inValues) throw badInput(`An in list holds at most ${WHERE_LIMITS.inValues} values.`);
      if (field.kind === 'id') value = raw.map((id) => uuidOf(definition, id));
    } else if (field.kind === 'id') value = uuidOf(definition, raw);
    nodes.push({ kind: 'op', field, op, value });
  }
  return nodes;
}

/** A global ID of the definition's own type, as its uuid. */
function uuidOf(definition: FilterDefinition, id: unknown): string {
  const decoded = decodeGlobalID(String(id));
  if (decoded.typename !== definition.typename) throw badInput(`Expected an ID of a ${definition.typename}.`);
  return decoded.id;
}

/** A validated `orderBy`: a relational order object (plugin-drizzle appends the primary key as the tie-breaker). */
export function parseOrder(definition: FilterDefinition, terms: readonly OrderTermInput[]): Record<string, 'asc' | 'desc'> {
  // An empty list keeps the connection's default order.
  if (terms.length > WHERE_LIMITS.orderTerms) throw badInput(`orderBy takes at most ${WHERE_LIMITS.orderTerms} terms.`);
  const order: Record<string, 'asc' | 'desc'> = {};
  for (const term of terms) {
    const field = definition.fields[term.field];
    if (!field?.order) throw badInput(`${definition.typename} cannot be ordered by ${term.field}.`);
    if (field.column in order) throw badInput(`orderBy names ${term.field} twice.`);
    order[field.column] = term.direction === 'DESC' ? 'desc' : 'asc';
  }
  return order;
}

/** Whether a value passes parseWhere / parseOrder (compiled reads leave refusals to the engine, which reports them). */
export function isValid(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

type Row = Record<string, AnyPgColumn> & PgTable;

/** The SQL of a validated `where` on `row` (the alias of the definition's table) for this viewer. */
export function whereSql(definition: FilterDefinition, node: WhereNode, row: Row, viewer: Viewer | null, depth = 0): SQL {
  switch (node.kind) {
    case 'all':
      return allOf(...node.items.map((item) => whereSql(definition, item, row, viewer, depth)));
    case 'any':
      return node.items.length ? sql`(${sql.join(node.items.map((item) => whereSql(definition, item, row, viewer, depth)), sql` or `)})` : sql`false`;
    case 'not':
      // Unknown (a null compared) is not a match, so its negation is one.
      return sql`(not coalesce(${whereSql(definition, node.item, row, viewer, depth)}, false))`;
    case 'op':
      return operatorSql(node.field, node.op, node.value, row);
    case 'relation': {
      const relation = relationOf(definition.table, node.relation);
      // One alias per nesting level: a nested subquery must still see its parent's.
      const name = `flt_${depth + 1}`;
      const target = alias(relation.targetTable as never, name) as unknown as Row;
      const join = relationToSQL(relation as never, row as never, target as never).filter;
      const condition = allOf(join, node.target.rule(viewer, target as never), whereSql(node.target, node.node, target, viewer, depth + 1));
      return sql`exists (select 1 from ${relation.targetTable} ${sql.identifier(name)} where ${condition})`;
    }
  }
}

function operatorSql(field: FilterField, op: string, value: unknown, row: Row): SQL {
  const column = row[field.column]!;
  const visible = field.visibleWhen?.(row as never);
  // As drizzle's own eq binds it: the column's driver value (a Date as ISO text); PostgreSQL infers its type.
  const param = (item: unknown) => sql`${column.mapToDriverValue(item)}`;
  let condition: SQL;
  switch (op) {
    case 'eq':
      condition = sql`${column} = ${param(value)}`;
      break;
    case 'ne':
      // A value that is null (or hidden) differs from any given one.
      return visible ? sql`(not (${visible}) or ${column} is distinct from ${param(value)})` : sql`${column} is distinct from ${param(value)}`;
    case 'in': {
      const values = value as unknown[];
      condition = values.length ? sql`${column} in (${sql.join(values.map(param), sql`, `)})` : sql`false`;
      break;
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      condition = sql`${column} ${sql.raw({ lt: '<', lte: '<=', gt: '>', gte: '>=' }[op])} ${param(value)}`;
      break;
    case 'contains':
    case 'startsWith': {
      const escaped = String(value).replace(/[\\%_]/g, (c) => `\\${c}`);
      condition = sql`${column} ilike ${op === 'contains' ? `%${escaped}%` : `${escaped}%`}`;
      break;
    }
    case 'isNull':
      if (value) return visible ? sql`(not (${visible}) or ${column} is null)` : sql`${column} is null`;
      condition = sql`${column} is not null`;
      break;
    default:
      throw badInput(`Unknown operator ${op}.`);
  }
  return visible ? sql`(${visible} and ${condition})` : condition;
}

/**
 * What a `where` adds to a connection's cost (src/limits/cost.ts, both paths): every condition
 * COST.filterCondition, a relation crossed COST.filterRelation, a text search COST.search unless a
 * trigram index serves it (then COST.filterCondition more). Reads the value as given, never throws.
 */
export function whereCost(definition: FilterDefinition, where: unknown, depth = 0): number {
  if (!where || typeof where !== 'object' || depth > WHERE_LIMITS.depth + 1) return 0;
  const table = relations[definition.table].table as PgTable;
  let cost = 0;
  for (const [key, value] of Object.entries(where as Input)) {
    if (value == null) continue;
    if (key === 'and' || key === 'or') for (const item of Array.isArray(value) ? value : [value]) cost += whereCost(definition, item, depth + 1);
    else if (key === 'not') cost += whereCost(definition, value, depth + 1);
    else if (definition.relations[key]) {
      const target = registry.get(relationOf(definition.table, definition.relations[key]!).targetTableName as TableName);
      cost += COST.filterRelation + (target ? whereCost(target, value, depth + 1) : 0);
    } else if (definition.fields[key] && typeof value === 'object') {
      const field = definition.fields[key]!;
      const column = (table as unknown as Record<string, AnyPgColumn>)[field.column]!;
      for (const [op, operand] of Object.entries(value as Input)) {
        if (operand == null) continue;
        cost += COST.filterCondition;
        if (op === 'contains' || op === 'startsWith') cost += trigramIndexed(table, column.name) ? COST.filterCondition : COST.search;
      }
    }
  }
  return cost;
}

/** `orderBy` terms' cost: each a term of a sort PostgreSQL reads from an index. */
export const orderCost = (terms: unknown): number => (Array.isArray(terms) ? terms.length * COST.field : 0);
