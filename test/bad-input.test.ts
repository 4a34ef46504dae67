import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from './gateway.js';
import { globalId } from './policies.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await createTestGateway();
});
afterAll(() => gateway.close());


/** Sends a query over HTTP and returns the status and the errors' codes. */
async function codesFor(query: string, variables?: Record<string, unknown>) {
  const response = await gateway.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  const text = JSON.stringify(body);
  return { status: response.status, body, codes: (body.errors ?? []).map((error) => error.extensions?.code), text };
}

describe('bad input gets a clear error, never a 500 or a stack trace', () => {
  const cases: [string, string, Record<string, unknown>?][] = [
    ['a malformed global ID', '{ node(id: "not-base64!") { id } }'],
    ['a global ID whose key is not a UUID', `{ node(id: "${globalId('Channel', 'notauuid')}") { id } }`],
    ['a global ID of the wrong type for the argument', 'query ($id: ID!) { channel(id: $id) { id } }', { id: globalId('User', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d') }],
    ['a malformed cursor', '{ organizations(after: "garbage") { nodes { id } } }'],
    ['first: -1', '{ organizations(first: -1) { nodes { id } } }'],
    ['first: 100000', '{ organizations(first: 100000) { nodes { id } } }'],
    ['a nested first: -1', '{ organizations(first: 1) { nodes { channels(first: -1) { nodes { id } } } } }'],
    ['a message filter of the wrong type', 'query ($c: ID!) { messages(channel: $c, createdAfter: "yesterday") { nodes { id } } }', { c: globalId('Channel', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d') }],
    ['a channel type that does not exist', '{ organizations(first: 1) { nodes { channels(type: GALAXY) { nodes { id } } } } }'],
  ];

  it.each(cases)('%s', async (_name, query, variables) => {
    const { status, codes, text } = await codesFor(query, variables);
    expect(status).toBeLessThan(500);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
    expect(text).not.toMatch(/select |insert |syntax for type/i); // no SQL
  });

  it('an unknown slug is null, not an error', async () => {
    const { status, body } = await codesFor('{ organization(slug: "no-such-org") { id } }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { organization: null } });
  });

  it('an unknown but well-formed ID is null', async () => {
    const { body } = await codesFor(`{ node(id: "${globalId('Channel', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d')}") { id } }`);
    expect(body).toEqual({ data: { node: null } });
  });

  it('pages are capped at the maximum, inclusive', async () => {
    const { codes } = await codesFor('{ users(first: 100) { nodes { id } } }');
    expect(codes).toEqual([]);
  });
});
