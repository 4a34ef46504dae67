import WebSocket from 'ws';
import { channelPage, sendMessage, signIn, watchChannel, workspace } from './chat.js';
import { createUrqlClient, type UrqlSubscriptionTransport } from './client.js';

/**
 * The urql example end to end against a running gateway (npm start, demo data):
 *   npx tsx clients/urql/main.ts [sse|sse-single|ws]
 * GATEWAY_URL (default http://localhost:4000/graphql), EMAIL and PASSWORD pick the gateway and the person.
 */
const url = process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql';
const subscriptions = (process.argv[2] ?? 'sse') as UrqlSubscriptionTransport;

const token = await signIn(url, process.env.EMAIL ?? 'alice@example.com', process.env.PASSWORD ?? 'demo-password-2026');
const client = createUrqlClient({ url, token, subscriptions, webSocketImpl: WebSocket });
const organizations = await workspace(client);
const general = organizations.flatMap((organization) => organization.channels.nodes).find((channel) => channel.name === 'general');
if (!general) throw new Error('no #general channel: is the demo data seeded?');
const page = await channelPage(client, general.id);
console.log(`#${general.name}: ${page?.messages.totalCount} messages, newest: ${page?.messages.edges[0]?.node.content}`);

const received = new Promise<string>((resolve, reject) => {
  const stop = watchChannel(client, general.id, (event) => (stop(), resolve(`${event.kind}: ${event.message?.content}`)), reject);
});
await new Promise((resolve) => setTimeout(resolve, 500)); // let the subscription start before the message it should see
const sent = await sendMessage(client, general.id, `hello from urql over ${subscriptions}`);
console.log(sent.__typename === 'MessagePayload' ? `sent ${sent.chatMessage?.id}` : `refused: ${sent.message}`);
const refused = await sendMessage(client, general.id, '   ');
if (refused.__typename === 'ValidationError') console.log(`typed error: ${refused.message} ${JSON.stringify(refused.fieldErrors)}`);
console.log(`subscription: ${await received}`);
process.exit(0); // graphql-sse and graphql-ws clients keep no handle a script must close by hand, but fetch keep-alive may linger
