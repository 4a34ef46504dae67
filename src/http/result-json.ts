import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';

/** An error as JSON without what only the server reads (`extensions.http`, `unexpected`), as yoga writes errors. */
export function errorWithoutInternals(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  const formatted = 'toJSON' in error && typeof error.toJSON === 'function' ? error.toJSON() : (error as GraphQLFormattedError);
  if (!formatted.extensions) return formatted;
  const { http: _http, unexpected: _unexpected, ...extensions } = formatted.extensions as Record<string, unknown>;
  return { ...formatted, extensions: Object.keys(extensions).length ? extensions : undefined };
}

/** The result as JSON without what only the server reads (`extensions.http`, `unexpected`), as yoga writes results. */
export function resultWithoutInternals(result: ExecutionResult): Record<string, unknown> {
  const json = { ...result } as Record<string, unknown> & { errors?: GraphQLFormattedError[]; extensions?: Record<string, unknown> };
  if (result.errors) {
    json.errors = result.errors.map(errorWithoutInternals);
  }
  if (json.extensions) {
    const { http: _http, ...extensions } = json.extensions;
    json.extensions = Object.keys(extensions).length ? extensions : undefined;
  }
  return json;
}

