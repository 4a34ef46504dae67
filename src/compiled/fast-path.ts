import { getOperationAST, getVariableValues, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authenticateRequest, type Context, type Viewer } from '../context.js';
import { admittedAtFrontDoor, type RequestHead } from '../http/request-head.js';
import { DEFAULT_CACHE_MB, MIB } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { databaseFault, databaseFaultError } from '../errors.js';
import { cachedLocaleCatalog } from '../i18n/catalog.js';
import { createRequestLocale } from '../i18n/request.js';
import type { CostGuard } from '../limits/guard.js';
import { refusalResponse } from '../limits/limits.js';
import { containsNul } from '../http/input-text.js';
import { isTracing, traceCompiledRead } from '../observe/trace.js';
import type { PersistedDocuments } from '../http/persisted.js';
import { hasRefusals, responseWithRefusals } from './field-errors.js';
import { MemoryLru } from './lru.js';
import { recordOf } from '../observe/request-record.js';
import { NOT_COMPILED } from './spec.js';
import { buildStatement, NotCompiledHere, statementParams, type Statement } from './statement.js';
import { compileTemplate, type Template } from './template.js';
import { answeredMediaType, MAX_BODY_BYTES, persistedQueryHash, readParams, type GraphQLParams } from './transport.js';


/**
 * Compiled reads: a query document the normal engine has validated once is compiled to a template
 * (src/compiled/template.ts); later requests for it are answered by one statement that writes the
 * response in PostgreSQL, skipping GraphQL execution. Anything else (another operation, an
 * argument to report, refused credentials, a database error) goes on to the normal engine, except
 * a database fault (src/errors.ts databaseFault), which is answered here with its 503.
 * Served: GET and JSON POST, with any extensions, for any Accept yoga answers with JSON, the
 * document sent as text or persisted (src/http/persisted.ts) (src/compiled/transport.ts). A server
 * asks first at its front door, on node's request (src/http/front-door.ts); the plugin answers the
 * rest (yoga.fetch, other adapters).
 */

/** Heap of a kept document, its template and entry, per character of its text (measured: ~25 KB for 200 characters, without locations; a rough bound). */
const TEMPLATE_BYTES_PER_CHAR = 120;
const ENTRY_BYTES = 1_024;

/** One document text's templates, by operation name ('' for none). */
interface CompiledDocument {
  /** The validated document (with locations: a guarded field's error points into it), for the cost guard; null when no operation compiled. */
  document: DocumentNode | null;
  templates: Map<string, Template | null>;
}

/**
 * What of the viewer shapes a statement: who (the rules read the id in SQL), a bot's scopes and the
 * stored locale (the locale chain). Not the credential itself, which is checked on every request:
 * a renewed credential of the same viewer keeps its statements.
 */
const viewerKey = (viewer: Viewer | null) =>
  viewer ? `${viewer.userId}|${viewer.userType}|${viewer.scopes?.join(' ') ?? '*'}|${viewer.locale === undefined ? '?' : (viewer.locale ?? '-')}` : 'anonymous';

class StatementCache {
  private readonly ids = new WeakMap<object, number>();
  private next = 0;
  private readonly sizes = new WeakMap<Promise<Statement | null>, number>();
  // One budget for every viewer, least recently used first.
  private readonly statements: MemoryLru<string, Promise<Statement | null>>;

  constructor(maxBytes: number) {
    this.statements = new MemoryLru(maxBytes, (key, statement) => key.length + (this.sizes.get(statement) ?? ENTRY_BYTES * 4));
  }

  private idOf(owner: object): number {
    let id = this.ids.get(owner);
    if (id === undefined) this.ids.set(owner, (id = ++this.next));
    return id;
  }

  // The locale catalog snapshot (renewed every few minutes) gets a number for the key.
  key(viewer: Viewer | null, catalog: object, statementKey: string): string {
    return `${viewerKey(viewer)}|${this.idOf(catalog)}|${statementKey}`;
  }

  get(key: string) {
    return this.statements.get(key);
  }

  get size() {
    return { statements: this.statements.size, statementBytes: this.statements.bytes };
  }

  delete(key: string) {
    this.statements.delete(key);
  }

  /** Keeps `statement`, accounted at its real size once built. */
  set(key: string, statement: Promise<Statement | null>) {
    this.statements.set(key, statement);
    void statement.then((built) => {
      if (!built || this.statements.get(key) !== statement) return;
      this.sizes.set(statement, built.text.length + 64 * built.params.length + ENTRY_BYTES);
      this.statements.set(key, statement);
    });
  }
}

/** What shapes a statement: its template, structural values, which parameters are null, the locale header. */
function statementKey(template: Template, variables: Record<string, unknown>, acceptLanguage: string | null): string {
  const structural = template.structuralVariables.map((name) => variables[name] ?? null);
  const shapes = template.parameterVariables.map(({ name, use }) => (variables[name] == null ? '-' : (use.keyOf?.(variables[name]) ?? '+'))).join(',');
  return `${template.id}|${JSON.stringify(structural)}|${shapes}|${acceptLanguage ?? ''}`;
}

/** The body, status and headers yoga would send for this one error (its `extensions.http` is not part of the body). */
function faultAnswer(mediaType: string, fault: GraphQLError): Answer {
  const { http, ...extensions } = fault.extensions as { http: { status: number; headers: Record<string, string> } };
  const body = JSON.stringify({ errors: [{ message: fault.message, extensions }] });
  return { status: http.status, body, headers: { ...http.headers, 'content-type': `${mediaType}; charset=utf-8` } };
}

export interface CompiledReadsOptions {
  handle: DatabaseHandle;
  schema: GraphQLSchema;
  /** Where a failure to build a statement goes (the request itself is answered by the engine). */
  logError: (error: unknown) => void;
  /** The engine's judge of cost: a compiled document with other variables is refused like there. */
  costGuard: CostGuard;
  /** Documents sent by id or APQ hash, looked up as the engine looks them up. */
  persisted: PersistedDocuments;
  /** Memory for compiled documents (COMPILED_TEMPLATE_CACHE_MB) and for statements (COMPILED_STATEMENT_CACHE_MB). */
  templateCacheBytes?: number;
  statementCacheBytes?: number;
}

/** A response the compiled path gives, written by yoga's plugin or by the front door. */
export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface CompiledReads {
  /** The yoga plugin: compiles what the engine has validated, and answers the reads that reach yoga. */
  plugin: Plugin<Context>;
  /** Whether a template is kept for these parameters: only then is a request worth answering before yoga. */
  knows(params: GraphQLParams): boolean;
  /** The answer to a known read, or null when the engine must answer (it then also reports what was wrong). */
  respond(request: RequestHead, params: GraphQLParams, mediaType: string): Promise<Answer | null>;
  /** What the caches hold now (metrics). */
  stats(): { documents: number; bytes: number; statements: number; statementBytes: number };
}

export function createCompiledReads(options: CompiledReadsOptions): CompiledReads {
  const { handle, schema, logError, costGuard, persisted } = options;
  // Keyed by the document text itself: V8 hashes a string once and compares it in full on a hit.
  const compiled = new MemoryLru<string, CompiledDocument>(options.templateCacheBytes ?? DEFAULT_CACHE_MB.compiledTemplates * MIB, (text, entry) =>
    entry.document ? text.length * TEMPLATE_BYTES_PER_CHAR + entry.templates.size * ENTRY_BYTES : text.length + ENTRY_BYTES,
  );
  const statementCache = new StatementCache(options.statementCacheBytes ?? DEFAULT_CACHE_MB.compiledStatements * MIB);

  /** The document text these parameters ask for, when the engine would run exactly it; else null. */
  function documentText(params: GraphQLParams): string | null {
    const named = persisted.documentFor(params);
    if (!named) return null;
    if ('id' in named) return persisted.lookup(named.id) ?? null;
    const hash = persistedQueryHash(params.extensions);
    // A document sent with its APQ hash is served once the engine has checked and registered it.
    if (hash === null || (hash !== undefined && persisted.automatic && !persisted.knows(hash, named.query))) return null;
    return named.query;
  }

  function templateFor(params: GraphQLParams): { entry: CompiledDocument; template: Template } | null {
    const text = documentText(params);
    const entry = text === null ? undefined : compiled.get(text);
    const template = entry?.templates.get(params.operationName ?? '');
    return template ? { entry: entry!, template } : null;
  }

  async function answer(request: RequestHead, params: GraphQLParams, mediaType: string): Promise<Answer | null> {
    const found = templateFor(params);
    if (!found) return null;
    const { entry, template } = found;
    const record = recordOf(request);
    if (record) {
      record.operationType = 'query';
      record.operationName = template.operationName;
    }
    const type = { 'content-type': `${mediaType}; charset=utf-8` };
    const coerced = getVariableValues(schema, template.variableDefinitions, params.variables ?? {});
    // Refused input (a NUL no statement may carry) is reported by the normal engine.
    if (coerced.errors || containsNul(coerced.coerced)) return null;
    // The document passed the limits with its first variables; these may ask for more (first: $n).
    const refusal = costGuard.refusal(entry.document!, params.operationName, coerced.coerced);
    if (refusal) {
      record?.addCode(refusal.extensions?.code);
      return { ...refusalResponse(refusal, mediaType), headers: type };
    }
    const { viewer, credentialsError } = await authenticateRequest(handle.db, request);
    if (credentialsError) return null;
    if (record) record.viewerId = viewer?.userId ?? null;
    const acceptLanguage = request.headers.get('accept-language');
    const catalog = cachedLocaleCatalog(handle.db);
    const key = statementCache.key(viewer, catalog, statementKey(template, coerced.coerced, acceptLanguage));
    let statement = statementCache.get(key);
    if (!statement) {
      const locale = createRequestLocale({ db: handle.db, acceptLanguage, viewer: () => viewer });
      statement = buildStatement(schema, template, { db: handle.db, viewer, locale }, coerced.coerced).catch((error: unknown) => {
        // A database fault is not this statement's: the next request builds it again.
        if (databaseFault(error)) statementCache.delete(key);
        if (!(error instanceof NotCompiledHere)) logError(error);
        return null;
      });
      statementCache.set(key, statement);
    }
    const built = await statement;
    if (!built) return null;
    const values = statementParams(built, coerced.coerced);
    if (values === NOT_COMPILED) return null;
    // An ILIKE's best plan depends on its pattern (the trigram index for a rare word, the ordered index for a common one):
    // planned with the request's values each time, never as the generic plan a prepared statement settles on.
    const data = await handle.queryText(built.text, values, { planEachTime: built.planEachTime });
    if (data === null) return null;
    if (record) {
      record.compiled = true;
      record.statements++;
    }
    // A guarded field the viewer may not read: null there, and its error, as the engine answers.
    if (!hasRefusals(data)) return { status: 200, body: `{"data":${data}}`, headers: type };
    record?.addCode(viewer ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    return { status: 200, body: responseWithRefusals(data, built.guards, viewer), headers: type };
  }

  /** `answer`, with a database fault answered here (its 503) rather than waited on again in the engine. */
  function answerOrFault(request: RequestHead, params: GraphQLParams, mediaType: string): Promise<Answer | null> {
    return answer(request, params, mediaType).catch((error: unknown) => {
      const fault = databaseFault(error);
      if (!fault) throw error;
      logError(error);
      const record = recordOf(request);
      if (record) {
        record.compiled = true;
        record.addCode(fault);
      }
      return faultAnswer(mediaType, databaseFaultError(fault, handle.retryAfterSeconds));
    });
  }

  /** `answerOrFault`; a read with a template gets a span of its own while tracing is on (src/observe/trace.ts). */
  function respond(request: RequestHead, params: GraphQLParams, mediaType: string): Promise<Answer | null> {
    const found = isTracing() ? templateFor(params) : null;
    if (found) return traceCompiledRead(getOperationAST(found.entry.document!, params.operationName)?.name?.value, () => answerOrFault(request, params, mediaType));
    return answerOrFault(request, params, mediaType);
  }

  // Bodies the fast path has parsed and left to the engine.
  const bodies = new WeakMap<Request, object>();

  const plugin: Plugin<Context> = {
    // The engine takes the body the fast path parsed (the POST JSON parser yoga chose for the same content type).
    onRequestParse({ request, setRequestParser }) {
      const body = bodies.get(request);
      if (body) setRequestParser(() => body as never);
    },
    // Only documents the normal engine has parsed and validated are compiled.
    onExecute({ args }) {
      const params = (args.contextValue as { params?: GraphQLParams }).params;
      // A document longer than a body the fast path reads would never be served from its template.
      if (typeof params?.query !== 'string' || params.query.length > MAX_BODY_BYTES) return;
      const operation = params.operationName ?? '';
      const entry = compiled.get(params.query);
      if (entry?.templates.has(operation)) return;
      // The validated document, with its locations: a guarded field's error points into the text.
      const template = compileTemplate(schema, entry?.document ?? args.document, args.operationName);
      const document = entry?.document ?? (template ? args.document : null);
      const templates = entry?.templates ?? new Map<string, Template | null>();
      templates.set(operation, template);
      // Set again so that its size counts the new template.
      compiled.set(params.query, { document, templates });
    },
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql' || (request.method !== 'GET' && request.method !== 'POST')) return;
      // The front door has asked already and left this request to the engine.
      if (admittedAtFrontDoor(serverContext)) return;
      const mediaType = answeredMediaType(request.headers.get('accept'));
      if (!mediaType) return;
      return readParams(request, bodies)
        .then((params) => (params ? respond(request, params, mediaType) : null))
        .then(
          (answered) => {
            if (answered) endResponse(new fetchAPI.Response(answered.body, { status: answered.status, headers: answered.headers }));
          },
          // Bad JSON, another database error, anything unexpected: the normal engine answers and reports it.
          () => undefined,
        );
    },
  };

  const stats = () => ({ documents: compiled.size, bytes: compiled.bytes, ...statementCache.size });
  return { plugin, knows: (params) => templateFor(params) !== null, respond, stats };
}
