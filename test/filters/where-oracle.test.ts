import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSeeChannel } from '../../src/policies/channel.js';
import { canReadMessage } from '../../src/policies/message.js';
import { canSeeOrganization, canSeeOrganizationMember } from '../../src/policies/organization.js';
import type { Rule } from '../../src/policies/rule.js';
import { canSeeUser } from '../../src/policies/user.js';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, inPathOrder, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { allowedIds, demoId, globalId, viewerOf, type DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';
import { addHiddenRelations } from './fixture.js';
import { measure, oracleSql, whereArbitrary, type OracleField, type OracleType, type Where } from './oracle.js';

/**
 * `where` / `orderBy` against a SQL oracle: random filter trees (fast-check, fixed seed) on root
 * and relation connections, asked through the engine and through compiled reads (the second
 * request of a document must be answered by the compiled statement), for viewers with different
 * access; both must answer the rows (in order) and the totalCount of the hand-written SQL of the
 * same filter inside the read rule. A hidden row is never matched, listed or counted.
 */

let gateway: TestGateway;
let reference: Yoga;
const actors: (DemoUser | 'anonymous')[] = ['alice', 'bob', 'dave', 'gina', 'hanna', 'admin', 'anonymous'];
const headers = new Map<string, Record<string, string>>();
const visibleIds = new Map<string, string>();

const ACME = demoId(20, 1);
const GENERAL = demoId(30, 1);

async function rows(text: string): Promise<Record<string, unknown>[]> {
  const result = (await gateway.handle.db.execute(sql.raw(text))) as unknown as { rows?: Record<string, unknown>[] } | Record<string, unknown>[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

async function distinct(table: string, column: string, kind: 'text' | 'date' | 'id', typename = ''): Promise<unknown[]> {
  const found = await rows(`select distinct ${column} as v from ${table} where ${column} is not null order by 1 limit 6`);
  return found.map(({ v }) => (kind === 'date' ? new Date(v as string).toISOString() : kind === 'id' ? globalId(typename, String(v)) : v));
}

const text = (column: string, values: unknown[]): OracleField => ({ sql: (a) => `${a}.${column}`, kind: 'text', values });
const date = (column: string, values: unknown[]): OracleField => ({ sql: (a) => `${a}.${column}`, kind: 'date', values: [...values, '2026-01-04T09:15:00.000Z'] });

const types: Record<string, OracleType> = {};

async function defineTypes() {
  types.User = {
    table: 'auth.users',
    rule: canSeeUser as unknown as Rule,
    typename: 'User',
    fields: {
      id: { sql: (a) => `${a}.id`, kind: 'id', values: await distinct('auth.users', 'id', 'id', 'User') },
      displayName: text('display_name', await distinct('auth.users', 'display_name', 'text')),
      lastName: text('last_name', await distinct('auth.users', 'last_name', 'text')),
      userType: { sql: (a) => `${a}.user_type::text`, kind: 'enum', values: ['HUMAN', 'MACHINE'] },
      createdAt: date('created_at', await distinct('auth.users', 'created_at', 'date')),
    },
    relations: {},
  };
  types.Organization = {
    table: 'chat.organizations',
    rule: canSeeOrganization as unknown as Rule,
    typename: 'Organization',
    fields: { slug: text('slug', ['acme', 'globex']), name: text('name', await distinct('chat.organizations', 'name', 'text')), isPublic: { sql: (a) => `${a}.is_public`, kind: 'boolean', values: [true, false] } },
    relations: {},
  };
  types.Channel = {
    table: 'chat.channels',
    rule: canSeeChannel as unknown as Rule,
    typename: 'Channel',
    fields: {
      id: { sql: (a) => `${a}.id`, kind: 'id', values: await distinct('chat.channels', 'id', 'id', 'Channel') },
      type: { sql: (a) => `${a}.type::text`, kind: 'enum', values: ['PUBLIC', 'PRIVATE', 'DIRECT', 'THREAD'] },
      name: text('name', await distinct('chat.channels', 'name', 'text')),
      topic: text('topic', await distinct('chat.channels', 'topic', 'text')),
      createdAt: date('created_at', await distinct('chat.channels', 'created_at', 'date')),
    },
    relations: {
      organization: { target: () => types.Organization!, join: (r, t) => `${t}.id = ${r}.organization_id` },
      createdBy: { target: () => types.User!, join: (r, t) => `${t}.id = ${r}.created_by` },
    },
  };
  types.Message = {
    table: 'chat.messages',
    rule: canReadMessage as unknown as Rule,
    typename: 'Message',
    fields: {
      id: { sql: (a) => `${a}.id`, kind: 'id', values: await distinct('chat.messages', 'id', 'id', 'Message') },
      content: { sql: (a) => `(case when ${a}.deleted_at is null then ${a}.content end)`, kind: 'text', values: await distinct('chat.messages', 'content', 'text') },
      createdAt: date('created_at', await distinct('chat.messages', 'created_at', 'date')),
      editedAt: date('edited_at', await distinct('chat.messages', 'edited_at', 'date')),
      pinnedAt: date('pinned_at', await distinct('chat.messages', 'pinned_at', 'date')),
    },
    relations: {
      author: { target: () => types.User!, join: (r, t) => `${t}.id = ${r}.author_id` },
      replyTo: { target: () => types.Message!, join: (r, t) => `${t}.id = ${r}.reply_to_message_id` },
      channel: { target: () => types.Channel!, join: (r, t) => `${t}.id = ${r}.channel_id` },
    },
  };
  types.OrganizationMember = {
    table: 'chat.organization_members',
    rule: canSeeOrganizationMember as unknown as Rule,
    typename: 'OrganizationMember',
    fields: {
      role: { sql: (a) => `${a}.role::text`, kind: 'enum', values: ['OWNER', 'ADMIN', 'MEMBER'] },
      nickname: text('nickname', await distinct('chat.organization_members', 'nickname', 'text')),
      joinedAt: date('joined_at', await distinct('chat.organization_members', 'joined_at', 'date')),
    },
    relations: {
      user: { target: () => types.User!, join: (r, t) => `${t}.id = ${r}.user_id` },
      invitedBy: { target: () => types.User!, join: (r, t) => `${t}.id = ${r}.invited_by` },
    },
  };
}

interface Connection {
  name: string;
  type: string;
  /** The document: `$where` and `$orderBy` variables, the connection at `data.page` or under `data.parent`. */
  query: string;
  page: (data: Record<string, any>) => { totalCount: number; nodes: { id: string }[]; pageInfo?: { hasNextPage: boolean; endCursor: string } } | null;
  /** The connection's own rows besides the rule (on alias r), its parent's visibility, its default order. */
  base: string;
  parent?: { type: string; id: string };
  defaultOrder: [string, 'asc' | 'desc'][];
  orders: Record<string, string>;
  /** The GraphQL ID of a row from the oracle's uuid. */
  idOf?: (uuid: string) => string;
}

const connections: Connection[] = [
  {
    name: 'Query.channels',
    type: 'Channel',
    query: 'query Q($where: ChannelWhere, $orderBy: [ChannelOrderBy!], $after: String, $first: Int = 100) { page: channels(where: $where, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
    page: (data) => data.page,
    base: 'r.deleted_at is null',
    defaultOrder: [['name', 'asc']],
    orders: { NAME: 'name', CREATED_AT: 'created_at' },
  },
  {
    name: 'Query.users',
    type: 'User',
    query: 'query Q($where: UserWhere, $orderBy: [UserOrderBy!], $after: String, $first: Int = 100) { page: users(where: $where, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
    page: (data) => data.page,
    base: 'true',
    defaultOrder: [['display_name', 'asc']],
    orders: { DISPLAY_NAME: 'display_name' },
  },
  {
    name: 'Query.messages of #general',
    type: 'Message',
    query: `query Q($where: MessageWhere, $orderBy: [MessageOrderBy!], $after: String, $first: Int = 100) { page: messages(channel: "${globalId('Channel', GENERAL)}", where: $where, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
    page: (data) => data.page,
    base: `r.channel_id = '${GENERAL}' and r.deleted_at is null`,
    defaultOrder: [['created_at', 'desc']],
    orders: { CREATED_AT: 'created_at' },
  },
  {
    name: 'Organization.members of acme',
    type: 'OrganizationMember',
    query: 'query Q($where: OrganizationMemberWhere, $orderBy: [OrganizationMemberOrderBy!], $after: String, $first: Int = 100) { parent: organization(slug: "acme") { page: members(where: $where, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }',
    page: (data) => data.parent?.page ?? null,
    base: `r.organization_id = '${ACME}' and r.deleted_at is null`,
    parent: { type: 'Organization', id: ACME },
    defaultOrder: [['joined_at', 'asc']],
    orders: { JOINED_AT: 'joined_at' },
  },
  {
    name: 'Channel.messages of #general',
    type: 'Message',
    query: `query Q($where: MessageWhere, $orderBy: [MessageOrderBy!], $after: String, $first: Int = 100) { parent: channel(id: "${globalId('Channel', GENERAL)}") { page: messages(where: $where, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`,
    page: (data) => data.parent?.page ?? null,
    base: `r.channel_id = '${GENERAL}' and r.deleted_at is null`,
    parent: { type: 'Channel', id: GENERAL },
    defaultOrder: [['created_at', 'desc']],
    orders: { CREATED_AT: 'created_at' },
  },
];

async function visibleList(actor: string, type: OracleType): Promise<string> {
  const key = `${actor}:${type.typename}`;
  if (!visibleIds.has(key)) {
    const ids = await allowedIds(gateway.handle.db, type.rule, actor === 'anonymous' ? null : viewerOf(actor as DemoUser));
    visibleIds.set(key, ids.length ? ids.map((id) => `'${id}'::uuid`).join(', ') : 'null');
  }
  return visibleIds.get(key)!;
}

/** The oracle's answer: the ids in order and their count, or null when the parent is hidden. */
async function oracle(connection: Connection, actor: string, where: Where | null, orderBy: { field: string; direction: 'ASC' | 'DESC' }[] | null) {
  const type = types[connection.type]!;
  if (connection.parent) {
    const parentType = connection.parent.type === 'Channel' ? types.Channel! : types.Organization!;
    if (!(await visibleList(actor, parentType)).includes(connection.parent.id)) return null;
  }
  // Every list the oracle needs, fetched before the condition is written.
  const lists = new Map<string, string>();
  for (const t of Object.values(types)) lists.set(t.typename, await visibleList(actor, t));
  const condition = where ? oracleSql(type, where, 'r', (t) => lists.get(t.typename)!) : 'true';
  const terms: [string, string][] = orderBy ? orderBy.map((term) => [connection.orders[term.field]!, term.direction.toLowerCase()]) : connection.defaultOrder;
  const order = [...terms.map(([column, direction]) => `r.${column} ${direction}`), `r.id ${terms.at(-1)![1]}`].join(', ');
  const found = await rows(`select r.id from ${type.table} r where r.id in (${lists.get(type.typename)}) and ${connection.base} and ${condition} order by ${order}`);
  return { ids: found.map((row) => globalId(type.typename, String(row.id))), totalCount: found.length };
}

async function post(yoga: Yoga, query: string, variables: Record<string, unknown>, actor: string): Promise<GraphQLResponse> {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers.get(actor) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

beforeAll(async () => {
  gateway = await createTestGateway();
  reference = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false });
  for (const actor of actors) headers.set(actor, actor === 'anonymous' ? {} : await headersFor(gateway, actor));
  await addHiddenRelations(gateway.handle.db);
  await defineTypes();
}, 60_000);
afterAll(async () => {
  await reference.dispose();
  await gateway.close();
});

describe('where and orderBy match the SQL oracle, on the engine and compiled', () => {
  for (const connection of connections) {
    it(connection.name, async () => {
      const type = types[connection.type]!;
      const orderArb = fc.option(
        fc.subarray(Object.keys(connection.orders), { minLength: 1 }).chain((fields) => fc.tuple(...fields.map((field) => fc.constantFrom('ASC', 'DESC').map((direction) => ({ field, direction: direction as 'ASC' | 'DESC' }))))),
        { nil: null },
      );
      await fc.assert(
        fc.asyncProperty(fc.option(whereArbitrary(type), { nil: null }), orderArb, fc.constantFrom(...actors), async (where, orderBy, actor) => {
          const variables = { where, orderBy };
          const size = where ? measure(where) : { conditions: 0, depth: 0 };
          const expected = await post(reference, connection.query, variables, actor);
          if (size.conditions > 20 || size.depth > 5) {
            expect(expected.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
            return;
          }
          expect(expected.errors, JSON.stringify(variables)).toBeUndefined();
          const truth = await oracle(connection, actor, where, orderBy);
          const engine = connection.page(expected.data);
          if (!truth) expect(engine).toBeNull();
          else {
            expect(engine!.nodes.map((node) => node.id), `${actor} ${JSON.stringify(variables)}`).toEqual(truth.ids);
            expect(engine!.totalCount).toBe(truth.totalCount);
          }
          await post(gateway.yoga, connection.query, variables, actor);
          gateway.statements.reset();
          const compiled = await post(gateway.yoga, connection.query, variables, actor);
          expect(gateway.statements.log.some(isCompiled), `${actor} ${JSON.stringify(variables)}: answered compiled`).toBe(true);
          expect(inPathOrder(compiled)).toEqual(inPathOrder(expected));
        }),
        { seed: 20261217, numRuns: 30, endOnFailure: true },
      );
    }, 300_000);
  }
});

describe('cursor pages under any order', () => {
  for (const connection of connections) {
    it(`${connection.name}: every page of 2, walked by cursor, is the oracle's list`, async () => {
      const orderArb = fc.subarray(Object.keys(connection.orders), { minLength: 1 }).chain((fields) => fc.tuple(...fields.map((field) => fc.constantFrom('ASC', 'DESC').map((direction) => ({ field, direction: direction as 'ASC' | 'DESC' })))));
      await fc.assert(
        fc.asyncProperty(fc.option(whereArbitrary(types[connection.type]!, 0), { nil: null }), orderArb, fc.constantFrom('alice', 'hanna'), async (where, orderBy, actor) => {
          const truth = await oracle(connection, actor, where, orderBy);
          for (const yoga of [reference, gateway.yoga]) {
            const seen: string[] = [];
            let after: string | null = null;
            for (let page = 0; page < 60; page++) {
              const answer = await post(yoga, connection.query, { where, orderBy, after, first: 2 }, actor);
              expect(answer.errors).toBeUndefined();
              const current = connection.page(answer.data);
              if (!current) break;
              seen.push(...current.nodes.map((node) => node.id));
              if (!current.pageInfo!.hasNextPage) break;
              after = current.pageInfo!.endCursor;
            }
            expect(seen).toEqual(truth?.ids ?? []);
          }
        }),
        { seed: 20261218, numRuns: 8, endOnFailure: true },
      );
    }, 300_000);
  }
});
