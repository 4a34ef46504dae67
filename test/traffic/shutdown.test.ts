import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { expectEveryWrittenRequestAnswered, freshDatabase, loadWithSignal, type Database } from './process.js';
import { spawnGateway, type GatewayProcess } from '../gateway-process.js';

/**
 * SIGTERM under load: the gateway as its own process (node with the TypeScript loader, as
 * `npm start` runs it), 200 requests over 8 keep-alive connections, the signal after 100 answers.
 */
let database: Database;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  database = await freshDatabase('shutdown');
});

afterAll(async () => {
  if (gateway && gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  await database.drop();
});

async function graphql(url: string, query: string, variables: object = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data: any };
}

/** Alice's subscription to #general over SSE (or Apollo's multipart); resolves with everything the stream carried once it ends. */
async function openSubscription(url: string, accept = 'text/event-stream'): Promise<{ text: Promise<string> }> {
  const signIn = await graphql(url, 'mutation ($input: SignInInput!) { signIn(input: $input) { ... on SessionPayload { token } } }', {
    input: { email: 'alice@example.com', password: 'demo-password-2026' },
  });
  const authorization = `Bearer ${signIn.data.signIn.token as string}`;
  const channels = await graphql(url, '{ channels(first: 1, nameContains: "general") { nodes { id } } }', {}, { authorization });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, authorization },
    body: JSON.stringify({ query: 'subscription ($c: ID!) { channelEvents(channel: $c) { kind } }', variables: { c: channels.data.channels.nodes[0].id } }),
  });
  expect(response.status).toBe(200);
  // Wrapped, or the async function would wait for the stream to end.
  return { text: response.text().catch((error: unknown) => `stream failed: ${String(error)}`) };
}

/** A graphql-ws connection (anonymous: a query, then held open); resolves with its close event. */
async function openWebSocket(url: string): Promise<{ closed: Promise<{ code: number }> }> {
  let onClosed: (event: { code: number }) => void = () => undefined;
  const closed = new Promise<{ code: number }>((resolve) => (onClosed = resolve));
  const client = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => undefined, on: { closed: (event) => onClosed(event as { code: number }) } });
  const answer = await new Promise<any>((resolve) => client.subscribe({ query: '{ __typename }' }, { next: resolve, error: resolve, complete: () => undefined }));
  expect(answer.data).toEqual({ __typename: 'Query' });
  return { closed };
}

describe('SIGTERM under load', () => {
  it('answers every request sent before the signal or on a connection still open, then exits 0', async () => {
    gateway = await spawnGateway(database.env);
    const started = gateway;
    const stream = await openSubscription(started.url);
    const multipart = await openSubscription(started.url, 'multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json');
    const webSocket = await openWebSocket(started.url);
    const { records, signalAt } = await loadWithSignal(started.url, { total: 200, connections: 8, signalAfter: 100, signal: () => started.child.kill('SIGTERM') });
    expect(signalAt).not.toBeNull();
    // 100 had been answered when the signal went; more had been sent, so some were in flight.
    expect(expectEveryWrittenRequestAnswered(records, signalAt!).length).toBeGreaterThan(100);
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(/SIGTERM: answering the requests already received[\s\S]*\[gateway\] stopped/);
    // The event stream open at the signal ended with graphql-sse's `complete`.
    expect(await stream.text).toMatch(/event: complete/);
    // Apollo's multipart stream ended with its closing boundary; the WebSocket was told the server is going away.
    expect(await multipart.text).toMatch(/--graphql--\r\n$/);
    expect((await webSocket.closed).code).toBe(1001);
  }, 150_000);
});
