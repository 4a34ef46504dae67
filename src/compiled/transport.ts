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

/** A declared, small body (a chunked or large one is left to yoga, which enforces its limit as it reads). */
function smallBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return length !== null && /^\d{1,9}$/.test(length) && Number(length) <= MAX_BODY_BYTES;
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

/** GET: yoga reads everything after the first `?`, and empty parameters as absent. */
function getParams(request: Request): GraphQLParams | null {
  const search = new URLSearchParams(request.url.substring(request.url.indexOf('?') + 1));
  try {
    return checked({
      query: search.get('query') || undefined,
      operationName: search.get('operationName') || undefined,
      variables: parseJson(search.get('variables') || undefined),
      extensions: parseJson(search.get('extensions') || undefined),
      documentId: search.get('documentId') || undefined,
    });
  } catch {
    return null; // malformed JSON: the engine answers its 400
  }
}

/**
 * The GraphQL parameters of a GET or a small JSON POST to the endpoint, or null for anything else.
 * A POST body that is a JSON object goes into `bodies`: yoga reads a body again through a new
 * Request (its body size limit), so the engine is handed this one instead of parsing it twice.
 */
export async function readParams(request: Request, bodies: WeakMap<Request, object>): Promise<GraphQLParams | null> {
  if (request.method === 'GET') return getParams(request);
  if (request.method !== 'POST' || !isJsonContentType(request.headers.get('content-type')) || !smallBody(request)) return null;
  const body: unknown = await request.json();
  // yoga's JSON parser returns any object as is (an array is a batch, refused later); null and scalars are its errors to report.
  if (body !== null && typeof body === 'object') bodies.set(request, body);
  return checked(body);
}

/** The APQ hash of `extensions.persistedQuery` as yoga's persisted-operations plugin reads it; undefined: none, null: not version 1 with a hash. */
export function persistedQueryHash(extensions: Record<string, unknown> | null | undefined): string | null | undefined {
  const persisted = extensions?.['persistedQuery'];
  if (persisted == null) return undefined;
  if (typeof persisted !== 'object') return null;
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  return version === 1 && typeof sha256Hash === 'string' ? sha256Hash : null;
}
