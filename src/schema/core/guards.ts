import type { InferSelectModel, SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { allows, type Rule, type RuledTable } from '../../policies/rule.js';
import { allOf } from './filters.js';

/**
 * How the policies reach the schema. Every list, relation, connection and count asks SQL for the
 * rows its target type's rule allows; fields beyond a row's basic visibility are guarded by a rule
 * evaluated in the same statement; `node` checks the rule of the type it loaded.
 */

/** `where` for a relational query: the rows `rule` allows this viewer, narrowed by optional filters. */
export function visibleRows<Table extends RuledTable>(rule: Rule<Table>, ctx: Context, ...filters: ((table: Table) => SQL | undefined)[]) {
  return { RAW: (table: Table) => allOf(rule.where(ctx.viewer, table), ...filters.map((filter) => filter(table))) };
}

/** The same condition over the table itself, for counts (`$count`, `relatedCount`). */
export function visibleCondition<Table extends RuledTable>(rule: Rule<Table>, ctx: Context, ...filters: ((table: Table) => SQL | undefined)[]): SQL {
  return allOf(rule.where(ctx.viewer, rule.table), ...filters.map((filter) => filter(rule.table)));
}

const flagName = (rule: Rule): string => `allowed_${rule.name.replace(/\W/g, '_')}`;

/**
 * Options for a field exposing `column`, that only viewers allowed by `rule` may read: the rule is
 * computed as an extra column of the row's own query (no extra statement) and the field's auth
 * scope reads it.
 */
export function guardedColumn<Table extends RuledTable>(rule: Rule<Table>, column: keyof InferSelectModel<Table> & string) {
  const flag = flagName(rule as unknown as Rule);
  return {
    // Typed as no selection, so the field keeps the row type; the extra column is only read by the scope.
    select: ((_args: object, ctx: Context) => ({
      columns: { [column]: true },
      extras: { [flag]: (table: Table) => rule.where(ctx.viewer, table) },
    })) as unknown as {},
    authScopes: (row: object) => (row as Record<string, unknown>)[flag] === true,
    resolve: (row: object) => (row as Record<string, unknown>)[column] as never,
    // Compiled reads (src/compiled/) read the same rule and column: null plus FORBIDDEN where it refuses.
    extensions: { [GUARDED_COLUMN]: { rule, column } satisfies GuardedColumn },
  };
}

export const GUARDED_COLUMN = 'guardedColumn';

export interface GuardedColumn {
  rule: Rule;
  column: string;
}

/** The read rule of a node type (`node` / `nodes`), as compiled reads apply it in SQL. */
export const nodeReadRuleOf = (typename: string): Rule | undefined => nodeRules.get(typename);

// The read rule of each node type, for `node` / `nodes`, which load rows past every list filter.
const nodeRules = new Map<string, Rule>();

export function nodeReadRule<Table extends RuledTable>(typename: string, rule: Rule<Table>): void {
  nodeRules.set(typename, rule as unknown as Rule);
}

/** Whether the viewer may see the node loaded for this global ID (batched: one statement per type). */
export async function mayReadNode(ctx: Context, typename: string, node: { id?: unknown }): Promise<boolean> {
  const rule = nodeRules.get(typename);
  if (!rule) return false; // a type without a read rule is never served by `node`
  return typeof node.id === 'string' && allows(ctx, rule, node.id);
}
