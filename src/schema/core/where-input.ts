import { and, type SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { relations } from '../../db/relations.js';
import { badInput } from '../../errors.js';
import { FILTER_INPUT, type FilterInput } from '../../limits/cost.js';
import { ChannelTypeEnum, FileScopeEnum, FileStatusEnum, IntegrationStatusEnum, OrganizationRoleEnum, SortDirectionEnum, SystemLogLevelEnum, UserTypeEnum } from './enums.js';
import type { TableName } from './root-fields.js';
import { FILTER_DEFINITIONS } from './where-definitions.js';
import { filterDefinitionOf, isValid, OPERATORS, orderCost, parseOrder, parseWhere, whereCost, whereSql, type FieldKind, type FilterDefinition, type OrderTermInput } from './where.js';

/**
 * The GraphQL side of `where` / `orderBy`, generated from where-definitions.ts: an operator input
 * per column kind (`StringFilter`, `DateTimeFilter`, ... and one per enum), and per type `XWhere`
 * (its columns, its to-one relations, `and` / `or` / `not`), `XOrderField` (its orderable columns)
 * and `XOrderBy` (`{ field, direction }`). The input types carry FILTER_INPUT (src/limits/cost.ts)
 * in their extensions: the cost limits and compiled reads (src/compiled/template.ts) find the
 * argument's weight and validation there, without knowing the definitions.
 */

const ENUMS: Record<string, unknown> = {
  UserType: UserTypeEnum,
  OrganizationRole: OrganizationRoleEnum,
  ChannelType: ChannelTypeEnum,
  FileScope: FileScopeEnum,
  FileStatus: FileStatusEnum,
  IntegrationStatus: IntegrationStatusEnum,
  SystemLogLevel: SystemLogLevelEnum,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields = any;
type AnyRef = never;

const OPERATOR_HELP: Record<string, string> = {
  eq: 'Equal to.',
  ne: 'Not equal to (a null value differs from any value).',
  in: 'Equal to one of these (at most 100).',
  lt: 'Less than.',
  lte: 'Less than or equal to.',
  gt: 'Greater than.',
  gte: 'Greater than or equal to.',
  contains: 'Contains this text, case-insensitively (% and _ are plain characters).',
  startsWith: 'Starts with this text, case-insensitively.',
  isNull: 'true: no value; false: a value.',
};

/** One operator input type: the operators of a column kind over a value type. */
function operatorInput(name: string, kind: FieldKind, valueType: unknown) {
  return builder.inputType(name, {
    description: `Conditions on one value; every given operator must hold (a null operator is no condition).`,
    fields: (t: Fields) =>
      Object.fromEntries(
        OPERATORS[kind].map((op) => {
          const type = op === 'isNull' ? 'Boolean' : op === 'in' ? [valueType] : valueType;
          return [op, t.field({ type: type as AnyRef, required: false, description: OPERATOR_HELP[op] })];
        }),
      ) as never,
  });
}

const operatorInputs = new Map<string, unknown>([
  ['id', operatorInput('IDFilter', 'id', 'ID')],
  ['text', operatorInput('StringFilter', 'text', 'String')],
  ['int', operatorInput('IntFilter', 'int', 'Int')],
  ['float', operatorInput('FloatFilter', 'float', 'Float')],
  ['date', operatorInput('DateTimeFilter', 'date', 'DateTime')],
  ['boolean', operatorInput('BooleanFilter', 'boolean', 'Boolean')],
  ...Object.entries(ENUMS).map(([name, ref]) => [`enum:${name}`, operatorInput(`${name}Filter`, 'enum', ref)] as const),
]);

const upperSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

interface Refs {
  where: unknown;
  orderBy: unknown;
}

const refs = new Map<TableName, Refs>();
const whereRefs = new Map<TableName, unknown>(FILTER_DEFINITIONS.map((definition) => [definition.table, builder.inputRef<Record<string, unknown>>(`${definition.typename}Where`)]));

for (const definition of FILTER_DEFINITIONS) {
  const where = whereRefs.get(definition.table)!;
  (where as { implement(options: object): void }).implement({
    description: `Conditions on a ${definition.typename}, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering.`,
    extensions: { [FILTER_INPUT]: { cost: (value) => whereCost(definition, value), valid: (value) => isValid(() => parseWhere(definition, value as never)) } satisfies FilterInput },
    fields: (t: Fields) => ({
      ...Object.fromEntries(
        Object.entries(definition.fields).map(([name, field]) => [name, t.field({ type: operatorInputs.get(field.kind === 'enum' ? `enum:${field.enumType}` : field.kind) as AnyRef, required: false })]),
      ),
      ...Object.fromEntries(
        Object.entries(definition.relations).map(([name, relation]) => {
          const target = filterDefinitionOf(targetTable(definition, relation));
          return [name, t.field({ type: whereRefs.get(target.table) as AnyRef, required: false, description: `A ${target.typename} the viewer may see that matches.` })];
        }),
      ),
      and: t.field({ type: [where] as AnyRef, required: false, description: 'Every one of these holds.' }),
      or: t.field({ type: [where] as AnyRef, required: false, description: 'At least one of these holds.' }),
      not: t.field({ type: where as AnyRef, required: false, description: 'This does not hold.' }),
    }),
  });
  const orderable = Object.entries(definition.fields).filter(([, field]) => field.order);
  let orderBy: unknown = null;
  if (orderable.length) {
    const fieldEnum = builder.enumType(`${definition.typename}OrderField`, {
      description: `Indexed columns a ${definition.typename} list can be ordered by.`,
      values: Object.fromEntries(orderable.map(([name]) => [upperSnake(name), { value: name }])) as never,
    });
    orderBy = builder.inputType(`${definition.typename}OrderBy`, {
      description: 'One term of an order; the ID is always added last, so the order (and every cursor) is stable.',
      extensions: { [FILTER_INPUT]: { cost: orderCost, valid: (value) => isValid(() => parseOrder(definition, value as never)) } satisfies FilterInput },
      fields: (t: Fields) => ({
        field: t.field({ type: fieldEnum as AnyRef, required: true }),
        direction: t.field({ type: SortDirectionEnum as AnyRef, required: false, defaultValue: 'ASC' as never }),
      }),
    });
  }
  refs.set(definition.table, { where, orderBy });
}

const targetTable = (definition: FilterDefinition, relation: string) =>
  (relations[definition.table].relations as Record<string, { targetTableName: string }>)[relation]!.targetTableName as TableName;

interface ArgOptions {
  /** The name of the order argument (`sortBy` where `orderBy` already names an enum order). */
  orderArg?: string;
}

/** The `where` and `orderBy` arguments of a connection over `table`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function filterArgs(t: { arg: any }, table: TableName, { orderArg = 'orderBy' }: ArgOptions = {}): {} {
  const { where, orderBy } = refs.get(table)!;
  // Typed as no arguments: resolvers read them through withFilters, which takes any arguments.
  return {
    where: t.arg({ type: where, required: false, description: 'Only rows matching these conditions (inside the read rule).' }),
    ...(orderBy ? { [orderArg]: t.arg({ type: [orderBy], required: false, description: 'The order, by indexed columns; the ID breaks ties.' }) } : {}),
  };
}

interface RelationalQuery {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  where?: { RAW?: (table: any) => SQL } & Record<string, unknown>;
  orderBy?: unknown;
}

/**
 * A connection's relational query with the request's `where` ANDed into its `where` (after the
 * read rule, in the same RAW condition) and its `orderBy` in place of the default order. Without
 * either argument the query is returned as it was.
 */
export function withFilters<const Query extends RelationalQuery>(table: TableName, args: object, ctx: Context, query: Query, { orderArg = 'orderBy' }: ArgOptions = {}): Query {
  const where = (args as Record<string, unknown>).where as Record<string, unknown> | null | undefined;
  const order = (args as Record<string, unknown>)[orderArg] as OrderTermInput[] | null | undefined;
  if (where == null && order == null) return query;
  const definition = filterDefinitionOf(table);
  const result: RelationalQuery = { ...query };
  if (where != null) {
    const node = parseWhere(definition, where);
    const own = query.where?.RAW;
    result.where = { ...query.where, RAW: (row: Parameters<typeof whereSql>[2]) => (own ? sqlAnd(own(row), whereSql(definition, node, row, ctx.viewer)) : whereSql(definition, node, row, ctx.viewer)) };
  }
  const orderBy = order == null ? null : parseOrder(definition, order);
  if (orderBy && Object.keys(orderBy).length) result.orderBy = orderBy;
  return result as Query;
}

const sqlAnd = (a: SQL, b: SQL): SQL => and(a, b)!;

/** Refuses two orders at once (a type's own `order` argument and `orderBy`). */
export function oneOrder(args: object, own: string, orderArg = 'orderBy'): void {
  const given = args as Record<string, unknown>;
  if (given[own] != null && given[orderArg] != null) throw badInput(`Give either ${own} or ${orderArg}, not both.`);
}
