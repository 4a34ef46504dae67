import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloClient, gql, HttpLink, InMemoryCache, type DocumentNode } from '@apollo/client/core';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { DatabaseHandle } from '../../src/db/client.js';
import { persistedOptions } from '../../src/http/persisted.js';
import { createYogaApp, listen, type RunningGateway, type Yoga } from '../../src/server.js';
import { openSeededDatabase } from '../gateway.js';

/**
 * Persisted documents with Apollo Client 4's own link (createPersistedQueryLink), POST and GET,
 * and a trusted-documents-only gateway whose manifest is a file as GraphQL Codegen's client preset
 * writes it (`persisted-documents.json`: hash -> document), over HTTP and over WebSocket.
 */

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const APPS = gql`
  query PersistedApps {
    apps(first: 3) { edges { node { id name } } }
  }
`;
const UNKNOWN = gql`
  query NotInTheManifest {
    apps(first: 1) { edges { node { id } } }
  }
`;

let handle: DatabaseHandle;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase());
});
afterAll(async () => {
  await drop();
});

interface Sent {
  method: string;
  query: string | null;
  hash: string | null;
}

/** An Apollo client with the persisted-query link over `yoga`, recording what it sends. */
function apolloWithPersistedQueries(yoga: Yoga, sent: Sent[], options: { useGETForHashedQueries?: boolean; generateHash?: (document: DocumentNode) => string } = {}) {
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { query?: string; extensions?: any }) : null;
    const extensions = body ? body.extensions : JSON.parse(url.searchParams.get('extensions') ?? 'null');
    sent.push({ method: init?.method ?? 'GET', query: body?.query ?? url.searchParams.get('query'), hash: extensions?.persistedQuery?.sha256Hash ?? null });
    return yoga.fetch(url.toString(), init as never);
  };
  const link = new PersistedQueryLink(options.generateHash ? { generateHash: options.generateHash, useGETForHashedQueries: options.useGETForHashedQueries } : { sha256, useGETForHashedQueries: options.useGETForHashedQueries });
  return new ApolloClient({ link: link.concat(new HttpLink({ uri: 'http://gateway.test/graphql', fetch: recordingFetch })), cache: new InMemoryCache() });
}

describe("automatic persisted queries with Apollo Client 4's createPersistedQueryLink", () => {
  for (const method of ['POST', 'GET'] as const) {
    it(`hash first, PERSISTED_QUERY_NOT_FOUND, the document once, then the hash alone (${method})`, async () => {
      const yoga = createYogaApp({ handle, logError: () => undefined });
      const sent: Sent[] = [];
      const client = apolloWithPersistedQueries(yoga, sent, { useGETForHashedQueries: method === 'GET' });
      const first = await client.query({ query: APPS, fetchPolicy: 'no-cache' });
      expect(first.error).toBeUndefined();
      expect(first.data).toMatchObject({ apps: { edges: expect.any(Array) } });
      // The hash alone (GET when asked), then, told PERSISTED_QUERY_NOT_FOUND, the document with its hash (always POST).
      expect(sent.map(({ method, query, hash }) => [method, query !== null, hash !== null])).toEqual([
        [method, false, true],
        ['POST', true, true],
      ]);
      sent.length = 0;
      const second = await client.query({ query: APPS, fetchPolicy: 'no-cache' });
      expect(second.data).toEqual(first.data);
      expect(sent.map(({ method, query }) => [method, query !== null])).toEqual([[method, false]]);
      client.stop();
      await yoga.dispose();
    });
  }
});

describe('trusted documents only (PERSISTED_DOCUMENTS + PERSISTED_DOCUMENTS_ONLY)', () => {
  let yoga: Yoga;
  let running: RunningGateway;
  let manifest: Record<string, string>;
  /** The document Apollo sends for APPS (its cache adds __typename), as codegen's client preset would have printed it. */
  let appsText: string;

  beforeAll(async () => {
    // What Apollo sends for the document: the manifest holds exactly that text under its hash.
    const recorder = createYogaApp({ handle, logError: () => undefined });
    const sent: Sent[] = [];
    const client = apolloWithPersistedQueries(recorder, sent);
    await client.query({ query: APPS, fetchPolicy: 'no-cache' });
    client.stop();
    await recorder.dispose();
    appsText = sent.find((request) => request.query)!.query!;
    manifest = { [sha256(appsText)]: appsText };
    const path = join(mkdtempSync(join(tmpdir(), 'persisted-')), 'persisted-documents.json');
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    yoga = createYogaApp({ handle, logError: () => undefined, persisted: persistedOptions({ apqBytes: 1 << 20, manifestPath: path, only: true }) });
    running = await listen(yoga, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await running.close();
    await yoga.dispose();
  });

  it('runs a document of the manifest, sent by its hash alone', async () => {
    const sent: Sent[] = [];
    const client = apolloWithPersistedQueries(yoga, sent);
    const result = await client.query({ query: APPS, fetchPolicy: 'no-cache' });
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({ apps: { edges: expect.any(Array) } });
    expect(sent).toEqual([{ method: 'POST', query: null, hash: sha256(appsText) }]);
    client.stop();
  });

  it('refuses a document that is not in the manifest with a coded error, even sent in full', async () => {
    const sent: Sent[] = [];
    const client = apolloWithPersistedQueries(yoga, sent);
    const error = await client.query({ query: UNKNOWN, fetchPolicy: 'no-cache' }).then(() => null, (failure: unknown) => failure);
    const errors = (error as { errors?: { message: string; extensions?: { code?: string } }[] } | null)?.errors;
    expect(errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(errors?.[0]?.message).toContain('Only persisted documents are accepted');
    // Apollo asked by hash (not found), then sent the document, which was refused and never registered.
    expect(sent.map(({ query }) => query !== null)).toEqual([false, true]);
    const again = await yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sent[0]!.hash } } }),
    });
    expect(((await again.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('applies the same rule over WebSocket: a full document refused, the manifest hash run', async () => {
    const client = createClient({ url: running.url.replace('http', 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const first = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<any>((resolve) => client.subscribe(payload, { next: resolve, error: resolve, complete: () => undefined }));
    const refused = await first({ query: print(UNKNOWN) });
    expect(refused[0]?.extensions?.code).toBe('BAD_REQUEST');
    const known = await first({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: sha256(appsText) } } });
    expect(known.errors).toBeUndefined();
    expect(known.data).toMatchObject({ apps: { edges: expect.any(Array) } });
    await client.dispose();
  });
});
