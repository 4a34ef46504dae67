import { createSession } from '../src/auth/sessions.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { createRealtime, type Realtime } from '../src/realtime/index.js';
import type { PostgresListenerOptions } from '../src/realtime/listener.js';
import { createYogaApp, type Yoga } from '../src/server.js';
import type { GraphQLResponse } from './gateway.js';
import { demoId, demoUsers, globalId, type DemoUser } from './policies.js';
import { silentLogger } from '../src/observe/logger.js';

/**
 * A gateway instance as `npm start` builds one (credential cache, compiled reads, optionally its own
 * LISTEN connection), answered in memory. The cache TTL is a minute, so only an invalidation can
 * explain a credential refused within the tests' one-second polls.
 */

export const CACHE_TTL_MS = 60_000;

export interface Instance {
  handle: DatabaseHandle;
  yoga: Yoga;
  realtime: Realtime | null;
  /** The response text too: a compiled read is JSON written by PostgreSQL (`"key" : value`). */
  request(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<{ text: string; body: GraphQLResponse }>;
  execute(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

export async function startInstance(handle: DatabaseHandle, options: { realtime: boolean; listener?: PostgresListenerOptions }): Promise<Instance> {
  const realtime = options.realtime ? createRealtime(handle, { log: silentLogger(), logError: () => undefined, ...options.listener }) : null;
  await realtime?.start();
  const yoga = createYogaApp({ handle, realtime: realtime ?? undefined, authCacheTtlMs: CACHE_TTL_MS, logError: () => undefined });
  const instance: Instance = {
    handle,
    yoga,
    realtime,
    async request(query, variables, headers) {
      const response = await yoga.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${text}`);
      return { text, body: JSON.parse(text) as GraphQLResponse };
    },
    async execute(query, variables, headers) {
      return (await instance.request(query, variables, headers)).body;
    },
    async close() {
      await realtime?.stop();
      await yoga.dispose();
    },
  };
  return instance;
}

/** A new session of a demo person, made directly (no password hashing). */
export async function sessionHeaders(handle: DatabaseHandle, user: DemoUser): Promise<Record<string, string>> {
  const session = await createSession(handle.db, demoUsers[user], { ip: null, userAgent: 'revocation test' });
  return { authorization: `Bearer ${session.token}` };
}

export const VIEWER = '{ viewer { id } }';

/** Whether the instance accepts these credentials right now. */
export async function accepted(instance: Instance, headers: Record<string, string>): Promise<boolean> {
  const { data, errors } = await instance.execute(VIEWER, {}, headers);
  if (errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') return false;
  // A deactivated user's viewer row reads as null while their credentials are still accepted.
  if (errors || data?.viewer === undefined) throw new Error(`unexpected answer: ${JSON.stringify({ data, errors })}`);
  return true;
}

/** Polls `condition` every 10 ms until it holds; fails after `timeoutMs` (1 s: far below the cache's TTL). */
export async function within(condition: () => Promise<boolean>, what: string, timeoutMs = 1_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Refused on every instance within a second. */
export async function refusedEverywhere(instances: Instance[], headers: Record<string, string>, what: string): Promise<void> {
  for (const instance of instances) await within(async () => !(await accepted(instance, headers)), what);
}

const ACME = globalId('Organization', demoId(20, 1));
export const GENERAL = globalId('Channel', demoId(30, 1));
export const DESIGN = globalId('Channel', demoId(30, 3));

/** A new bot of alice's in acme (so it may read and post in the public #general): its id, machine user and token. */
export async function createBot(instance: Instance, alice: Record<string, string>, scopes: string[]) {
  const { data, errors } = await instance.execute(
    `mutation ($input: CreateBotInput!) { createBot(input: $input) {
      __typename ... on BotTokenPayload { token bot { id user { id } } } } }`,
    { input: { organizationId: ACME, name: `Bot ${Math.random().toString(36).slice(2, 8)}`, scopes } },
    alice,
  );
  if (data?.createBot?.__typename !== 'BotTokenPayload') throw new Error(`createBot failed: ${JSON.stringify({ data, errors })}`);
  return { id: data.createBot.bot.id as string, headers: { authorization: `Bearer ${data.createBot.token as string}` } };
}

/** Runs a bot mutation as alice (its creator) and answers the payload's __typename (and token for rotateBotToken). */
export async function botMutation(instance: Instance, alice: Record<string, string>, name: 'updateBot' | 'rotateBotToken' | 'deleteBot', input: Record<string, unknown>) {
  const inputType = name === 'updateBot' ? 'UpdateBotInput' : 'BotInput';
  const token = name === 'rotateBotToken' ? '... on BotTokenPayload { token }' : '';
  const { data, errors } = await instance.execute(`mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename ${token} } }`, { input }, alice);
  if (!data?.[name]) throw new Error(`${name} failed: ${JSON.stringify(errors)}`);
  return data[name] as { __typename: string; token?: string };
}

const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }';

/** Whether the bot may post in #general right now (its scopes, as the instance sees them). */
export async function canPost(instance: Instance, headers: Record<string, string>): Promise<boolean> {
  const { data, errors } = await instance.execute(SEND, { input: { channelId: GENERAL, content: 'a bot posting' } }, headers);
  const typename = data?.sendMessage?.__typename;
  if (typename === undefined) throw new Error(`unexpected answer: ${JSON.stringify(errors)}`);
  return typename === 'MessagePayload';
}

const READ = 'query ($channel: ID!) { messages(channel: $channel, first: 1) { totalCount } }';

/** How many #general messages the viewer reads, and whether PostgreSQL wrote the answer (a compiled read). */
export async function readCount(instance: Instance, headers: Record<string, string>): Promise<{ count: number; compiled: boolean }> {
  const { text, body } = await instance.request(READ, { channel: GENERAL }, headers);
  if (typeof body.data?.messages?.totalCount !== 'number') throw new Error(`unexpected answer: ${text}`);
  return { count: body.data.messages.totalCount as number, compiled: text.includes('" : ') };
}
