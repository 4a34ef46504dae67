import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { CHANNEL, channelGid, globalId, MESSAGE, messageGid, mutationRunner, type MutationName } from './message-helpers.js';

/** No input to a message mutation, however malformed, gets an HTTP 500, an internal error, SQL text or a stack trace. */

let gateway: TestGateway;
let runner: ReturnType<typeof mutationRunner>;
beforeAll(async () => {
  gateway = await createTestGateway();
  runner = mutationRunner(gateway);
});
afterAll(() => gateway.close());

const deep = (levels: number) => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
const general = channelGid(CHANNEL.general);
const welcome = messageGid(MESSAGE.welcome);

const cases: [string, MutationName, Record<string, unknown>][] = [
  ['a megabyte of content', 'sendMessage', { channelId: general, content: 'a'.repeat(1_000_000) }],
  ['content of NULs', 'sendMessage', { channelId: general, content: '\u0000'.repeat(10) }],
  ['content of lone surrogates', 'sendMessage', { channelId: general, content: '\uDC00\uD800' }],
  ['content of a number', 'sendMessage', { channelId: general, content: 42 }],
  ['no content', 'sendMessage', { channelId: general }],
  ['an empty channel ID', 'sendMessage', { channelId: '', content: 'x' }],
  ['a channel ID of garbage', 'sendMessage', { channelId: '%%%', content: 'x' }],
  ['a channel ID of a long name', 'sendMessage', { channelId: Buffer.from(`Channel:${'f'.repeat(5000)}`).toString('base64'), content: 'x' }],
  ['a channel ID without a type', 'sendMessage', { channelId: Buffer.from(':2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d').toString('base64'), content: 'x' }],
  ['a replyTo of another type', 'sendMessage', { channelId: general, content: 'x', replyToId: general }],
  ['embeds of a string', 'sendMessage', { channelId: general, content: 'x', embeds: 'embed' }],
  ['embeds of 100000 objects', 'sendMessage', { channelId: general, content: 'x', embeds: Array.from({ length: 100_000 }, () => ({})) }],
  ['embeds with a NUL key', 'sendMessage', { channelId: general, content: 'x', embeds: [{ '\u0000': 1 }] }],
  ['embeds with a lone surrogate', 'sendMessage', { channelId: general, content: 'x', embeds: [{ a: '\uD800' }] }],
  ['an edit with a NUL', 'editMessage', { id: welcome, content: '\u0000' }],
  ['an edit of a channel ID', 'editMessage', { id: general, content: 'x' }],
  ['an edit with embeds nested deep', 'editMessage', { id: welcome, content: 'x', embeds: [deep(50)] }],
  ['a delete of a user ID', 'deleteMessage', { id: globalId('User', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d') }],
  ['a delete of an array ID', 'deleteMessage', { id: Buffer.from('Message:["a"]').toString('base64') }],
  ['a pin without an ID', 'pinMessage', {}],
  ['an unpin of a number', 'unpinMessage', { id: 7 }],
  ['a reaction of 10000 characters', 'addReaction', { messageId: welcome, emoji: '👍'.repeat(10_000) }],
  ['a reaction of a zero-width joiner', 'addReaction', { messageId: welcome, emoji: '\u200D' }],
  ['a reaction of a combining mark', 'addReaction', { messageId: welcome, emoji: '\u0301' }],
  ['a reaction of a bidi override', 'addReaction', { messageId: welcome, emoji: '\u202E👍' }],
  ['a reaction of "::"', 'addReaction', { messageId: welcome, emoji: '::' }],
  ['a reaction removal of a NUL', 'removeReaction', { messageId: welcome, emoji: '\u0000' }],
  ['a reaction without a message', 'removeReaction', { emoji: '👍' }],
];

describe('malformed input to message mutations', () => {
  it.each(cases)('%s (%s)', async (_name, mutation, input) => {
    const { response, kind } = await runner.run('alice', mutation, input);
    const text = JSON.stringify(response);
    expect(['ValidationError', 'NotFoundError', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(kind);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
    expect(text).not.toMatch(/select |insert |update |syntax for type|violates/i); // no SQL
  });

  it('embeds nested 100000 deep (a body the client cannot even stringify) are a ValidationError', async () => {
    const levels = 100_000;
    const embeds = `[{"a": ${'['.repeat(levels)}${']'.repeat(levels)}}]`;
    const query = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }';
    const body = `{"query": ${JSON.stringify(query)}, "variables": {"input": {"channelId": "${general}", "content": "x", "embeds": ${embeds}}}}`;
    const response = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(await runner.headers('alice')) },
      body,
    });
    expect(response.status).toBeLessThan(500);
    expect(await response.json()).toEqual({ data: { sendMessage: { __typename: 'ValidationError' } } });
  });

  it('a literal input in the query text gets a clear error too', async () => {
    const response = await gateway.execute(
      'mutation { sendMessage(input: { channelId: "x", content: 1 }) { __typename } }',
      {},
      await runner.headers('alice'),
    );
    expect(response.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
