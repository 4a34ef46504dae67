/**
 * How the example clients subscribe. The gateway serves all of them on the same path and runs them
 * through the same authorization and event source:
 * - `sse`: graphql-sse, distinct connections mode (one HTTP stream per subscription, POST /graphql);
 * - `sse-single`: graphql-sse, single connection mode (many subscriptions over /graphql/stream);
 * - `multipart`: HTTP multipart subscriptions (`multipart/mixed; subscriptionSpec=1.0`), Apollo Client's own;
 * - `ws`: GraphQL over WebSocket (the graphql-ws protocol, `graphql-transport-ws`) on /graphql.
 */
export type SubscriptionTransport = 'sse' | 'sse-single' | 'multipart' | 'ws';

export const SUBSCRIPTION_TRANSPORTS: readonly SubscriptionTransport[] = ['sse', 'sse-single', 'multipart', 'ws'];

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A session token from signIn (or a bot token); anonymous without. */
  token?: string;
  subscriptions?: SubscriptionTransport;
  /** A WebSocket class where there is no global one (Node 20: the `ws` package). */
  webSocketImpl?: unknown;
}

export const authorization = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** ws://host/graphql for http://host/graphql. */
export const webSocketUrl = (url: string) => url.replace(/^http/, 'ws');

/** The single connection mode's endpoint beside /graphql. */
export const streamUrl = (url: string) => `${url.replace(/\/$/, '')}/stream`;
