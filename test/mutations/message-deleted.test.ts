import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers } from '../policies.js';
import { CHANNEL, channelGid, globalId, messageRow, mutationRunner } from './message-helpers.js';

/** "A deleted message's content is never returned", through every read that can reach the message. */

let gateway: TestGateway;
let runner: ReturnType<typeof mutationRunner>;
const SECRET = 'SECRET-deleted-words-7f3a';
let target: string; // the deleted message's global ID
let reply: string; // a live reply to it

beforeAll(async () => {
  gateway = await createTestGateway();
  runner = mutationRunner(gateway);
  const { run } = runner;
  const sent = await run('dave', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: `${SECRET} in #general` });
  target = sent.message.id;
  reply = (await run('carol', 'sendMessage', { channelId: channelGid(CHANNEL.general), content: 'a reply', replyToId: target })).message.id;
  await run('dave', 'pinMessage', { id: target });
  await run('alice', 'addReaction', { messageId: target, emoji: '👀' });
  // Reach it from a read position and an attached file too.
  const uuid = Buffer.from(target, 'base64').toString().split(':')[1];
  await gateway.handle.exec(`
    update chat.channel_members set last_read_message_id = '${uuid}' where channel_id = '${demoId(30, 1)}';
    insert into platform.files (id, owner_id, organization_id, channel_id, message_id, scope, file_name, mime_type, size_bytes, storage_key, status)
    values ('${demoId(70, 99)}', '${demoUsers.dave}', '${demoId(20, 1)}', '${demoId(30, 1)}', '${uuid}', 'organization', 'a.txt', 'text/plain', 1, 'test/a.txt', 'ready');`);
  const deleted = await run('bob', 'deleteMessage', { id: target }); // an admin's delete: audited too
  expect(deleted.message).toMatchObject({ isDeleted: true, content: null });
});
afterAll(() => gateway.close());

const MESSAGE = 'id content isDeleted reactionCount reactions { totalCount nodes { emoji } }';
const READS = `query ($target: ID!, $reply: ID!, $channel: ID!, $dave: ID!, $file: ID!) {
  node(id: $target) { ... on Message { ${MESSAGE} } }
  nodes(ids: [$target]) { ... on Message { ${MESSAGE} } }
  replyNode: node(id: $reply) { ... on Message { replyTo { ${MESSAGE} } } }
  messages(channel: $channel, first: 100) { totalCount nodes { id content } }
  search: messages(channel: $channel, contains: "SECRET") { totalCount nodes { id content } }
  channel: node(id: $channel) { ... on Channel {
    messages(first: 100, contains: "SECRET") { totalCount nodes { id content } }
    all: messages(first: 100) { nodes { id content replyTo { id content } replies { nodes { content } } } }
    pinnedMessages { totalCount nodes { id content } }
    members { nodes { lastReadMessage { ${MESSAGE} } } }
  } }
  author: node(id: $dave) { ... on User { messages(first: 100) { nodes { id content } } } }
  file: node(id: $file) { ... on File { message { ${MESSAGE} } } }
  auditLogs(first: 100) { nodes { action oldValues newValues } }
}`;

describe('a deleted message', () => {
  it.each(['dave', 'alice', 'bob', 'carol'] as const)('never shows its content to %s, by any path', async (actor) => {
    const response = await gateway.execute(
      READS,
      {
        target,
        reply,
        channel: channelGid(CHANNEL.general),
        dave: globalId('User', demoUsers.dave),
        file: globalId('File', demoId(70, 99)),
      },
      await runner.headers(actor),
    );
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response)).not.toContain(SECRET);
    const { data } = response;
    // node(id) treats a soft-deleted row as gone.
    expect(data.node).toBeNull();
    expect(data.nodes).toEqual([null]);
    // Relations that point at it return it marked deleted, without content or reactions.
    const tombstone = { id: target, content: null, isDeleted: true, reactionCount: 0, reactions: { totalCount: 0, nodes: [] } };
    expect(data.replyNode.replyTo).toEqual(tombstone);
    expect(data.channel.members.nodes.map((member: { lastReadMessage: unknown }) => member.lastReadMessage)).toContainEqual(tombstone);
    expect(data.file.message).toEqual(tombstone);
    // Lists leave it out.
    expect(data.messages.nodes.map((node: { id: string }) => node.id)).not.toContain(target);
    expect(data.search).toEqual({ totalCount: 0, nodes: [] });
    expect(data.channel.messages).toEqual({ totalCount: 0, nodes: [] });
    expect(data.channel.pinnedMessages.nodes.map((node: { id: string }) => node.id)).not.toContain(target);
    expect(data.author.messages.nodes.map((node: { id: string }) => node.id)).not.toContain(target);
  });

  it('stays in the database with its content (a soft delete)', async () => {
    const uuid = Buffer.from(target, 'base64').toString().split(':')[1]!;
    expect(await messageRow(gateway, uuid)).toMatchObject({ content: `${SECRET} in #general`, deletedAt: expect.any(Date) });
  });
});
