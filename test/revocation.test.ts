import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { openSeededDatabase } from './gateway.js';
import { demoUsers } from './policies.js';
import {
  accepted,
  botMutation,
  canPost,
  createBot,
  DESIGN,
  readCount,
  sessionHeaders,
  startInstance,
  within,
  type Instance,
} from './revocation-harness.js';

/**
 * Revocation in one gateway process whose credential cache keeps accepted tokens for a minute, on
 * PGlite and on PostgreSQL: the API's own changes count at once even without a realtime listener;
 * with one, changes made with SQL (as psql would) count too. test/revocation-instances.test.ts
 * does the same across two instances on PostgreSQL.
 */

let drop: () => Promise<void>;
let plain: Instance; // no LISTEN connection, as createTestGateway builds it
let listening: Instance; // its own LISTEN connection (PGlite: its `listen`), on the same database
let alice: Record<string, string>;

beforeAll(async () => {
  const database = await openSeededDatabase();
  drop = database.drop;
  plain = await startInstance(database.handle, { realtime: false });
  alice = await sessionHeaders(database.handle, 'alice');
});

afterAll(async () => {
  await listening?.close();
  await plain?.close();
  await drop?.();
});

const tokenHashOf = (headers: Record<string, string>) => hashToken(headers.authorization!.replace('Bearer ', ''));

describe('without a realtime listener: the API forgets what it changes at once', () => {
  it('rotateBotToken: the old token is refused on the next request, the new one works', async () => {
    const bot = await createBot(plain, alice, ['messages:read', 'messages:write']);
    expect(await accepted(plain, bot.headers)).toBe(true); // cached from now on
    const rotated = await botMutation(plain, alice, 'rotateBotToken', { id: bot.id });
    expect(await accepted(plain, bot.headers)).toBe(false);
    expect(await accepted(plain, { authorization: `Bearer ${rotated.token}` })).toBe(true);
  });

  it("updateBot narrowing scopes applies to the next request, the compiled read's statement included", async () => {
    const bot = await createBot(plain, alice, ['messages:read', 'messages:write']);
    expect(await canPost(plain, bot.headers)).toBe(true);
    await readCount(plain, bot.headers); // the engine answers and the document is compiled
    const before = await readCount(plain, bot.headers);
    expect(before).toMatchObject({ compiled: true });
    expect(before.count).toBeGreaterThan(0);

    await botMutation(plain, alice, 'updateBot', { id: bot.id, scopes: ['messages:read'] });
    expect(await canPost(plain, bot.headers)).toBe(false);
    await botMutation(plain, alice, 'updateBot', { id: bot.id, scopes: ['messages:write'] });
    expect(await canPost(plain, bot.headers)).toBe(true);
    expect(await readCount(plain, bot.headers)).toEqual({ count: 0, compiled: true });
  });

  it('deleteBot: the token is refused on the next request', async () => {
    const bot = await createBot(plain, alice, ['messages:read']);
    expect(await accepted(plain, bot.headers)).toBe(true);
    expect((await botMutation(plain, alice, 'deleteBot', { id: bot.id })).__typename).toBe('BotPayload');
    expect(await accepted(plain, bot.headers)).toBe(false);
  });

  it('signOut: the session is refused on the next request', async () => {
    const headers = await sessionHeaders(plain.handle, 'dave');
    expect(await accepted(plain, headers)).toBe(true);
    await plain.execute('mutation { signOut { __typename } }', {}, headers);
    expect(await accepted(plain, headers)).toBe(false);
  });
});

describe('with a realtime listener: a change made with SQL is heard', () => {
  beforeAll(async () => {
    listening = await startInstance(plain.handle, { realtime: true });
  });

  const sqlCases: [string, (headers: Record<string, string>) => string][] = [
    ['a session revoked', (headers) => `update auth.sessions set revoked_at = now() where token_hash = '${tokenHashOf(headers)}'`],
    ['a session expired by hand', (headers) => `update auth.sessions set expires_at = now() - interval '1 second' where token_hash = '${tokenHashOf(headers)}'`],
    ['a session deleted', (headers) => `delete from auth.sessions where token_hash = '${tokenHashOf(headers)}'`],
    [
      "a session revoked in a bulk load's transaction (gateway.realtime = 'off' silences events, never revocations)",
      (headers) => `begin; set local gateway.realtime = 'off'; update auth.sessions set revoked_at = now() where token_hash = '${tokenHashOf(headers)}'; commit;`,
    ],
  ];

  it.each(sqlCases)('%s: refused within a second', async (_label, statement) => {
    const headers = await sessionHeaders(plain.handle, 'dave');
    expect(await accepted(listening, headers)).toBe(true);
    await plain.handle.exec(statement(headers));
    await within(async () => !(await accepted(listening, headers)), 'the session to be refused');
  });

  it('a user deactivated (soft delete): every session of theirs is refused within a second', async () => {
    const sessions = [await sessionHeaders(plain.handle, 'gina'), await sessionHeaders(plain.handle, 'gina')];
    for (const headers of sessions) expect(await accepted(listening, headers)).toBe(true);
    await plain.handle.exec(`update auth.users set deleted_at = now() where id = '${demoUsers.gina}'`);
    for (const headers of sessions) await within(async () => !(await accepted(listening, headers)), "gina's sessions to be refused");
  });

  it("a bot's scopes or token changed with SQL: within a second", async () => {
    const bot = await createBot(listening, alice, ['messages:read', 'messages:write']);
    expect(await canPost(listening, bot.headers)).toBe(true);
    await plain.handle.exec(`update chat.bots set scopes = '{messages:read}' where token_hash = '${tokenHashOf(bot.headers)}'`);
    await within(async () => !(await canPost(listening, bot.headers)), 'the narrowed scopes to apply');
    await plain.handle.exec(`update chat.bots set token_hash = 'replaced' where token_hash = '${tokenHashOf(bot.headers)}'`);
    await within(async () => !(await accepted(listening, bot.headers)), 'the replaced token to be refused');
  });

  it('membership is read in SQL on every request: leaving a private channel counts at once, with no event', async () => {
    const carol = await sessionHeaders(plain.handle, 'carol');
    const query = 'query ($id: ID!) { channel(id: $id) { name } }';
    await listening.request(query, { id: DESIGN }, carol); // compiled from now on
    const before = await listening.request(query, { id: DESIGN }, carol);
    expect(before.body.data.channel).toEqual({ name: 'design' });
    expect(before.text).toContain('" : ');
    await plain.handle.exec(
      `update chat.channel_members set deleted_at = now() where user_id = '${demoUsers.carol}' and channel_id = '${demoIdOf(DESIGN)}'`,
    );
    const after = await listening.request(query, { id: DESIGN }, carol);
    expect(after.body.data.channel).toBeNull();
    expect(after.text).toContain('" : ');
  });
});

const demoIdOf = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];
