import { cacheExchange, Client, fetchExchange, makeOperation, mapExchange, subscriptionExchange, type Exchange } from '@urql/core';
import { Kind, type DocumentNode } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { authorization, streamUrl, webSocketUrl, type ClientOptions } from '../transports.js';

/**
 * urql (@urql/core) for the gateway: its document cache, queries as GET when they fit the URL, and
 * subscriptions over the transport chosen (urql's own fetch, which the gateway answers with SSE, by default).
 */

/** urql asks subscriptions for `text/event-stream, multipart/mixed`; multipart is asked for by name. */
const multipartFetch =
  (base: typeof fetch): typeof fetch =>
  (input, init) => {
    const headers = new Headers(init?.headers);
    if (headers.get('accept')?.startsWith('text/event-stream')) headers.set('accept', 'multipart/mixed;subscriptionSpec=1.0, application/json');
    return base(input, { ...init, headers });
  };

/** A subscriptionExchange over graphql-sse (either mode) or graphql-ws; null when fetch carries them. */
function subscriptionTransport({ url, token, subscriptions = 'sse', webSocketImpl }: ClientOptions): Exchange | null {
  if (subscriptions === 'sse' || subscriptions === 'multipart') return null;
  const client =
    subscriptions === 'ws'
      ? createWsClient({ url: webSocketUrl(url), connectionParams: authorization(token), webSocketImpl, lazy: true })
      : createSseClient({ url: streamUrl(url), singleConnection: true, headers: authorization(token) });
  return subscriptionExchange({
    forwardSubscription: (request) => ({
      subscribe: (sink) => ({ unsubscribe: client.subscribe({ ...request, query: request.query ?? '' }, sink) }),
    }),
  });
}

/**
 * Trusted documents: each generated document goes by its manifest id (`documentId`, codegen's
 * `__meta__.hash`), never as text, so a gateway with PERSISTED_DOCUMENTS_ONLY runs it.
 */
const trustedDocumentsExchange = mapExchange({
  onOperation(operation) {
    const hash = (operation.query as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
    if (!hash) return operation;
    // urql sends a document without definitions as its documentId alone (body or GET parameter).
    const query = { kind: Kind.DOCUMENT, definitions: [], documentId: hash } as unknown as DocumentNode;
    return makeOperation(operation.kind, { ...operation, query }, operation.context);
  },
});

export function createUrqlClient(options: ClientOptions & { fetch?: typeof fetch; trustedDocuments?: boolean }): Client {
  const base = options.fetch ?? fetch;
  const subscriptions = subscriptionTransport(options);
  return new Client({
    url: options.url,
    exchanges: [cacheExchange, ...(options.trustedDocuments ? [trustedDocumentsExchange] : []), fetchExchange, ...(subscriptions ? [subscriptions] : [])],
    fetchSubscriptions: !subscriptions,
    fetch: options.subscriptions === 'multipart' ? multipartFetch(base) : base,
    fetchOptions: { headers: authorization(options.token) },
    preferGetMethod: 'within-url-limit',
  });
}
