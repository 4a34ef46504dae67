import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { print, type DocumentNode } from 'graphql';
import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { Observable } from 'rxjs';
import possibleTypes from '../generated/possible-types.js';
import { authorization, streamUrl, webSocketUrl, type ClientOptions } from '../transports.js';

/**
 * Apollo Client 4 for the gateway: queries and mutations over HTTP into the normalised cache, and
 * subscriptions over the transport chosen (Apollo's own HTTP multipart by default).
 */

/** Subscriptions over graphql-sse: Apollo has no SSE link of its own. */
export class SseLink extends ApolloLink {
  constructor(private readonly client: SseClient<boolean>) {
    super();
  }

  override request(operation: ApolloLink.Operation): Observable<ApolloLink.Result> {
    return new Observable<ApolloLink.Result>((sink) =>
      this.client.subscribe(
        { query: print(operation.query), variables: operation.variables, operationName: operation.operationName },
        { next: (result) => sink.next(result as ApolloLink.Result), error: (error) => sink.error(error), complete: () => sink.complete() },
      ),
    );
  }
}

const isSubscription = ({ query }: ApolloLink.Operation) => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};

/** The link subscriptions take; null when HttpLink itself carries them (multipart). */
function subscriptionLink({ url, token, subscriptions = 'multipart', webSocketImpl }: ClientOptions): ApolloLink | null {
  switch (subscriptions) {
    case 'multipart':
      return null;
    case 'ws':
      return new GraphQLWsLink(createWsClient({ url: webSocketUrl(url), connectionParams: authorization(token), webSocketImpl, lazy: true }));
    case 'sse':
      return new SseLink(createSseClient({ url, headers: authorization(token) }));
    case 'sse-single':
      // The single connection client writes its stream token into the headers object: one of its own.
      return new SseLink(createSseClient({ url: streamUrl(url), singleConnection: true, headers: authorization(token) }));
  }
}

/**
 * Trusted documents: Apollo's persisted-query link sends each generated document's manifest id
 * (codegen's `__meta__.hash`, the sha256 of its text) as the APQ hash, without the text.
 */
const trustedDocumentsLink = () =>
  new PersistedQueryLink({
    generateHash: (document: DocumentNode) => {
      const hash = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
      if (!hash) throw new Error('not a generated document: it has no manifest id (run npm run codegen)');
      return hash;
    },
  });

export function createApolloClient(options: ClientOptions & { fetch?: typeof fetch; trustedDocuments?: boolean }): ApolloClient {
  const http = options.trustedDocuments
    ? trustedDocumentsLink().concat(new HttpLink({ uri: options.url, headers: authorization(options.token), fetch: options.fetch }))
    : new HttpLink({ uri: options.url, headers: authorization(options.token), fetch: options.fetch });
  const subscriptions = subscriptionLink(options);
  return new ApolloClient({
    link: subscriptions ? ApolloLink.split(isSubscription, subscriptions, http) : http,
    // Which types implement Error and Node, and belong to each result union: fragments on them match exactly.
    cache: new InMemoryCache({ possibleTypes: possibleTypes.possibleTypes }),
  });
}
