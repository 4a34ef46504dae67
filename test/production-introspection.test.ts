import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/auth/sessions.js';
import { compileTemplate } from '../src/compiled/template.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { INTROSPECTION_PERMISSION, selectsIntrospection } from '../src/http/production.js';
import { schema } from '../src/schema/index.js';
import { createYogaApp, type Yoga } from '../src/server.js';
import { openSeededDatabase } from './gateway.js';
import { demoUsers } from './policies.js';

/** The introspection gate and GraphiQL switch of production mode, in process, on both request paths. */
const INTROSPECTION = '{ __schema { types { name } } }';

interface Answer {
  data?: any;
  errors?: { extensions?: { code?: string } }[];
}

let handle: DatabaseHandle;
let drop: () => Promise<void>;
let production: Yoga;
let development: Yoga;

beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase());
  // Compiled reads on: a repeated document would be answered by them if they ever compiled it.
  production = createYogaApp({ handle, logError: () => undefined, graphiql: false, introspection: false, compiledReads: true });
  development = createYogaApp({ handle, logError: () => undefined });
});
afterAll(async () => {
  await production?.dispose();
  await development?.dispose();
  await drop?.();
});

async function post(yoga: Yoga, query: string, headers: Record<string, string> = {}, operationName?: string): Promise<Answer> {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.json()) as Answer;
}

const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);
const as = async (user: keyof typeof demoUsers) => ({
  authorization: `Bearer ${(await createSession(handle.db, demoUsers[user], { ip: null, userAgent: 'test' })).token}`,
});

describe('introspection in production mode', () => {
  it('is refused with FORBIDDEN however it is asked for, and never runs', async () => {
    for (const query of [
      INTROSPECTION,
      '{ __type(name: "User") { fields { name } } }',
      '{ s: __schema { queryType { name } } }',
      '{ ... on Query { __schema { queryType { name } } } }',
      'query { ...F } fragment F on Query { __type(name: "Channel") { name } }',
      '{ viewer { id } __schema { queryType { name } } }',
    ]) {
      const answer = await post(production, query);
      expect(codes(answer), query).toEqual(['FORBIDDEN']);
      expect(answer.data ?? null, query).toBeNull();
    }
  });

  it('stays refused for a document asked for again (compiled reads never compile introspection)', async () => {
    expect(compileTemplate(schema, parse(INTROSPECTION))).toBeNull();
    expect(compileTemplate(schema, parse('{ __type(name: "User") { name } }'))).toBeNull();
    for (let i = 0; i < 3; i++) expect(codes(await post(production, INTROSPECTION))).toEqual(['FORBIDDEN']);
  });

  it('judges only the operation that runs, and __typename is not introspection', async () => {
    const document = 'query Plain { __typename } query Schema { __schema { queryType { name } } }';
    expect(await post(production, document, {}, 'Plain')).toEqual({ data: { __typename: 'Query' } });
    expect(codes(await post(production, document, {}, 'Schema'))).toEqual(['FORBIDDEN']);
    expect(selectsIntrospection(parse('{ viewer { __typename } }'))).toBe(false);
  });

  it(`is answered to holders of ${INTROSPECTION_PERMISSION} (the administrator), not to others`, async () => {
    expect(codes(await post(production, INTROSPECTION, await as('alice')))).toEqual(['FORBIDDEN']);
    expect(codes(await post(production, INTROSPECTION, await as('bot')))).toEqual(['FORBIDDEN']);
    const admin = await post(production, INTROSPECTION, await as('admin'));
    expect(admin.errors).toBeUndefined();
    expect(admin.data.__schema.types.length).toBeGreaterThan(50);

    // Granted through a group, like any permission.
    await handle.exec(`insert into auth.group_permissions (group_id, permission_id)
      select g.id, p.id from auth.groups g, auth.permissions p where g.key = 'staff' and p.key = '${INTROSPECTION_PERMISSION}'`);
    const alice = await post(production, INTROSPECTION, await as('alice'));
    expect(alice.errors).toBeUndefined();
    expect(codes(await post(production, INTROSPECTION, await as('dave')))).toEqual(['FORBIDDEN']);
  });

  it('is answered to anyone in development (the default)', async () => {
    const answer = await post(development, INTROSPECTION);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.__schema.types.length).toBeGreaterThan(50);
  });
});

describe('GraphiQL', () => {
  const page = (yoga: Yoga) => Promise.resolve(yoga.fetch('http://gateway.test/graphql', { headers: { accept: 'text/html' } }));

  it('is not served in production mode, and served in development', async () => {
    const off = await page(production);
    expect(off.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await off.text()).not.toMatch(/graphiql/i);
    const on = await page(development);
    expect(on.headers.get('content-type')).toMatch(/text\/html/);
    expect(await on.text()).toMatch(/graphiql/i);
  });
});
