import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type GraphQLResponse, type TestGateway } from './gateway.js';
import { demoId, globalId } from './policies.js';
import { headersFor } from './sign-in.js';

/**
 * Issue 12, "wrong codes": input the client got wrong answers a coded client error (or null for a
 * row that is not there), never INTERNAL_SERVER_ERROR or an error without a code. Each read is asked
 * twice: the second request of a document the engine has run is answered by the compiled path
 * (src/compiled/) when it can be, so both paths are held to the same answer.
 */

let gateway: TestGateway;
let asAlice: Record<string, string>;
beforeAll(async () => {
  gateway = await createTestGateway();
  asAlice = await headersFor(gateway, 'alice');
});
afterAll(() => gateway.close());

const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

async function post(query: string, variables?: Record<string, unknown>): Promise<{ status: number; json: GraphQLResponse; compiled: boolean }> {
  gateway.statements.reset();
  const response = await gateway.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...asAlice },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, json: (await response.json()) as GraphQLResponse, compiled: gateway.statements.log.some(isCompiled) };
}

/** Asks twice and expects the same answer both times; returns it. */
async function askTwice(query: string, variables?: Record<string, unknown>) {
  const first = await post(query, variables);
  const second = await post(query, variables);
  expect(second.status).toBe(first.status);
  expect(second.json).toEqual(first.json);
  return first;
}

const codes = (json: GraphQLResponse) => (json.errors ?? []).map((error) => error.extensions?.code);
const GENERAL = globalId('Channel', demoId(30, 1));

describe('a NUL character in a read argument is BAD_USER_INPUT, not an internal error', () => {
  const cases: [string, string, Record<string, unknown>?][] = [
    ['search (literal)', '{ organizations(search: "a\\u0000c") { nodes { id } } }'],
    ['search (variable)', 'query ($s: String) { users(search: $s) { nodes { id } } }', { s: 'a\u0000' }],
    ['nameContains', 'query ($s: String) { channels(nameContains: $s) { nodes { id } } }', { s: '\u0000' }],
    ['nested nameContains', '{ organization(slug: "acme") { channels(nameContains: "x\\u0000") { nodes { id } } } }'],
    ['contains', 'query ($c: ID!, $s: String) { messages(channel: $c, contains: $s) { nodes { id } } }', { c: GENERAL, s: 'hello\u0000' }],
    ['slug', 'query ($s: String!) { organization(slug: $s) { id } }', { s: 'acme\u0000' }],
  ];

  it.each(cases)('%s', async (_name, query, variables) => {
    const { status, json } = await askTwice(query, variables);
    expect(status).toBe(200);
    expect(codes(json)).toEqual(['BAD_USER_INPUT']);
    expect(json.errors![0]!.message).toMatch(/NUL/);
  });

  it('also once the document is compiled: the compiled path leaves the NUL to the engine, which refuses it', async () => {
    const query = 'query ($s: String) { organizations(search: $s) { nodes { slug } } }';
    await post(query, { s: 'ac' });
    const compiled = await post(query, { s: 'ac' });
    expect(compiled.compiled).toBe(true);
    expect(compiled.json.data.organizations.nodes.length).toBeGreaterThan(0);
    const refused = await askTwice(query, { s: 'a\u0000c' });
    expect(codes(refused.json)).toEqual(['BAD_USER_INPUT']);
    expect(refused.compiled).toBe(false);
    expect(gateway.statements.log.some(isCompiled)).toBe(false);
  });

  it('a mutation still names the field in its ValidationError (the same rule, in its input schema)', async () => {
    const response = await gateway.execute(
      'mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }',
      { input: { email: 'alice@example.com\u0000', password: 'x' } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.signIn.__typename).toBe('ValidationError');
    expect(JSON.stringify(response.data.signIn.fieldErrors)).toMatch(/email.*NUL/);
  });
});

describe('a global ID of a type this API does not have', () => {
  const galaxy = globalId('Galaxy', demoId(30, 1));
  const pageInfo = globalId('PageInfo', demoId(30, 1)); // a real type, but no node

  it.each([
    ['node(id)', '{ node(id: "%") { id } }'],
    ['nodes(ids)', `{ nodes(ids: ["${GENERAL}", "%"]) { id } }`],
  ])('%s is BAD_USER_INPUT', async (_name, template) => {
    for (const id of [galaxy, pageInfo]) {
      const { json } = await askTwice(template.replace('%', id));
      expect(codes(json)).toEqual(['BAD_USER_INPUT']);
      expect(json.errors![0]!.message).toMatch(/not a node type/);
    }
  });

  it('for a typed argument is BAD_USER_INPUT, as an ID of another type is', async () => {
    const { json } = await askTwice('query ($id: ID!) { channel(id: $id) { id } }', { id: galaxy });
    expect(codes(json)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('nodes(ids) with a well-formed ID of a missing row', () => {
  const missing = globalId('Message', demoId(40, 999_999));
  const welcome = globalId('Message', demoId(40, 1));

  it('answers null for that entry, with no error, beside the rows that exist', async () => {
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Message { channel { id } } } }';
    const { json } = await askTwice(query, { ids: [missing, welcome, missing] });
    expect(json.errors).toBeUndefined();
    expect(json.data.nodes).toEqual([null, { id: welcome, channel: { id: GENERAL } }, null]);
  });

  it('and still loads the entries in one statement (plus the token lookup)', async () => {
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Message { channel { id } } } }';
    const ids = [1, 2, 3].map((n) => globalId('Message', demoId(40, n)));
    const { json } = await post(query, { ids: [...ids, missing] });
    expect(json.data.nodes.filter(Boolean)).toHaveLength(3);
    // The document was asked before: one compiled statement reads every entry and applies the read rule.
    expect(gateway.statements.log.filter((statement) => statement.startsWith('select json_build_object('))).toHaveLength(1);
    expect(gateway.statements.count).toBeLessThanOrEqual(2);
  });
});

describe('malformed JSON in GET or form parameters is 400 BAD_REQUEST', () => {
  const query = encodeURIComponent('{ __typename }');

  it.each([
    ['variables=notjson', `variables=notjson`],
    ['variables={', `variables=${encodeURIComponent('{')}`],
    ['extensions=notjson', `extensions=notjson`],
  ])('GET with %s', async (_name, parameter) => {
    for (let i = 0; i < 2; i++) {
      const response = await gateway.fetch(`/graphql?query=${query}&${parameter}`, { headers: { accept: 'application/json' } });
      expect(response.status).toBe(400);
      const json = (await response.json()) as GraphQLResponse;
      expect(codes(json)).toEqual(['BAD_REQUEST']);
    }
  });

  it('a form-encoded POST with variables=notjson', async () => {
    const response = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: `query=${query}&variables=notjson`,
    });
    expect(response.status).toBe(400);
    expect(codes((await response.json()) as GraphQLResponse)).toEqual(['BAD_REQUEST']);
  });

  it('well-formed GET variables still work', async () => {
    const response = await gateway.fetch(`/graphql?query=${encodeURIComponent('query ($s: String!) { organization(slug: $s) { slug } }')}&variables=${encodeURIComponent('{"s":"acme"}')}`, {
      headers: { accept: 'application/json', ...asAlice },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { organization: { slug: 'acme' } } });
  });
});
