import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { demoId, demoUsers, globalId, type DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';
import { sqlRows } from '../mutations/platform-helpers.js';

// viewer.permissions(organization:): the viewer's platform permission keys, or what they may do in
// one organization, derived from the rules the mutations use; compiled reads answer the same, compiled.

let gateway: TestGateway;
let engine: Yoga;
beforeAll(async () => {
  gateway = await createTestGateway();
  engine = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false });
});
afterAll(async () => {
  await engine?.dispose();
  await gateway?.close();
});

const acme = globalId('Organization', demoId(20, 1));
const globex = globalId('Organization', demoId(20, 2));
const QUERY = `query P($org: ID) { viewer { permissions here: permissions(organization: $org) }
  user(id: "${globalId('User', demoUsers.carol)}") { permissions(organization: $org) } }`;

async function post(yoga: Yoga, headers: Record<string, string>, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

/** The answer of the engine alone, after checking that the compiled gateway answers the same, by a compiled statement the second time. */
async function ask(actor: DemoUser | 'anonymous', org: string | null): Promise<GraphQLResponse> {
  const headers = actor === 'anonymous' ? {} : await headersFor(gateway, actor);
  const expected = await post(engine, headers, { org });
  expect(await post(gateway.yoga, headers, { org })).toEqual(expected);
  gateway.statements.reset();
  expect(await post(gateway.yoga, headers, { org })).toEqual(expected);
  expect(gateway.statements.log.some((statement) => statement.startsWith('select json_build_object('))).toBe(true);
  return expected;
}

describe('viewer.permissions', () => {
  it('lists the platform permissions held through roles and groups, as the database has them', async () => {
    const [held] = await sqlRows<{ keys: string[] }>(
      gateway,
      `select coalesce(array_agg(distinct p.key collate "C" order by p.key collate "C"), '{}') as keys from auth.permissions p where exists (
         select 1 from auth.user_roles ur join auth.role_permissions rp on rp.role_id = ur.role_id where ur.user_id = '${demoUsers.alice}' and rp.permission_id = p.id
         union all select 1 from auth.user_groups ug join auth.group_permissions gp on gp.group_id = ug.group_id where ug.user_id = '${demoUsers.alice}' and gp.permission_id = p.id)`,
    );
    const answer = await ask('alice', null);
    expect(answer.data.viewer.permissions).toEqual(held!.keys);
    expect(answer.data.viewer.permissions).toContain('users.users.view');
    expect(answer.data.viewer.permissions).not.toContain('users.users.update');
    // Without an organization, `here` is the platform list too; another user's row answers null.
    expect(answer.data.viewer.here).toEqual(held!.keys);
    expect(answer.data.user).toEqual({ permissions: null });
  });

  it("lists an owner's, an admin's and a member's capabilities in an organization by its rules", async () => {
    expect((await ask('alice', acme)).data.viewer.here).toEqual([
      'bot.create', 'bot.install', 'channel.create', 'channel.createDirect', 'organization.delete', 'organization.join',
      'organization.read', 'organization.update', 'organizationMember.add', 'organizationMember.addOwner',
    ]);
    const admin = (await ask('bob', acme)).data.viewer.here as string[];
    expect(admin).toContain('organization.update');
    expect(admin).toContain('organizationMember.add');
    expect(admin).not.toContain('organization.delete');
    expect(admin).not.toContain('organizationMember.addOwner');
    // acme lets members create channels; globex does not.
    expect((await ask('dave', acme)).data.viewer.here).toEqual(['channel.create', 'channel.createDirect', 'organization.join', 'organization.read']);
    expect((await ask('judit', globex)).data.viewer.here).toEqual(['channel.createDirect', 'organization.read']);
  });

  it('answers [] where the viewer is no member of a private organization, and nothing for anonymous', async () => {
    expect((await ask('gina', globex)).data.viewer.here).toEqual([]);
    // acme is public: a person may join it.
    expect((await ask('gina', acme)).data.viewer.here).toEqual(['organization.join']);
    expect((await ask('anonymous', acme)).data).toEqual({ viewer: null, user: null });
  });

  it("a bot's capabilities are bounded by its scopes as its mutations are", async () => {
    const bot = (await ask('bot', acme)).data.viewer.here as string[];
    expect(bot).toContain('organization.read');
    expect(bot).not.toContain('bot.install');
    expect(bot).not.toContain('channel.create');
  });

  it('refuses an ID of another type', async () => {
    const answer = await post(engine, await headersFor(gateway, 'alice'), { org: globalId('User', demoUsers.alice) });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
