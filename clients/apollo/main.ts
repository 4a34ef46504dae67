import WebSocket from 'ws';
import { MessageFieldsFragmentDoc } from '../generated/graphql.js';
import type { SubscriptionTransport } from '../transports.js';
import { channelPage, sendMessage, signIn, watchChannel, workspace } from './chat.js';
import { createApolloClient } from './client.js';

/**
 * The Apollo example end to end against a running gateway (npm start, demo data):
 *   npx tsx clients/apollo/main.ts [sse|sse-single|multipart|ws]
 * GATEWAY_URL (default http://localhost:4000/graphql), EMAIL and PASSWORD pick the gateway and the person.
 */
const url = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
const subscriptions = (process.argv[2] ?? 'multipart') as SubscriptionTransport;

const token = await signIn(url, process.env.EMAIL ?? 'alice@example.com', process.env.PASSWORD ?? 'demo-password-2026');
const client = createApolloClient({ url, token, subscriptions, webSocketImpl: WebSocket });
const organizations = await workspace(client);
const general = organizations.flatMap((organization) => organization.channels.nodes).find((channel) => channel.name === 'general');
if (!general) throw new Error('no #general channel: is the demo data seeded?');
console.log(`organizations: ${organizations.map((organization) => organization.name).join(', ')}`);

const page = await channelPage(client, general.id);
console.log(`#${general.name}: ${page?.messages.totalCount} messages, newest: ${page?.messages.edges[0]?.node.content}`);
// The normalised cache answers the same page again without a request.
console.log(`from the cache: ${(await channelPage(client, general.id, { fetchPolicy: 'cache-only' }))?.messages.edges.length} messages`);

const received = new Promise<string>((resolve, reject) => {
  const stop = watchChannel(client, general.id, (event) => (stop(), resolve(`${event.kind}: ${event.message?.content}`)), reject);
});
await new Promise((resolve) => setTimeout(resolve, 500)); // let the subscription start before the message it should see
const sent = await sendMessage(client, general.id, `hello from Apollo over ${subscriptions}`);
if (sent.__typename === 'MessagePayload') {
  console.log(`sent ${sent.chatMessage?.id}; in the cache: ${client.cache.readFragment({ fragment: MessageFieldsFragmentDoc, fragmentName: 'MessageFields', id: `Message:${sent.chatMessage?.id}` })?.content}`);
}
const refused = await sendMessage(client, general.id, '   ');
if (refused.__typename === 'ValidationError') console.log(`typed error: ${refused.message} ${JSON.stringify(refused.fieldErrors)}`);
console.log(`subscription: ${await received}`);
client.stop();
