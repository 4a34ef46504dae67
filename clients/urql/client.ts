import { cacheExchange, Client, fetchExchange, makeOperation, mapExchange, subscriptionExchange, type Exchange } from '@urql/core';
import { Kind, type DocumentNode } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { authorization, streamUrl, webSocketUrl, type ClientOptions, type SubscriptionTransport } from '../transports.js';

/**
 * urql (@urql/core) for the gateway: its document cache, queries as GET when they fit the URL, and
 * subscriptions over the transport chosen (urql's own fetch, which the gateway answers with SSE, by default).
 */

/**
 * Not HTTP multipart: the gateway's is Apollo's format, whose `{}` heartbeat parts urql's parser
 * refuses ("No Content"); urql's own fetch asks for SSE first anyway.
 */
export type UrqlSubscriptionTransport = Exclude<SubscriptionTransport, 'multipart'>;

/** A subscriptionExchange over graphql-sse's single connection mode or graphql-ws; null when urql's fetch carries them (SSE). */
function subscriptionTransport({ url, token, subscriptions = 'sse', webSocketImpl }: UrqlClientOptions): Exchange | null {
  if (subscriptions === 'sse') return null;
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

export interface UrqlClientOptions extends ClientOptions {
  subscriptions?: UrqlSubscriptionTransport;
  fetch?: typeof fetch;
  trustedDocuments?: boolean;
}

export function createUrqlClient(options: UrqlClientOptions): Client {
  const subscriptions = subscriptionTransport(options);
  return new Client({
    url: options.url,
    exchanges: [cacheExchange, ...(options.trustedDocuments ? [trustedDocumentsExchange] : []), fetchExchange, ...(subscriptions ? [subscriptions] : [])],
    fetchSubscriptions: !subscriptions,
    fetch: options.fetch,
    fetchOptions: { headers: authorization(options.token) },
    preferGetMethod: 'within-url-limit',
  });
}
