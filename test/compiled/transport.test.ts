import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredMediaType } from '../../src/compiled/transport.js';
import { createYogaApp, listen, type RunningGateway, type Yoga } from '../../src/server.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, globalId } from '../policies.js';
import { headersFor } from '../sign-in.js';

/**
 * Compiled reads serve what real clients send, not only a bare JSON POST: Apollo Client 4 (POST
 * with extensions.clientLibrary), urql (GET), curl and load tools (Accept of any type or none), automatic
 * persisted queries and persisted document ids. Each second request must be one compiled
 * statement whose answer (status, content type, CORS headers, JSON) is the engine's: asked in
 * memory (yoga.fetch: the compiled plugin) and over HTTP (node's request: the front door).
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const query = 'query Channel($id: ID!, $first: Int) { channel(id: $id) { name messages(first: $first) { totalCount nodes { id content author { displayName } } } } }';
const variables = { id: globalId('Channel', demoId(30, 1)), first: 3 };
const manifestQuery = 'query Orgs { organizations { totalCount nodes { slug name memberCount } } }';
const manifest = new Map([
  [sha256(manifestQuery), manifestQuery],
  ['orgs-v1', manifestQuery],
]);

interface Sent {
  path: string;
  init: RequestInit;
}

const json = (body: object, accept?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(accept === undefined ? {} : { accept }) },
  body: JSON.stringify(body),
});

const getUrl = (params: Record<string, unknown>) =>
  `/graphql?${new URLSearchParams(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)])).toString()}`;

const apolloAccept = 'application/graphql-response+json,application/json;q=0.9';
const urqlAccept = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';
const clientLibrary = { clientLibrary: { name: '@apollo/client', version: '4.0.7' } };
const persistedQuery = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });

const variants: { name: string; request: Sent }[] = [
  { name: 'Apollo Client 4 (POST, extensions.clientLibrary)', request: { path: '/graphql', init: json({ operationName: 'Channel', variables, extensions: clientLibrary, query }, apolloAccept) } },
  { name: "urql's GET", request: { path: getUrl({ query, operationName: 'Channel', variables }), init: { method: 'GET', headers: { accept: urqlAccept } } } },
  { name: 'a GET with the Accept of the brief', request: { path: getUrl({ query, variables }), init: { method: 'GET', headers: { accept: 'application/graphql-response+json, application/json' } } } },
  { name: 'Accept */* (curl, autocannon)', request: { path: '/graphql', init: json({ query, variables }, '*/*') } },
  { name: 'no Accept', request: { path: '/graphql', init: json({ query, variables }) } },
  { name: 'Accept application/graphql-response+json', request: { path: '/graphql', init: json({ query, variables }, 'application/graphql-response+json') } },
  { name: 'an unknown extension and operationName null', request: { path: '/graphql', init: json({ query, variables, operationName: null, extensions: { tracing: true } }, 'application/json') } },
  { name: 'a documentId of the manifest', request: { path: '/graphql', init: json({ documentId: 'orgs-v1' }, apolloAccept) } },
  { name: 'a documentId as GET parameter', request: { path: getUrl({ documentId: 'orgs-v1' }), init: { method: 'GET', headers: { accept: urqlAccept } } } },
  { name: 'a browser on an allowed origin (CORS headers)', request: { path: '/graphql', init: { ...json({ query, variables }, apolloAccept), headers: { 'content-type': 'application/json', accept: apolloAccept, origin: 'http://app.test' } } } },
  { name: 'a browser on another origin (no CORS headers)', request: { path: getUrl({ query, variables }), init: { method: 'GET', headers: { accept: urqlAccept, origin: 'http://elsewhere.test' } } } },
  { name: 'a persistedQuery hash of the manifest', request: { path: '/graphql', init: json({ extensions: persistedQuery(manifestQuery) }, apolloAccept) } },
];

const cors = { origins: ['http://app.test'], loopback: false };

describe.each(['yoga.fetch', 'HTTP'] as const)('asked through %s', (via) => {
  let gateway: TestGateway;
  let compiled: Yoga;
  let reference: Yoga;
  let alice: Record<string, string>;
  const servers = new Map<Yoga, RunningGateway>();

  /** The app as this suite asks it: in memory, or listening on loopback (its front door first). */
  async function served(yoga: Yoga): Promise<Yoga> {
    if (via === 'HTTP') servers.set(yoga, await listen(yoga, 0, '127.0.0.1'));
    return yoga;
  }

  async function stop(yoga: Yoga): Promise<void> {
    await servers.get(yoga)?.close();
    servers.delete(yoga);
    await yoga.dispose();
  }

  beforeAll(async () => {
    gateway = await createTestGateway();
    compiled = await served(createYogaApp({ handle: gateway.handle, logError: () => undefined, persisted: { manifest }, cors }));
    // The normal engine alone, over the same database, with the same persisted documents.
    reference = await served(createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false, persisted: { manifest }, cors }));
    alice = await headersFor(gateway, 'alice');
  });
  afterAll(async () => {
    await Promise.all([stop(compiled), stop(reference)]);
    await gateway.close();
  });

  interface Answer {
    status: number;
    type: string | null;
    /** CORS and Vary headers. */
    cors: Record<string, string | null>;
    body: unknown;
  }

  function fetchFrom(yoga: Yoga, path: string, init: RequestInit): Promise<Response> {
    const server = servers.get(yoga);
    return server ? fetch(`${server.url.replace(/\/graphql$/, '')}${path}`, init) : Promise.resolve(yoga.fetch(`http://gateway.test${path}`, init));
  }

  async function send(yoga: Yoga, { path, init }: Sent, headers: Record<string, string> = alice): Promise<Answer> {
    const response = await fetchFrom(yoga, path, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
    const text = await response.text();
    const type = response.headers.get('content-type');
    const named = ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'vary'];
    return { status: response.status, type, cors: Object.fromEntries(named.map((name) => [name, response.headers.get(name)])), body: type?.includes('json') ? JSON.parse(text) : text };
  }

  const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

  /** The second of two identical requests: the first compiles, the second must be served compiled. */
  async function servedCompiled(request: Sent, headers?: Record<string, string>): Promise<Answer> {
    await send(compiled, request, headers);
    gateway.statements.reset();
    const answer = await send(compiled, request, headers);
    expect(gateway.statements.log.filter(isCompiled), 'one compiled statement').toHaveLength(1);
    return answer;
  }

  describe('every transport of a known document is served compiled', () => {
    for (const { name, request } of variants) {
      it(name, async () => {
        const expected = await send(reference, request);
        expect(expected.status).toBe(200);
        expect((expected.body as { errors?: unknown }).errors).toBeUndefined();
        expect(await servedCompiled(request)).toEqual(expected);
      });
    }

    it('answers with the media type yoga picks from Accept, and leaves the others to the engine', async () => {
      const accepts = [
        'application/json',
        'application/json, application/graphql-response+json',
        '*/*;q=0.8, application/graphql-response+json',
        'application/*',
        'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'application/json; charset=utf-8',
        'application/json; charset=iso-8859-1',
        'text/event-stream, application/json',
        'text/event-stream',
        'multipart/mixed',
        'text/plain',
      ];
      for (const accept of accepts) {
        const request = { path: '/graphql', init: json({ query, variables }, accept) };
        const expected = await send(reference, request);
        await send(compiled, request);
        gateway.statements.reset();
        const response = await fetchFrom(compiled, '/graphql', { ...request.init, headers: { ...(request.init.headers as Record<string, string>), ...alice } });
        expect(response.status, accept).toBe(expected.status);
        expect(response.headers.get('content-type'), accept).toBe(expected.type);
        await response.text();
        const mediaType = answeredMediaType(accept);
        expect(gateway.statements.log.some(isCompiled), accept).toBe(mediaType !== null);
        if (mediaType) expect(expected.type).toBe(`${mediaType}; charset=utf-8`);
      }
    });
  });

  describe('automatic persisted queries', () => {
    const apqQuery = 'query Apps { apps(first: 3) { nodes { key name } } }';
    const hashOnly: Sent = { path: '/graphql', init: json({ operationName: 'Apps', variables: {}, extensions: { ...clientLibrary, ...persistedQuery(apqQuery) } }, apolloAccept) };
    const withDocument: Sent = { path: '/graphql', init: json({ operationName: 'Apps', variables: {}, extensions: { ...clientLibrary, ...persistedQuery(apqQuery) }, query: apqQuery }, apolloAccept) };

    it('answers PERSISTED_QUERY_NOT_FOUND to an unknown hash, then registers the document sent with it', async () => {
      for (const yoga of [compiled, reference]) {
        const unknown = await send(yoga, hashOnly);
        expect(unknown.body).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
        const registered = await send(yoga, withDocument);
        expect((registered.body as { data?: unknown }).data).toBeDefined();
      }
      const expected = await send(reference, hashOnly);
      expect((expected.body as { data: { apps: { nodes: unknown[] } } }).data.apps.nodes).toHaveLength(3);
      expect(await servedCompiled(hashOnly)).toEqual(expected);
      // Apollo's GET variant (useGETForHashedQueries) of the same hash.
      const get: Sent = { path: getUrl({ operationName: 'Apps', variables: {}, extensions: persistedQuery(apqQuery) }), init: { method: 'GET', headers: { accept: apolloAccept } } };
      expect(await servedCompiled(get)).toEqual(await send(reference, get));
    });

    it('serves the document with its hash compiled once registered', async () => {
      expect(await servedCompiled(withDocument)).toEqual(await send(reference, withDocument));
    });

    it('refuses a hash that is not the SHA-256 of the document, and registers nothing', async () => {
      const other = 'query Other { apps(first: 1) { nodes { key } } }';
      const mismatch: Sent = { path: '/graphql', init: json({ query: other, extensions: persistedQuery(apqQuery.replace('3', '4')) }, 'application/json') };
      const answer = await send(compiled, mismatch);
      expect(answer).toEqual(await send(reference, mismatch));
      expect(answer.status).toBe(400);
      expect((answer.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
      const lookup: Sent = { path: '/graphql', init: json({ extensions: persistedQuery(apqQuery.replace('3', '4')) }, 'application/json') };
      expect((await send(compiled, lookup)).body).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    });

    it('answers an unknown documentId as not found, and a request with neither document nor id as yoga does', async () => {
      const unknownId: Sent = { path: '/graphql', init: json({ documentId: 'no-such-id' }, 'application/json') };
      expect(await send(compiled, unknownId)).toEqual(await send(reference, unknownId));
      expect((await send(compiled, unknownId)).body).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      const nothing: Sent = { path: '/graphql', init: json({ variables: {} }, 'application/json') };
      const answer = await send(compiled, nothing);
      expect(answer).toEqual(await send(reference, nothing));
      expect(answer.body).toMatchObject({ errors: [{ message: 'Must provide query string.' }] });
    });
  });

  describe('what stays with the engine', () => {
    it('answers a mutation sent with GET as the engine does (405)', async () => {
      const mutation = 'mutation { signOut { __typename } }';
      const request: Sent = { path: getUrl({ query: mutation }), init: { method: 'GET', headers: { accept: 'application/json' } } };
      const expected = await send(reference, request);
      expect(expected.status).toBe(405);
      expect(await send(compiled, request)).toEqual(expected);
      expect(await send(compiled, request)).toEqual(expected);
    });

    it('answers malformed GET variables and an unexpected parameter as the engine does', async () => {
      await send(compiled, variants[1]!.request);
      for (const request of [
        { path: `/graphql?query=${encodeURIComponent(query)}&variables=%7Bnot-json`, init: { method: 'GET' } },
        { path: getUrl({ query, variables: [1] }), init: { method: 'GET' } },
        { path: '/graphql', init: json({ query, variables, unexpected: 1 }, 'application/json') },
        { path: '/graphql', init: json({ query, variables, extensions: 'text' }, 'application/json') },
      ]) {
        gateway.statements.reset();
        expect(await send(compiled, request)).toEqual(await send(reference, request));
        expect(gateway.statements.log.some(isCompiled)).toBe(false);
      }
    });
  });

  describe('many documents', () => {
    it('keeps 1,200 rotating documents compiled after their first request', async () => {
      const documents = Array.from({ length: 1_200 }, (_, i) => `query R${i} { channels(first: ${(i % 20) + 1}) { totalCount nodes { name } } }`);
      const request = (text: string): Sent => ({ path: '/graphql', init: json({ query: text }, '*/*') });
      for (const text of documents) await send(compiled, request(text), {});
      gateway.statements.reset();
      for (const text of documents) await send(compiled, request(text), {});
      expect(gateway.statements.log.filter(isCompiled)).toHaveLength(documents.length);
      expect(gateway.statements.count).toBe(documents.length);
      // 2,400 requests, half of them compiling a new document: minutes on a loaded 2-core machine.
    }, 300_000);
  });

  describe('PERSISTED_DOCUMENTS_ONLY', () => {
    it('refuses a document sent as text and serves the manifest compiled', async () => {
      const only = await served(createYogaApp({ handle: gateway.handle, logError: () => undefined, persisted: { manifest, only: true } }));
      try {
        const refused = await send(only, { path: '/graphql', init: json({ query: manifestQuery }, 'application/json') });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
        const byId: Sent = { path: '/graphql', init: json({ documentId: 'orgs-v1' }, 'application/json') };
        await send(only, byId);
        gateway.statements.reset();
        expect(await send(only, byId)).toEqual(await send(reference, byId));
        expect(gateway.statements.log.filter(isCompiled)).toHaveLength(1);
      } finally {
        await stop(only);
      }
    });
  });
});
