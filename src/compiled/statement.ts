import { fillPlaceholders, isNull, sql, type SQL } from 'drizzle-orm';
import { alias, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { GraphQLObjectType, valueFromAST, type GraphQLSchema } from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../builder.js';
import type { Context } from '../context.js';
import type { Database } from '../db/client.js';
import { nodeReadRuleOf } from '../schema/core/guards.js';
import { allOf } from '../schema/core/filters.js';
import { nodeIdOf, nodeTypeOf } from './args.js';
import { cursorable, cursorSql, keysetSql } from './cursor.js';
import { primaryKeyOf, tableOf, type Aliased, type Input, type Rows } from './derive.js';
import { guardedValue } from './field-errors.js';
import { fromAliased, jsonObject, nameLiteral } from './sql-json.js';
import { NOT_COMPILED, type OrderTerm, type Scope } from './spec.js';
import { NotCompilable, type ArgSource, type FieldPlan, type Template } from './template.js';

/**
 * A template turned into ONE statement for one viewer and locale: PostgreSQL reads the rows, applies
 * the rules and writes the response's `data` as JSON text. Variables that are parameters stay
 * placeholders, filled per request. Every list is cut to its page before its rows' JSON is built.
 */

export interface Statement {
  text: string;
  /** Bound values, with placeholders for the parameter variables. */
  params: unknown[];
  /** Placeholder name -> how its value comes from the request's variables. */
  fills: Map<string, { variable: string; decode?: (value: unknown) => unknown }>;
  /** Guarded fields, by the index their refusal marker carries: where each is in the document. */
  guards: { line: number; column: number }[];
  /** Its plan depends on a value (a text search): not prepared, planned with each request's values. */
  planEachTime: boolean;
}

const dialect = new PgDialect();

interface Build {
  schema: GraphQLSchema;
  template: Template;
  scope: Scope;
  ctx: Context;
  /** The request's coerced variables: structural ones are read while building, the others only for nullness. */
  variables: Record<string, unknown>;
  structural: ReadonlySet<string>;
  fills: Statement['fills'];
  guards: Statement['guards'];
  aliases: number;
}

/** A value decoded while building says the normal engine must answer. */
export class NotCompiledHere extends Error {}

function placeholder(build: Build, variable: string, decode?: (value: unknown) => unknown) {
  const name = `p${build.fills.size}`;
  build.fills.set(name, { variable, decode });
  return sql.placeholder(name);
}

/** A literal argument's value (one holding variables is read with this request's). */
const literalValue = (build: Build, source: Exclude<ArgSource, { kind: 'variable' }>) =>
  source.kind === 'value' ? source.value : (valueFromAST(source.node, source.type, build.variables) ?? undefined);

function argValues(build: Build, args: Record<string, ArgSource>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(args)) {
    if (source.kind !== 'variable') {
      const value = literalValue(build, source);
      // A literal holding variables (`where: { name: { eq: $n } }`) is decoded with this request's values.
      const decoded = source.kind === 'literal' && source.use.decode && source.use.use === 'structural' ? source.use.decode(value ?? null) : value;
      if (decoded === NOT_COMPILED) throw new NotCompiledHere();
      values[name] = decoded ?? undefined;
      continue;
    }
    const value = build.variables[source.name];
    // Structural values and nulls shape the statement; they are part of its cache key.
    if (build.structural.has(source.name) || value === null || value === undefined) {
      const decoded = source.use.decode && source.use.use === 'structural' ? source.use.decode(value ?? null) : value;
      if (decoded === NOT_COMPILED) throw new NotCompiledHere();
      values[name] = decoded ?? undefined;
      continue;
    }
    const bound = placeholder(build, source.name, source.use.decode);
    values[name] = source.use.shape ? source.use.shape(bound) : bound;
  }
  return values;
}

function inputOf(build: Build, plan: FieldPlan): Input {
  return { args: argValues(build, plan.args), ctx: build.ctx, scope: build.scope, aliasName: () => `j${++build.aliases}` };
}

function aliasFor(build: Build, table: PgTable) {
  const name = `t${++build.aliases}`;
  return { name, target: alias(table as never, name) as unknown as Aliased, from: fromAliased(table, name) };
}

/** A primary key column of a row's alias (what a LEFT JOIN found, when not null). */
function keyOf(table: PgTable, target: Aliased): SQL {
  const name = primaryKeyOf(table)[0];
  if (!name) throw new NotCompiledHere();
  return sql`${target[name]}`;
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
async function objectJson(build: Build, plans: FieldPlan[], row: Aliased): Promise<ObjectSql> {
  const entries: (readonly [string, SQL])[] = [];
  const joins: SQL[] = [];
  // One field after the other: aliases and placeholders are numbered in the same order every time.
  for (const plan of plans) {
    const derived = plan.derived;
    if (!derived) entries.push([plan.key, nameLiteral(plan.parentType)]);
    else if (derived.kind === 'leaf') {
      const input = inputOf(build, plan);
      const value = await derived.sql(row, input);
      entries.push([plan.key, derived.guard ? guardedValue(build.guards, plan.location, derived.guard.where(build.scope.viewer, row as never), value) : value]);
    } else if (derived.kind === 'object') {
      const rows = await derived.rows(inputOf(build, plan), row);
      if (!rows) {
        entries.push([plan.key, sql`null`]);
        continue;
      }
      const { target, from } = aliasFor(build, rows.table);
      const related = await objectJson(build, plan.children, target);
      joins.push(sql`left join ${from} on ${rows.where(target)}`, ...related.joins);
      entries.push([plan.key, sql`(case when ${keyOf(rows.table, target)} is null then null else ${related.json} end)`]);
    } else entries.push([plan.key, await fieldValue(build, plan, row)]);
  }
  return { json: jsonObject(entries), joins };
}

/** `from <table> <joins>`: a row and its to-one relations. */
const fromWith = (from: SQL, joins: SQL[]) => (joins.length ? sql`${from} ${sql.join(joins, sql` `)}` : from);

const orderSql = (terms: readonly OrderTerm[], flip = false) =>
  sql.join(
    terms.map((term) => {
      const direction = flip ? (term.direction === 'asc' ? 'desc' : 'asc') : term.direction;
      return sql`${term.expression ? sql`(${term.expression})` : term.column} ${sql.raw(direction)}`;
    }),
    sql`, `,
  );

function termsOf(rows: Rows, target: Aliased): OrderTerm[] {
  const terms = rows.terms(target);
  if (!terms) throw new NotCompiledHere();
  return terms;
}

/** A field whose value is a subquery: a root field, a list, a connection, `node`. */
async function fieldValue(build: Build, plan: FieldPlan, parent: Aliased | undefined): Promise<SQL> {
  const derived = plan.derived;
  if (!derived) return nameLiteral(plan.parentType);
  if (derived.kind === 'node') return derived.many ? nodesValue(build, plan) : nodeValue(build, plan, plan.args.id!);
  if (derived.kind === 'leaf') throw new NotCompiledHere();
  const input = inputOf(build, plan);
  const rows = await derived.rows(input, parent);
  if (!rows) return derived.kind === 'list' ? sql`'[]'::json` : derived.kind === 'object' ? sql`null` : emptyConnection(plan);
  const { name, target, from } = aliasFor(build, rows.table);
  if (derived.kind === 'connection') return connectionObject(build, plan, rows, input.args, { name, target, from });
  const object = await objectJson(build, plan.children, target);
  if (derived.kind === 'object') return sql`(select ${object.json} from ${fromWith(from, object.joins)} where ${rows.where(target)} limit 1)`;
  const order = termsOf(rows, target);
  return sql`(select coalesce(json_agg(${object.json} order by ${orderSql(order)}), '[]'::json) from ${fromWith(from, object.joins)} where ${rows.where(target)})`;
}

/** A connection whose rows are none (e.g. a root list for nobody): what the engine answers for an empty page. */
function emptyConnection(plan: FieldPlan): SQL {
  return jsonObject(
    plan.children.map((child): readonly [string, SQL] => {
      if (child.name === 'totalCount') return [child.key, sql`0`];
      if (child.name === 'nodes' || child.name === 'edges') return [child.key, sql`'[]'::json`];
      if (child.name === 'pageInfo') {
        return [child.key, jsonObject(child.children.map((part) => [part.key, part.name === '__typename' ? nameLiteral(part.parentType) : part.name.startsWith('has') ? sql`false` : sql`null`]))];
      }
      return [child.key, nameLiteral(child.parentType)];
    }),
  );
}

const PAGE_FIELDS = new Set(['nodes', 'edges', 'pageInfo']);

/**
 * A connection as plugin-drizzle answers it: the page (`first` rows after `after`, or the `last` rows
 * before `before`, and one more, which tells whether there is another page) is cut first under the
 * row's alias, then `nodes`, `edges` and `pageInfo` are aggregated from it; `totalCount` counts
 * every row the rule and filters keep.
 */
async function connectionObject(build: Build, plan: FieldPlan, rows: Rows, args: Record<string, unknown>, { name, target, from }: { name: string; target: Aliased; from: SQL }): Promise<SQL> {
  const { first, last, after, before } = args as Record<string, unknown>;
  if (first != null && last != null) throw new NotCompiledHere();
  const backward = first == null && last != null;
  // The page size is part of the statement's shape (see pageSize in args.ts): written as a number.
  const size = sql.raw(String(Number(first ?? last ?? DEFAULT_PAGE_SIZE)));
  const page = sql.identifier(name);
  const needsPage = plan.children.some((child) => PAGE_FIELDS.has(child.name));
  const terms = needsPage || after != null || before != null ? termsOf(rows, target) : [];
  const wantsCursors = after != null || before != null || plan.children.some((child) => child.name === 'edges' || child.name === 'pageInfo');
  if (wantsCursors && !cursorable(terms)) throw new NotCompiledHere();
  const rowNumber = sql`${page}.${sql.identifier('__row')}`;
  const inPage = sql`${rowNumber} <= ${size}`;
  const outputOrder = backward ? sql`${rowNumber} desc` : rowNumber;
  const joins: SQL[] = [];
  const nodeJson = async (children: FieldPlan[]) => {
    const node = await objectJson(build, children, target);
    joins.push(...node.joins);
    return node.json;
  };
  const list = (item: SQL) => sql`coalesce(json_agg(${item} order by ${outputOrder}) filter (where ${inPage}), '[]'::json)`;
  const full = sql`(count(*) > ${size})`;
  const entries: (readonly [string, SQL])[] = [];
  for (const child of plan.children) {
    if (child.name === '__typename') entries.push([child.key, nameLiteral(child.parentType)]);
    else if (child.name === 'totalCount') {
      const counted = aliasFor(build, rows.table);
      entries.push([child.key, sql`(select count(*) from ${counted.from} where ${rows.where(counted.target)})`]);
    } else if (child.name === 'nodes') entries.push([child.key, list(await nodeJson(child.children))]);
    else if (child.name === 'edges') {
      const edge: (readonly [string, SQL])[] = [];
      for (const part of child.children) {
        if (part.name === 'cursor') edge.push([part.key, cursorSql(terms)]);
        else if (part.name === 'node') edge.push([part.key, await nodeJson(part.children)]);
        else edge.push([part.key, nameLiteral(part.parentType)]);
      }
      entries.push([child.key, list(jsonObject(edge))]);
    } else {
      const cursorAt = (end: 'first' | 'last') => {
        const descending = (end === 'last') !== backward;
        return sql`(array_agg(${cursorSql(terms)} order by ${rowNumber}${sql.raw(descending ? ' desc' : '')}) filter (where ${inPage}))[1]`;
      };
      const info = child.children.map((part): readonly [string, SQL] => {
        // plugin-drizzle: a `before` cursor means a next page, an `after` cursor a previous one.
        if (part.name === 'hasNextPage') return [part.key, before != null ? sql`true` : last != null ? sql`false` : full];
        if (part.name === 'hasPreviousPage') return [part.key, after != null ? sql`true` : backward ? full : sql`false`];
        if (part.name === 'startCursor') return [part.key, cursorAt('first')];
        if (part.name === 'endCursor') return [part.key, cursorAt('last')];
        return [part.key, nameLiteral(part.parentType)];
      });
      entries.push([child.key, jsonObject(info)]);
    }
  }
  const object = jsonObject(entries);
  if (!needsPage) return object;
  const where = allOf(rows.where(target), after == null ? undefined : keysetSql(terms, after, 'after'), before == null ? undefined : keysetSql(terms, before, 'before'));
  const order = orderSql(terms, backward);
  const cut = sql`(select ${page}.*, row_number() over (order by ${order}) as ${sql.identifier('__row')}
    from ${from} where ${where} order by ${order} limit ${size} + 1) ${page}`;
  return sql`(select ${object} from ${fromWith(cut, joins)})`;
}

/** `node(id)`: the row of the ID's type that its read rule shows the viewer, live, or null. */
async function nodeValue(build: Build, plan: FieldPlan, source: ArgSource): Promise<SQL> {
  const raw = source.kind === 'variable' ? build.variables[source.name] : literalValue(build, source);
  if (raw == null) return sql`null`;
  const typename = nodeTypeOf(raw);
  const type = typename ? build.schema.getType(typename) : undefined;
  const rule = typename ? nodeReadRuleOf(typename) : undefined;
  const table = typename ? tableOf(build.schema, typename) : null;
  // Another type (not a node, or unknown) is the engine's BAD_USER_INPUT to report.
  if (!typename || !(type instanceof GraphQLObjectType) || !type.getInterfaces().some((i) => i.name === 'Node') || !rule || !table) throw new NotCompiledHere();
  let children: FieldPlan[];
  try {
    children = build.template.planFor(plan.selectionSet!, typename);
  } catch (error) {
    if (error instanceof NotCompilable) throw new NotCompiledHere();
    throw error;
  }
  const id = source.kind !== 'variable' || build.structural.has(source.name) ? nodeIdOf(raw) : placeholder(build, source.name, nodeIdOf);
  const { target, from } = aliasFor(build, table.table);
  const object = await objectJson(build, children, target);
  const deletedAt = (target as { deletedAt?: never }).deletedAt;
  const where = allOf(sql`${keyOf(table.table, target)} = ${id}`, deletedAt ? isNull(deletedAt) : undefined, rule.where(build.scope.viewer, target as never));
  return sql`(select ${object.json} from ${fromWith(from, object.joins)} where ${where} limit 1)`;
}

/** `nodes(ids)`: each ID as `node` answers it, in order. */
async function nodesValue(build: Build, plan: FieldPlan): Promise<SQL> {
  const source = plan.args.ids!;
  const ids = (source.kind === 'variable' ? build.variables[source.name] : literalValue(build, source)) as unknown[];
  if (!Array.isArray(ids) || ids.length > 50) throw new NotCompiledHere();
  if (ids.length === 0) return sql`'[]'::json`;
  const items: SQL[] = [];
  for (const id of ids) items.push(await nodeValue(build, plan, { kind: 'value', value: id }));
  return sql`json_build_array(${sql.join(items, sql`, `)})`;
}

export interface StatementScope extends Scope {
  db: Database;
}

/** The statement of `template` for this scope and these (coerced) variables; throws NotCompiledHere to fall back. */
export async function buildStatement(schema: GraphQLSchema, template: Template, scope: StatementScope, variables: Record<string, unknown>): Promise<Statement> {
  const ctx = { db: scope.db, viewer: scope.viewer, credentialsError: null, clientIp: null, locale: scope.locale } as Context;
  const build: Build = { schema, template, scope, ctx, variables, structural: new Set(template.structuralVariables), fills: new Map(), guards: [], aliases: 0 };
  // Root fields have no row to join to: each is its own subquery.
  const entries: (readonly [string, SQL])[] = [];
  for (const field of template.fields) entries.push([field.key, await fieldValue(build, field, undefined)]);
  const query = dialect.sqlToQuery(sql`select ${jsonObject(entries)}::text`);
  return { text: query.sql, params: query.params, fills: build.fills, guards: build.guards, planEachTime: /\bilike\b/i.test(query.sql) };
}

/** The statement's parameters for one request, or NOT_COMPILED when a value must go to the normal engine. */
export function statementParams(statement: Statement, variables: Record<string, unknown>): unknown[] | typeof NOT_COMPILED {
  const values: Record<string, unknown> = {};
  for (const [name, { variable, decode }] of statement.fills) {
    const value = decode ? decode(variables[variable]) : variables[variable];
    if (value === NOT_COMPILED) return NOT_COMPILED;
    values[name] = value;
  }
  return fillPlaceholders(statement.params as never[], values);
}
