import { and, eq } from 'drizzle-orm';
import { auditLogs, messageReactions, messages } from '../../src/db/schema/index.js';
import type { GraphQLResponse, TestGateway } from '../gateway.js';
import { demoId, demoUsers, globalId, type DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';

/** Shared by the message, reaction and authorization tests: ids, mutation texts, actors, row reads. */

export { globalId };
export const messageId = (n: number) => demoId(40, n);
export const channelId = (n: number) => demoId(30, n);
export const messageGid = (n: number) => globalId('Message', messageId(n));
export const channelGid = (n: number) => globalId('Channel', channelId(n));

// Demo channels (seeds/channels.sql) and messages (seeds/messages.sql) the tests use by name.
export const CHANNEL = { general: 1, random: 2, design: 3, aliceCarol: 4, q1Thread: 5, altalanos: 11, penzugy: 12 } as const;
export const MESSAGE = {
  welcome: 1, // #general, by alice, pinned by alice
  thanks: 2, // #general, by bob
  coffee: 3, // #general, by dave
  q1Plan: 5, // #general, by alice, starts the Q1 thread, pinned by bob
  digest: 7, // #general, by the bot
  deleted: 11, // #general, by bob, soft-deleted
  randomLunch: 20, // #random, by bob
  designDraft: 30, // #design (private), by carol
  designV2: 33, // #design, by carol, pinned by carol
  direct: 40, // alice-carol direct, by alice
  q1Reply: 50, // the Q1 thread, by bob
  altalanos: 60, // globex #altalanos, pinned by hanna
} as const;

export type MutationName = 'sendMessage' | 'editMessage' | 'deleteMessage' | 'pinMessage' | 'unpinMessage' | 'addReaction' | 'removeReaction';

const INPUT_TYPES: Record<MutationName, string> = {
  sendMessage: 'SendMessageInput',
  editMessage: 'EditMessageInput',
  deleteMessage: 'MessageIdInput',
  pinMessage: 'MessageIdInput',
  unpinMessage: 'MessageIdInput',
  addReaction: 'ReactionInput',
  removeReaction: 'ReactionInput',
};

export const MESSAGE_FIELDS = `id content isDeleted editedAt pinnedAt embeds
  pinnedBy { id } replyTo { id content } channel { id } reactions(first: 50) { nodes { emoji user { id } } }`;

const mutationText = (name: MutationName) => `mutation ($input: ${INPUT_TYPES[name]}!) {
  result: ${name}(input: $input) {
    __typename
    ... on MessagePayload { chatMessage { ${MESSAGE_FIELDS} } }
    ... on Error { message }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

export type Actor = DemoUser | 'anonymous';

/** The answer of one mutation: the result's type name (or the GraphQL error code when it failed outright). */
export interface Outcome {
  kind: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  message?: any;
  /** The error's text, for an Error result. */
  error?: string;
  fieldErrors?: { path: string[]; message: string }[];
  response: GraphQLResponse;
}

/** Runs mutations as demo actors (sessions made once per actor). */
export function mutationRunner(gateway: TestGateway) {
  const sessions = new Map<Actor, Promise<Record<string, string>>>();
  const headers = (actor: Actor) => {
    if (actor === 'anonymous') return Promise.resolve({});
    if (!sessions.has(actor)) sessions.set(actor, headersFor(gateway, actor));
    return sessions.get(actor)!;
  };
  async function run(actor: Actor, name: MutationName, input: Record<string, unknown>): Promise<Outcome> {
    const response = await gateway.execute(mutationText(name), { input }, await headers(actor));
    const result = response.data?.result;
    const kind = result?.__typename ?? String(response.errors?.[0]?.extensions?.code ?? 'NO_RESULT');
    return { kind, message: result?.chatMessage, error: result?.message, fieldErrors: result?.fieldErrors, response };
  }
  return { run, headers };
}

/** The stored message row (content included, as the database has it). */
export async function messageRow(gateway: TestGateway, id: string) {
  const [row] = await gateway.handle.db.select().from(messages).where(eq(messages.id, id));
  return row;
}

/** The reactions stored on a message, as "user emoji" strings, sorted. */
export async function reactionRows(gateway: TestGateway, id: string, user?: DemoUser) {
  const rows = await gateway.handle.db
    .select({ userId: messageReactions.userId, emoji: messageReactions.emoji })
    .from(messageReactions)
    .where(and(eq(messageReactions.messageId, id), user ? eq(messageReactions.userId, demoUsers[user]) : undefined));
  return rows.map((row) => `${row.userId} ${row.emoji}`).sort();
}

/** The audit rows about one resource. */
export async function auditRows(gateway: TestGateway, resourceId: string) {
  return gateway.handle.db.select().from(auditLogs).where(eq(auditLogs.resourceId, resourceId));
}

/** Every message of a channel, for "nothing changed" checks. */
export async function channelSnapshot(gateway: TestGateway, channel: string) {
  const rows = await gateway.handle.db.select().from(messages).where(eq(messages.channelId, channel));
  return JSON.stringify(rows.sort((a, b) => a.id.localeCompare(b.id)));
}

/** Runs `work` while the database refuses every audit row: a mutation failing after its first write. */
export async function withAuditRefused<T>(gateway: TestGateway, work: () => Promise<T>): Promise<T> {
  await gateway.handle.exec(`
    create function test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$;
    create trigger refuse_audit before insert on platform.audit_logs for each row execute function test_refuse_audit();`);
  try {
    return await work();
  } finally {
    await gateway.handle.exec('drop trigger refuse_audit on platform.audit_logs; drop function test_refuse_audit();');
  }
}
