import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, poolerSettingsWarning, type DatabaseHandle } from '../src/db/client.js';
import { pendingMigrationCount, runMigrations } from '../src/db/migrate.js';
import { topics } from '../src/realtime/index.js';
import { adminQuery, withDatabase } from './global-setup.js';
import { CHANNEL, channelGid, channelId, messageGid, MESSAGE } from './mutations/message-helpers.js';
import { PGBOUNCER, startPgBouncer, type PgBouncer } from './pgbouncer.js';
import { demoId, globalId } from './policies.js';
import { startLiveGateway, waitFor, type LiveGateway } from './realtime/harness.js';

/**
 * The gateway behind PgBouncer in transaction mode (DATABASE_POOLER=transaction): reads on both
 * paths, mutations and a subscription, with the request pools going through a PgBouncer of two
 * server connections (so every transaction may land on another one) and LISTEN going to PostgreSQL
 * directly. PostgreSQL only (TEST_DATABASE_URL); skipped without pgbouncer unless CI is set.
 */

const adminUrl = process.env.TEST_DATABASE_URL;
// Under CI pgbouncer is installed by .ci/run: a missing one fails there instead of skipping.
const skip = !adminUrl || (!PGBOUNCER && !process.env.CI);
if (adminUrl && skip) console.warn('[pgbouncer] skipped: pgbouncer is absent (apt-get install -y pgbouncer) and CI is not set');

const STATEMENT_TIMEOUT_MS = 15_000;
const suffix = randomBytes(6).toString('hex');
const seeded = `pgbouncer_seeded_${suffix}`;
const empty = `pgbouncer_empty_${suffix}`;

let bouncer: PgBouncer;
let handle: DatabaseHandle;
let gateway: LiveGateway;
const statements: string[] = [];

beforeAll(async () => {
  if (skip) return;
  if (!PGBOUNCER) throw new Error('pgbouncer is absent and CI is set: .ci/run installs it (apt-get install -y pgbouncer)');
  await adminQuery(adminUrl!, `create database "${seeded}" template "${inject('seededTemplateDatabase')}"`);
  // What README "Behind PgBouncer" asks for: the settings the connections can no longer send.
  await adminQuery(adminUrl!, `alter database "${seeded}" set statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
  await adminQuery(adminUrl!, `alter database "${seeded}" set jit = off`);
  await adminQuery(adminUrl!, `create database "${empty}"`);
  // And one without them, whatever the server's own defaults are.
  await adminQuery(adminUrl!, `alter database "${empty}" set statement_timeout = 0`);
  await adminQuery(adminUrl!, `alter database "${empty}" set jit = on`);
  bouncer = await startPgBouncer(adminUrl!, { gateway: { dbname: seeded, settings: 'pool_size=2' }, fresh: { dbname: empty, settings: 'pool_size=2' } });
  handle = await openDatabase({
    url: bouncer.url('gateway'),
    pooler: 'transaction',
    listenUrl: withDatabase(adminUrl!, seeded),
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    poolSize: 6,
    logger: { logQuery: (query) => void statements.push(query) },
  });
  gateway = await startLiveGateway(handle);
}, 60_000);

afterAll(async () => {
  if (skip) return;
  try {
    await gateway?.close();
    await handle?.close();
  } finally {
    // Whatever failed above, no pgbouncer process or database is left behind.
    await bouncer?.stop();
    for (const name of [seeded, empty]) await adminQuery(adminUrl!, `drop database if exists "${name}" with (force)`);
  }
});

const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

const READS = [
  `query Workspace { organizations(first: 5) { totalCount nodes { id name slug
     channels(first: 10) { nodes { id name messages(first: 3) { nodes { id content author { displayName } } } } } } } }`,
  // A text search: on a direct connection a prepared statement planned each time (plan_cache_mode).
  `query Search($search: String) { organizations(search: $search) { totalCount nodes { slug } } users(search: $search, first: 30) { totalCount nodes { id displayName } } }`,
  `query Channel($id: ID!) { channel(id: $id) { name messages(first: 5) { totalCount nodes { id content reactionCount } } } }`,
];

describe.skipIf(skip)('behind PgBouncer in transaction mode', () => {
  it('reads on the engine and then compiled, also many at once over two server connections', async () => {
    const alice = await gateway.headersFor('alice');
    const variables = { search: 'a', id: channelGid(CHANNEL.general) };
    for (const query of READS) {
      const first = await gateway.execute(query, variables, alice);
      expect(first.errors).toBeUndefined();
      statements.length = 0;
      const second = await gateway.execute(query, variables, alice);
      expect(statements.some(isCompiled), 'served by a compiled statement').toBe(true);
      expect(second).toEqual(first);
    }
    // Every pool connection runs each statement, on server connections others used before it.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => gateway.execute(READS[i % READS.length]!, variables, alice)));
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
  });

  it('writes: messages, a reaction, and a channel (an advisory transaction lock)', async () => {
    const alice = await gateway.headersFor('alice');
    /** The result's type name (or the whole answer, to read in a failure). */
    const run = async (field: string, inputType: string, input: Record<string, unknown>) => {
      const result = await gateway.execute(`mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename } }`, { input }, alice);
      return result.data?.[field]?.__typename ?? JSON.stringify(result);
    };
    const sent = await gateway.execute(
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { ... on MessagePayload { chatMessage { id } } } }',
      { input: { channelId: channelGid(CHANNEL.general), content: 'through PgBouncer' } },
      alice,
    );
    const id = sent.data?.sendMessage.chatMessage.id as string;
    expect(id, JSON.stringify(sent)).toBeTruthy();
    expect(await run('editMessage', 'EditMessageInput', { id, content: 'edited through PgBouncer' })).toBe('MessagePayload');
    expect(await run('addReaction', 'ReactionInput', { messageId: messageGid(MESSAGE.thanks), emoji: '👍' })).toBe('MessagePayload');
    expect(await run('createChannel', 'CreateChannelInput', { organizationId: globalId('Organization', demoId(20, 1)), name: 'pooled' })).toBe('ChannelPayload');
    const read = await gateway.execute('query ($id: ID!) { node(id: $id) { ... on Message { content } } }', { id }, alice);
    expect(read.data?.node.content).toBe('edited through PgBouncer');
  });

  it('delivers an event to a subscriber: the write goes through PgBouncer, LISTEN to PostgreSQL directly', async () => {
    expect(handle.listenConfig?.connectionString).toBe(withDatabase(adminUrl!, seeded));
    expect(gateway.realtime.listener.listening).toBe(true);
    const topic = topics.channel(channelId(CHANNEL.random));
    const bob = await gateway.subscribe('distinct', 'bob', 'subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { content } } }', { channel: channelGid(CHANNEL.random) }, topic);
    const sent = await gateway.execute(
      'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }',
      { input: { channelId: channelGid(CHANNEL.random), content: 'an event through PgBouncer' } },
      await gateway.headersFor('alice'),
    );
    expect(sent.data?.sendMessage.__typename).toBe('MessagePayload');
    expect((await bob.result(0)).data!.channelEvents).toEqual({ kind: 'MESSAGE_CREATED', message: { content: 'an event through PgBouncer' } });
    bob.close();
    await waitFor(() => gateway.realtime.hub.subscriptionCount(topic) === 0, 'the subscription to end');
  });

  it('migrates an empty database through PgBouncer, and says which settings the server lacks', async () => {
    const fresh = await openDatabase({ url: bouncer.url('fresh'), pooler: 'transaction', poolSize: 2 });
    try {
      await runMigrations(fresh);
      expect(await pendingMigrationCount(fresh)).toBe(0);
      await runMigrations(fresh);
      const warning = await poolerSettingsWarning(fresh, STATEMENT_TIMEOUT_MS);
      expect(warning).toContain('statement_timeout is 0');
      expect(warning).toContain('jit is on');
      expect(await poolerSettingsWarning(handle, STATEMENT_TIMEOUT_MS)).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('refuses the default configuration: PgBouncer does not accept its startup options', async () => {
    const direct = await openDatabase({ url: bouncer.url('gateway'), poolSize: 1, connectTimeoutMs: 5_000 });
    try {
      await expect(direct.pool!.query('select 1')).rejects.toThrow(/unsupported startup parameter: options/);
    } finally {
      await direct.close();
    }
  });
});
