import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { measureOperation, type Measure } from './cost.js';
import { tooComplex, type QueryLimits } from './limits.js';

/** Measures kept per document and operation: one per combination of the variables the cost reads. */
const MEASURES_PER_OPERATION = 100;

interface OperationEntry {
  /** null until measured once: which variables the measure depends on. */
  variables: string[] | null;
  measures: Map<string, Measure | null>;
}

/**
 * The one place a request's cost is judged, for the GraphQL engine (src/limits/plugin.ts) and for
 * compiled reads (src/compiled/fast-path.ts). Measures are cached per parsed document (yoga and
 * compiled reads both reuse the document of a query text) and the values of the variables they read.
 */
export interface CostGuard {
  /** The refusal of this operation with these coerced variables, or null when it is within the limits. */
  refusal(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): GraphQLError | null;
}

export function createCostGuard(schema: GraphQLSchema, limits: Pick<QueryLimits, 'cost' | 'passwordHashes'>): CostGuard {
  const byDocument = new WeakMap<DocumentNode, Map<string, OperationEntry>>();

  function measure(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): Measure | null {
    let operations = byDocument.get(document);
    if (!operations) byDocument.set(document, (operations = new Map()));
    let entry = operations.get(operationName ?? '');
    if (!entry) operations.set(operationName ?? '', (entry = { variables: null, measures: new Map() }));
    const key = entry.variables && JSON.stringify(entry.variables.map((name) => variables[name] ?? null));
    if (key !== null && entry.measures.has(key)) return entry.measures.get(key)!;
    const measured = measureOperation(schema, document, operationName, variables);
    entry.variables ??= measured?.variables ?? [];
    if (entry.measures.size >= MEASURES_PER_OPERATION) entry.measures.delete(entry.measures.keys().next().value!);
    entry.measures.set(JSON.stringify(entry.variables.map((name) => variables[name] ?? null)), measured);
    return measured;
  }

  return {
    refusal(document, operationName, variables) {
      const measured = measure(document, operationName, variables);
      if (!measured) return null;
      if (measured.passwordHashes > limits.passwordHashes) {
        return tooComplex(
          'passwordHashes',
          limits.passwordHashes,
          `The operation asks for ${measured.passwordHashes} password checks (signIn, signUp); at most ${limits.passwordHashes} per request.`,
          measured.passwordHashes,
        );
      }
      if (measured.cost > limits.cost) {
        return tooComplex('cost', limits.cost, `Query cost ${measured.cost} exceeds the limit of ${limits.cost}.`, measured.cost);
      }
      return null;
    },
  };
}
