import { GraphQLError } from 'graphql';

/**
 * The limits every GraphQL request is held to before it runs (README "Limits"). One value per limit,
 * read by the GraphQL engine's plugin (src/limits/plugin.ts) and by compiled reads
 * (src/compiled/fast-path.ts) alike.
 */
export interface QueryLimits {
  /** Bytes of a request body (query, variables and all). */
  bodyBytes: number;
  /** Characters of the query document. */
  queryLength: number;
  /** Lexical tokens of the document; bounds the parser's recursion too. */
  tokens: number;
  /** Nesting of fields (fragments flattened, introspection not counted: it has its own weight). */
  depth: number;
  aliases: number;
  directives: number;
  /** Estimated cost of the operation (src/limits/cost.ts), from the document and its variables. */
  cost: number;
  /** Fields that hash a password (signIn, signUp) in one operation. */
  passwordHashes: number;
}

export const DEFAULT_LIMITS: Readonly<QueryLimits> = {
  bodyBytes: 1_048_576,
  queryLength: 50_000,
  tokens: 2_000,
  depth: 15,
  aliases: 30,
  directives: 50,
  // A request at 20,000 (8 root pages of 100 messages with reactions) takes ~14 ms of PostgreSQL time on the demo data; README "Limits".
  cost: 20_000,
  passwordHashes: 1,
};

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

export type LimitName = keyof QueryLimits;

/**
 * A refused request: `extensions.limit` names the limit, `max` is its value and `found` what the
 * request measured (absent where the check stops counting early, e.g. tokens). Like a validation
 * error it answers HTTP 200 to `application/json` and 400 to `application/graphql-response+json`
 * (GraphQL over HTTP); an oversized body, never read, answers 413.
 */
export function tooComplex(limit: LimitName, max: number, message: string, found?: number): GraphQLError {
  const status = limit === 'bodyBytes' ? 413 : 400;
  return new GraphQLError(message, {
    extensions: { code: QUERY_TOO_COMPLEX, limit, max, ...(found === undefined ? {} : { found }), http: { status, spec: status === 400 } },
  });
}

/** The response body and status yoga writes for a refusal, for answers given before yoga runs. */
export function refusalResponse(error: GraphQLError, mediaType: string): { status: number; body: string } {
  const { http, ...extensions } = error.extensions as { http: { status: number; spec: boolean } } & Record<string, unknown>;
  const legacyJson = mediaType === 'application/json' && http.spec;
  return { status: legacyJson ? 200 : http.status, body: JSON.stringify({ errors: [{ message: error.message, extensions }] }) };
}
