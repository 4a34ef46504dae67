import { GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo, type ArgumentNode, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../errors.js';

/**
 * PostgreSQL text and jsonb cannot hold NUL (U+0000): a string with one is refused as input, never
 * sent to SQL. One rule for every path: the read arguments of the GraphQL engine (the plugin below),
 * compiled reads (src/compiled/fast-path.ts) and the mutations' own input schemas (`withoutNul`),
 * which report it as a ValidationError naming the field.
 */
export const NUL_MESSAGE = 'must not contain NUL characters';

/** Whether `value` holds a NUL in any string, object key or nested value (JSON variables included). */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, nested]) => key.includes('\0') || containsNul(nested));
  }
  return false;
}

/** Where a document can bring a NUL to a read: a string literal, or the variables its read arguments use. */
interface TextInputs {
  literal: ArgumentNode | null;
  variables: Map<string, ArgumentNode>;
}

function literalHasNul(value: ValueNode): boolean {
  if (value.kind === Kind.STRING) return value.value.includes('\0');
  if (value.kind === Kind.LIST) return value.values.some(literalHasNul);
  if (value.kind === Kind.OBJECT) return value.fields.some((field) => literalHasNul(field.value));
  return false;
}

function variablesIn(value: ValueNode, into: Set<string>): Set<string> {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value);
  if (value.kind === Kind.LIST) for (const item of value.values) variablesIn(item, into);
  if (value.kind === Kind.OBJECT) for (const field of value.fields) variablesIn(field.value, into);
  return into;
}

// Parsed documents are cached by yoga: the walk runs once per document, not per request.
const analysed = new WeakMap<DocumentNode, TextInputs>();

function textInputs(schema: GraphQLSchema, document: DocumentNode): TextInputs {
  let inputs = analysed.get(document);
  if (inputs) return inputs;
  const found: TextInputs = { literal: null, variables: new Map() };
  const typeInfo = new TypeInfo(schema);
  const mutationType = schema.getMutationType();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        // A mutation's own input is validated by its input schema, which names the field in a ValidationError.
        if (mutationType && typeInfo.getParentType() === mutationType && !typeInfo.getDirective()) return;
        if (!found.literal && literalHasNul(node.value)) found.literal = node;
        for (const name of variablesIn(node.value, new Set())) if (!found.variables.has(name)) found.variables.set(name, node);
      },
    }),
  );
  inputs = found;
  analysed.set(document, inputs);
  return inputs;
}

const nulError = (node: ArgumentNode) =>
  new GraphQLError(`Argument "${node.name.value}" ${NUL_MESSAGE}.`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } });

/** The BAD_USER_INPUT error for a NUL in a read argument of `document` (literal or variable), or null. */
export function nulInputError(schema: GraphQLSchema, document: DocumentNode, variables: { readonly [name: string]: unknown } | null | undefined): GraphQLError | null {
  const inputs = textInputs(schema, document);
  if (inputs.literal) return nulError(inputs.literal);
  for (const [name, node] of inputs.variables) if (containsNul(variables?.[name])) return nulError(node);
  return null;
}

/** Refuses a NUL in a read argument before execution: BAD_USER_INPUT instead of an internal error from SQL. */
export function useStorableTextInput(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = nulInputError(args.schema, args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = nulInputError(args.schema, args.document, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
