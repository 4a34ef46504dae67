import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, inPathOrder, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { demoId, demoUsers, globalId, type DemoUser } from '../policies.js';
import { headersFor, setBotScopes } from '../sign-in.js';

/**
 * Compiled reads (src/compiled/) answer exactly what the normal engine answers: every case below
 * runs for every actor on the normal engine alone and on a gateway with compiled reads, whose
 * second request must be served by the compiled statement.
 */

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Guarded fields: FORBIDDEN errors are part of the answer. */
  refusals?: true;
}

const userFields = 'id __typename displayName firstName lastName avatarUrl userType locale timezone createdAt updatedAt';
const organizationFields = 'id slug name logoUrl isPublic memberCount channelCount';
const messageFields = 'id content isDeleted embeds createdAt editedAt pinnedAt author { displayName firstName } channel { name } reactionCount';
const appFields = 'id key name description nameTranslations descriptionTranslations category icon isActive isPublic sortOrder window createdAt updatedAt';
const channelId = (n: number) => globalId('Channel', demoId(30, n));

const cases: Case[] = [
  ...['alice', 'carol', 'hanna', 'gina', 'bot'].map((user) => ({
    name: `user(id) of ${user}`,
    query: `query U($id: ID!) { user(id: $id) { ${userFields} } }`,
    variables: { id: globalId('User', demoUsers[user as DemoUser]) },
  })),
  {
    name: 'channels with organization and counts',
    query: `{ channels(first: 50) { __typename totalCount nodes { id type name topic createdAt updatedAt memberCount organization { ${organizationFields} } } } }`,
  },
  ...['PUBLIC', 'PRIVATE', 'DIRECT', null].map((type) => ({
    name: `channels of type ${type}`,
    query: 'query T($type: ChannelType) { channels(type: $type, first: 5) { totalCount nodes { name type } } }',
    variables: { type },
  })),
  {
    name: 'the workspace operation of clients/operations',
    query: `query Workspace($first: Int = 5) { organizations(first: $first) { totalCount nodes { id name slug
      channels(first: 10) { nodes { id name type messages(first: 3) { nodes { id content createdAt author { id displayName } } } } } } } }`,
  },
  ...[undefined, 'ac', 'nothing-matches'].map((search) => ({
    name: `organizations and users searched for ${search}`,
    query: `query S($search: String) { organizations(search: $search) { totalCount nodes { slug isPublic memberCount } }
      users(search: $search, first: 30) { totalCount nodes { id displayName userType } } }`,
    variables: { search },
  })),
  { name: 'channels by name', query: '{ channels(nameContains: "a") { totalCount nodes { name } } }' },
  { name: 'an empty page', query: '{ channels(first: 0) { totalCount nodes { name } } }' },
  ...[1, 2, 3, 4, 5, 11, 12].map((n) => ({
    name: `channel ${n} with messages`,
    query: `query M($id: ID!, $first: Int) { channel(id: $id) { name messages(first: $first) { totalCount nodes { ${messageFields} } } } }`,
    variables: { id: channelId(n), first: 10 },
  })),
  {
    name: 'to-one relations in a chain, under a root object and in a list',
    query: `query J($id: ID!) {
      channel(id: $id) { organization { name } messages(first: 3) { nodes { channel { name organization { slug memberCount } } author { displayName } } } }
      channels(first: 5) { nodes { messages(first: 2) { nodes { channel { organization { name } } } } } } }`,
    variables: { id: channelId(1) },
  },
  ...['channels(first: 3)', 'channels(first: 0)', 'apps(first: 4)', 'users(first: 5)', 'organizations'].map((connection) => ({
    name: `edges, cursors and pageInfo of ${connection}`,
    query: `{ page: ${connection} { __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
      edges { __typename cursor node { id } } nodes { id } } }`,
  })),
  {
    name: 'edges of messages (timestamps in cursors)',
    query: `query E($id: ID!) { channel(id: $id) { messages(first: 4) { edges { cursor node { id createdAt } } pageInfo { endCursor hasNextPage } } } }`,
    variables: { id: channelId(1) },
  },
  ...[
    { channel: channelId(1) },
    { channel: channelId(1), author: globalId('User', demoUsers.bob), order: 'ASC' },
    { channel: channelId(1), createdAfter: '2026-01-06T00:00:00Z', createdBefore: '2026-01-08T00:00:00Z' },
    { channel: channelId(11), contains: 'a', author: null },
    { channel: channelId(12), contains: '%_\\' },
  ].map((variables) => ({
    name: `messages filtered by ${Object.keys(variables).join(', ')} (root and channel field)`,
    query: `query M($channel: ID!, $author: ID, $createdAfter: DateTime, $createdBefore: DateTime, $contains: String, $order: SortDirection) {
      messages(channel: $channel, author: $author, createdAfter: $createdAfter, createdBefore: $createdBefore, contains: $contains, order: $order, first: 10) {
        totalCount pageInfo { hasNextPage } nodes { id createdAt author { displayName } } }
      channel(id: $channel) { messages(author: $author, createdAfter: $createdAfter, createdBefore: $createdBefore, contains: $contains, order: $order) {
        totalCount nodes { id content } } } }`,
    variables,
  })),
  {
    name: 'messages oldest first',
    query: `query M($id: ID!) { channel(id: $id) { messages(order: ASC) { nodes { id createdAt } } } }`,
    variables: { id: channelId(1) },
  },
  ...['acme', 'globex', 'no-such-organization'].map((slug) => ({
    name: `organization ${slug} with its channels`,
    query: `query O($slug: String!) { organization(slug: $slug) { ${organizationFields} channels(first: 50) { totalCount nodes { id name memberCount } } } }`,
    variables: { slug },
  })),
  {
    name: 'organization channels of one type',
    query: '{ organization(slug: "acme") { channels(type: PUBLIC, nameContains: "e") { totalCount nodes { name } } } }',
  },
  ...[undefined, 'hu', 'hu-HU,en;q=0.5', 'de', 'xx-invalid;;'].map((language) => ({
    name: `apps with Accept-Language ${language}`,
    query: `{ apps(first: 50) { totalCount nodes { ${appFields} } } }`,
    headers: language ? { 'accept-language': language } : undefined,
  })),
  { name: 'apps named in a locale', query: '{ apps { nodes { key name(locale: "hu") description(locale: "en") } } }' },
  ...['hu', null].map((locale) => ({
    name: `apps named in variable locale ${locale}`,
    query: 'query A($locale: Locale) { apps { nodes { key name(locale: $locale) } } }',
    variables: { locale },
  })),
  {
    name: 'a deep read: channels, newest messages, authors, reactions with users, replies',
    query: `{ organization(slug: "acme") { channels(first: 10) { nodes { name messages(first: 10) { nodes { id content createdAt
      author { displayName } reactions(first: 5) { totalCount nodes { emoji user { displayName } } } replyTo { id author { displayName } }
      replies(first: 2) { totalCount nodes { id } } } } } } } }`,
  },
  {
    name: 'viewer, node and nodes with guarded fields',
    query: `query N($m: ID!, $u: ID!, $c: ID!) { viewer { id displayName email memberships(first: 5) { nodes { role organization { slug } } } }
      node(id: $m) { __typename id ... on Message { content author { displayName email } } }
      nodes(ids: [$u, $c, $m]) { __typename ... on User { displayName email settings } ... on Channel { name } ... on Node { id } } }`,
    variables: { m: globalId('Message', demoId(40, 1)), u: globalId('User', demoUsers.dave), c: channelId(12) },
    refusals: true,
  },
  ...['acme', 'globex'].map((slug) => ({
    name: `integration connections of ${slug} (A(o) only), filtered and ordered`,
    query: `query I($slug: String!) { organization(slug: $slug) {
      all: integrationConnections(first: 10) { totalCount nodes { id provider name status settings hasCredentials createdAt updatedAt createdBy { displayName } organization { slug } } }
      paused: integrationConnections(where: { status: { in: [PAUSED, ERROR] } }, orderBy: [{ field: NAME, direction: DESC }]) { totalCount nodes { name status } } } }`,
    variables: { slug },
  })),
  {
    name: 'an integration connection by node(id)',
    query: `query N($id: ID!) { node(id: $id) { __typename id ... on IntegrationConnection { provider name status hasCredentials organization { slug } } } }`,
    variables: { id: globalId('IntegrationConnection', demoId(23, 1)) },
  },
  { name: 'apps ordered by localized name', query: '{ apps(orderBy: NAME, first: 50) { totalCount nodes { key name } } }', headers: { 'accept-language': 'hu' } },
  { name: 'roles and groups by name and by key', query: '{ roles { nodes { key name } } groups(orderBy: KEY) { nodes { key name description } } }' },
  {
    name: 'backward pages',
    query: `query B($id: ID!) { channel(id: $id) { messages(last: 3) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`,
    variables: { id: channelId(1) },
  },
  ...[undefined, 'hu', 'de-DE,en;q=0.5'].map((language) => ({
    name: `notifications in the recipient's locale, Accept-Language ${language}`,
    query: `{ viewer { notifications(first: 10) { totalCount nodes { id type title body titleLocale bodyLocale isRead readAt titleTranslations
      hu: title(locale: "hu") huLocale: titleLocale(locale: "hu") organization { slug } user { displayName } } } } }`,
    headers: language ? { 'accept-language': language } : undefined,
  })),
  {
    name: 'aliases, fragments and __typename',
    query: `query F { first: channels(first: 2) { ...Page } second: channels(first: 3, type: PUBLIC) { ...Page } }
      fragment Page on QueryChannelsConnection { n: totalCount nodes { ... on Channel { label: name __typename } ...Org } }
      fragment Org on Channel { organization { slug } }`,
  },
  {
    name: 'two operations, one named',
    query: 'query One { channels(first: 1) { nodes { name } } } query Two { apps(first: 1) { nodes { key } } }',
    variables: {},
  },
];

const actors: (DemoUser | 'anonymous')[] = ['anonymous', 'alice', 'bob', 'carol', 'gina', 'hanna', 'istvan', 'admin', 'bot'];

let gateway: TestGateway;
let reference: Yoga;
const actorHeaders = new Map<string, Record<string, string>>();

beforeAll(async () => {
  gateway = await createTestGateway();
  // The normal engine alone, over the same database.
  reference = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false });
  for (const actor of actors) actorHeaders.set(actor, actor === 'anonymous' ? {} : await headersFor(gateway, actor));
});
afterAll(async () => {
  await reference.dispose();
  await gateway.close();
});

async function post(yoga: Yoga, body: object, headers: Record<string, string>): Promise<{ status: number; type: string | null; json: GraphQLResponse }> {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as GraphQLResponse };
}

const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

describe('compiled reads answer what the normal engine answers', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const operationName = testCase.name === 'two operations, one named' ? 'Two' : undefined;
      const body = { query: testCase.query, variables: testCase.variables, operationName };
      for (const actor of actors) {
        const headers = { ...actorHeaders.get(actor), ...testCase.headers };
        const expected = await post(reference, body, headers);
        if (!testCase.refusals) expect(expected.json.errors, `${actor}: the case itself must be valid`).toBeUndefined();
        else expect(expected.json.errors?.every((error) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(error.extensions?.code as string)) ?? true).toBe(true);
        const first = await post(gateway.yoga, body, headers);
        gateway.statements.reset();
        const second = await post(gateway.yoga, body, headers);
        expect(gateway.statements.log.some(isCompiled), `${actor}: served by a compiled statement`).toBe(true);
        expect(inPathOrder(first.json), actor).toEqual(inPathOrder(expected.json));
        expect(inPathOrder(second.json), actor).toEqual(inPathOrder(expected.json));
        expect(second.status).toBe(200);
        expect(second.type).toBe(expected.type);
      }
    });
  }
});

describe('paging with after', () => {
  const pages = [
    { root: 'channels(first: 2, after: $after)', path: (data: any) => data.page },
    { root: 'users(first: 3, after: $after)', path: (data: any) => data.page },
    { root: 'apps(first: 3, after: $after)', path: (data: any) => data.page },
    { root: 'channel(id: $id) { messages(first: 3, after: $after)', path: (data: any) => data.page.messages, close: ' }', id: channelId(1) },
    { root: 'channel(id: $id) { messages(first: 3, after: $after, order: ASC)', path: (data: any) => data.page.messages, close: ' }', id: channelId(1) },
  ];
  for (const { root, path, close = '', id } of pages) {
    it(`walks every page of ${root} like the engine`, async () => {
      const query = `query P($after: String${id ? ', $id: ID!' : ''}) { page: ${root} { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } }${close} }`;
      for (const actor of ['alice', 'carol', 'bot'] as const) {
        const headers = actorHeaders.get(actor)!;
        let after: string | null = null;
        for (let page = 0; page < 30; page++) {
          const body = { query, variables: { after, ...(id ? { id } : {}) } };
          const expected = await post(reference, body, headers);
          expect(expected.json.errors).toBeUndefined();
          await post(gateway.yoga, body, headers);
          gateway.statements.reset();
          expect((await post(gateway.yoga, body, headers)).json, `${actor} page ${page}`).toEqual(expected.json);
          expect(gateway.statements.log.some(isCompiled)).toBe(true);
          const info = path(expected.json.data).pageInfo;
          if (!info.hasNextPage) break;
          after = info.endCursor;
        }
      }
    });
  }

  it('reports a malformed cursor as the engine does', async () => {
    const query = 'query P($after: String) { channels(first: 2, after: $after) { nodes { name } } }';
    await post(gateway.yoga, { query, variables: { after: null } }, actorHeaders.get('alice')!);
    // A cursor shorter than the order (its prefix still names a position) is answered alike, compiled.
    const short = Buffer.from('DC:T:["S:only-one"]').toString('base64');
    expect(await post(gateway.yoga, { query, variables: { after: short } }, actorHeaders.get('alice')!)).toEqual(
      await post(reference, { query, variables: { after: short } }, actorHeaders.get('alice')!),
    );
    for (const after of ['garbage', Buffer.from('XX:1').toString('base64')]) {
      const expected = await post(reference, { query, variables: { after } }, actorHeaders.get('alice')!);
      gateway.statements.reset();
      expect(await post(gateway.yoga, { query, variables: { after } }, actorHeaders.get('alice')!)).toEqual(expected);
      expect(gateway.statements.log.some(isCompiled)).toBe(false);
    }
  });
});

describe('a bot without messages:read', () => {
  it('sees the channels but none of their messages, compiled or not', async () => {
    await setBotScopes(gateway, ['messages:write']);
    try {
      const query = `{ channels(first: 10) { nodes { name memberCount messages(first: 3) { totalCount nodes { id content reactionCount } } } } }`;
      const headers = actorHeaders.get('bot')!;
      const expected = await post(reference, { query }, headers);
      expect(expected.json.data.channels.nodes.length).toBeGreaterThan(0);
      expect(expected.json.data.channels.nodes.every((channel: { messages: { totalCount: number } }) => channel.messages.totalCount === 0)).toBe(true);
      await post(gateway.yoga, { query }, headers);
      gateway.statements.reset();
      expect((await post(gateway.yoga, { query }, headers)).json).toEqual(expected.json);
      expect(gateway.statements.log.some(isCompiled)).toBe(true);
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
  });
});

describe('what compiled reads leave to the normal engine', () => {
  const asAlice = () => actorHeaders.get('alice')!;

  it('reports bad arguments exactly as before, also once the document is compiled', async () => {
    const query = 'query U($id: ID!, $first: Int) { user(id: $id) { displayName } channels(first: $first) { nodes { name } } }';
    await post(gateway.yoga, { query, variables: { id: globalId('User', demoUsers.bob), first: 1 } }, asAlice());
    for (const variables of [
      { id: 'not-an-id', first: 1 },
      { id: globalId('Channel', demoId(30, 1)), first: 1 },
      { id: globalId('User', demoUsers.bob), first: 1000 },
      { id: globalId('User', demoUsers.bob), first: -1 },
      { id: globalId('User', demoUsers.bob), first: 'ten' },
      { first: 1 },
    ]) {
      const expected = await post(reference, { query, variables }, asAlice());
      gateway.statements.reset();
      const actual = await post(gateway.yoga, { query, variables }, asAlice());
      expect(expected.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(actual).toEqual(expected);
      expect(gateway.statements.log.some(isCompiled)).toBe(false);
    }
  });

  it('answers refused credentials with UNAUTHENTICATED', async () => {
    const query = '{ channels { nodes { name } } }';
    await post(gateway.yoga, { query }, asAlice());
    const headers = { authorization: 'Bearer gw_s_this-session-does-not-exist-000000000000000' };
    const actual = await post(gateway.yoga, { query }, headers);
    expect(actual).toEqual(await post(reference, { query }, headers));
  });

  it('compiles backward pages, viewer, member lists and guarded fields, answering as the engine does', async () => {
    for (const query of [
      '{ channels(last: 2) { edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }',
      '{ viewer { displayName } }',
      '{ organization(slug: "acme") { members { nodes { role } } } }',
      // A guarded field answers null and FORBIDDEN to those its rule refuses.
      '{ channels(first: 5) { nodes { organization { name defaultLocale createdAt } } } }',
      '{ channels(first: 5) { nodes { messages(first: 3) { nodes { author { email settings } } } } } }',
    ]) {
      const expected = await post(reference, { query }, asAlice());
      await post(gateway.yoga, { query }, asAlice());
      gateway.statements.reset();
      expect(await post(gateway.yoga, { query }, asAlice()), query).toEqual(expected);
      expect(gateway.statements.log.some(isCompiled), query).toBe(true);
    }
  });

  it('leaves directives, and cursors PostgreSQL refuses, to the normal engine', async () => {
    // The second: a cursor whose id is no uuid (the statement fails; the engine answers).
    for (const query of ['{ channels(first: 2) { nodes { name @include(if: true) } } }', '{ channels(first: 2, before: "REMwOlQ6WyJTOmEiLCJTOmIiXQ==") { nodes { name } } }']) {
      const expected = await post(reference, { query }, asAlice());
      await post(gateway.yoga, { query }, asAlice());
      gateway.statements.reset();
      expect(await post(gateway.yoga, { query }, asAlice())).toEqual(expected);
      expect(gateway.statements.log.some(isCompiled)).toBe(false);
    }
  });

  it('costs the token lookup and one statement, with the data in the database at that moment', async () => {
    const query = '{ organization(slug: "acme") { name channels { totalCount nodes { name memberCount } } } }';
    await post(gateway.yoga, { query }, asAlice());
    await gateway.handle.db.execute(sql`update chat.organizations set name = 'Acme Renamed' where slug = 'acme'`);
    gateway.statements.reset();
    const actual = await post(gateway.yoga, { query }, asAlice());
    expect(actual.json.data.organization.name).toBe('Acme Renamed');
    expect(gateway.statements.count).toBe(2);
    expect(gateway.statements.log.filter(isCompiled)).toHaveLength(1);
  });

  it('sends the CORS headers the engine sends', async () => {
    const query = '{ channels(first: 1) { nodes { name } } }';
    const headers = { origin: 'https://app.example.com' };
    // CORS headers only go to a listed origin (CORS_ORIGINS).
    const cors = { origins: [headers.origin], loopback: false };
    const engine = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false, cors });
    const compiled = createYogaApp({ handle: gateway.handle, logError: () => undefined, cors });
    const expected = await engine.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    await post(compiled, { query }, headers);
    const actual = await compiled.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const corsHeaders = (response: Response) => [...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary');
    expect(await actual.text()).toContain('" : '); // answered by the compiled statement
    expect(corsHeaders(actual)).toEqual(corsHeaders(expected));
    expect(corsHeaders(actual).length).toBeGreaterThan(1);
    await Promise.all([engine.dispose(), compiled.dispose()]);
  });

  it('leaves a large body to the engine and its size limit', async () => {
    const query = 'query P($pad: String) { channels(first: 1) { nodes { name } } }';
    await post(gateway.yoga, { query }, {});
    gateway.statements.reset();
    const actual = await post(gateway.yoga, { query, variables: { pad: 'x'.repeat(200_000) } }, {});
    expect(actual.json).toEqual((await post(reference, { query }, {})).json);
    expect(gateway.statements.log.some(isCompiled)).toBe(false);
  });

  it('answers bad JSON and other media types as before', async () => {
    const bad = await gateway.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    const query = '{ channels(first: 1) { nodes { name } } }';
    await post(gateway.yoga, { query }, {});
    const stream = await gateway.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query }),
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    await stream.text();
  });
});

describe('a compiled statement reused across requests', () => {
  let cached: TestGateway;
  beforeAll(async () => {
    // Credentials cached: the same viewer object, so the same statement, serves every request.
    cached = await createTestGateway({ authCacheTtlMs: 60_000 });
  });
  afterAll(() => cached.close());

  it('applies the rules to the data of each request: removal from a private channel hides it at once', async () => {
    const headers = await headersFor(cached, 'carol');
    const privateChannel = globalId('Channel', demoId(30, 12)); // globex #penzugy: hanna, judit, carol
    const query = 'query C($id: ID!) { channel(id: $id) { name messages(first: 5) { totalCount } } }';
    const ask = async () => (await post(cached.yoga, { query, variables: { id: privateChannel } }, headers)).json;
    expect((await ask()).data.channel).not.toBeNull();
    expect((await ask()).data.channel).not.toBeNull();
    await cached.handle.db.execute(
      sql`update chat.channel_members set deleted_at = now() where channel_id = ${demoId(30, 12)} and user_id = ${demoUsers.carol}`,
    );
    cached.statements.reset();
    expect((await ask()).data.channel).toBeNull();
    expect(cached.statements.log.filter(isCompiled)).toHaveLength(1);
  });

  it('hides the author who no longer shares an organization with the viewer, as the engine does', async () => {
    // dave leaves acme; his messages stay, and carol (acme and globex) no longer shares an organization with him.
    await cached.handle.db.execute(sql`update chat.organization_members set deleted_at = now() where user_id = ${demoUsers.dave}`);
    const reference = createYogaApp({ handle: cached.handle, logError: () => undefined, compiledReads: false });
    const query = '{ channels(first: 20) { nodes { messages(first: 50) { nodes { id author { displayName } } } } } }';
    try {
      for (const actor of ['carol', 'alice', 'bob', 'admin'] as const) {
        const headers = await headersFor(cached, actor);
        const expected = (await post(reference, { query }, headers)).json;
        await post(cached.yoga, { query }, headers);
        cached.statements.reset();
        expect((await post(cached.yoga, { query }, headers)).json, actor).toEqual(expected);
        expect(cached.statements.log.some(isCompiled)).toBe(true);
        if (actor === 'carol') expect(JSON.stringify(expected)).toContain('"author":null');
      }
    } finally {
      await reference.dispose();
    }
  });
});
