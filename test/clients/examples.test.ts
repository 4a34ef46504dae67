import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as apollo from '../../clients/apollo/chat.js';
import { createApolloClient } from '../../clients/apollo/client.js';
import { MessageFieldsFragmentDoc, type ChannelEventsSubscription } from '../../clients/generated/graphql.js';
import type { SubscriptionTransport } from '../../clients/transports.js';
import * as urql from '../../clients/urql/chat.js';
import { createUrqlClient, type UrqlSubscriptionTransport } from '../../clients/urql/client.js';
import { topics } from '../../src/realtime/index.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { useLiveGateway, waitFor, type LiveGateway } from '../realtime/harness.js';
import { DEMO_PASSWORD } from '../sign-in.js';

/**
 * The example clients of clients/ (Apollo Client 4 and urql with the generated documents) against
 * a gateway listening on a loopback port: sign in, query, cache, mutation, typed errors, and a
 * subscription over each transport receiving a message another person sends.
 */

const APOLLO_TRANSPORTS: SubscriptionTransport[] = ['sse', 'sse-single', 'multipart', 'ws'];
const URQL_TRANSPORTS: UrqlSubscriptionTransport[] = ['sse', 'sse-single', 'ws'];
const GENERAL = channelGid(CHANNEL.general);

const getGateway = useLiveGateway();
let gateway: LiveGateway;
let url: string;
/** Requests the example clients sent over HTTP, by operation name. */
const requests: string[] = [];
const countingFetch: typeof fetch = (input, init) => {
  const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { operationName?: string }) : null;
  requests.push(body?.operationName ?? new URL(String(input)).searchParams.get('operationName') ?? '?');
  return fetch(input, init);
};
let aliceToken: string;

beforeAll(async () => {
  gateway = getGateway();
  url = `${gateway.origin}/graphql`;
  aliceToken = await apollo.signIn(url, 'alice@example.com', DEMO_PASSWORD);
});

type ChannelEvent = ChannelEventsSubscription['channelEvents'];

/** Subscribes with `watch`, waits until the gateway holds the subscription, and collects its events. */
async function watching(watch: (onEvent: (event: ChannelEvent) => void, onError: (error: unknown) => void) => () => void) {
  const events: ChannelEvent[] = [];
  let failure: unknown = null;
  const opened = gateway.realtime.hub.stats().opened;
  const stop = watch((event) => events.push(event), (error) => (failure = error));
  // One subscription opens at a time in this file: the next one the hub opens on the topic is this one.
  await waitFor(() => (gateway.realtime.hub.stats().opened > opened && gateway.realtime.hub.subscriptionCount(topics.channel(channelId(CHANNEL.general))) > 0) || failure !== null, 'the subscription to start');
  const next = async (content: string) => {
    await waitFor(() => events.some((event) => event.message?.content === content) || failure !== null, `the event of "${content}"`);
    if (failure) throw new Error(`subscription failed: ${String(failure)}`);
    return events.find((event) => event.message?.content === content)!;
  };
  return { next, stop };
}

/** Another person (alice) writes to #general through the API. */
async function aliceSends(content: string) {
  const response = await gateway.execute('mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }', { input: { channelId: GENERAL, content } }, { authorization: `Bearer ${aliceToken}` });
  expect(response.data?.sendMessage.__typename).toBe('MessagePayload');
}

describe('Apollo Client 4 example', () => {
  it('signs in with a password and refuses a wrong one with its typed error', async () => {
    expect(aliceToken).toMatch(/\S{20,}/);
    await expect(apollo.signIn(url, 'alice@example.com', 'not the password')).rejects.toThrow(/^InvalidCredentialsError: /);
  });

  it('queries the workspace and a channel page, then answers the page from its normalised cache', async () => {
    const client = createApolloClient({ url, token: aliceToken, fetch: countingFetch });
    const organizations = await apollo.workspace(client);
    expect(organizations.map((organization) => organization.slug)).toContain('acme');
    const page = await apollo.channelPage(client, GENERAL);
    expect(page?.name).toBe('general');
    expect(page?.messages.edges.length).toBeGreaterThan(0);
    requests.length = 0;
    const cached = await apollo.channelPage(client, GENERAL, { fetchPolicy: 'cache-only' });
    expect(cached).toEqual(page);
    expect(requests).toEqual([]);
    // Normalised: the author of a message on the page is the same cache entry the workspace's viewer filled.
    const author = page!.messages.edges[0]!.node.author!;
    expect(client.cache.identify(author)).toBe(`User:${author.id}`);
    client.stop();
  });

  it('sends a message (into the cache by id), and gets typed errors for an empty one and a channel it cannot see', async () => {
    const client = createApolloClient({ url, token: (await gateway.headersFor('bob')).authorization!.slice('Bearer '.length) });
    const sent = await apollo.sendMessage(client, GENERAL, 'from the Apollo example');
    expect(sent.__typename).toBe('MessagePayload');
    if (sent.__typename !== 'MessagePayload') return;
    const cached = client.cache.readFragment({ fragment: MessageFieldsFragmentDoc, fragmentName: 'MessageFields', id: `Message:${sent.chatMessage!.id}` });
    expect(cached?.content).toBe('from the Apollo example');

    const empty = await apollo.sendMessage(client, GENERAL, '   ');
    expect(empty.__typename).toBe('ValidationError');
    if (empty.__typename === 'ValidationError') expect(empty.fieldErrors.map((error) => error.path)).toEqual([['content']]);
    // bob is not in the private #design: the channel is not found rather than forbidden (its existence must not leak).
    const hidden = await apollo.sendMessage(client, channelGid(CHANNEL.design), 'let me in');
    expect(hidden.__typename).toBe('NotFoundError');
    expect(hidden.__typename !== 'MessagePayload' && hidden.message).toBeTruthy();
    client.stop();
  });

  it.each(APOLLO_TRANSPORTS)('receives a message another person writes, over %s', async (transport) => {
    const bob = (await gateway.headersFor('bob')).authorization!.slice('Bearer '.length);
    const client = createApolloClient({ url, token: bob, subscriptions: transport, webSocketImpl: WebSocket });
    const subscription = await watching((onEvent, onError) => apollo.watchChannel(client, GENERAL, onEvent, onError));
    await aliceSends(`Apollo over ${transport}`);
    const event = await subscription.next(`Apollo over ${transport}`);
    expect(event).toMatchObject({ kind: 'MESSAGE_CREATED', message: { author: { displayName: 'Alice Anderson' } } });
    subscription.stop();
    client.stop();
  });
});

describe('urql example', () => {
  it('queries a channel page, and answers it again from its document cache', async () => {
    const client = createUrqlClient({ url, token: aliceToken, fetch: countingFetch });
    expect((await urql.workspace(client)).map((organization) => organization.slug)).toContain('acme');
    requests.length = 0;
    const page = await urql.channelPage(client, GENERAL);
    expect(page?.messages.edges.length).toBeGreaterThan(0);
    expect(await urql.channelPage(client, GENERAL)).toEqual(page);
    expect(requests).toEqual(['ChannelPage']);
  });

  it('sends a message and gets typed errors', async () => {
    const client = createUrqlClient({ url, token: (await gateway.headersFor('bob')).authorization!.slice('Bearer '.length) });
    const sent = await urql.sendMessage(client, GENERAL, 'from the urql example');
    expect(sent.__typename === 'MessagePayload' && sent.chatMessage?.content).toBe('from the urql example');
    expect((await urql.sendMessage(client, GENERAL, '')).__typename).toBe('ValidationError');
    expect((await urql.sendMessage(client, channelGid(CHANNEL.design), 'let me in')).__typename).toBe('NotFoundError');
  });

  it.each(URQL_TRANSPORTS)('receives a message another person writes, over %s', async (transport) => {
    const bob = (await gateway.headersFor('bob')).authorization!.slice('Bearer '.length);
    const client = createUrqlClient({ url, token: bob, subscriptions: transport, webSocketImpl: WebSocket });
    const subscription = await watching((onEvent, onError) => urql.watchChannel(client, GENERAL, onEvent, onError));
    await aliceSends(`urql over ${transport}`);
    expect(await subscription.next(`urql over ${transport}`)).toMatchObject({ kind: 'MESSAGE_CREATED', message: { author: { displayName: 'Alice Anderson' } } });
    subscription.stop();
  });
});
