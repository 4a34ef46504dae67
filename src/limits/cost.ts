import {
  getNamedType,
  getNullableType,
  GraphQLList,
  isCompositeType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';

/**
 * The estimated cost of one operation, before it runs: roughly the number of values it can write
 * and the expensive work it asks for. A small walker over the schema rather than
 * @pothos/plugin-complexity's calculation: that one multiplies a connection's whole selection by the
 * page size (also `totalCount` and `pageInfo`, so `first: 0 { totalCount }` would cost nothing),
 * measures only the first operation of a document and does not count introspection.
 *
 * - every selected field costs 1 (`COST.field`), or its weight: `extensions: { cost }` on the field;
 * - a connection (a field with `first`): its rows (`nodes`, `edges`) cost page size x their
 *   selection, the page being `first` ?? `last` ?? DEFAULT_PAGE_SIZE, at most MAX_PAGE_SIZE (a larger
 *   one is refused as BAD_USER_INPUT anyway); its `totalCount` costs COST.totalCount once, however
 *   large the page; a text search argument adds COST.search;
 * - a plain list of objects: its selection x the length of its `ids` argument, else x `COST.list`;
 * - `__schema` and `__type` have a flat weight (their answer depends on the schema, not the selection).
 */
export const COST = {
  field: 1,
  /** A connection's `totalCount`: a COUNT over all its rows (200,000 messages of a busy channel). */
  totalCount: 10,
  /** A count of one row's children (`memberCount`, `reactionCount`): an indexed count per row. */
  count: 2,
  /** A text search (ILIKE) argument on a connection: a scan. */
  search: 50,
  /** One operator of a `where` argument (a trigram-indexed text search costs it twice, an unindexed one COST.search). */
  filterCondition: 2,
  /** A `where` condition across a relation: a subquery per row, with the target's read rule. */
  filterRelation: 10,
  /** A full introspection answer (GraphiQL and codegen send one). */
  schemaIntrospection: 5_000,
  typeIntrospection: 50,
  /** Rows assumed for a plain list field without a page size. */
  list: DEFAULT_PAGE_SIZE,
} as const;

/**
 * The extension key of input types whose argument weighs its own value (`where`, `orderBy`:
 * src/schema/core/where-input.ts) and says whether it is accepted (compiled reads read that).
 */
export const FILTER_INPUT = 'filterInput';

export interface FilterInput {
  /** What the argument adds to the connection's cost (never throws). */
  cost(value: unknown): number;
  /** Whether the value is accepted (a refused one is the engine's BAD_USER_INPUT to report). */
  valid(value: unknown): boolean;
}

/** The FILTER_INPUT of an argument's type, if it has one. */
export const filterInputOf = (type: GraphQLInputType): FilterInput | undefined => (getNamedType(type).extensions as Record<string, unknown>)[FILTER_INPUT] as FilterInput | undefined;

/** Arguments that make a connection search text. */
const SEARCH_ARGUMENTS = ['search', 'contains', 'nameContains'];

/** What the schema says about a field beyond its type (Pothos `extensions`). */
type CostExtensions = Record<string, unknown> & {
  /** Its own weight instead of COST.field. */
  cost?: number;
  /** It hashes a password (argon2): a few ms of CPU each, so few per operation. */
  hashesPassword?: boolean;
};

/** The extensions schema fields declare (src/schema/): counts, and the password hashing of signIn and signUp. */
export const COUNT_FIELD: CostExtensions = { cost: COST.count };
export const HASHES_PASSWORD: CostExtensions = { hashesPassword: true };

export interface Measure {
  cost: number;
  passwordHashes: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Variables whose value the cost depends on. */
  read: Set<string>;
  memo: Map<SelectionSetNode, Map<string, Measure>>;
}

const add = (a: Measure, b: Measure, times = 1): Measure => ({ cost: a.cost + b.cost * times, passwordHashes: a.passwordHashes + b.passwordHashes * times });
const ZERO: Measure = { cost: 0, passwordHashes: 0 };

function argument(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>, name: string): unknown {
  const definition = field.args.find((arg) => arg.name === name);
  if (!definition) return undefined;
  const given = node.arguments?.find((arg) => arg.name.value === name);
  if (!given) return definition.defaultValue;
  if (given.value.kind === Kind.VARIABLE) {
    walk.read.add(given.value.name.value);
    return walk.variables[given.value.name.value] ?? definition.defaultValue;
  }
  return valueFromAST(given.value, definition.type, walk.variables);
}

const isConnection = (type: GraphQLCompositeType) => isObjectType(type) && 'pageInfo' in type.getFields() && 'edges' in type.getFields();

function pageSize(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>): number {
  // Both are read, so the variables a measure depends on do not depend on their values.
  const [first, last] = [argument(walk, node, field, 'first'), argument(walk, node, field, 'last')];
  const requested = first ?? last;
  const size = typeof requested === 'number' ? requested : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(size, 0), MAX_PAGE_SIZE);
}

function fieldMeasure(walk: Walk, node: FieldNode, parent: GraphQLCompositeType, rows: number): Measure {
  const name = node.name.value;
  if (name === '__schema') return { cost: COST.schemaIntrospection, passwordHashes: 0 };
  if (name === '__type') return { cost: COST.typeIntrospection, passwordHashes: 0 };
  const field = isCompositeType(parent) && 'getFields' in parent ? parent.getFields()[name] : undefined;
  if (!field) return { cost: COST.field, passwordHashes: 0 };
  const extensions = field.extensions as CostExtensions;
  const connectionParent = isConnection(parent);
  let own = extensions.cost ?? (connectionParent && name === 'totalCount' ? COST.totalCount : COST.field);
  const measure: Measure = { cost: 0, passwordHashes: extensions.hashesPassword ? 1 : 0 };
  const type = getNamedType(field.type);
  if (!node.selectionSet || !isCompositeType(type)) return { ...measure, cost: own };
  if (isConnection(type)) {
    if (SEARCH_ARGUMENTS.map((arg) => argument(walk, node, field, arg)).some(Boolean)) own += COST.search;
    // where / orderBy: only when given (a connection without them costs what it did).
    for (const given of node.arguments ?? []) {
      const definition = field.args.find((arg) => arg.name === given.name.value);
      const filter = definition && filterInputOf(definition.type);
      if (filter) own += filter.cost(argument(walk, node, field, definition.name));
    }
    return add({ ...measure, cost: own }, selectionMeasure(walk, node.selectionSet, type, pageSize(walk, node, field)));
  }
  // A connection's rows are its page; another list of objects is as long as its ids, or COST.list.
  let times = 1;
  if (connectionParent && (name === 'nodes' || name === 'edges')) times = rows;
  else if (getNullableType(field.type) instanceof GraphQLList) {
    const ids = argument(walk, node, field, 'ids');
    times = Array.isArray(ids) ? ids.length : COST.list;
  }
  return add({ ...measure, cost: own }, selectionMeasure(walk, node.selectionSet, type, 1), times);
}

/** `rows`: the page size when `type` is a connection. Fragments used twice are measured once (memo). */
function selectionMeasure(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLCompositeType, rows: number): Measure {
  const key = `${type.name}:${rows}`;
  const cached = walk.memo.get(selectionSet)?.get(key);
  if (cached) return cached;
  // Validation has refused fragment cycles; this entry stops a walk of an unvalidated document too.
  if (!walk.memo.has(selectionSet)) walk.memo.set(selectionSet, new Map());
  walk.memo.get(selectionSet)!.set(key, ZERO);
  let total = ZERO;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      total = add(total, fieldMeasure(walk, selection, type, rows));
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
    // On an abstract type every fragment is counted: an upper bound.
    if (condition && isCompositeType(condition)) total = add(total, selectionMeasure(walk, fragment.selectionSet, condition, rows));
  }
  walk.memo.get(selectionSet)!.set(key, total);
  return total;
}

export interface OperationMeasure extends Measure {
  /** The variables the measure depends on: a measure can be reused for the same values of these. */
  variables: string[];
}

/**
 * The measure of the operation `operationName` selects in a validated document, with the
 * operation's coerced variables; null when there is no such operation (execution reports that).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): OperationMeasure | null {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((definition) => definition.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    ),
    variables,
    read: new Set(),
    memo: new Map(),
  };
  const measure = selectionMeasure(walk, operation.selectionSet, root, 1);
  return { ...measure, variables: [...walk.read].sort() };
}
