import type { Client } from '@urql/core';
import {
  ChannelEventsDocument,
  ChannelPageDocument,
  SendMessageDocument,
  SignInDocument,
  WorkspaceDocument,
  type ChannelEventsSubscription,
  type SendMessageMutation,
} from '../generated/graphql.js';
import { createUrqlClient } from './client.js';

/** What a chat screen does with urql and the typed documents (clients/operations). */

/** Signs in and answers the session token; a typed error (wrong password, locked account) is thrown as its message. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const result = await createUrqlClient({ url }).mutation(SignInDocument, { input: { email, password } }).toPromise();
  if (result.error) throw result.error;
  const signedIn = result.data!.signIn;
  if (signedIn.__typename !== 'SessionPayload') throw new Error(`${signedIn.__typename}: ${signedIn.message}`);
  return signedIn.token;
}

export async function workspace(client: Client) {
  const result = await client.query(WorkspaceDocument, {}).toPromise();
  if (result.error) throw result.error;
  return result.data!.organizations.nodes;
}

export async function channelPage(client: Client, id: string, after?: string) {
  const result = await client.query(ChannelPageDocument, { id, first: 20, after }).toPromise();
  if (result.error) throw result.error;
  return result.data?.channel ?? null;
}

/** The message as the gateway stored it, or its typed error (ValidationError, ForbiddenError, NotFoundError). */
export async function sendMessage(client: Client, channelId: string, content: string): Promise<SendMessageMutation['sendMessage']> {
  const result = await client.mutation(SendMessageDocument, { input: { channelId, content } }).toPromise();
  if (result.error) throw result.error;
  return result.data!.sendMessage;
}

/** Calls `onEvent` for each event of the channel until the returned function is called. */
export function watchChannel(client: Client, channel: string, onEvent: (event: ChannelEventsSubscription['channelEvents']) => void, onError: (error: unknown) => void = () => undefined): () => void {
  const subscription = client.subscription(ChannelEventsDocument, { channel }).subscribe((result) => (result.error ? onError(result.error) : result.data && onEvent(result.data.channelEvents)));
  return () => subscription.unsubscribe();
}
