import { getVariableValues, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authenticateRequest, type Context, type Viewer } from '../context.js';
import type { DatabaseHandle } from '../db/client.js';
import { databaseFault, databaseFaultError } from '../errors.js';
import { cachedLocaleCatalog } from '../i18n/catalog.js';
import { createRequestLocale } from '../i18n/request.js';
import type { CostGuard } from '../limits/guard.js';
import { refusalResponse } from '../limits/limits.js';
import { containsNul } from '../http/input-text.js';
import { hasRefusals, responseWithRefusals } from './field-errors.js';
import { NOT_COMPILED } from './spec.js';
import { buildStatement, NotCompiledHere, statementParams, type Statement } from './statement.js';
import { compileTemplate, type Template } from './template.js';

/**
 * Compiled reads: a query document the normal engine has validated once is compiled to a template
 * (src/compiled/template.ts); later requests for it are answered by one statement that writes the
 * response in PostgreSQL, skipping GraphQL execution. Anything else (another operation, an
 * argument to report, refused credentials, a database error) goes on to the normal engine, except
 * a database fault (src/errors.ts databaseFault), which is answered here with its 503.
 */

const MAX_TEMPLATES = 1_000;
/** Bodies read before yoga's own size limit applies: a read's query and variables, never an upload. */
const MAX_BODY_BYTES = 100_000;
const MAX_STATEMENTS_PER_VIEWER = 100;

/** The response types a compiled read answers with, as yoga would pick them from Accept. */
const ANSWERED_MEDIA_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/** The first media type of the Accept header when yoga would answer it with plain JSON; otherwise null. */
export function plainJsonMediaType(accept: string | null): string | null {
  const first = accept?.split(',', 1)[0]?.split(';', 1)[0]?.trim().toLowerCase();
  return first && ANSWERED_MEDIA_TYPES.has(first) ? first : null;
}

interface Body {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function graphqlBody(value: unknown): Body | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { query, operationName, variables, extensions } = value as Record<string, unknown>;
  if (typeof query !== 'string' || extensions !== undefined) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  return value as Body;
}

const templateKey = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\u0000${query}`;

/** Insertion-ordered map that drops its oldest entry when full. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}

// A statement depends on the viewer object (the credential cache renews it), the locale catalog snapshot and its key.
const ANONYMOUS = {};

class StatementCache {
  private readonly byOwner = new WeakMap<object, WeakMap<object, BoundedMap<string, Promise<Statement | null>>>>();

  for(viewer: Viewer | null, catalog: object): BoundedMap<string, Promise<Statement | null>> {
    const owner = viewer ?? ANONYMOUS;
    let byCatalog = this.byOwner.get(owner);
    if (!byCatalog) this.byOwner.set(owner, (byCatalog = new WeakMap()));
    let statements = byCatalog.get(catalog);
    if (!statements) byCatalog.set(catalog, (statements = new BoundedMap(MAX_STATEMENTS_PER_VIEWER)));
    return statements;
  }
}

/** What shapes a statement: its template, structural values, which parameters are null, the locale header. */
function statementKey(template: Template, variables: Record<string, unknown>, acceptLanguage: string | null): string {
  const structural = template.structuralVariables.map((name) => variables[name] ?? null);
  const shapes = template.parameterVariables.map(({ name, use }) => (variables[name] == null ? '-' : (use.keyOf?.(variables[name]) ?? '+'))).join(',');
  return `${template.id}|${JSON.stringify(structural)}|${shapes}|${acceptLanguage ?? ''}`;
}

/** A declared, small body (a chunked or large one is left to yoga, which enforces its limit as it reads). */
function smallBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return length !== null && /^\d{1,9}$/.test(length) && Number(length) <= MAX_BODY_BYTES;
}

/** The body and status yoga would send for this one error (its `extensions.http` is not part of the body). */
function faultResponse(fetchAPI: { Response: typeof Response }, mediaType: string, fault: GraphQLError, logError: (error: unknown) => void, cause: unknown): Response {
  logError(cause);
  const { http, ...extensions } = fault.extensions as { http: { status: number; headers: Record<string, string> } };
  const body = JSON.stringify({ errors: [{ message: fault.message, extensions }] });
  return new fetchAPI.Response(body, { status: http.status, headers: { ...http.headers, 'content-type': `${mediaType}; charset=utf-8` } });
}

export interface CompiledReadsOptions {
  handle: DatabaseHandle;
  schema: GraphQLSchema;
  /** Where a failure to build a statement goes (the request itself is answered by the engine). */
  logError: (error: unknown) => void;
  /** The engine's judge of cost: a compiled document with other variables is refused like there. */
  costGuard: CostGuard;
}

interface Answer {
  status: number;
  body: string;
}

export function useCompiledReads({ handle, schema, logError, costGuard }: CompiledReadsOptions): Plugin<Context> {
  const templates = new BoundedMap<string, Template | null>(MAX_TEMPLATES);
  const documents = new WeakMap<Template, DocumentNode>();
  const statementCache = new StatementCache();

  async function answer(request: Request, body: Body, mediaType: string): Promise<Answer | null> {
    const template = templates.get(templateKey(body.query, body.operationName));
    if (!template) return null;
    const coerced = getVariableValues(schema, template.variableDefinitions, body.variables ?? {});
    // Refused input (a NUL no statement may carry) is reported by the normal engine.
    if (coerced.errors || containsNul(coerced.coerced)) return null;
    // The document passed the limits with its first variables; these may ask for more (first: $n).
    const refusal = costGuard.refusal(documents.get(template)!, body.operationName, coerced.coerced);
    if (refusal) return refusalResponse(refusal, mediaType);
    const { viewer, credentialsError } = await authenticateRequest(handle.db, request);
    if (credentialsError) return null;
    const acceptLanguage = request.headers.get('accept-language');
    const catalog = cachedLocaleCatalog(handle.db);
    const statements = statementCache.for(viewer, catalog);
    const key = statementKey(template, coerced.coerced, acceptLanguage);
    let statement = statements.get(key);
    if (!statement) {
      const locale = createRequestLocale({ db: handle.db, acceptLanguage, viewer: () => viewer });
      statement = buildStatement(schema, template, { db: handle.db, viewer, locale }, coerced.coerced).catch((error: unknown) => {
        // A database fault is not this statement's: the next request builds it again.
        if (databaseFault(error)) statements.delete(key);
        if (!(error instanceof NotCompiledHere)) logError(error);
        return null;
      });
      statements.set(key, statement);
    }
    const compiled = await statement;
    if (!compiled) return null;
    const params = statementParams(compiled, coerced.coerced);
    if (params === NOT_COMPILED) return null;
    const data = await handle.queryText(compiled.text, params);
    if (data === null) return null;
    // A guarded field the viewer may not read: null there, and its error, as the engine answers.
    return { status: 200, body: hasRefusals(data) ? responseWithRefusals(data, compiled.guards, viewer) : `{"data":${data}}` };
  }

  return {
    // Only documents the normal engine has parsed and validated are compiled.
    onExecute({ args }) {
      const params = (args.contextValue as { params?: { query?: string; operationName?: string | null } }).params;
      // A document longer than a body the fast path reads would never be served from its template.
      if (typeof params?.query !== 'string' || params.query.length > MAX_BODY_BYTES) return;
      const key = templateKey(params.query, params.operationName);
      if (templates.has(key)) return;
      const template = compileTemplate(schema, args.document, args.operationName);
      if (template) documents.set(template, args.document);
      templates.set(key, template);
    },
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'POST' || url.pathname !== '/graphql') return;
      const mediaType = plainJsonMediaType(request.headers.get('accept'));
      if (!mediaType || !request.headers.get('content-type')?.includes('application/json') || !smallBody(request)) return;
      return request
        .json()
        .then((json: unknown) => {
          const body = graphqlBody(json);
          return body ? answer(request, body, mediaType) : null;
        })
        .then(
          (answered) => {
            if (answered) endResponse(new fetchAPI.Response(answered.body, { status: answered.status, headers: { 'content-type': `${mediaType}; charset=utf-8` } }));
          },
          (error: unknown) => {
            // The database failed (credentials or the statement): answer the 503 now rather than wait on it again in the engine.
            const fault = databaseFault(error);
            if (fault) endResponse(faultResponse(fetchAPI, mediaType, databaseFaultError(fault, handle.retryAfterSeconds), logError, error));
            // Otherwise (bad JSON, another database error, anything unexpected) the normal engine answers and reports it.
          },
        );
    },
  };
}
