import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers, globalId as gid, type DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';

/** Shared by the channel and channel-member mutation tests and the channel authorization matrix. */

export { gid };

// Demo rows (seeds/organizations.sql, channels.sql, messages.sql).
export const ACME = demoId(20, 1);
export const GLOBEX = demoId(20, 2);
export const GENERAL = demoId(30, 1);
export const RANDOM = demoId(30, 2);
export const DESIGN = demoId(30, 3); // private: alice, carol, dave (not bob, the admin)
export const ALICE_CAROL = demoId(30, 4); // direct
export const Q1_THREAD = demoId(30, 5); // thread of #general, started by message 5
export const PENZUGY = demoId(30, 12); // globex private
export const message = (n: number) => demoId(40, n);
export const userGid = (user: DemoUser) => gid('User', demoUsers[user]);
export const channelGid = (id: string) => gid('Channel', id);
export const orgGid = (id: string) => gid('Organization', id);
export const messageGid = (n: number) => gid('Message', message(n));

export type Actor = DemoUser | 'anonymous';

const INPUT_TYPES: Record<string, string> = {
  createChannel: 'CreateChannelInput',
  createDirectChannel: 'CreateDirectChannelInput',
  createThread: 'CreateThreadInput',
  updateChannel: 'UpdateChannelInput',
  deleteChannel: 'DeleteChannelInput',
  joinChannel: 'JoinChannelInput',
  leaveChannel: 'LeaveChannelInput',
  addChannelMember: 'AddChannelMemberInput',
  removeChannelMember: 'RemoveChannelMemberInput',
  updateChannelPreferences: 'UpdateChannelPreferencesInput',
};

const ERRORS = `
  __typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }`;
const CHANNEL = `${ERRORS} ... on ChannelPayload { channel { id name type topic } }`;
const MEMBER = `${ERRORS}
  ... on ChannelMemberPayload { channelMember { id isMuted isHidden isFavorite user { id } lastReadMessage { id } } channel { id name } }`;
const MEMBERSHIP_MUTATIONS = new Set(['joinChannel', 'leaveChannel', 'addChannelMember', 'removeChannelMember', 'updateChannelPreferences']);
const selectionOf = (name: string) => (MEMBERSHIP_MUTATIONS.has(name) ? MEMBER : CHANNEL);

export interface MutationOutcome {
  /** The result union member, e.g. { __typename: 'ChannelPayload', channel: {...} }; undefined on a top-level error. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result: any;
  /** extensions.code of top-level errors (e.g. UNAUTHENTICATED). */
  codes: unknown[];
  /** The whole response as text, to check that no SQL leaks. */
  text: string;
}

/** Memoized sign-in headers per actor for one gateway. */
export function actors(gateway: TestGateway) {
  const cache = new Map<Actor, Promise<Record<string, string>>>();
  return (actor: Actor): Promise<Record<string, string>> => {
    if (actor === 'anonymous') return Promise.resolve({});
    if (!cache.has(actor)) cache.set(actor, headersFor(gateway, actor));
    return cache.get(actor)!;
  };
}

/** An id no row has, for the missing-target cases. */
export const UNKNOWN = '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d';

/**
 * A test file's own seeded gateway and its actors (made before its tests, closed after them), and
 * `run`: one channel mutation as an actor, whose outcome must leak no SQL or stack.
 */
export function channelMutationSuite(options: Parameters<typeof createTestGateway>[0] = {}) {
  let gateway: TestGateway;
  let as: ReturnType<typeof actors>;
  beforeAll(async () => {
    gateway = await createTestGateway(options);
    as = actors(gateway);
  });
  afterAll(() => gateway.close());
  return {
    get gateway() {
      return gateway;
    },
    as: (actor: Actor) => as(actor),
    async run(actor: Actor, name: string, input: Record<string, unknown>): Promise<MutationOutcome> {
      const outcome = await runMutation(gateway, await as(actor), name, input);
      expectNoLeak(outcome);
      return outcome;
    },
  };
}

/** Runs one channel mutation as an actor and returns its result union member. */
export async function runMutation(
  gateway: TestGateway,
  headers: Record<string, string>,
  name: string,
  input: Record<string, unknown>,
): Promise<MutationOutcome> {
  const response = await gateway.execute(`mutation ($input: ${INPUT_TYPES[name]}!) { ${name}(input: $input) { ${selectionOf(name)} } }`, { input }, headers);
  return {
    result: response.data?.[name] ?? undefined,
    codes: (response.errors ?? []).map((error) => error.extensions?.code),
    text: JSON.stringify(response),
  };
}

/** Rows of a SQL query on the test database. */
export async function rows<Row = Record<string, unknown>>(gateway: TestGateway, query: string): Promise<Row[]> {
  const result = await gateway.handle.db.execute(query);
  return ((result as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
}

export interface ChannelFixture {
  id: string;
  gid: string;
  name: string;
}

/** A fresh channel of acme (or `organizationId`) with exactly these members, made in SQL. */
export async function makeChannel(
  gateway: TestGateway,
  type: 'public' | 'private' | 'direct' | 'thread',
  members: DemoUser[],
  { organizationId = ACME, parentId = null as string | null } = {},
): Promise<ChannelFixture> {
  const id = randomUUID();
  const name = `fixture-${id.slice(0, 8)}`;
  const memberRows = members.map((user) => `('${id}', '${demoUsers[user]}')`).join(', ');
  await gateway.handle.exec(`
    insert into chat.channels (id, organization_id, type, name, parent_channel_id)
      values ('${id}', '${organizationId}', '${type}', '${name}', ${parentId ? `'${parentId}'` : 'null'});
    ${members.length ? `insert into chat.channel_members (channel_id, user_id) values ${memberRows};` : ''}`);
  return { id, gid: channelGid(id), name };
}

/** The users with a live membership of the channel, by demo name, sorted. */
export async function liveMemberNames(gateway: TestGateway, channelId: string): Promise<string[]> {
  const found = await rows<{ user_id: string }>(
    gateway,
    `select user_id from chat.channel_members where channel_id = '${channelId}' and deleted_at is null`,
  );
  const byId = new Map(Object.entries(demoUsers).map(([name, id]) => [id, name]));
  return found.map((row) => byId.get(row.user_id as (typeof demoUsers)[DemoUser]) ?? row.user_id).sort();
}

/** Audit rows of a resource, oldest first. */
export const auditRows = (gateway: TestGateway, resourceId: string) =>
  rows<{ action: string; actor_id: string; organization_id: string | null; old_values: unknown; new_values: unknown }>(
    gateway,
    `select action, actor_id, organization_id, old_values, new_values from platform.audit_logs where resource_id = '${resourceId}' order by created_at, id`,
  );

/** No SQL text, driver message or stack trace in a response. */
export function expectNoLeak(outcome: MutationOutcome): void {
  expect(outcome.text).not.toMatch(/\b(select|insert|update|delete)\b.+\b(from|into|set)\b/i);
  expect(outcome.text).not.toMatch(/violates|constraint|syntax error|\bat .+\.(ts|js):\d+/i);
}

/** The result's typename, or the code of a top-level error (e.g. UNAUTHENTICATED, BAD_USER_INPUT). */
export const typename = (outcome: MutationOutcome): unknown => outcome.result?.__typename ?? outcome.codes[0];

/** The fields a ValidationError names, once each however many of a field's rules the value broke. */
export const fieldPaths = (outcome: MutationOutcome): string[] => [
  ...new Set<string>(outcome.result?.fieldErrors?.map((error: { path: string[] }) => error.path.join('.'))),
];
