import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelPageDocument } from '../../clients/generated/graphql.js';
import * as apollo from '../../clients/apollo/chat.js';
import { createApolloClient } from '../../clients/apollo/client.js';
import * as urql from '../../clients/urql/chat.js';
import { createUrqlClient } from '../../clients/urql/client.js';
import { createSession } from '../../src/auth/sessions.js';
import { loadPersistedDocuments } from '../../src/http/persisted.js';
import { createYogaApp, listen, type RunningGateway, type Yoga } from '../../src/server.js';
import { openSeededDatabase } from '../gateway.js';
import { CHANNEL, channelGid } from '../mutations/message-helpers.js';
import { demoUsers } from '../policies.js';

/**
 * The manifest codegen writes (clients/generated/persisted-documents.json) on a gateway that runs
 * only its documents (PERSISTED_DOCUMENTS_ONLY): the urql example in trusted-documents mode works,
 * the same client sending document text is refused.
 */

let yoga: Yoga;
let running: RunningGateway;
let drop: () => Promise<void>;
let url: string;
let token: string;
/** What the clients put on the wire. */
const sent: string[] = [];
const recordingFetch: typeof fetch = (input, init) => {
  sent.push(`${init?.method ?? 'GET'} ${String(input)} ${typeof init?.body === 'string' ? init.body : ''}`);
  return fetch(input, init);
};

beforeAll(async () => {
  const database = await openSeededDatabase();
  drop = database.drop;
  const manifest = loadPersistedDocuments('clients/generated/persisted-documents.json');
  yoga = createYogaApp({ handle: database.handle, logError: () => undefined, persisted: { manifest, only: true } });
  running = await listen(yoga, 0, '127.0.0.1');
  url = running.url.replace('localhost', '127.0.0.1');
  token = (await createSession(database.handle.db, demoUsers.bob, { ip: null, userAgent: 'trusted documents test' })).token;
});
afterAll(async () => {
  await running?.close();
  await yoga?.dispose();
  await drop?.();
});

describe('trusted documents', () => {
  it('the urql example sends documents by id: a query (GET) and a mutation (POST) run', async () => {
    const client = createUrqlClient({ url, token, trustedDocuments: true, fetch: recordingFetch });
    sent.length = 0;
    const page = await urql.channelPage(client, channelGid(CHANNEL.general));
    expect(page?.name).toBe('general');
    const result = await urql.sendMessage(client, channelGid(CHANNEL.general), 'by documentId');
    expect(result.__typename === 'MessagePayload' && result.chatMessage?.content).toBe('by documentId');
    const hash = (ChannelPageDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    expect(sent[0]).toContain(`documentId=${hash}`);
    expect(sent.join('\n')).not.toMatch(/query=|"query"/);
  });

  it('the Apollo example sends the manifest id as the APQ hash: a query and a mutation run without their text', async () => {
    const client = createApolloClient({ url, token, trustedDocuments: true, fetch: recordingFetch });
    sent.length = 0;
    expect((await apollo.channelPage(client, channelGid(CHANNEL.general)))?.name).toBe('general');
    const result = await apollo.sendMessage(client, channelGid(CHANNEL.general), 'by hash');
    expect(result.__typename === 'MessagePayload' && result.chatMessage?.content).toBe('by hash');
    expect(sent).toHaveLength(2);
    expect(sent.join('\n')).not.toMatch(/"query"/);
    client.stop();
  });

  it('the same client sending document text is refused', async () => {
    const client = createUrqlClient({ url, token });
    await expect(urql.channelPage(client, channelGid(CHANNEL.general))).rejects.toThrow(/Only persisted documents are accepted/);
  });
});
