import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { queryRows } from './database.js';
import { emptyDatabase, jsonLogLines, spawnGateway, stopGateway, type EmptyDatabase, type GatewayProcess } from './gateway-process.js';
import { DEMO_BOT_TOKEN, DEMO_PASSWORD } from './sign-in.js';

/**
 * `NODE_ENV=production npm start` as the Dockerfile runs it, on an empty database (a fresh PGlite
 * directory, or a new PostgreSQL database with TEST_DATABASE_URL): started without, then with
 * ADMIN_USER_EMAIL.
 */
let database: EmptyDatabase;

beforeAll(async () => (database = await emptyDatabase('production')));
afterAll(() => database?.drop());

/** Starts the gateway in production mode on this file's database, none of the production switches inherited from the shell. */
function start(extraEnv: Record<string, string> = {}): Promise<GatewayProcess> {
  const unset = Object.fromEntries(['GRAPHIQL', 'INTROSPECTION', 'SEED_DEMO', 'ADMIN_USER_EMAIL', 'ADMIN_USER_PASSWORD', 'SEED_ON_START', 'PLAYGROUND_USER'].map((name) => [name, undefined]));
  return spawnGateway({ ...unset, ...database.env, NODE_ENV: 'production', ...extraEnv }, { timeoutMs: 120_000 });
}

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);
const INTROSPECTION = '{ __schema { types { name } } }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on SessionPayload { token } } }';
const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { __typename ... on SessionPayload { token user { id } } } }';

async function signIn(url: string, email: string, password: string): Promise<string | null> {
  const answer = await post(url, SIGN_IN, { input: { email, password } });
  return answer.body.data?.signIn?.__typename === 'SessionPayload' ? (answer.body.data.signIn.token as string) : null;
}

/** The stopped gateway's database, opened to look at what it holds. */
async function inspect<T>(sqlText: string): Promise<T[]> {
  const handle = await openDatabase(database.url ? { url: database.url, poolSize: 1 } : { dataDir: database.dataDir });
  try {
    return await queryRows<T>(handle, sqlText);
  } finally {
    await handle.close();
  }
}

const ADMINISTRATORS = `select u.email from auth.users u join auth.user_roles ur on ur.user_id = u.id
  join auth.roles r on r.id = ur.role_id where r.key = 'administrator' order by 1`;

/** A whole start, checks and stop (and a look at the database) on a shared 2-core machine: a bound, not a speed claim. */
const PROCESS_TEST_TIMEOUT = 240_000;

describe('NODE_ENV=production npm start', () => {
  it('on an empty database: base data only, no demo account or bot token, no GraphiQL, no introspection, no administrator', async () => {
    const started = await start();
    const { url } = started;
    // Production logs are JSON lines, one object each.
    const seeded = jsonLogLines(started.output()).filter((line) => line.component === 'seed').map((line) => line.msg);
    expect(seeded.some((msg) => msg.startsWith('empty database: loaded base data'))).toBe(true);
    expect(seeded.some((msg) => msg.startsWith('no administrator: set ADMIN_USER_EMAIL'))).toBe(true);

    expect(await signIn(url, 'alice@example.com', DEMO_PASSWORD)).toBeNull();
    expect(await signIn(url, 'admin@example.com', DEMO_PASSWORD)).toBeNull();
    expect(codes(await post(url, '{ viewer { id } }', {}, { authorization: `Bearer ${DEMO_BOT_TOKEN}` }))).toEqual(['UNAUTHENTICATED']);

    const page = await fetch(url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(html).not.toMatch(/graphiql/i);

    const refused = await post(url, INTROSPECTION);
    expect(refused.body.data ?? null).toBeNull();
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    // The same by GET, by a fragment, and twice (a repeated document must not find a faster path).
    const viaGet = await fetch(`${url}?query=${encodeURIComponent('{ __type(name: "User") { name } }')}`, { headers: { accept: 'application/json' } });
    expect(codes({ status: viaGet.status, body: (await viaGet.json()) as Answer['body'] })).toEqual(['FORBIDDEN']);
    expect(codes(await post(url, 'query { ...F } fragment F on Query { __schema { queryType { name } } }'))).toEqual(['FORBIDDEN']);
    expect(codes(await post(url, INTROSPECTION))).toEqual(['FORBIDDEN']);
    // __typename is not introspection.
    expect((await post(url, '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
    expect(await stopGateway(started)).toBe(0);

    expect(await inspect('select email from auth.users')).toEqual([]);
    expect(await inspect(ADMINISTRATORS)).toEqual([]);
    expect(await inspect('select count(*)::int as n from chat.bots')).toEqual([{ n: 0 }]);
  }, PROCESS_TEST_TIMEOUT);

  it('with ADMIN_USER_EMAIL: that user is the administrator (password told once), may introspect; a newcomer joins the default group', async () => {
    const started = await start({ ADMIN_USER_EMAIL: 'root@corp.example' });
    const { url } = started;
    const told = jsonLogLines(started.output()).find((line) => line.component === 'seed' && line.msg.includes('root@corp.example created'));
    const password = /administrator root@corp\.example created; initial password \(shown only now\): (\S+)$/.exec(told?.msg ?? '')?.[1];
    expect(password).toBeDefined();
    expect(await signIn(url, 'alice@example.com', DEMO_PASSWORD)).toBeNull();
    expect(await signIn(url, 'root@corp.example', DEMO_PASSWORD)).toBeNull();
    const token = await signIn(url, 'root@corp.example', password!);
    expect(token).not.toBeNull();
    const admin = { authorization: `Bearer ${token}` };

    const viewer = await post(url, '{ viewer { email roles { nodes { key } } groups { nodes { key } } } }', {}, admin);
    expect(viewer.body.data.viewer.email).toBe('root@corp.example');
    expect(viewer.body.data.viewer.roles.nodes).toEqual([{ key: 'administrator' }]);
    expect(viewer.body.data.viewer.groups.nodes.map((group: { key: string }) => group.key).sort()).toEqual(['administrators', 'everyone']);
    // The administrator holds api.introspect.
    const schema = await post(url, INTROSPECTION, {}, admin);
    expect(schema.body.errors).toBeUndefined();
    expect(schema.body.data.__schema.types.length).toBeGreaterThan(50);

    const up = await post(url, SIGN_UP, { input: { email: 'newcomer@corp.example', password: 'a-long-password', displayName: 'New Comer' } });
    expect(up.body.data.signUp.__typename).toBe('SessionPayload');
    const newcomer = { authorization: `Bearer ${up.body.data.signUp.token}` };
    expect(codes(await post(url, INTROSPECTION, {}, newcomer))).toEqual(['FORBIDDEN']);
    const groups = await post(url, 'query ($id: ID!) { user(id: $id) { groups { nodes { key } } } }', { id: up.body.data.signUp.user.id }, admin);
    expect(groups.body.data.user.groups.nodes).toEqual([{ key: 'everyone' }]);
    expect(await stopGateway(started)).toBe(0);

    expect(await inspect(ADMINISTRATORS)).toEqual([{ email: 'root@corp.example' }]);
  }, PROCESS_TEST_TIMEOUT);

  it('GRAPHIQL=true and INTROSPECTION=true turn them back on', async () => {
    const started = await start({ GRAPHIQL: 'true', INTROSPECTION: 'true' });
    expect(jsonLogLines(started.output()).filter((line) => line.component === 'seed')).toEqual([]); // people exist now: nothing is seeded again
    const page = await fetch(started.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/graphiql/i);
    const schema = await post(started.url, INTROSPECTION);
    expect(schema.body.errors).toBeUndefined();
    expect(await stopGateway(started)).toBe(0);
  }, PROCESS_TEST_TIMEOUT);
});
