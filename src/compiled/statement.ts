import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { alias, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { TYPES } from './registry.js';
import { fromAliased, jsonObject, nameLiteral } from './sql-json.js';
import { NOT_COMPILED, type Scope } from './spec.js';
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
  return { target: alias(table, name), from: fromAliased(table, name) };
}

async function objectJson(build: Build, plans: FieldPlan[], row: unknown): Promise<SQL> {
  const entries = await Promise.all(plans.map(async (plan) => [plan.key, await fieldValue(build, plan, row)] as const));
  return jsonObject(entries);
}

async function fieldValue(build: Build, plan: FieldPlan, row: unknown): Promise<SQL> {
  if (!plan.spec) return nameLiteral(plan.parentType);
  const input = { row, args: argValues(build, plan.args), scope: build.scope };
  const spec = plan.spec;
  if (spec.kind === 'leaf') return spec.sql(input);
  if (spec.kind === 'object') {
    const { target, from } = aliasFor(build, spec.type);
    const body = await objectJson(build, plan.children, target);
    return sql`(select ${body} from ${from} where ${spec.where(input, target)} limit 1)`;
  }
  const entries = await Promise.all(
    plan.children.map(async (child): Promise<readonly [string, SQL]> => {
      if (child.name === '__typename') return [child.key, nameLiteral(child.parentType)];
      const { target, from } = aliasFor(build, spec.type);
      const where = spec.where(input, target);
      if (child.name === 'totalCount') return [child.key, sql`(select count(*) from ${from} where ${where})`];
      const order = spec.orderBy(input, target);
      const body = await objectJson(build, child.children, target);
      const keys = order.map((term, index) => sql`${term.by} as ${sql.identifier(`o${index}`)}`);
      const inner = order.map((term) => sql`${term.by} ${sql.raw(term.direction)}`);
      const outer = order.map((term, index) => sql`${sql.identifier('n')}.${sql.identifier(`o${index}`)} ${sql.raw(term.direction)}`);
      // The page is cut in the inner query (index order); json_agg keeps that order explicitly.
      const nodes = sql`coalesce((select json_agg(n.j order by ${sql.join(outer, sql`, `)}) from (select ${body} as j, ${sql.join(keys, sql`, `)}
        from ${from} where ${where} order by ${sql.join(inner, sql`, `)} limit ${input.args.first}) n), '[]'::json)`;
      return [child.key, nodes];
    }),
  );
  return jsonObject(entries);
}

/** The statement of `template` for this scope and these (coerced) variables; throws NotCompiledHere to fall back. */
export async function buildStatement(template: Template, scope: Scope, variables: Record<string, unknown>): Promise<Statement> {
  const build: Build = { scope, variables, structural: new Set(template.structuralVariables), fills: new Map(), aliases: 0 };
  const data = await objectJson(build, template.fields, undefined);
  const query = dialect.sqlToQuery(sql`select ${data}::text`);
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
