import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../../src/realtime/index.js';
import { createYogaApp } from '../../src/server.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoUsers, type DemoUser } from '../policies.js';
import { insertMessageWithSql, useLiveGateway, waitFor, type LiveGateway } from '../realtime/harness.js';

/**
 * Subscriptions over HTTP multipart as Apollo Client 4 sends them (its HttpLink, for a subscription:
 * `Accept: multipart/mixed;boundary=graphql;subscriptionSpec=1.0, ...` on POST /graphql), with the
 * real client against a real server, and the wire format read by hand.
 */

const CHANNEL_EVENTS = gql`
  subscription ChannelEvents($channel: ID!) {
    channelEvents(channel: $channel) {
      kind
      message { id content author { id displayName } }
    }
  }
`;
const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }';
const APOLLO_ACCEPT = 'multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/graphql-response+json,application/json;q=0.9';

const getGateway = useLiveGateway();
let gateway: LiveGateway;
const clients: ApolloClient[] = [];
beforeAll(() => {
  gateway = getGateway();
});
afterAll(() => {
  for (const client of clients) client.stop();
});

/** What one Apollo subscription received: values (data or error) in order, and whether it ended. */
class ApolloSubscriber {
  readonly values: { data?: any; error?: any }[] = [];
  completed = false;
  failure: unknown = null;
  private readonly subscription: { unsubscribe(): void };
  constructor(client: ApolloClient, variables: Record<string, unknown>) {
    this.subscription = client.subscribe({ query: CHANNEL_EVENTS, variables }).subscribe({
      next: (value) => void this.values.push(value as { data?: any; error?: any }),
      error: (error) => void (this.failure = error),
      complete: () => void (this.completed = true),
    });
  }
  async value(index: number): Promise<{ data?: any; error?: any }> {
    await waitFor(() => this.values.length > index || this.failure !== null, `value #${index}`);
    if (this.values.length <= index) throw new Error(`subscription failed: ${String(this.failure)}`);
    return this.values[index]!;
  }
  unsubscribe(): void {
    this.subscription.unsubscribe();
  }
}

async function apolloAs(user: DemoUser | Record<string, string>): Promise<ApolloClient> {
  const headers = typeof user === 'string' ? await gateway.headersFor(user) : user;
  const client = new ApolloClient({ link: new HttpLink({ uri: `${gateway.origin}/graphql`, headers }), cache: new InMemoryCache() });
  clients.push(client);
  return client;
}

describe('Apollo Client 4 subscriptions over HTTP multipart', () => {
  it('receives a message written by another user', async () => {
    const topic = topics.channel(channelId(CHANNEL.general));
    const before = gateway.realtime.hub.subscriptionCount(topic);
    const bob = new ApolloSubscriber(await apolloAs('bob'), { channel: channelGid(CHANNEL.general) });
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) > before, 'the subscription to start');
    const sent = await gateway.execute(SEND, { input: { channelId: channelGid(CHANNEL.general), content: 'hello over multipart' } }, await gateway.headersFor('alice'));
    expect(sent.data?.sendMessage.__typename).toBe('MessagePayload');
    const { data, error } = await bob.value(0);
    expect(error).toBeUndefined();
    expect(data.channelEvents).toMatchObject({ kind: 'MESSAGE_CREATED', message: { content: 'hello over multipart', author: { id: expect.any(String) } } });
    // A row written with SQL, as psql would, comes the same way.
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.general), demoUsers.carol, 'written with SQL, over multipart');
    expect((await bob.value(1)).data.channelEvents.message.content).toBe('written with SQL, over multipart');
    bob.unsubscribe();
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === before, 'the subscription to be released');
  });

  it('does not deliver a channel the viewer is not a member of (same rule as SSE)', async () => {
    const before = gateway.realtime.hub.stats().subscriptions;
    // bob administers acme but is not in private #design: it does not exist for him.
    const bob = new ApolloSubscriber(await apolloAs('bob'), { channel: channelGid(CHANNEL.design) });
    const first = await bob.value(0);
    expect(first.data).toBeUndefined();
    expect(first.error?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.design), demoUsers.carol, 'private to #design (multipart)');
    await waitFor(() => gateway.realtime.hub.stats().pending === 0, 'the event to be judged');
    expect(JSON.stringify(bob.values)).not.toContain('private to #design');
    expect(gateway.realtime.hub.stats().subscriptions).toBe(before);
  });

  it('answers refused credentials UNAUTHENTICATED, never anonymous events', async () => {
    const client = await apolloAs({ authorization: 'Bearer gw_s_not-a-token' });
    const refused = new ApolloSubscriber(client, { channel: channelGid(CHANNEL.general) });
    const first = await refused.value(0);
    expect(first.data).toBeUndefined();
    expect(first.error?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the multipart wire format', () => {
  it('writes payload-wrapped parts and {} heartbeats, and releases the subscription when the client goes away', async () => {
    // A gateway of its own with a short heartbeat, on the same database and events.
    const yoga = createYogaApp({ handle: gateway.handle, realtime: gateway.realtime, logError: () => undefined, multipartHeartbeatMs: 50 });
    const topic = topics.channel(channelId(CHANNEL.random));
    const before = gateway.realtime.hub.subscriptionCount(topic);
    const response = await yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: APOLLO_ACCEPT, ...(await gateway.headersFor('dave')) },
      body: JSON.stringify({ query: 'subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { content } } }', variables: { channel: channelGid(CHANNEL.random) } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
    const reader = response.body!.getReader();
    let text = '';
    const heartbeats = () => text.split('\r\n\r\n{}\r\n--graphql').length - 1;
    const readUntil = async (what: string, done: () => boolean = () => text.includes(what)) => {
      const deadline = Date.now() + 10_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`no ${what} in ${JSON.stringify(text)}`);
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`ended before ${what}`);
        text += new TextDecoder().decode(chunk.value);
      }
    };
    await readUntil('{}');
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) > before, 'the subscription to start');
    await insertMessageWithSql(gateway.handle, channelId(CHANNEL.random), demoUsers.alice, 'on the wire');
    await readUntil('on the wire');
    // Heartbeats go on while nothing happens.
    const seen = heartbeats();
    await readUntil('more heartbeats', () => heartbeats() >= seen + 2);
    expect(text.startsWith('\r\n--graphql\r\ncontent-type: application/json; charset=utf-8\r\n\r\n{}\r\n--graphql')).toBe(true);
    expect(text).toContain('\r\n\r\n{"payload":{"data":{"channelEvents":{"kind":"MESSAGE_CREATED","message":{"content":"on the wire"}}}}}\r\n--graphql');
    await reader.cancel();
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === before, 'the subscription to be released');
    await yoga.dispose();
  });

  it('still answers 406 to multipart without subscriptionSpec (not a protocol the gateway speaks for subscriptions)', async () => {
    const response = await fetch(`${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed', ...(await gateway.headersFor('dave')) },
      body: JSON.stringify({ query: 'subscription { notificationEvents { kind } }' }),
    });
    expect(response.status).toBe(406);
    await response.body?.cancel();
  });
});
