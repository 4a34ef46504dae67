import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEFAULT_LIMITS } from '../src/limits/limits.js';
import { playgroundQuery } from '../src/http/playground.js';
import { createYogaApp, type Yoga } from '../src/server.js';
import { createTestGateway, type TestGateway } from './gateway.js';
import { demoId, globalId } from './policies.js';
import { DEMO_PASSWORD, headersFor } from './sign-in.js';

/**
 * Issue 11, part 2: every hostile shape measured from outside is refused with QUERY_TOO_COMPLEX
 * before any SQL (not even the token lookup: the context is built after the limits), on the
 * GraphQL engine and on compiled reads, while the project's own documents still run.
 */

const GENERAL = globalId('Channel', demoId(30, 1));
const repeat = (n: number, piece: (i: number) => string) => Array.from({ length: n }, (_, i) => piece(i)).join(' ');
const signIn = (i: number) => `a${i}: signIn(input: { email: "alice@example.com", password: "${DEMO_PASSWORD}" }) { __typename }`;

const HOSTILE: { name: string; query: string; limit: string; status?: number }[] = [
  {
    name: '10,000 aliases of messages(first: 100) with reactions',
    query: `{ ${repeat(10_000, (i) => `a${i}: messages(channel: "${GENERAL}", first: 100) { nodes { id content reactions { nodes { emoji } } } }`)} }`,
    // About 1.2 MB: refused by its Content-Length, unread.
    limit: 'bodyBytes',
    status: 413,
  },
  {
    name: '3,000 aliases of messages(first: 100)',
    query: `{ ${repeat(3_000, (i) => `a${i}: messages(channel: "${GENERAL}", first: 100) { nodes { id } }`)} }`,
    limit: 'queryLength',
  },
  { name: '40 aliases of messages(first: 100)', query: `{ ${repeat(40, (i) => `a${i}: messages(channel: "${GENERAL}", first: 100) { nodes { id } }`)} }`, limit: 'aliases' },
  {
    name: 'organizations -> channels(first: 100) -> messages(first: 100) -> reactions',
    query: '{ organizations { nodes { channels(first: 100) { nodes { messages(first: 100) { nodes { id reactions { nodes { emoji } } } } } } } } }',
    limit: 'cost',
  },
  {
    name: 'channel.organization.channels nested 200 deep',
    query: `{ channel(id: "${GENERAL}") { ${'organization { channels { nodes { '.repeat(66)}id${' } } }'.repeat(66)} } }`,
    limit: 'depth',
  },
  {
    name: '8 levels of channels -> organization',
    query: `{ ${'channels { nodes { organization { '.repeat(8)}id${' } } }'.repeat(8)} }`,
    limit: 'depth',
  },
  { name: '1,000 aliases of __schema', query: `{ ${repeat(1_000, (i) => `a${i}: __schema { types { name } }`)} }`, limit: 'tokens' },
  { name: '20 aliases of __schema', query: `{ ${repeat(20, (i) => `a${i}: __schema { queryType { name } }`)} }`, limit: 'cost' },
  { name: '100 aliases of signIn', query: `mutation { ${repeat(100, signIn)} }`, limit: 'aliases' },
  { name: 'two signIn fields', query: `mutation { ${repeat(2, signIn)} }`, limit: 'passwordHashes' },
  { name: 'fields nested 1,500 deep', query: `{ ${'a { '.repeat(1_500)}b${' }'.repeat(1_500)} }`, limit: 'tokens' },
  { name: 'fields nested 20,000 deep', query: `{ ${'a{'.repeat(20_000)}b${'}'.repeat(20_000)} }`, limit: 'queryLength' },
  { name: '60 directives', query: `{ __typename ${'@include(if: true) '.repeat(60)}}`, limit: 'directives' },
];

let gateway: TestGateway;
let engineOnly: Yoga;
let asAlice: Record<string, string>;

beforeAll(async () => {
  gateway = await createTestGateway();
  engineOnly = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false });
  asAlice = await headersFor(gateway, 'alice');
});
afterAll(async () => {
  await engineOnly.dispose();
  await gateway.close();
});

async function post(yoga: Yoga, body: unknown, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('hostile documents', () => {
  for (const { name, query, limit, status: expected = 200 } of HOSTILE) {
    it(`refuses ${name} (${limit}) before any SQL, anonymous or signed in`, async () => {
      for (const headers of [{}, asAlice]) {
        gateway.statements.reset();
        const { status, json } = await post(gateway.yoga, { query }, headers);
        expect(status).toBe(expected);
        expect(json.data).toBeUndefined();
        expect(json.errors).toHaveLength(1);
        expect(json.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max: DEFAULT_LIMITS[limit as keyof typeof DEFAULT_LIMITS] });
        expect(gateway.statements.count).toBe(0);
      }
    });
  }

  it('answers a list value nested 990 deep (within the token limit) with a client error, not a crash', async () => {
    const { status, json } = await post(gateway.yoga, { query: `{ nodes(ids: ${'['.repeat(990)}${']'.repeat(990)}) { id } }` });
    expect(status).toBe(200);
    expect(json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a refusal with 400 to application/graphql-response+json, like a validation error', async () => {
    const { status, json } = await post(gateway.yoga, { query: HOSTILE[2]!.query }, { accept: 'application/graphql-response+json' });
    expect(status).toBe(400);
    expect(json.errors![0]!.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a body over the limit unread, with 413, also when it arrives in chunks', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { filler: 'x'.repeat(DEFAULT_LIMITS.bodyBytes) } });
    gateway.statements.reset();
    const declared = await gateway.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { extensions: unknown }[] }).errors[0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'bodyBytes' });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < body.length; offset += 65_536) controller.enqueue(new TextEncoder().encode(body.slice(offset, offset + 65_536)));
        controller.close();
      },
    });
    const streamed = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(gateway.statements.count).toBe(0);
  });

  it('hashes no password for a refused document: the account is not even looked up', async () => {
    gateway.statements.reset();
    const { json } = await post(gateway.yoga, { query: `mutation { ${repeat(2, signIn)} }` });
    expect(json.errors![0]!.extensions?.limit).toBe('passwordHashes');
    expect(gateway.statements.count).toBe(0);
    const one = await post(gateway.yoga, { query: `mutation { ${signIn(0)} }` });
    expect(one.json).toEqual({ data: { a0: { __typename: 'SessionPayload' } } });
  });
});

describe('documents within the limits', () => {
  it("answers the playground's query and a full introspection", async () => {
    const playground = await post(gateway.yoga, { query: playgroundQuery }, asAlice);
    expect(playground.json.errors).toBeUndefined();
    expect((playground.json.data as { organizations: { nodes: unknown[] } }).organizations.nodes.length).toBeGreaterThan(0);
    const { getIntrospectionQuery } = await import('graphql');
    const introspection = await post(gateway.yoga, { query: getIntrospectionQuery({ descriptions: true }) });
    expect(introspection.json.errors).toBeUndefined();
  });

  it('uses the limits it is given (LIMIT_* in the environment)', async () => {
    const { limits } = loadConfig({ LIMIT_COST: '100', LIMIT_DEPTH: '3' });
    expect(limits).toEqual({ ...DEFAULT_LIMITS, cost: 100, depth: 3 });
    const strict = createYogaApp({ handle: gateway.handle, logError: () => undefined, limits });
    try {
      const { json } = await post(strict, { query: '{ channels(first: 50) { nodes { id name } } }' });
      expect(json.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 100 });
      expect((await post(strict, { query: '{ channels(first: 5) { nodes { id } } }' })).json.errors).toBeUndefined();
    } finally {
      await strict.dispose();
    }
  });
});

describe('compiled reads', () => {
  const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');
  const query = `query Pages($n: Int, $m: Int) { channels(first: $n) { nodes { id name
    messages(first: $m) { nodes { id content createdAt editedAt pinnedAt isDeleted author { id displayName } } } } } }`;

  it('refuses a compiled document whose variables go over the budget, as the engine does, before any SQL', async () => {
    // Compiled by the engine's first answer, then served by its statement.
    await post(gateway.yoga, { query, variables: { n: 2, m: 2 } }, asAlice);
    gateway.statements.reset();
    const small = await post(gateway.yoga, { query, variables: { n: 2, m: 2 } }, asAlice);
    expect(small.json.errors).toBeUndefined();
    expect(gateway.statements.log.some(isCompiled)).toBe(true);

    for (const accept of ['application/json', 'application/graphql-response+json']) {
      gateway.statements.reset();
      const refused = await post(gateway.yoga, { query, variables: { n: 100, m: 100 } }, { ...asAlice, accept });
      expect(gateway.statements.count).toBe(0);
      expect(refused.json.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: DEFAULT_LIMITS.cost });
      const engine = await post(engineOnly, { query, variables: { n: 100, m: 100 } }, { ...asAlice, accept });
      expect(refused.status).toBe(engine.status);
      expect(refused.text).toBe(engine.text);
    }
  });
});
