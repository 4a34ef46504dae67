import { getNamedType, isObjectType, parse } from 'graphql';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COST, measureOperation } from '../../src/limits/cost.js';
import { schema } from '../../src/schema/index.js';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, inPathOrder, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { canSeeUser } from '../../src/policies/user.js';
import { allowedIds, demoId, globalId, viewerOf, type DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';
import { addHiddenRelations, DESIGN_TEXT, ZED } from './fixture.js';

/**
 * `where` / `orderBy`: on every connection, refused with BAD_USER_INPUT where they could probe a
 * hidden value or ask too much, never leaking a row through a relation, weighed by the cost limit,
 * and answered by compiled reads like the engine.
 */

let gateway: TestGateway;
let reference: Yoga;
const headers = new Map<string, Record<string, string>>();
const GENERAL = globalId('Channel', demoId(30, 1));

beforeAll(async () => {
  gateway = await createTestGateway();
  reference = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false });
  for (const actor of ['alice', 'bob', 'carol', 'dave', 'admin'] as DemoUser[]) headers.set(actor, await headersFor(gateway, actor));
  await addHiddenRelations(gateway.handle.db);
}, 60_000);
afterAll(async () => {
  await reference.dispose();
  await gateway.close();
});

async function post(yoga: Yoga, query: string, variables: Record<string, unknown>, actor: string): Promise<GraphQLResponse> {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers.get(actor) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

/** The engine's answer, which the compiled gateway must give on its second request, from its compiled statement. */
async function both(query: string, variables: Record<string, unknown>, actor: string, compiled = true): Promise<GraphQLResponse> {
  const expected = await post(reference, query, variables, actor);
  await post(gateway.yoga, query, variables, actor);
  gateway.statements.reset();
  const second = await post(gateway.yoga, query, variables, actor);
  expect(inPathOrder(second)).toEqual(inPathOrder(expected));
  expect(gateway.statements.log.some(isCompiled), 'answered by the compiled statement').toBe(compiled);
  return expected;
}

describe('every connection takes where and an order', () => {
  it('lists every connection field of the schema with its where and orderBy (sortBy where orderBy is an enum already)', () => {
    const missing: string[] = [];
    let connections = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isObjectType(target) || !('pageInfo' in target.getFields())) continue;
        connections++;
        const args = new Map(field.args.map((arg) => [arg.name, getNamedType(arg.type).name]));
        const node = getNamedType(target.getFields().nodes!.type).name;
        if (args.get('where') !== `${node}Where`) missing.push(`${type.name}.${field.name} where`);
        const order = args.get('orderBy') === `${node}OrderBy` ? 'orderBy' : args.get('sortBy') === `${node}OrderBy` ? 'sortBy' : null;
        if (!order && schema.getType(`${node}OrderBy`)) missing.push(`${type.name}.${field.name} orderBy`);
      }
    }
    expect(missing).toEqual([]);
    expect(connections).toBe(43);
  });
});

describe('refused with BAD_USER_INPUT, on both paths', () => {
  // A refused literal fails validation (the existing validation's code); a refused variable value is BAD_USER_INPUT.
  const refusals: [string, string, Record<string, unknown>, string?][] = [
    ['a guarded column (User.email) is no filter', 'query Q($w: UserWhere) { users(where: $w) { totalCount } }', { w: { email: { contains: 'alice' } } }],
    ['a guarded column (Organization.createdAt) is no filter', '{ organizations(where: { createdAt: { lt: "2030-01-01T00:00:00Z" } }) { totalCount } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unindexed order (User.createdAt)', '{ users(orderBy: [{ field: CREATED_AT }]) { totalCount } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown order field', 'query Q($o: [UserOrderBy!]) { users(orderBy: $o) { totalCount } }', { o: [{ field: 'EMAIL' }] }],
    ['an operator the column kind has not', '{ channels(where: { type: { contains: "pub" } }) { totalCount } }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    ['the same order field twice', 'query Q($o: [ChannelOrderBy!]) { channels(orderBy: $o) { totalCount } }', { o: [{ field: 'NAME' }, { field: 'NAME', direction: 'DESC' }] }],
    ['more than 3 order terms', 'query Q($o: [ChannelOrderBy!]) { channels(orderBy: $o) { totalCount } }', { o: [{ field: 'NAME' }, { field: 'CREATED_AT' }, { field: 'NAME' }, { field: 'CREATED_AT' }] }],
    ['nesting deeper than 5', 'query Q($w: ChannelWhere) { channels(where: $w) { totalCount } }', { w: { not: { not: { not: { not: { not: { name: { eq: 'x' } } } } } } } }],
    ['more than 20 conditions', 'query Q($w: ChannelWhere) { channels(where: $w) { totalCount } }', { w: { or: Array.from({ length: 21 }, (_, i) => ({ name: { eq: `c${i}` } })) } }],
    ['an in list over 100 values', 'query Q($w: ChannelWhere) { channels(where: $w) { totalCount } }', { w: { name: { in: Array.from({ length: 101 }, (_, i) => `c${i}`) } } }],
    ['an ID of another type', 'query Q($w: ChannelWhere) { channels(where: $w) { totalCount } }', { w: { id: { eq: globalId('User', demoId(10, 2)) } } }],
    ['a malformed ID', 'query Q($w: ChannelWhere) { channels(where: $w) { totalCount } }', { w: { id: { in: ['not-an-id'] } } }],
    ['order and orderBy at once', `{ messages(channel: "${GENERAL}", order: ASC, orderBy: [{ field: CREATED_AT }]) { totalCount } }`, {}],
  ];
  for (const [name, query, variables, code = 'BAD_USER_INPUT'] of refusals) {
    it(name, async () => {
      for (const yoga of [reference, gateway.yoga, gateway.yoga]) {
        const answer = await post(yoga, query, variables, 'alice');
        expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(answer)).toBe(code);
        expect(JSON.stringify(answer)).not.toMatch(/select |stack/i);
      }
    });
  }
});

describe('inside the read rule', () => {
  it('a hidden row is neither matched nor counted', async () => {
    const query = '{ channels(where: { name: { eq: "design" } }) { totalCount nodes { name } } }';
    expect((await both(query, {}, 'alice')).data.channels).toEqual({ totalCount: 1, nodes: [{ name: 'design' }] });
    expect((await both(query, {}, 'bob')).data.channels).toEqual({ totalCount: 0, nodes: [] });
  });

  it('a relation filter never matches a related row the viewer may not see (its values do not leak)', async () => {
    const [row] = (await gateway.handle.db.execute(sql.raw(`select count(*)::int as n from chat.organization_members where invited_by = '${ZED}'`))).rows as { n: number }[];
    expect(row?.n).toBe(1); // the row is there: only the rule keeps it out
    const seesZed = async (actor: DemoUser) => (await allowedIds(gateway.handle.db, canSeeUser as never, viewerOf(actor))).includes(ZED);
    const actors: DemoUser[] = ['alice', 'bob', 'carol', 'dave'];
    const seers = await Promise.all(actors.map(seesZed));
    expect(seers).toContain(false); // someone without users.users.view who shares no organization with Aaron Zed
    const members = '{ organization(slug: "acme") { members(where: { invitedBy: { displayName: { eq: "Aaron Zed" } } }) { totalCount } } }';
    const messages = `query Q($w: MessageWhere) { messages(channel: "${GENERAL}", where: $w) { totalCount nodes { content author { displayName } } } }`;
    const creator = '{ channels(where: { createdBy: { lastName: { eq: "Zed" } } }) { totalCount } }';
    for (const actor of actors) {
      const count = (await seesZed(actor)) ? 1 : 0;
      expect((await both(members, {}, actor)).data.organization.members.totalCount, actor).toBe(count);
      expect((await both(messages, { w: { author: { displayName: { startsWith: 'Aaron' } } } }, actor)).data.messages.totalCount, actor).toBe(count);
      expect((await both(creator, {}, actor)).data.channels.totalCount, actor).toBe(count);
    }
    // Bob may not read #design: the reply to a #design message is his to see, the replied text is not.
    const reply = { w: { replyTo: { content: { eq: DESIGN_TEXT } } } };
    expect((await both(messages, reply, 'alice')).data.messages.totalCount).toBe(1);
    expect((await both(messages, reply, 'bob')).data.messages.totalCount).toBe(0);
  });

  it("a deleted message's content matches as null, as Message.content answers", async () => {
    await gateway.handle.db.execute(sql.raw(`update chat.messages set deleted_at = now() where content = 'replying across channels'`));
    const query = `query Q($id: ID!) { user(id: $id) { messages(where: { content: { contains: "replying across" } }) { totalCount } } }`;
    expect((await both(query, { id: globalId('User', demoId(10, 2)) }, 'alice')).data.user.messages.totalCount).toBe(0);
  });
});

describe('with the other arguments, literals and variables', () => {
  it('keeps the hand-picked arguments and ANDs where with them', async () => {
    const query = `query Q($w: ChannelWhere) { channels(nameContains: "e", type: PUBLIC, where: $w, orderBy: [{ field: CREATED_AT, direction: DESC }]) { totalCount nodes { name type } } }`;
    const answer = await both(query, { w: { organization: { slug: { eq: 'acme' } } } }, 'alice');
    expect(answer.data.channels.nodes.every((node: { name: string; type: string }) => node.name.includes('e') && node.type === 'PUBLIC')).toBe(true);
    expect(answer.data.channels.totalCount).toBeGreaterThan(0);
  });

  it('an empty orderBy keeps the default order, an empty where every row', async () => {
    const plain = await both('{ channels { totalCount nodes { id } } }', {}, 'alice');
    expect((await both('{ channels(orderBy: [], where: {}) { totalCount nodes { id } } }', {}, 'alice')).data).toEqual(plain.data);
  });

  it('compiles a variable inside a literal where', async () => {
    const query = 'query Q($q: String) { users(where: { or: [{ displayName: { contains: $q } }, { lastName: { startsWith: $q } }] }) { totalCount nodes { displayName } } }';
    for (const q of ['a', 'Zed', '%']) await both(query, { q }, 'admin');
  });

  it('orders the catalog by sortBy where orderBy is its enum order', async () => {
    const roles = await both('{ roles(sortBy: [{ field: KEY, direction: DESC }]) { nodes { key } } }', {}, 'admin');
    const keys = roles.data.roles.nodes.map((node: { key: string }) => node.key);
    expect(keys).toEqual([...keys].sort().reverse());
    const apps = await both('{ apps(orderBy: NAME, sortBy: [{ field: SORT_ORDER, direction: DESC }], where: { isPublic: { eq: true } }) { nodes { sortOrder isPublic } } }', {}, 'alice');
    const orders = apps.data.apps.nodes.map((node: { sortOrder: number }) => node.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => b - a));
  });

  it("filters relation connections of many-to-many relations (a role's users)", async () => {
    await both('{ roles(sortBy: [{ field: KEY }]) { nodes { key users(where: { userType: { eq: HUMAN } }, orderBy: [{ field: DISPLAY_NAME, direction: DESC }]) { totalCount nodes { displayName } } } } }', {}, 'admin');
  });
});

describe('cost', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => measureOperation(schema, parse(query), null, variables)!.cost;
  it('adds a cost per condition, more across a relation and for an unindexed text search; nothing without arguments', () => {
    const base = cost('{ channels { totalCount } }');
    expect(cost('{ channels(where: { name: { eq: "a" } }) { totalCount } }')).toBe(base + COST.filterCondition);
    // The name has a trigram index; the topic has none.
    expect(cost('{ channels(where: { name: { contains: "a" } }) { totalCount } }')).toBe(base + 2 * COST.filterCondition);
    expect(cost('{ channels(where: { topic: { contains: "a" } }) { totalCount } }')).toBe(base + COST.filterCondition + COST.search);
    expect(cost('{ channels(where: { organization: { slug: { eq: "a" } } }) { totalCount } }')).toBe(base + COST.filterRelation + COST.filterCondition);
    expect(cost('query Q($w: ChannelWhere) { channels(where: $w) { totalCount } }', { w: { or: [{ name: { eq: 'a' } }, { type: { in: ['public'] } }] } })).toBe(base + 2 * COST.filterCondition);
    expect(cost('{ channels(orderBy: [{ field: NAME }, { field: CREATED_AT }]) { totalCount } }')).toBe(base + 2 * COST.field);
  });
});
