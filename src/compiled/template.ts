import {
  getLocation,
  getNamedType,
  getNullableType,
  GraphQLObjectType,
  isListType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type GraphQLInputType,
  type ValueNode,
  type VariableDefinitionNode,
  visit,
} from 'graphql';
import { deriveField, type Derived } from './derive.js';
import { MAX_OBJECT_KEYS } from './sql-json.js';
import { NOT_COMPILED, type ArgUse } from './spec.js';
import { cursorArg, globalIdArg, pageSize } from './args.js';
import { filterInputOf } from '../limits/cost.js';

/**
 * A validated query operation as a tree of field plans, or null when some part of it has no SQL
 * form here (then the normal engine answers it). Independent of the viewer: compiled once per
 * document; src/compiled/statement.ts turns it into a statement per viewer.
 */

export type ArgSource =
  | { kind: 'value'; value: unknown }
  | { kind: 'variable'; name: string; use: ArgUse }
  /** A literal holding variables (`[$a, $b]`): its value shapes the statement. */
  | { kind: 'literal'; node: ValueNode; type: GraphQLInputType; use: ArgUse };

export interface FieldPlan {
  /** The response key (alias or field name). */
  key: string;
  name: string;
  /** The GraphQL type the field belongs to (what `__typename` answers). */
  parentType: string;
  /** null for `__typename` and for the fields of a connection (`nodes`, `totalCount`, ...). */
  derived: Derived | null;
  args: Record<string, ArgSource>;
  /** Fields of the object, of the connection, or of each node (`nodes`, `edges.node`). */
  children: FieldPlan[];
  /** `node` / `nodes`: the selection, planned for the type of the ID a request gives. */
  selectionSet?: SelectionSetNode;
  /** Where the field is in the document, for an error reported at it. */
  location: { line: number; column: number };
}

export interface Template {
  /** Distinct per compiled document (part of its statements' cache key). */
  id: number;
  /** The operation's name (access logs, metrics); null when anonymous. */
  operationName: string | null;
  fields: FieldPlan[];
  variableDefinitions: readonly VariableDefinitionNode[];
  /** Variables whose value shapes the statement (part of its cache key); the others are parameters. */
  structuralVariables: string[];
  /** Parameter variables: whether each is null (and its `keyOf`) also shapes the statement. */
  parameterVariables: { name: string; use: ArgUse }[];
  /** Plans the selection of `node` for one concrete type (at statement time). */
  planFor(selectionSet: SelectionSetNode, typename: string): FieldPlan[];
}

export class NotCompilable extends Error {}

let templateCount = 0;

export const fail = (): never => {
  throw new NotCompilable();
};

interface Walk {
  schema: GraphQLSchema;
  source: DocumentNode['loc'];
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Map<string, VariableDefinitionNode>;
  structural: Set<string>;
  parameters: Map<string, ArgUse>;
  derived: Map<string, Derived | null>;
}

/** Whether a fragment with this type condition applies to `typename` (the type itself, or an interface it implements). */
function applies(walk: Walk, condition: string | undefined, typename: string): boolean {
  if (!condition || condition === typename) return true;
  const type = walk.schema.getType(typename);
  return type instanceof GraphQLObjectType && type.getInterfaces().some((implemented) => implemented.name === condition);
}

/** The fields selected on `typename`, fragments flattened; directives are left to the engine. */
function collectFields(walk: Walk, selectionSet: SelectionSetNode, typename: string, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) fail();
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) return fail();
    if (!applies(walk, fragment.typeCondition?.name.value, typename)) continue;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (seen.has(selection.name.value)) fail();
      seen = new Set(seen).add(selection.name.value);
    }
    fields.push(...collectFields(walk, fragment.selectionSet, typename, seen));
  }
  return mergeFields(fields);
}

/**
 * GraphQL's field merging: one response key selected twice (`id` in a fragment and beside it, as
 * clients write) is one field whose sub-selections are joined; validation has already checked that
 * the two ask the same field with the same arguments.
 */
function mergeFields(fields: FieldNode[]): FieldNode[] {
  const byKey = new Map<string, FieldNode>();
  for (const field of fields) {
    const key = (field.alias ?? field.name).value;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, field);
    else if (seen.selectionSet && field.selectionSet) {
      byKey.set(key, { ...seen, selectionSet: { ...seen.selectionSet, selections: [...seen.selectionSet.selections, ...field.selectionSet.selections] } });
    }
  }
  if (byKey.size > MAX_OBJECT_KEYS) fail();
  return [...byKey.values()];
}

/** How an argument reaches the SQL: pages, cursors, IDs and times are parameters; anything else shapes the statement. */
function argUse(field: GraphQLField<unknown, unknown>, definition: GraphQLArgument, connection: boolean): ArgUse {
  if (connection && (definition.name === 'first' || definition.name === 'last')) return pageSize;
  if (connection && (definition.name === 'after' || definition.name === 'before')) return cursorArg;
  const extensions = definition.extensions as { isRelayGlobalID?: boolean; relayGlobalIDFor?: { typename: string }[] | null };
  if (extensions.isRelayGlobalID && !isListType(getNullableType(definition.type))) return globalIdArg(extensions.relayGlobalIDFor?.map((entry) => entry.typename) ?? null);
  if (getNamedType(definition.type).name === 'DateTime') return { use: 'param' };
  // where / orderBy: the value shapes the statement; one the engine refuses is left to it to report.
  const filter = filterInputOf(definition.type);
  if (filter) return { use: 'structural', decode: (value) => (value == null || filter.valid(value) ? value : NOT_COMPILED) };
  return { use: 'structural' };
}

function argumentsOf(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>, connection: boolean): Record<string, ArgSource> {
  const args: Record<string, ArgSource> = {};
  for (const definition of field.args) {
    const use = argUse(field, definition, connection);
    const given = node.arguments?.find((argument) => argument.name.value === definition.name);
    if (given?.value.kind === Kind.VARIABLE) {
      const name = given.value.name.value;
      if (!walk.variables.has(name)) fail();
      if (use.use === 'structural') walk.structural.add(name);
      else walk.parameters.set(name, use);
      args[definition.name] = { kind: 'variable', name, use };
      continue;
    }
    const inner = given ? variablesIn(given.value) : [];
    if (inner.length) {
      for (const name of inner) if (!walk.variables.has(name)) fail();
      for (const name of inner) walk.structural.add(name);
      args[definition.name] = { kind: 'literal', node: given!.value, type: definition.type, use };
      continue;
    }
    const value = given ? valueFromAST(given.value, definition.type) : definition.defaultValue;
    if (given && value === undefined) fail();
    if (use.use === 'structural') {
      const decoded = use.decode ? use.decode(value ?? null) : value;
      if (decoded === NOT_COMPILED) fail();
      args[definition.name] = { kind: 'value', value: decoded ?? undefined };
      continue;
    }
    // A literal parameter is decoded now, and handed to resolvers in the shape they expect.
    const decoded = use.decode ? use.decode(value ?? null) : value;
    if (decoded === NOT_COMPILED) fail();
    args[definition.name] = { kind: 'value', value: decoded != null && use.shape ? use.shape(decoded) : (decoded ?? undefined) };
  }
  return args;
}

/** The variables a literal value holds (`[$a, $b]`, `{ x: $y }`). */
function variablesIn(value: ValueNode): string[] {
  const names: string[] = [];
  visit(value, { Variable: (node) => void names.push(node.name.value) });
  return names;
}

function derivedOf(walk: Walk, typename: string, field: GraphQLField<unknown, unknown>): Derived | null {
  const key = `${typename}.${field.name}`;
  if (!walk.derived.has(key)) walk.derived.set(key, deriveField(walk.schema, typename, field));
  return walk.derived.get(key)!;
}

function locationOf(walk: Walk, node: FieldNode) {
  return walk.source && node.loc ? getLocation(walk.source.source, node.loc.start) : { line: 0, column: 0 };
}

function planFields(walk: Walk, selectionSet: SelectionSetNode, typename: string): FieldPlan[] {
  const type = walk.schema.getType(typename);
  if (!(type instanceof GraphQLObjectType)) return fail();
  return collectFields(walk, selectionSet, typename).map((node) => {
    const key = (node.alias ?? node.name).value;
    const name = node.name.value;
    const base = { key, name, parentType: typename, args: {}, children: [], location: locationOf(walk, node) };
    if (name === '__typename') return { ...base, derived: null };
    const field = type.getFields()[name] ?? fail();
    const derived = derivedOf(walk, typename, field) ?? fail();
    const plan: FieldPlan = { ...base, derived, args: argumentsOf(walk, node, field, derived.kind === 'connection') };
    if (derived.kind === 'leaf') {
      if (node.selectionSet) fail();
    } else if (derived.kind === 'node') plan.selectionSet = node.selectionSet ?? fail();
    else if (derived.kind === 'connection') plan.children = planConnection(walk, node.selectionSet ?? fail(), getNamedType(field.type).name, derived.type);
    else plan.children = planFields(walk, node.selectionSet ?? fail(), derived.type);
    return plan;
  });
}

const PAGE_INFO_FIELDS = new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor', '__typename']);

/** The named type of a field of an object type (a connection's edge type, PageInfo). */
function fieldTypeName(walk: Walk, typename: string, field: string): string {
  const type = walk.schema.getType(typename);
  if (!(type instanceof GraphQLObjectType) || !type.getFields()[field]) return fail();
  return getNamedType(type.getFields()[field]!.type).name;
}

/** A plan of a connection's own field (no SQL of its own). */
function connectionPart(walk: Walk, node: FieldNode, parentType: string): FieldPlan {
  if (node.arguments?.length) fail();
  return { key: (node.alias ?? node.name).value, name: node.name.value, parentType, derived: null, args: {}, children: [], location: locationOf(walk, node) };
}

/** A connection's own fields: `nodes`, `edges` (`cursor`, `node`), `pageInfo`, `totalCount` and `__typename`. */
function planConnection(walk: Walk, selectionSet: SelectionSetNode, connectionType: string, nodeType: string): FieldPlan[] {
  return collectFields(walk, selectionSet, connectionType).map((node) => {
    const plan = connectionPart(walk, node, connectionType);
    if (plan.name === 'nodes') plan.children = planFields(walk, node.selectionSet ?? fail(), nodeType);
    else if (plan.name === 'edges') {
      const edgeType = fieldTypeName(walk, connectionType, 'edges');
      plan.children = collectFields(walk, node.selectionSet ?? fail(), edgeType).map((edge) => {
        const edgePlan = connectionPart(walk, edge, edgeType);
        if (!['cursor', 'node', '__typename'].includes(edgePlan.name)) fail();
        if (edgePlan.name === 'node') edgePlan.children = planFields(walk, edge.selectionSet ?? fail(), nodeType);
        else if (edge.selectionSet) fail();
        return edgePlan;
      });
    } else if (plan.name === 'pageInfo') {
      const infoType = fieldTypeName(walk, connectionType, 'pageInfo');
      plan.children = collectFields(walk, node.selectionSet ?? fail(), infoType).map((part) => {
        if (!PAGE_INFO_FIELDS.has(part.name.value) || part.selectionSet) fail();
        return connectionPart(walk, part, infoType);
      });
    } else if ((plan.name !== 'totalCount' && plan.name !== '__typename') || node.selectionSet) fail();
    return plan;
  });
}

/** The template of a validated document's query operation, or null when it is not compiled. */
export function compileTemplate(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): Template | null {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((definition) => definition.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return null;
  const walk: Walk = {
    schema,
    source: document.loc,
    fragments: new Map(
      document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    ),
    variables: new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition])),
    structural: new Set(),
    parameters: new Map(),
    derived: new Map(),
  };
  try {
    const fields = planFields(walk, operation.selectionSet, schema.getQueryType()!.name);
    // Only `__typename`: the normal engine answers that without any statement.
    if (fields.every((field) => field.derived === null)) return null;
    return {
      id: ++templateCount,
      operationName: operation.name?.value ?? null,
      fields,
      variableDefinitions: operation.variableDefinitions ?? [],
      structuralVariables: [...walk.structural],
      // A variable used both ways shapes the statement.
      parameterVariables: [...walk.parameters].filter(([name]) => !walk.structural.has(name)).map(([name, use]) => ({ name, use })),
      planFor: (selectionSet, typename) => planFields(walk, selectionSet, typename),
    };
  } catch (error) {
    if (error instanceof NotCompilable) return null;
    throw error;
  }
}
