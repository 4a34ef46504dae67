import type { ApolloClient } from '@apollo/client';
import {
  ChannelEventsDocument,
  ChannelPageDocument,
  SendMessageDocument,
  SignInDocument,
  WorkspaceDocument,
  type ChannelEventsSubscription,
  type SendMessageMutation,
} from '../generated/graphql.js';
import { createApolloClient } from './client.js';

/** What a chat screen does with Apollo Client and the typed documents (clients/operations). */

/** Signs in and answers the session token; a typed error (wrong password, locked account) is thrown as its message. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const client = createApolloClient({ url });
  try {
    const { data } = await client.mutate({ mutation: SignInDocument, variables: { input: { email, password } } });
    const result = data!.signIn;
    if (result.__typename !== 'SessionPayload') throw new Error(`${result.__typename}: ${result.message}`);
    return result.token;
  } finally {
    client.stop();
  }
}

export async function workspace(client: ApolloClient) {
  const { data } = await client.query({ query: WorkspaceDocument });
  return data!.organizations.nodes;
}

/** A channel's newest messages, or the page after `after`; `cache-only` reads what the cache holds without a request. */
export async function channelPage(client: ApolloClient, id: string, options: { after?: string; fetchPolicy?: 'cache-first' | 'cache-only' | 'network-only' } = {}) {
  const { data } = await client.query({ query: ChannelPageDocument, variables: { id, first: 20, after: options.after }, fetchPolicy: options.fetchPolicy });
  return data?.channel ?? null;
}

export type SendResult = SendMessageMutation['sendMessage'];

/** The message as the gateway stored it, or its typed error (ValidationError, ForbiddenError, NotFoundError). */
export async function sendMessage(client: ApolloClient, channelId: string, content: string): Promise<SendResult> {
  const { data } = await client.mutate({ mutation: SendMessageDocument, variables: { input: { channelId, content } } });
  return data!.sendMessage;
}

/** Calls `onEvent` for each event of the channel until the returned function is called. */
export function watchChannel(client: ApolloClient, channel: string, onEvent: (event: ChannelEventsSubscription['channelEvents']) => void, onError: (error: unknown) => void = () => undefined): () => void {
  const subscription = client.subscribe({ query: ChannelEventsDocument, variables: { channel } }).subscribe({
    next: ({ data, error }) => (error ? onError(error) : data && onEvent(data.channelEvents)),
    error: onError,
  });
  return () => subscription.unsubscribe();
}
