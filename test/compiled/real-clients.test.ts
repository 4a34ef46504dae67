import { createHash } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client/core';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange, gql as urqlGql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, globalId } from '../policies.js';
import { headersFor } from '../sign-in.js';

/**
 * The clients the gateway is for, as they are: Apollo Client 4 (POST with `extensions.clientLibrary`,
 * and its persisted-query link sending a sha256 hash first) and urql (GET for a query that fits the
 * URL). Their second request for a document is answered by one compiled statement, with the data
 * the engine alone answers.
 */

const ENDPOINT = 'http://gateway.test/graphql';
const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

const DOCUMENT = `query ChannelPage($id: ID!) {
  channel(id: $id) { id name organization { id slug } messages(first: 5) { edges { cursor node { id content author { id displayName } } } pageInfo { hasNextPage endCursor } } }
}`;
const variables = { id: globalId('Channel', demoId(30, 1)) };

let gateway: TestGateway;
let reference: Yoga;
let headers: Record<string, string>;
/** What each client put on the wire, in order. */
const sent: { method: string; body: string | null; url: string }[] = [];

const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input instanceof Request ? input.url : input);
  sent.push({ method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? init.body : null, url });
  return gateway.yoga.fetch(url, init as never);
};

/** The engine's data for the document, with `__typename` where Apollo's cache adds it. */
async function engineData(query: string): Promise<unknown> {
  const response = await reference.fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: unknown }).data;
}

beforeAll(async () => {
  gateway = await createTestGateway();
  reference = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false });
  headers = await headersFor(gateway, 'alice');
});
afterAll(async () => {
  await reference.dispose();
  await gateway.close();
});

describe('real clients are served by compiled reads', () => {
  it('Apollo Client 4 (POST with extensions.clientLibrary)', async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: ENDPOINT, fetch: recordingFetch, headers }), cache: new InMemoryCache() });
    const query = gql(DOCUMENT);
    await client.query({ query, variables, fetchPolicy: 'no-cache' });
    gateway.statements.reset();
    sent.length = 0;
    const { data } = await client.query({ query, variables, fetchPolicy: 'no-cache' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('POST');
    expect(JSON.parse(sent[0]!.body!).extensions?.clientLibrary?.name).toBe('@apollo/client');
    expect(gateway.statements.log.filter(isCompiled)).toHaveLength(1);
    // Apollo's cache adds __typename to every selection: the engine is asked the document as sent.
    expect(data).toEqual(await engineData(JSON.parse(sent[0]!.body!).query));
    client.stop();
  });

  it("Apollo Client 4's persisted queries: hash first, the document once, then the hash alone, compiled", async () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const link = new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: ENDPOINT, fetch: recordingFetch, headers }));
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    const query = gql(`${DOCUMENT.replace('ChannelPage', 'PersistedChannelPage')}`);
    sent.length = 0;
    await client.query({ query, variables, fetchPolicy: 'no-cache' });
    // Unknown hash -> PERSISTED_QUERY_NOT_FOUND -> the document with its hash.
    expect(sent.map((request) => Boolean(request.body && JSON.parse(request.body).query))).toEqual([false, true]);
    sent.length = 0;
    gateway.statements.reset();
    await client.query({ query, variables, fetchPolicy: 'no-cache' });
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.body!).query).toBeUndefined();
    expect(gateway.statements.log.filter(isCompiled)).toHaveLength(1);
    client.stop();
  });

  it('urql (GET within the URL)', async () => {
    const client = new Client({ url: ENDPOINT, exchanges: [fetchExchange], fetch: recordingFetch as typeof fetch, preferGetMethod: 'within-url-limit', fetchOptions: { headers } });
    const query = urqlGql(DOCUMENT);
    await client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
    gateway.statements.reset();
    sent.length = 0;
    const result = await client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('GET');
    expect(gateway.statements.log.filter(isCompiled)).toHaveLength(1);
    // urql adds __typename to selections too: the engine is asked the document as sent.
    expect(result.data).toEqual(await engineData(new URL(sent[0]!.url).searchParams.get('query')!));
  });
});
