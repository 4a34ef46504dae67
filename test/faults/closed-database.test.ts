import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { channelGid } from '../mutations/message-helpers.js';
import { headersFor } from '../sign-in.js';

/**
 * A database that is gone (a closed PGlite, or an ended pool on PostgreSQL) fails each request
 * with the retryable DATABASE_UNAVAILABLE (HTTP 503, Retry-After), on every path: the engine, a
 * compiled read, a mutation (not one of its typed union members), the token lookup, /ready.
 */
let gateway: TestGateway;
let cached: Record<string, string>;
let neverSeen: Record<string, string>;

const READ = `query ($id: ID!) { channel(id: $id) { name messages(first: 3) { nodes { content } } } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename ... on Error { message } } }`;

beforeAll(async () => {
  // Credentials are cached, so the requests below reach their resolvers (or the compiled statement).
  gateway = await createTestGateway({ authCacheTtlMs: 60_000 });
  cached = await headersFor(gateway, 'alice');
  neverSeen = await headersFor(gateway, 'bob');
  // Twice: the second answer comes from the compiled statement.
  for (let i = 0; i < 2; i++) expect((await gateway.execute(READ, { id: channelGid(1) }, cached)).data.channel.name).toBe('general');
  const close = gateway.handle.close;
  await close();
  gateway.handle.close = () => Promise.resolve();
});

afterAll(() => gateway.close());

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await gateway.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

function expectUnavailable(answer: Awaited<ReturnType<typeof post>>) {
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBe('1');
  expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual(['DATABASE_UNAVAILABLE']);
  // Neither the driver's message nor yoga's internal `http` extension reaches the client.
  expect(answer.body.errors?.[0]?.message).toBe('The database is unavailable; try again later.');
  expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
}

describe('a closed database', () => {
  it('answers a compiled read with DATABASE_UNAVAILABLE', async () => {
    expectUnavailable(await post(READ, { id: channelGid(1) }, cached));
  });

  it('answers a read the engine runs with DATABASE_UNAVAILABLE', async () => {
    expectUnavailable(await post('query ($id: ID!) { channel(id: $id) { id name } }', { id: channelGid(1) }, cached));
  });

  it('answers a mutation with DATABASE_UNAVAILABLE, not a member of its result union', async () => {
    const answer = await post(SEND, { input: { channelId: channelGid(1), content: 'into the void' } }, cached);
    expectUnavailable(answer);
    expect(answer.body.data?.sendMessage ?? null).toBeNull();
  });

  it('answers a request whose token must be looked up with DATABASE_UNAVAILABLE', async () => {
    expectUnavailable(await post('{ viewer { id } }', {}, neverSeen));
  });

  it('answers a subscription on graphql-sse\'s endpoint (both modes) whose token must be looked up with DATABASE_UNAVAILABLE, not a 500', async () => {
    const body = JSON.stringify({ query: 'subscription ($id: ID!) { channelEvents(channel: $id) { __typename } }', variables: { id: channelGid(1) }, extensions: { operationId: '1' } });
    const distinct = await gateway.fetch('/graphql/stream', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...neverSeen }, body });
    const reserved = await gateway.fetch('/graphql/stream', { method: 'PUT', headers: neverSeen });
    expect(reserved.status).toBe(201);
    const single = await gateway.fetch('/graphql/stream', { method: 'POST', headers: { 'content-type': 'application/json', 'x-graphql-event-stream-token': await reserved.text(), ...neverSeen }, body });
    for (const response of [distinct, single]) {
      expectUnavailable({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() });
    }
  });

  it('is not ready, and says the database is unreachable; /health (liveness) stays 200', async () => {
    const ready = await gateway.fetch('/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', database: { reachable: false, latencyMs: null, pendingMigrations: null, error: 'DATABASE_UNAVAILABLE' } });
    const health = await gateway.fetch('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
