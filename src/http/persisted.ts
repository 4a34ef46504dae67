import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { MemoryLru } from '../compiled/lru.js';
import { DEFAULT_CACHE_MB, MIB } from '../config.js';
import { persistedQueryHash, type GraphQLParams } from '../compiled/transport.js';

/**
 * Persisted documents, through yoga's own plugin (@graphql-yoga/plugin-persisted-operations):
 * - Apollo's automatic persisted queries: `extensions.persistedQuery.sha256Hash` alone answers the
 *   document registered under that hash, or PERSISTED_QUERY_NOT_FOUND, on which Apollo's link sends
 *   the document with its hash; once it has been validated it is registered (in this process only,
 *   bounded by memory, least recently used first) if sha256(document) is the hash.
 * - A manifest of trusted documents (PERSISTED_DOCUMENTS: `{ "<id>": "<document>" }`, what GraphQL
 *   Codegen's client preset writes with `persistedDocuments`), found by `documentId` (body or GET
 *   parameter) or by an APQ hash that is one of its ids.
 * A request with a `query` is served as before unless `only` (PERSISTED_DOCUMENTS_ONLY) is set.
 * Compiled reads (src/compiled/fast-path.ts) find a document the same way (`documentFor`).
 */

export interface PersistedDocumentsOptions {
  /** Trusted documents by id (PERSISTED_DOCUMENTS). */
  manifest?: ReadonlyMap<string, string>;
  /** Memory for documents registered by automatic persisted queries (APQ_CACHE_MB); 0 turns APQ off. */
  apqBytes?: number;
  /** Refuse any document not sent by id (PERSISTED_DOCUMENTS_ONLY). */
  only?: boolean;
}


/** Apollo's link retries with the document on this message or code. */
const notFound = () => new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class PersistedDocuments {
  readonly only: boolean;
  private readonly manifest: ReadonlyMap<string, string>;
  // Strings take about a byte a character (V8 one-byte strings), plus the entry.
  private readonly registered: MemoryLru<string, string> | null;

  constructor({ manifest = new Map(), apqBytes = DEFAULT_CACHE_MB.apq * MIB, only = false }: PersistedDocumentsOptions = {}) {
    this.only = only;
    this.manifest = manifest;
    this.registered = apqBytes > 0 && !only ? new MemoryLru(apqBytes, (hash, text) => hash.length + text.length + 200) : null;
  }

  /** The document persisted under this id or hash, or undefined. */
  lookup(id: string): string | undefined {
    return this.manifest.get(id) ?? this.registered?.get(id);
  }

  /** Whether APQ registers documents (off with `only` or no memory for it). */
  get automatic(): boolean {
    return this.registered !== null;
  }

  /** Whether `query` is already known under `hash`: a request carrying both needs no hashing then. */
  knows(hash: string, query: string): boolean {
    return this.lookup(hash) === query;
  }

  /** The document of these parameters and how it was named: its text, or an id to look up. */
  documentFor(params: GraphQLParams): { query: string } | { id: string } | null {
    if (params.query) return this.only ? null : { query: params.query };
    const id = params.documentId ?? persistedQueryHash(params.extensions);
    return id ? { id } : null;
  }

  register(hash: string, query: string): void {
    this.registered?.set(hash, query);
  }
}

const persistedOnly = () => badRequest('Only persisted documents are accepted: send a documentId or extensions.persistedQuery instead of the query.');

/**
 * The document to run for these parameters where yoga's HTTP hooks do not run (GraphQL over
 * WebSocket, src/http/websocket.ts), by the same rules and errors as over HTTP; APQ registers nothing there.
 */
export function persistedDocumentOf(store: PersistedDocuments, params: GraphQLParams): string | GraphQLError {
  const named = store.documentFor(params);
  if (!named) return params.query ? persistedOnly() : badRequest('Must provide query string.');
  if ('query' in named) return named.query;
  return store.lookup(named.id) ?? notFound();
}

/** The manifest at `path`: a JSON object of id -> document text. */
export function loadPersistedDocuments(path: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_DOCUMENTS: cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`PERSISTED_DOCUMENTS: ${path} must hold a JSON object of id -> document`);
  const entries = Object.entries(parsed);
  const bad = entries.find(([, document]) => typeof document !== 'string');
  if (bad) throw new Error(`PERSISTED_DOCUMENTS: the document of id ${bad[0]} in ${path} is not a string`);
  return new Map(entries as [string, string][]);
}

/** The options of PERSISTED_DOCUMENTS, PERSISTED_DOCUMENTS_ONLY and APQ_CACHE_MB (src/config.ts). */
export function persistedOptions({ apqBytes, manifestPath, only }: { apqBytes: number; manifestPath: string | undefined; only: boolean }): PersistedDocumentsOptions {
  if (only && !manifestPath) throw new Error('PERSISTED_DOCUMENTS_ONLY=true needs PERSISTED_DOCUMENTS (the manifest of the documents to accept)');
  return { apqBytes, only, manifest: manifestPath ? loadPersistedDocuments(manifestPath) : undefined };
}

/** The id of a persisted document as the engine reads it: `documentId` (body, or GET parameter yoga does not read), else the APQ hash. */
function persistedId(params: GraphQLParams, request: Request): string | null {
  if (typeof params.documentId === 'string' && params.documentId) return params.documentId;
  if (request.method === 'GET') {
    const search = new URLSearchParams(request.url.substring(request.url.indexOf('?') + 1));
    const documentId = search.get('documentId');
    if (documentId) return documentId;
  }
  return persistedQueryHash(params.extensions) ?? null;
}

export function usePersistedDocuments(store: PersistedDocuments): Plugin[] {
  // Requests that sent a document with its APQ hash, registered once the engine has validated it.
  const toRegister = new WeakMap<Request, string>();
  const register: Plugin = {
    onParams({ params, request }) {
      const query = (params as GraphQLParams).query;
      const hash = persistedQueryHash((params as GraphQLParams).extensions);
      if (!query || !hash || !store.automatic || store.knows(hash, query)) return;
      if (sha256(query) !== hash) throw badRequest('extensions.persistedQuery.sha256Hash is not the SHA-256 (hex) of the query.');
      toRegister.set(request, hash);
    },
    // Only a document that parsed and validated (execution starts) is registered.
    onExecute({ args }) {
      const { request, params } = args.contextValue as { request?: Request; params?: GraphQLParams };
      const hash = request && toRegister.get(request);
      if (hash && params?.query) store.register(hash, params.query);
    },
  };
  const lookup = usePersistedOperations({
    allowArbitraryOperations: !store.only,
    extractPersistedOperationId: (params, request) => persistedId(params as GraphQLParams, request),
    getPersistedOperation: (id) => store.lookup(id) ?? null,
    customErrors: {
      notFound: notFound,
      persistedQueryOnly: persistedOnly,
    },
  }) as Plugin;
  return [
    register,
    {
      ...lookup,
      // A request with neither a document nor an id is yoga's to report ("Must provide query string."), as without persisted documents.
      onParams(payload) {
        const params = payload.params as GraphQLParams;
        if (!params.query && persistedId(params, payload.request) === null && !store.only) return;
        return lookup.onParams!(payload);
      },
    },
  ];
}
