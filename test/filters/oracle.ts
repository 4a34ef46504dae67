import fc from 'fast-check';
import type { Rule } from '../../src/policies/rule.js';

/**
 * The SQL oracle of `where` / `orderBy`: random filter trees for a connection and, for each, the
 * hand-written SQL that must select the same rows in the same order (the read rule given as the
 * ids it allows, computed from the policy). Written apart from src/schema/core/where.ts on
 * purpose: operators are spelled out here as a reader of the README would expect them to behave.
 */

export type Kind = 'id' | 'text' | 'date' | 'enum' | 'boolean';

export interface OracleField {
  /** SQL of the value on the row alias `a` (a deleted message's content reads as null). */
  sql: (a: string) => string;
  kind: Kind;
  /** Values to compare with (GraphQL form: enums in capitals, IDs global). */
  values: unknown[];
}

export interface OracleType {
  table: string;
  rule: Rule;
  typename: string;
  fields: Record<string, OracleField>;
  /** GraphQL relation name -> the target and the join condition on aliases (row, target). */
  relations: Record<string, { target: () => OracleType; join: (row: string, target: string) => string }>;
}

const OPERATORS: Record<Kind, string[]> = {
  id: ['eq', 'ne', 'in'],
  text: ['eq', 'ne', 'in', 'contains', 'startsWith', 'isNull'],
  date: ['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte', 'isNull'],
  enum: ['eq', 'ne', 'in'],
  boolean: ['eq', 'ne', 'isNull'],
};

export type Where = Record<string, unknown>;

/** Random where trees over `type` (relations one level deep, combinators nested). */
export function whereArbitrary(type: OracleType, depth = 2): fc.Arbitrary<Where> {
  const condition = fc.constantFrom(...Object.keys(type.fields)).chain((name) => {
    const field = type.fields[name]!;
    return fc.constantFrom(...OPERATORS[field.kind]).chain((op) => {
      const value = op === 'isNull' ? fc.boolean() : op === 'in' ? fc.subarray(field.values, { maxLength: Math.min(3, field.values.length) }) : field.kind === 'text' && op !== 'eq' && op !== 'ne' ? fc.constantFrom(...textPatterns(field.values)) : fc.constantFrom(...field.values);
      return value.map((v) => ({ [name]: { [op]: v } }) as Where);
    });
  });
  const relation = Object.keys(type.relations).length
    ? fc.constantFrom(...Object.keys(type.relations)).chain((name) => whereArbitrary(type.relations[name]!.target(), 0).map((sub) => ({ [name]: sub }) as Where))
    : condition;
  const leaf = fc.oneof(condition, condition, relation);
  if (depth <= 0) return fc.array(condition, { minLength: 1, maxLength: 2 }).map((items) => Object.assign({}, ...items) as Where);
  const inner = whereArbitrary(type, depth - 1);
  return fc.oneof(
    leaf,
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((items) => Object.assign({}, ...items) as Where),
    fc.array(inner, { maxLength: 3 }).map((items) => ({ and: items })),
    fc.array(inner, { maxLength: 3 }).map((items) => ({ or: items })),
    inner.map((item) => ({ not: item })),
  );
}

/** Substrings of real values, case changed, and pattern characters that must match literally. */
function textPatterns(values: unknown[]): string[] {
  const texts = values.filter((v): v is string => typeof v === 'string');
  return [...new Set([...texts.map((t) => t.slice(1, 4)), ...texts.map((t) => t.slice(0, 2).toUpperCase()), '%', '_', 'a', 'e', 'zz'])];
}

const literal = (value: unknown): string => {
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `'${String(value).replaceAll("'", "''")}'`;
};

const uuidOf = (globalId: unknown) => Buffer.from(String(globalId), 'base64').toString().split(':')[1]!;

/** A GraphQL value as the SQL literal it compares as. */
function sqlValue(field: OracleField, value: unknown): string {
  if (field.kind === 'id') return `'${uuidOf(value)}'::uuid`;
  if (field.kind === 'enum') return literal(String(value).toLowerCase());
  if (field.kind === 'date') return `'${String(value)}'::timestamptz`;
  return literal(value);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The oracle's condition of `where` on alias `a`; `visible(type)` gives the SQL list of ids the rule allows. */
export function oracleSql(type: OracleType, where: Where, a: string, visible: (type: OracleType) => string, depth = 0): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and') parts.push((value as Where[]).length ? `(${(value as Where[]).map((w) => oracleSql(type, w, a, visible, depth)).join(' and ')})` : 'true');
    else if (key === 'or') parts.push((value as Where[]).length ? `(${(value as Where[]).map((w) => oracleSql(type, w, a, visible, depth)).join(' or ')})` : 'false');
    else if (key === 'not') parts.push(`(not coalesce(${oracleSql(type, value as Where, a, visible, depth)}, false))`);
    else if (type.relations[key]) {
      const relation = type.relations[key]!;
      const target = relation.target();
      const t = `o${depth + 1}`;
      parts.push(`exists (select 1 from ${target.table} ${t} where ${relation.join(a, t)} and ${t}.id in (${visible(target)}) and ${oracleSql(target, value as Where, t, visible, depth + 1)})`);
    } else {
      const field = type.fields[key]!;
      const column = field.sql(a);
      for (const [op, operand] of Object.entries(value as Where)) {
        if (op === 'eq') parts.push(`coalesce(${column} = ${sqlValue(field, operand)}, false)`);
        else if (op === 'ne') parts.push(`${column} is distinct from ${sqlValue(field, operand)}`);
        else if (op === 'in') parts.push((operand as unknown[]).length ? `coalesce(${column} in (${(operand as unknown[]).map((v) => sqlValue(field, v)).join(', ')}), false)` : 'false');
        else if (op === 'isNull') parts.push(operand ? `${column} is null` : `${column} is not null`);
        else if (op === 'contains') parts.push(`coalesce(${column} ilike ${literal(`%${escapeLike(String(operand))}%`)}, false)`);
        else if (op === 'startsWith') parts.push(`coalesce(${column} ilike ${literal(`${escapeLike(String(operand))}%`)}, false)`);
        else parts.push(`coalesce(${column} ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[op]} ${sqlValue(field, operand)}, false)`);
      }
    }
  }
  return parts.length ? `(${parts.join(' and ')})` : 'true';
}

/** Conditions and nesting as the gateway counts them (it refuses beyond 20 and 5). */
export function measure(where: Where, depth = 1): { conditions: number; depth: number } {
  let conditions = 0;
  let deepest = depth;
  for (const [key, value] of Object.entries(where)) {
    const nested = key === 'and' || key === 'or' ? (value as Where[]) : key === 'not' ? [value as Where] : null;
    if (nested) {
      for (const item of nested) {
        const inner = measure(item, depth + 1);
        conditions += inner.conditions;
        deepest = Math.max(deepest, inner.depth);
      }
    } else if (typeof value === 'object' && value && !Object.values(value).every((v) => typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date)) {
      const inner = measure(value as Where, depth + 1);
      conditions += 1 + inner.conditions;
      deepest = Math.max(deepest, inner.depth);
    } else conditions += Object.keys(value as object).length;
  }
  return { conditions, depth: deepest };
}
