import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { alias, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { allOf } from '../schema/filters.js';
import { cursorSql, keysetSql } from './cursor.js';
import { TYPES } from './registry.js';
import { fromAliased, jsonObject, nameLiteral } from './sql-json.js';
import { NOT_COMPILED, type ConnectionSpec, type FieldInput, type Scope } from './spec.js';
import type { ArgSource, FieldPlan, Template } from './template.js';

/**
 * A template turned into ONE statement for one viewer and locale: PostgreSQL reads the rows, applies
 * the rules and writes the response's `data` as JSON text. Variables that are parameters stay
 * placeholders, filled per request.
 */

export interface Statement {
  text: string;
  /** Bound values, with placeholders for the parameter variables. */
  params: unknown[];
  /** Placeholder name -> how its value comes from the request's variables. */
  fills: Map<string, { variable: string; decode?: (value: unknown) => unknown }>;
}

const dialect = new PgDialect();

interface Build {
  scope: Scope;
  /** The request's coerced variables: structural ones are read while building, the others only for nullness. */
  variables: Record<string, unknown>;
  structural: ReadonlySet<string>;
  fills: Statement['fills'];
  aliases: number;
}

function argValues(build: Build, args: Record<string, ArgSource>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(args)) {
    if (source.kind === 'value') {
      values[name] = source.value;
      continue;
    }
    const value = build.variables[source.name];
    // Structural values and nulls shape the statement; they are part of its cache key.
    if (build.structural.has(source.name) || value === null || value === undefined) {
      const decoded = source.use.decode ? source.use.decode(value ?? null) : value;
      if (decoded === NOT_COMPILED) throw new NotCompiledHere();
      values[name] = decoded;
      continue;
    }
    const placeholder = `p${build.fills.size}`;
    build.fills.set(placeholder, { variable: source.name, decode: source.use.decode });
    values[name] = sql.placeholder(placeholder);
  }
  return values;
}

/** A value decoded while building says the normal engine must answer. */
export class NotCompiledHere extends Error {}

function aliasFor(build: Build, typename: string) {
  const table = TYPES[typename]!.table as PgTable;
  const name = `t${++build.aliases}`;
  return { name, target: alias(table, name), from: fromAliased(table, name) };
}

/** An object's JSON and the joins that bring in its to-one relations, for the FROM clause of its row. */
interface ObjectSql {
  json: SQL;
  joins: SQL[];
}

/**
 * The JSON object of `plans` on `row`. To-one relations become LEFT JOINs (at most one row each: a
 * foreign key to a primary key) so PostgreSQL can plan them with the rows, e.g. as one hash join.
 */
async function objectJson(build: Build, plans: FieldPlan[], row: unknown): Promise<ObjectSql> {
  const entries: (readonly [string, SQL])[] = [];
  const joins: SQL[] = [];
  // One field after the other: aliases and placeholders are numbered in the same order every time.
  for (const plan of plans) {
    if (plan.spec?.kind !== 'object') {
      entries.push([plan.key, await fieldValue(build, plan, row)]);
      continue;
    }
    const input = { row, args: argValues(build, plan.args), scope: build.scope };
    const { target, from } = aliasFor(build, plan.spec.type);
    const related = await objectJson(build, plan.children, target);
    joins.push(sql`left join ${from} on ${plan.spec.where(input, target)}`, ...related.joins);
    entries.push([plan.key, sql`(case when ${(target as unknown as { id: SQL }).id} is null then null else ${related.json} end)`]);
  }
  return { json: jsonObject(entries), joins };
}

/** `from <table> <joins>`: a row and its to-one relations. */
const fromWith = (from: SQL, joins: SQL[]) => (joins.length ? sql`${from} ${sql.join(joins, sql` `)}` : from);

/** A root field (an object or a connection), or a leaf of a row. */
async function fieldValue(build: Build, plan: FieldPlan, row: unknown): Promise<SQL> {
  if (!plan.spec) return nameLiteral(plan.parentType);
  const input = { row, args: argValues(build, plan.args), scope: build.scope };
  const spec = plan.spec;
  if (spec.kind === 'leaf') return spec.sql(input);
  if (spec.kind === 'object') {
    const { target, from } = aliasFor(build, spec.type);
    const object = await objectJson(build, plan.children, target);
    return sql`(select ${object.json} from ${fromWith(from, object.joins)} where ${spec.where(input, target)} limit 1)`;
  }
  return connectionObject(build, plan, spec, input);
}

const PAGE_FIELDS = new Set(['nodes', 'edges', 'pageInfo']);

/**
 * A connection as plugin-drizzle answers it: the page (`first` rows after the `after` cursor, and
 * one more, which tells `hasNextPage`) is cut first under one alias, then `nodes`, `edges` and
 * `pageInfo` are aggregated from it; `totalCount` counts every row the rule and filters keep.
 */
async function connectionObject(build: Build, plan: FieldPlan, spec: ConnectionSpec<unknown>, input: FieldInput<unknown>): Promise<SQL> {
  const { name, target, from } = aliasFor(build, spec.type);
  const page = sql.identifier(name);
  const terms = spec.orderBy(input, target);
  const order = sql.join(terms.map((term) => sql`${term.column} ${sql.raw(term.direction)}`), sql`, `);
  const { first, after } = input.args;
  const rows = sql`${page}.${sql.identifier('__row')}`;
  const inPage = sql`${rows} <= ${first}`;
  const joins: SQL[] = [];
  const nodeJson = async (children: FieldPlan[]) => {
    const node = await objectJson(build, children, target);
    joins.push(...node.joins);
    return node.json;
  };
  const list = (item: SQL) => sql`coalesce(json_agg(${item} order by ${rows}) filter (where ${inPage}), '[]'::json)`;
  const cursor = () => cursorSql(terms);
  const entries: (readonly [string, SQL])[] = [];
  for (const child of plan.children) {
    if (child.name === '__typename') entries.push([child.key, nameLiteral(child.parentType)]);
    else if (child.name === 'totalCount') {
      const counted = aliasFor(build, spec.type);
      entries.push([child.key, sql`(select count(*) from ${counted.from} where ${spec.where(input, counted.target)})`]);
    } else if (child.name === 'nodes') entries.push([child.key, list(await nodeJson(child.children))]);
    else if (child.name === 'edges') {
      const edge: (readonly [string, SQL])[] = [];
      for (const part of child.children) {
        if (part.name === 'cursor') edge.push([part.key, cursor()]);
        else if (part.name === 'node') edge.push([part.key, await nodeJson(part.children)]);
        else edge.push([part.key, nameLiteral(part.parentType)]);
      }
      entries.push([child.key, list(jsonObject(edge))]);
    } else {
      const info = child.children.map((part): readonly [string, SQL] => {
        if (part.name === 'hasNextPage') return [part.key, sql`(count(*) > ${first})`];
        // Paging forward, plugin-drizzle answers hasPreviousPage by whether a cursor was given.
        if (part.name === 'hasPreviousPage') return [part.key, after == null ? sql`false` : sql`true`];
        if (part.name === 'startCursor') return [part.key, sql`(array_agg(${cursor()} order by ${rows}) filter (where ${inPage}))[1]`];
        if (part.name === 'endCursor') return [part.key, sql`(array_agg(${cursor()} order by ${rows} desc) filter (where ${inPage}))[1]`];
        return [part.key, nameLiteral(part.parentType)];
      });
      entries.push([child.key, jsonObject(info)]);
    }
  }
  const object = jsonObject(entries);
  if (!plan.children.some((child) => PAGE_FIELDS.has(child.name))) return object;
  const where = allOf(spec.where(input, target), after == null ? undefined : keysetSql(terms, after));
  const cut = sql`(select ${page}.*, row_number() over (order by ${order}) as ${sql.identifier('__row')}
    from ${from} where ${where} order by ${order} limit ${first} + 1) ${page}`;
  return sql`(select ${object} from ${fromWith(cut, joins)})`;
}

/** The statement of `template` for this scope and these (coerced) variables; throws NotCompiledHere to fall back. */
export async function buildStatement(template: Template, scope: Scope, variables: Record<string, unknown>): Promise<Statement> {
  const build: Build = { scope, variables, structural: new Set(template.structuralVariables), fills: new Map(), aliases: 0 };
  // Root fields have no row to join to: each is its own subquery.
  const entries: (readonly [string, SQL])[] = [];
  for (const field of template.fields) entries.push([field.key, await fieldValue(build, field, undefined)]);
  const query = dialect.sqlToQuery(sql`select ${jsonObject(entries)}::text`);
  return { text: query.sql, params: query.params, fills: build.fills };
}

/** The statement's parameters for one request, or NOT_COMPILED when a value must go to the normal engine. */
export function statementParams(statement: Statement, variables: Record<string, unknown>): unknown[] | typeof NOT_COMPILED {
  const values: Record<string, unknown> = {};
  for (const [placeholder, { variable, decode }] of statement.fills) {
    const value = decode ? decode(variables[variable]) : variables[variable];
    if (value === NOT_COMPILED) return NOT_COMPILED;
    values[placeholder] = value;
  }
  return fillPlaceholders(statement.params as never[], values);
}
