import type { Context } from '../../context.js';
import { canSeeGroup, canSeeRole } from '../../policies/rbac.js';
import type { Rule, RuledTable } from '../../policies/rule.js';
import { visibleRows } from './guards.js';
import type { TableName } from './root-fields.js';
import { filterArgs, withFilters } from './where-input.js';

/**
 * A relation connection's options for the rows `rule` lets the viewer see, in `orderBy`, with the
 * connection's where / orderBy arguments: the same rows listed in several places (roles of an app,
 * a permission, a user) are declared once.
 */
export function ruledConnection<Table extends RuledTable, const Order extends object>(t: { arg: unknown }, table: TableName, rule: Rule<Table>, orderBy: Order) {
  return {
    args: filterArgs(t as { arg: never }, table),
    query: (args: object, ctx: Context) => withFilters(table, args, ctx, { where: visibleRows(rule, ctx), orderBy }),
    totalCount: true as const,
  };
}

/** Roles and groups, wherever they are listed (an app's, a permission's, a user's): the viewer's visible ones, by key. */
export const visibleRoles = (t: { arg: unknown }) => ruledConnection(t, 'roles', canSeeRole, { key: 'asc' });
export const visibleGroups = (t: { arg: unknown }) => ruledConnection(t, 'groups', canSeeGroup, { key: 'asc' });
