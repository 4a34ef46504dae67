import {
  getNamedType,
  GraphQLEnumType,
  GraphQLObjectType,
  GraphQLScalarType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { sql } from 'drizzle-orm';
import { afterCursor, cursorable } from './cursor.js';
import { pageSize, ROOT, TYPES } from './registry.js';
import { dateTimeSql, enumSql, globalIdSql, MAX_OBJECT_KEYS } from './sql-json.js';
import { NOT_COMPILED, type ArgUse, type FieldSpec } from './spec.js';

/**
 * A validated query operation as a tree of field plans, or null when some part of it has no SQL
 * form here (then the normal engine answers it). Independent of the viewer: compiled once per
 * document; src/compiled/statement.ts turns it into a statement per viewer.
 */

export type ArgSource = { kind: 'value'; value: unknown } | { kind: 'variable'; name: string; use: ArgUse };

export interface FieldPlan {
  /** The response key (alias or field name). */
  key: string;
  name: string;
  /** The GraphQL type the field belongs to (what `__typename` answers). */
  parentType: string;
  /** null for `__typename` and for the fields of a connection (`nodes`, `totalCount`). */
  spec: FieldSpec<unknown> | null;
  args: Record<string, ArgSource>;
  /** Fields of the object (object fields), of the connection (connection fields) or of each node (`nodes`). */
  children: FieldPlan[];
}

export interface Template {
  /** Distinct per compiled document (part of its statements' cache key). */
  id: number;
  fields: FieldPlan[];
  variableDefinitions: readonly VariableDefinitionNode[];
  /** Variables whose value shapes the statement (part of its cache key); the others are parameters. */
  structuralVariables: string[];
  /** Parameter variables: whether each is null also shapes the statement. */
  parameterVariables: string[];
}

class NotCompilable extends Error {}

let templateCount = 0;

const fail = (): never => {
  throw new NotCompilable();
};

/** Scalars whose serialized form is the column's own JSON value. */
const PLAIN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'Locale', 'EmailAddress', 'URL', 'UUID', 'JSON', 'JSONObject']);

/** A field that just exposes a column (`t.exposeString('name')`) or a node's ID: its SQL from the schema itself. */
function derivedSpec(typename: string, field: GraphQLField<unknown, unknown>): FieldSpec<unknown> | null {
  const table = TYPES[typename]?.table;
  if (!table || field.args.length > 0) return null;
  const type = getNamedType(field.type);
  if (field.name === 'id' && type.name === 'ID') return { kind: 'leaf', sql: ({ row }) => globalIdSql(typename, (row as typeof table).id) };
  const extensions = field.extensions as { pothosExposedField?: string; pothosOptions?: { authScopes?: unknown } };
  const key = extensions.pothosExposedField;
  if (typeof key !== 'string' || extensions.pothosOptions?.authScopes) return null;
  const column = (row: unknown) => (row as Record<string, Parameters<typeof sql>[1]>)[key];
  if (!(key in table)) return null;
  if (type instanceof GraphQLEnumType) return { kind: 'leaf', sql: ({ row }) => enumSql(type, column(row) as never) };
  if (!(type instanceof GraphQLScalarType)) return null;
  if (type.name === 'DateTime') return { kind: 'leaf', sql: ({ row }) => dateTimeSql(column(row) as never) };
  return PLAIN_SCALARS.has(type.name) ? { kind: 'leaf', sql: ({ row }) => sql`${column(row)}` } : null;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Map<string, VariableDefinitionNode>;
  structural: Set<string>;
  parameters: Set<string>;
}

/** The fields selected on `typename`, fragments flattened; directives and other type conditions are not compiled. */
function collectFields(walk: Walk, selectionSet: SelectionSetNode, typename: string, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.directives?.length) fail();
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== typename)) fail();
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (seen.has(selection.name.value)) fail();
      seen = new Set(seen).add(selection.name.value);
    }
    fields.push(...collectFields(walk, fragment!.selectionSet, typename, seen));
  }
  // The same response key twice would need GraphQL's field merging: left to the normal engine.
  const keys = new Set(fields.map((field) => (field.alias ?? field.name).value));
  if (keys.size !== fields.length || keys.size > MAX_OBJECT_KEYS) fail();
  return fields;
}

function argumentsOf(walk: Walk, node: FieldNode, field: GraphQLField<unknown, unknown>, uses: Record<string, ArgUse>): Record<string, ArgSource> {
  const args: Record<string, ArgSource> = {};
  for (const argument of node.arguments ?? []) if (!uses[argument.name.value]) fail();
  for (const definition of field.args) {
    const use = uses[definition.name];
    const given = node.arguments?.find((argument) => argument.name.value === definition.name);
    if (!use) continue;
    if (given?.value.kind === Kind.VARIABLE) {
      const name = given.value.name.value;
      if (!walk.variables.has(name)) fail();
      (use.use === 'structural' ? walk.structural : walk.parameters).add(name);
      args[definition.name] = { kind: 'variable', name, use };
      continue;
    }
    const value = given ? valueFromAST(given.value, definition.type) : definition.defaultValue;
    if (given && value === undefined) fail();
    const decoded = use.decode ? use.decode(value) : value;
    if (decoded === NOT_COMPILED) fail();
    args[definition.name] = { kind: 'value', value: decoded };
  }
  return args;
}

function planFields(walk: Walk, selectionSet: SelectionSetNode, typename: string): FieldPlan[] {
  const type = walk.schema.getType(typename);
  if (!(type instanceof GraphQLObjectType)) return fail();
  const isRoot = typename === walk.schema.getQueryType()?.name;
  return collectFields(walk, selectionSet, typename).map((node) => {
    const key = (node.alias ?? node.name).value;
    const name = node.name.value;
    if (name === '__typename') return { key, name, parentType: typename, spec: null, args: {}, children: [] };
    const field = type.getFields()[name] ?? fail();
    const spec = (isRoot ? ROOT[name] : TYPES[typename]?.fields[name]) ?? (isRoot ? null : derivedSpec(typename, field!)) ?? fail();
    const plan: FieldPlan = { key, name, parentType: typename, spec, args: {}, children: [] };
    if (spec.kind === 'leaf') {
      if (node.selectionSet) fail();
      plan.args = argumentsOf(walk, node, field!, spec.args ?? {});
    } else if (spec.kind === 'object') {
      plan.args = argumentsOf(walk, node, field!, spec.args ?? {});
      plan.children = planFields(walk, node.selectionSet ?? fail(), spec.type);
    } else {
      // The order's shape does not depend on arguments (only its direction may): read it once here.
      const terms = spec.orderBy({ row: undefined, args: {}, scope: undefined as never }, TYPES[spec.type]!.table);
      const cursors = cursorable(terms);
      plan.args = argumentsOf(walk, node, field!, { ...spec.args, first: pageSize, ...(cursors ? { after: afterCursor(terms.length) } : {}) });
      plan.children = planConnection(walk, node.selectionSet ?? fail(), getNamedType(field!.type).name, spec.type, cursors);
    }
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

/** Fields without arguments or sub-selections, among `allowed`. */
function planScalars(walk: Walk, selectionSet: SelectionSetNode, typename: string, allowed: ReadonlySet<string>): FieldPlan[] {
  return collectFields(walk, selectionSet, typename).map((node) => {
    if (!allowed.has(node.name.value) || node.selectionSet || node.arguments?.length) fail();
    return { key: (node.alias ?? node.name).value, name: node.name.value, parentType: typename, spec: null, args: {}, children: [] };
  });
}

/**
 * A connection's own fields: `nodes`, `edges` (`cursor`, `node`), `pageInfo`, `totalCount` and
 * `__typename`, each node of `nodeType`. Cursors are written only for orders plugin-drizzle's
 * cursor format covers here (see cursor.ts).
 */
function planConnection(walk: Walk, selectionSet: SelectionSetNode, connectionType: string, nodeType: string, cursors: boolean): FieldPlan[] {
  return collectFields(walk, selectionSet, connectionType).map((node) => {
    const key = (node.alias ?? node.name).value;
    const name = node.name.value;
    const plan: FieldPlan = { key, name, parentType: connectionType, spec: null, args: {}, children: [] };
    if (node.arguments?.length) fail();
    if (name === 'nodes') plan.children = planFields(walk, node.selectionSet ?? fail(), nodeType);
    else if (name === 'edges' && cursors) {
      const edgeType = fieldTypeName(walk, connectionType, 'edges');
      plan.children = collectFields(walk, node.selectionSet ?? fail(), edgeType).map((edge) => {
        const edgePlan: FieldPlan = { key: (edge.alias ?? edge.name).value, name: edge.name.value, parentType: edgeType, spec: null, args: {}, children: [] };
        if (edge.arguments?.length || !['cursor', 'node', '__typename'].includes(edgePlan.name)) fail();
        if (edgePlan.name === 'node') edgePlan.children = planFields(walk, edge.selectionSet ?? fail(), nodeType);
        else if (edge.selectionSet) fail();
        return edgePlan;
      });
    } else if (name === 'pageInfo' && cursors) {
      plan.children = planScalars(walk, node.selectionSet ?? fail(), fieldTypeName(walk, connectionType, 'pageInfo'), PAGE_INFO_FIELDS);
    } else if ((name !== 'totalCount' && name !== '__typename') || node.selectionSet) fail();
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
    fragments: new Map(
      document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
    ),
    variables: new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition])),
    structural: new Set(),
    parameters: new Set(),
  };
  try {
    const fields = planFields(walk, operation.selectionSet, schema.getQueryType()!.name);
    // Only `__typename`: the normal engine answers that without any statement.
    if (fields.every((field) => field.spec === null)) return null;
    // A variable used both ways shapes the statement.
    const parameterVariables = [...walk.parameters].filter((name) => !walk.structural.has(name));
    return { id: ++templateCount, fields, variableDefinitions: operation.variableDefinitions ?? [], structuralVariables: [...walk.structural], parameterVariables };
  } catch (error) {
    if (error instanceof NotCompilable) return null;
    throw error;
  }
}
