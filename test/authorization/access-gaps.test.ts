import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/auth/sessions.js';
import { generateToken, hashToken } from '../../src/auth/tokens.js';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { demoId, demoUsers, globalId, type DemoUser } from '../policies.js';
import { DEMO_BOT_TOKEN, DEMO_PASSWORD, headersFor } from '../sign-in.js';

/**
 * Three access gaps of issue 12 (email enumeration through users(search:), deleted users returned as
 * authors, refused credentials served as anonymous). Each read is asked of the GraphQL engine alone
 * and then twice of a gateway with compiled reads over the same database, whose second answer comes
 * from the compiled statement where the document compiles: all must be equal, and match what the
 * rules of DOMAIN.md say (for search, an oracle built from the `User.email` guard).
 */

type Actor = DemoUser | 'anonymous';
const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

interface Answer {
  status: number;
  headers: Headers;
  json: GraphQLResponse;
  compiled: boolean;
}

/** Both gateways of a describe: `gateway` with compiled reads, `engine` the GraphQL engine alone over the same database. */
interface Gateways {
  gateway: TestGateway;
  engine: Yoga;
}

async function post(yoga: Yoga, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as GraphQLResponse };
}

async function ask({ gateway }: Gateways, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  gateway.statements.reset();
  const answer = await post(gateway.yoga, query, variables, headers);
  return { ...answer, compiled: gateway.statements.log.some(isCompiled) };
}

/**
 * The engine's answer, then the compiled gateway's twice (the first compiles the document, the
 * second is served by the compiled statement when `compiles`): all three must agree.
 */
async function askTwice(gateways: Gateways, query: string, variables: Record<string, unknown>, headers: Record<string, string>, compiles: boolean) {
  const engine = await post(gateways.engine, query, variables, headers);
  const first = await ask(gateways, query, variables, headers);
  const second = await ask(gateways, query, variables, headers);
  expect(second.compiled, compiles ? 'the second answer comes from a compiled statement' : 'not a compiled document').toBe(compiles);
  for (const answer of [first, second]) {
    expect(answer.json).toEqual(engine.json);
    expect(answer.status).toBe(engine.status);
    expect(answer.headers.get('www-authenticate')).toBe(engine.headers.get('www-authenticate'));
  }
  return { ...engine, compiled: false };
}

/** A gateway with compiled reads and the engine alone, over one freshly seeded database. */
async function openGateways(): Promise<Gateways> {
  const gateway = await createTestGateway();
  return { gateway, engine: createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false }) };
}

async function closeGateways({ gateway, engine }: Gateways): Promise<void> {
  await engine.dispose();
  await gateway.close();
}

const actors: Actor[] = ['anonymous', 'gina', 'dave', 'carol', 'istvan', 'bot', 'alice', 'bob', 'admin'];

describe('gap 1: users(search:) matches an email only where the viewer may read it', () => {
  let gateways: Gateways;
  const headers = new Map<Actor, Record<string, string>>();
  beforeAll(async () => {
    gateways = await openGateways();
    for (const actor of actors) headers.set(actor, actor === 'anonymous' ? {} : await headersFor(gateways.gateway, actor));
  });
  afterAll(() => closeGateways(gateways));

  interface Person {
    id: string;
    displayName: string;
    firstName: string | null;
    lastName: string | null;
    email: string | null;
  }

  /**
   * The oracle: every user the viewer may see, with the email as `User.email` answers it (null with
   * FORBIDDEN where the viewer may not read it). A search matches a name, or an email read here.
   */
  async function visiblePeople(actor: Actor): Promise<Person[]> {
    const query = '{ users(first: 100) { nodes { id displayName firstName lastName email } } }';
    const { json } = await ask(gateways, query, {}, headers.get(actor)!);
    for (const error of json.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
    return json.data.users.nodes as Person[];
  }
  const contains = (text: string | null, search: string) => text !== null && text.toLowerCase().includes(search.toLowerCase());
  const matches = (person: Person, search: string) =>
    [person.displayName, person.firstName, person.lastName, person.email].some((text) => contains(text, search));

  const SEARCH = 'query S($search: String) { users(search: $search, first: 100) { totalCount nodes { id displayName } } }';
  const searches = ['@example.com', 'alice@', 'ALICE@EXAMPLE', 'bots.example', 'example', 'an', 'dave'];

  for (const actor of actors) {
    it(`${actor}: the engine and the compiled statement find exactly the oracle's users`, async () => {
      const people = await visiblePeople(actor);
      for (const search of searches) {
        const { json } = await askTwice(gateways, SEARCH, { search }, headers.get(actor)!, true);
        expect(json.errors).toBeUndefined();
        const found = (json.data.users.nodes as { id: string }[]).map((node) => node.id).sort();
        const expected = people.filter((person) => matches(person, search)).map((person) => person.id).sort();
        expect(found, `${actor} searching ${search}`).toEqual(expected);
        expect(json.data.users.totalCount).toBe(expected.length);
      }
    });
  }

  it('a member of a shared organization does not find the owner of an address by part of it', async () => {
    // dave and alice share acme; dave may see alice's profile but not her email.
    const dave = headers.get('dave')!;
    const { json } = await askTwice(gateways, SEARCH, { search: 'alice@exam' }, dave, true);
    expect(json.data.users).toEqual({ totalCount: 0, nodes: [] });
    const alice = await ask(gateways, 'query U($id: ID!) { user(id: $id) { displayName email } }', { id: globalId('User', demoUsers.alice) }, dave);
    expect(alice.json.data.user).toEqual({ displayName: 'Alice Anderson', email: null });
    expect(alice.json.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Their own address, and everyone's for a holder of users.users.view.
    expect((await askTwice(gateways, SEARCH, { search: 'dave@exam' }, dave, true)).json.data.users.totalCount).toBe(1);
    expect((await askTwice(gateways, SEARCH, { search: 'alice@exam' }, headers.get('bob')!, true)).json.data.users.totalCount).toBe(1);
  });
});

describe('gap 2: a deleted user is gone everywhere, author fields included', () => {
  let gateways: Gateways;
  const BOT_USER = globalId('User', demoUsers.bot);
  const GENERAL = globalId('Channel', demoId(30, 1));
  const message = (n: number) => globalId('Message', demoId(40, n));
  const readers: DemoUser[] = ['alice', 'bob', 'carol', 'dave', 'admin', 'hanna'];
  const headers = new Map<Actor, Record<string, string>>();
  // admin (every permission, no organization) and hanna (globex) read no acme channel.
  const readsAcme = (actor: Actor) => actor !== 'admin' && actor !== 'hanna';

  beforeAll(async () => {
    gateways = await openGateways();
    const { gateway } = gateways;
    for (const actor of readers) headers.set(actor, await headersFor(gateway, actor));
    // Besides the digest it wrote (message 7), the bot reacts to the welcome message and pins message 3.
    await gateway.handle.exec(`insert into chat.message_reactions (message_id, user_id, emoji) values ('${demoId(40, 1)}', '${demoUsers.bot}', '🤖')`);
    await gateway.handle.exec(`update chat.messages set pinned_at = now(), pinned_by = '${demoUsers.bot}' where id = '${demoId(40, 3)}'`);
    // The premise: before the deletion alice (users.users.view) reads the bot as the digest's author.
    const before = await ask(gateways, 'query M($id: ID!) { node(id: $id) { ... on Message { author { id } } } }', { id: message(7) }, headers.get('alice')!);
    expect(before.json.data.node.author).toEqual({ id: BOT_USER });
    const deleted = await ask(
      gateways,
      'mutation D($id: ID!) { deleteBot(input: { id: $id }) { __typename } }',
      { id: globalId('Bot', demoId(50, 1)) },
      headers.get('alice')!,
    );
    expect(deleted.json).toEqual({ data: { deleteBot: { __typename: 'BotPayload' } } });
  });
  afterAll(() => closeGateways(gateways));

  const CHANNEL_READ = `query C($channel: ID!, $bot: ID!) {
    user(id: $bot) { id }
    users(first: 100) { totalCount nodes { id } }
    byName: users(search: "Helper") { totalCount nodes { id } }
    channel(id: $channel) { memberCount messages(first: 50) { totalCount nodes { id content author { id displayName } } } }
    messages(channel: $channel, first: 50) { totalCount nodes { id author { id } } }
    organization(slug: "acme") { memberCount }
  }`;

  for (const actor of readers) {
    it(`${actor}: no root field, author, count or page returns the deleted bot, on either path`, async () => {
      const { json } = await askTwice(gateways, CHANNEL_READ, { channel: GENERAL, bot: BOT_USER }, headers.get(actor)!, true);
      expect(json.errors).toBeUndefined();
      expect(JSON.stringify(json)).not.toContain(BOT_USER);
      expect(json.data.user).toBeNull();
      expect(json.data.byName).toEqual({ totalCount: 0, nodes: [] });
      expect(json.data.users.totalCount).toBe(json.data.users.nodes.length);
      if (!readsAcme(actor)) return expect(json.data.channel).toBeNull();
      // The digest stays (its text is the channel's), without an author.
      const digest = json.data.channel.messages.nodes.find((node: { id: string }) => node.id === message(7));
      expect(digest).toMatchObject({ content: expect.stringContaining('Daily digest'), author: null });
      expect(json.data.messages.nodes.find((node: { id: string }) => node.id === message(7))).toEqual({ id: message(7), author: null });
    });

    it(`${actor}: node, nodes, pinnedBy, reactions and members do not return it either`, async () => {
      const query = `query N($ids: [ID!]!, $bot: ID!, $channel: ID!) {
        node(id: $bot) { id }
        nodes(ids: $ids) { id ... on Message { author { id } pinnedBy { id } reactions { nodes { emoji user { id } } } } }
        channel(id: $channel) { memberCount members(first: 100) { totalCount nodes { user { id } } } }
      }`;
      const variables = { ids: [message(7), message(3), message(1), BOT_USER], bot: BOT_USER, channel: GENERAL };
      const { json } = await askTwice(gateways, query, variables, headers.get(actor)!, true);
      expect(json.errors).toBeUndefined();
      expect(JSON.stringify(json)).not.toContain(BOT_USER);
      expect(json.data.node).toBeNull();
      expect(json.data.nodes[3]).toBeNull();
      if (!readsAcme(actor)) return expect(json.data.nodes.slice(0, 3)).toEqual([null, null, null]);
      expect(json.data.nodes[0]).toMatchObject({ id: message(7), author: null });
      expect(json.data.nodes[1]).toMatchObject({ id: message(3), pinnedBy: null });
      // The bot left the channel when it was deleted: neither the member list nor its count holds it.
      const members = json.data.channel.members;
      expect(members.nodes.every((member: { user: unknown }) => member.user !== null)).toBe(true);
      expect(json.data.channel.memberCount).toBe(members.totalCount);
      expect(members.totalCount).toBe(members.nodes.length);
    });
  }
});

describe('gap 4: refused credentials are answered UNAUTHENTICATED (HTTP 401), never as anonymous', () => {
  let gateways: Gateways;
  const refused: [string, () => Promise<string>, 'invalid' | 'expired' | 'revoked'][] = [];
  beforeAll(async () => {
    gateways = await openGateways();
    const { gateway } = gateways;
    const session = async (user: DemoUser, change: string) => {
      const { token } = await createSession(gateway.handle.db, demoUsers[user], { ip: null, userAgent: 'test' });
      await gateway.handle.exec(`update auth.sessions set ${change} where token_hash = '${hashToken(token)}'`);
      return `Bearer ${token}`;
    };
    refused.push(
      ['an unknown session token', async () => `Bearer ${generateToken('session')}`, 'invalid'],
      ['an unknown bot token', async () => `Bearer ${generateToken('bot')}`, 'invalid'],
      ['garbage', async () => 'Bearer not-our-token', 'invalid'],
      ['an expired session', () => session('bob', "expires_at = now() - interval '1 minute'"), 'expired'],
      ['a revoked session', () => session('carol', 'revoked_at = now()'), 'revoked'],
    );
  });
  afterAll(() => closeGateways(gateways));

  const expectRefusal = (answer: Answer, reason: string) => {
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(answer.json.data ?? null).toBeNull();
    expect(answer.json.errors).toHaveLength(1);
    expect(answer.json.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
  };

  const READS = [
    '{ organizations { totalCount nodes { slug } } }',
    'query C($first: Int) { channels(first: $first) { nodes { name } } }',
    '{ viewer { id } }',
    '{ __typename }',
  ];

  it('a compiled read with refused credentials: the same refusal from both attempts', async () => {
    for (const query of READS) {
      // The document is compiled for an anonymous caller, who gets data (the public organization).
      const anonymous = await askTwice(gateways, query, {}, {}, !query.startsWith('{ __'));
      expect(anonymous.status).toBe(200);
      expect(anonymous.json.errors).toBeUndefined();
      for (const [what, token, reason] of refused) {
        const answer = await askTwice(gateways, query, {}, { authorization: await token() }, false);
        expect(answer, `${what}: ${query}`).toBeDefined();
        expectRefusal(answer, reason);
      }
    }
  });

  it('the revoked token of a signed-out person and the token of a deleted bot are refused, not served as anonymous', async () => {
    const { gateway } = gateways;
    const fresh = await headersFor(gateway, 'dave');
    const out = await ask(gateways, 'mutation { signOut { __typename } }', {}, fresh);
    expect(out.json.data.signOut.__typename).toBe('SignOutPayload');
    expectRefusal(await askTwice(gateways, READS[0]!, {}, fresh, false), 'revoked');
    await gateway.handle.exec(`update chat.bots set deleted_at = now() where token_hash = '${hashToken(DEMO_BOT_TOKEN)}'`);
    try {
      expectRefusal(await askTwice(gateways, READS[0]!, {}, { authorization: `Bearer ${DEMO_BOT_TOKEN}` }, false), 'invalid');
    } finally {
      await gateway.handle.exec(`update chat.bots set deleted_at = null where token_hash = '${hashToken(DEMO_BOT_TOKEN)}'`);
    }
  });

  it('mutations are refused, except a document that only signs in or up (a client replacing its stale token)', async () => {
    const signIn = `mutation { signIn(input: { email: "gina@example.com", password: "${DEMO_PASSWORD}" }) { __typename ... on SessionPayload { token user { displayName } } } }`;
    const signUp = 'mutation { ...Up } fragment Up on Mutation { signUp(input: { email: "stale@example.com", password: "a-long-password", displayName: "Stale" }) { __typename } }';
    for (const [what, token, reason] of refused) {
      const authorization = await token();
      const signedIn = await ask(gateways, signIn, {}, { authorization });
      expect(signedIn.status, what).toBe(200);
      expect(signedIn.json.data.signIn).toMatchObject({ __typename: 'SessionPayload', token: expect.stringMatching(/^gw_s_/), user: { displayName: 'Gina Guest' } });
      expectRefusal(await ask(gateways, 'mutation { signOut { __typename } }', {}, { authorization }), reason);
      const mixed = `mutation { signIn(input: { email: "gina@example.com", password: "${DEMO_PASSWORD}" }) { __typename } markAllNotificationsRead { __typename } }`;
      expectRefusal(await ask(gateways, mixed, {}, { authorization }), reason);
    }
    expectRefusal(await ask(gateways, 'mutation { __typename }', {}, { authorization: 'Bearer not-our-token' }), 'invalid');
    const up = await ask(gateways, signUp, {}, { authorization: 'Bearer not-our-token' });
    expect(up.json).toEqual({ data: { signUp: { __typename: 'SessionPayload' } } });
  });

  it('a subscription is refused before it starts, with HTTP 401', async () => {
    const [, token, reason] = refused[4]!;
    const response = await gateways.gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: await token() },
      body: JSON.stringify({ query: 'subscription { notificationEvents { __typename } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const text = await response.text();
    expect(text).toContain('"code":"UNAUTHENTICATED"');
    expect(text).toContain(`"reason":"${reason}"`);
    expect(text).not.toContain('"data":{');
  });
});
