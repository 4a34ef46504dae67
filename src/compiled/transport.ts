/**
 * The GraphQL parameters of a request read as yoga reads them (graphql-yoga 5: request-parser/get.js,
 * post-json.js, result-processor/accept.js), for compiled reads, which answer before yoga parses.
 * Whatever yoga would answer differently (an error, another media type) is returned as null, and
 * the request goes on to the engine.
 */

export interface GraphQLParams {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
  /** A persisted document's id (GraphQL over HTTP persisted documents), body or GET parameter. */
  documentId?: string;
}

/** Bodies read before yoga's own size limit applies: a read's query and variables, never an upload. */
export const MAX_BODY_BYTES = 100_000;

/** The media types of yoga's result processor for a single result, in the order it tries them. */
const REGULAR = ['application/graphql-response+json', 'application/json'];

/** yoga's isMatchingMediaType (a wildcard only on the requested side). */
function matches(processorType: string, requested: string): boolean {
  const [pre, suf] = processorType.split('/');
  const [askedPre, askedSuf] = requested.split('/');
  return (askedPre === '*' || askedPre === pre) && (askedSuf === '*' || askedSuf === suf);
}

/**
 * The media type yoga answers a single result with for this Accept header, or null when it would
 * not answer JSON (an event stream, multipart, 406). yoga walks the accepted types in reverse and
 * its JSON processor last, so the last match wins: the first acceptable type listed, and
 * application/json for an absent header or a wildcard.
 */
export function answeredMediaType(accept: string | null): string | null {
  const requested = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  let chosen: string | null = null;
  for (let i = requested.length - 1; i >= 0; i--) {
    const [mediaType = '', ...params] = requested[i]!.split(';');
    // Only utf-8 is answered; a parameter without charset means utf-8.
    if ((params.find((param) => param.includes('charset=')) ?? 'charset=utf-8') !== 'charset=utf-8') continue;
    for (const type of REGULAR) if (matches(type, mediaType)) chosen = type;
  }
  return chosen;
}

/** yoga's isContentTypeMatch: the first of a (non-standard) list, exactly or with parameters. */
function isJsonContentType(contentType: string | null): boolean {
  const first = contentType?.split(',')[0];
  if (!first) return false;
  return ['application/json', 'application/graphql+json'].some((type) => first === type || first.startsWith(`${type};`));
}

/** A JSON POST with a declared, small body (a chunked or large one is left to yoga, which enforces its limit as it reads). */
export function readableJsonPost(contentType: string | null, contentLength: string | null): boolean {
  return isJsonContentType(contentType) && contentLength !== null && /^\d{1,9}$/.test(contentLength) && Number(contentLength) > 0 && Number(contentLength) <= MAX_BODY_BYTES;
}

const PARAMETERS = new Set(['query', 'variables', 'operationName', 'extensions', 'documentId']);

const isObjectOrAbsent = (value: unknown) => value == null || (typeof value === 'object' && !Array.isArray(value));

/** The parameters when they are what yoga accepts without an error (its checkGraphQLQueryParams), else null. */
function checked(value: unknown): GraphQLParams | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const params = value as Record<string, unknown>;
  for (const key in params) if (params[key] != null && !PARAMETERS.has(key)) return null;
  const { query, operationName, variables, extensions, documentId } = params;
  if (query != null && typeof query !== 'string') return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (documentId != null && typeof documentId !== 'string') return null;
  if (!isObjectOrAbsent(variables) || !isObjectOrAbsent(extensions)) return null;
  return params as GraphQLParams;
}

function parseJson(text: string | undefined): unknown {
  return text ? JSON.parse(text) : undefined;
}

/** A GET's parameters from what follows the first `?` of its URL (yoga reads empty parameters as absent). */
export function paramsOfSearch(search: string): GraphQLParams | null {
  const found = new URLSearchParams(search);
  try {
    return checked({
      query: found.get('query') || undefined,
      operationName: found.get('operationName') || undefined,
      variables: parseJson(found.get('variables') || undefined),
      extensions: parseJson(found.get('extensions') || undefined),
      documentId: found.get('documentId') || undefined,
    });
  } catch {
    return null; // malformed JSON: the engine answers its 400
  }
}

/**
 * A JSON POST body: the parsed value when it is an object (yoga's JSON parser returns any object as
 * is; an array is a batch, refused later) and the parameters when yoga accepts them. Throws on
 * malformed JSON, which the engine reports.
 */
export function paramsOfJsonBody(text: string): { body: object | null; params: GraphQLParams | null } {
  const body: unknown = JSON.parse(text);
  return { body: body !== null && typeof body === 'object' ? body : null, params: checked(body) };
}

/**
 * The GraphQL parameters of a GET or a small JSON POST to the endpoint, or null for anything else.
 * A POST body that is a JSON object goes into `bodies`: yoga reads a body again through a new
 * Request (its body size limit), so the engine is handed this one instead of parsing it twice.
 */
export async function readParams(request: Request, bodies: WeakMap<Request, object>): Promise<GraphQLParams | null> {
  if (request.method === 'GET') return paramsOfSearch(request.url.substring(request.url.indexOf('?') + 1));
  if (request.method !== 'POST' || !readableJsonPost(request.headers.get('content-type'), request.headers.get('content-length'))) return null;
  const { body, params } = paramsOfJsonBody(await request.text());
  if (body) bodies.set(request, body);
  return params;
}

/** The APQ hash of `extensions.persistedQuery` as yoga's persisted-operations plugin reads it; undefined: none, null: not version 1 with a hash. */
export function persistedQueryHash(extensions: Record<string, unknown> | null | undefined): string | null | undefined {
  const persisted = extensions?.['persistedQuery'];
  if (persisted == null) return undefined;
  if (typeof persisted !== 'object') return null;
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  return version === 1 && typeof sha256Hash === 'string' ? sha256Hash : null;
}
