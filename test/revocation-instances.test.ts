import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens.js';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { openSeededDatabase } from './gateway.js';
import { waitFor } from './realtime/harness.js';
import {
  accepted,
  botMutation,
  canPost,
  createBot,
  readCount,
  refusedEverywhere,
  sessionHeaders,
  startInstance,
  within,
  type Instance,
} from './revocation-harness.js';

/**
 * Two gateway instances on one PostgreSQL, each with its own pool, LISTEN connection and a credential
 * cache that keeps accepted tokens for a minute (as two processes would have): a credential ended or
 * narrowed through one is refused by the other within a second. PostgreSQL only: PGlite is one
 * process (test/revocation.test.ts covers the same process on both databases).
 */

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let first: Instance;
let second: Instance;
let secondHandle: DatabaseHandle;
let drop: () => Promise<void>;
let alice: Record<string, string>;

beforeAll(async () => {
  if (!onPostgres) return;
  const database = await openSeededDatabase();
  drop = database.drop;
  first = await startInstance(database.handle, { realtime: true });
  secondHandle = await openDatabase({ url: database.handle.pool!.options.connectionString, poolSize: 4 });
  second = await startInstance(secondHandle, { realtime: true });
  alice = await sessionHeaders(database.handle, 'alice');
});

afterAll(async () => {
  await second?.close();
  await secondHandle?.close();
  await first?.close();
  await drop?.();
});

/** Both instances accept the credentials (and cache them from now on). */
async function warm(headers: Record<string, string>): Promise<void> {
  for (const instance of [first, second]) expect(await accepted(instance, headers)).toBe(true);
}

describe.skipIf(!onPostgres)('two gateway instances on one PostgreSQL', () => {
  it('a session signed out on one is refused on the other within a second', async () => {
    const headers = await sessionHeaders(first.handle, 'dave');
    await warm(headers);
    await first.execute('mutation { signOut { __typename } }', {}, headers);
    expect(await accepted(first, headers)).toBe(false);
    await refusedEverywhere([second], headers, 'the signed-out session to be refused on the second instance');
  });

  it('signOut(everywhere) through the second ends every session of the user on both', async () => {
    const sessions = [await sessionHeaders(first.handle, 'carol'), await sessionHeaders(first.handle, 'carol')];
    for (const headers of sessions) await warm(headers);
    const out = await second.execute('mutation { signOut(input: { everywhere: true }) { __typename ... on SignOutPayload { revokedSessionCount } } }', {}, sessions[0]!);
    expect(out.data.signOut.revokedSessionCount).toBeGreaterThanOrEqual(2);
    for (const headers of sessions) await refusedEverywhere([first, second], headers, "carol's sessions to be refused");
  });

  it('rotateBotToken on one: the old token is refused on both within a second, the new one works on both', async () => {
    const bot = await createBot(first, alice, ['messages:read', 'messages:write']);
    await warm(bot.headers);
    const rotated = await botMutation(first, alice, 'rotateBotToken', { id: bot.id });
    await refusedEverywhere([first, second], bot.headers, 'the rotated-out token to be refused');
    await warm({ authorization: `Bearer ${rotated.token}` });
  });

  it('updateBot narrowing scopes on one applies to the next requests on both, compiled reads included', async () => {
    const bot = await createBot(first, alice, ['messages:read', 'messages:write']);
    for (const instance of [first, second]) {
      expect(await canPost(instance, bot.headers)).toBe(true);
      await readCount(instance, bot.headers); // compiled from now on, with a statement for this viewer
      const read = await readCount(instance, bot.headers);
      expect(read.compiled).toBe(true);
      expect(read.count).toBeGreaterThan(0);
    }
    await botMutation(first, alice, 'updateBot', { id: bot.id, scopes: ['messages:read'] });
    for (const instance of [first, second]) await within(async () => !(await canPost(instance, bot.headers)), 'messages:write to be gone');

    await botMutation(second, alice, 'updateBot', { id: bot.id, scopes: ['messages:write'] });
    for (const instance of [first, second]) {
      await within(async () => (await readCount(instance, bot.headers)).count === 0, 'messages:read to be gone from the compiled read');
      expect(await readCount(instance, bot.headers)).toEqual({ count: 0, compiled: true });
    }
  });

  it('deleteBot on one: the token is refused on both within a second', async () => {
    const bot = await createBot(second, alice, ['messages:read']);
    await warm(bot.headers);
    expect((await botMutation(second, alice, 'deleteBot', { id: bot.id })).__typename).toBe('BotPayload');
    await refusedEverywhere([first, second], bot.headers, 'the deleted bot to be refused');
  });

  it('a session revoked with SQL (psql) is refused on both within a second', async () => {
    const headers = await sessionHeaders(first.handle, 'bob');
    await warm(headers);
    const hash = hashToken(headers.authorization!.replace('Bearer ', ''));
    await first.handle.exec(`update auth.sessions set revoked_at = now() where token_hash = '${hash}'`);
    await refusedEverywhere([first, second], headers, 'the revoked session to be refused');
  });

  it("a user deactivated with SQL (psql): their session and the bots they created are refused on both", async () => {
    const bob = await sessionHeaders(first.handle, 'bob');
    const bot = await createBot(first, bob, ['messages:read']);
    await warm(bob);
    await warm(bot.headers);
    await first.handle.exec(`update auth.users set deactivated_at = now() where email = 'bob@example.com'`);
    try {
      await refusedEverywhere([first, second], bob, "the deactivated user's session to be refused");
      await refusedEverywhere([first, second], bot.headers, "the deactivated user's bot to be refused");
    } finally {
      await first.handle.exec(`update auth.users set deactivated_at = null where email = 'bob@example.com'`);
    }
    await warm(bot.headers);
  });

  it('while its LISTEN connection is down, an instance trusts no cached credential (a revocation then is not heard)', async () => {
    const headers = await sessionHeaders(first.handle, 'judit');
    // A third instance whose LISTEN connection comes back only after 5 s, so the test runs while it is down.
    const thirdHandle = await openDatabase({ url: first.handle.pool!.options.connectionString, poolSize: 2 });
    const third = await startInstance(thirdHandle, { realtime: true, listener: { minDelayMs: 5_000, maxDelayMs: 5_000 } });
    try {
      expect(await accepted(third, headers)).toBe(true); // cached
      await first.handle.pool!.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'pg-graphql-gateway-listener' and datname = current_database()`,
      );
      await waitFor(() => !third.realtime!.listener.listening, 'the drop to be noticed', 5_000);
      expect(await accepted(third, headers)).toBe(true); // would be cached again, if it trusted its cache now
      const hash = hashToken(headers.authorization!.replace('Bearer ', ''));
      await first.handle.exec(`update auth.sessions set revoked_at = now() where token_hash = '${hash}'`);
      expect(await accepted(third, headers)).toBe(false);
    } finally {
      await third.close();
      await thirdHandle.close();
    }
    // The other two came back by themselves (0.1 s backoff).
    await waitFor(() => first.realtime!.listener.listening && second.realtime!.listener.listening, 'the others to listen again', 5_000);
  });
});
