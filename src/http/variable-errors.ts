import {
  coerceInputValue,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  isInputObjectType,
  isInputType,
  isLeafType,
  isListType,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * graphql-js repeats a refused variable's whole value in its error (`Variable "$input" got invalid
 * value { email: ..., password: "..." }; Field "x" is not defined ...`): a password or an
 * integration's credentials sent beside one wrong field would come back in the answer. These are
 * the same errors, found by the same coercion, naming the variable, the path and the reason, never a value.
 */

// Reasons graphql-js words from types and field names only; any other (a scalar's own) may quote the value.
const STRUCTURAL = /^(Expected non-nullable type "[^"]+" not to be null\.|Expected type "[^"]+" to be an object\.|Field "[^"]+" (of required type "[^"]+" was not provided|is not defined by type "[^"]+"|must be non-null)|Exactly one key must be specified)/;

const pathText = (path: readonly (string | number)[]) => path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');

/** The input type at `path` inside `type` (list items, input object fields). */
function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLInputType | undefined {
  let current: GraphQLInputType | undefined = type;
  for (const key of path) {
    const nullable: GraphQLInputType | undefined = current && (getNullableType(current) as GraphQLInputType);
    if (isListType(nullable)) current = nullable.ofType as GraphQLInputType;
    else if (isInputObjectType(nullable) && typeof key === 'string') current = nullable.getFields()[key]?.type;
    else return current;
  }
  return current;
}

/** The reason, unless it may quote the value: a scalar's or enum's refusal is said by its type's name. */
function reasonOf(error: GraphQLError, type: GraphQLInputType | undefined): string {
  if (STRUCTURAL.test(error.message)) return error.message;
  const named = type && getNamedType(type);
  return named && isLeafType(named) ? `Expected a value of type "${named.name}".` : 'Not a valid value here.';
}

/**
 * The variable errors of this request without values, or null when none are found (graphql-js's own
 * errors then stand: a variable of an unknown type, which its message names without a value).
 */
export function variableErrorsWithoutValues(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): GraphQLError[] | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const errors: GraphQLError[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type || !isInputType(type) || !Object.hasOwn(variables, name)) continue;
    coerceInputValue(variables[name], type, (path, _value, error) => {
      const at = path.length > 0 ? ` at "${name}${pathText(path)}"` : '';
      errors.push(new GraphQLError(`Variable "$${name}" got invalid value${at}; ${reasonOf(error, typeAt(type, path))}`, { nodes: definition }));
    });
  }
  return errors.length > 0 ? errors : null;
}

/** A variable error of graphql-js (execution reports them without a path, before any field runs). */
export const isValueEchoingVariableError = (error: GraphQLError) => !error.path && /^Variable "\$[^"]+" got invalid value /.test(error.message);
