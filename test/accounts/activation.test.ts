import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { DEMO_BOT_TOKEN, DEMO_PASSWORD, headersFor } from '../sign-in.js';
import { actorRunner, auditRows, failAuditOf, gid, mutation, outcomeOf, sqlRows, userGid, type Actor } from '../mutations/platform-helpers.js';

// deactivateUser / reactivateUser: the rule (users.users.update, not oneself, no escalation), the
// effects (sign-in refused, existing tokens refused at once, the user's bots stop), conflicts, atomicity.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
});
afterAll(() => gateway.close());

const SELECTION = '... on UserPayload { user { id deactivatedAt } }';
const DEACTIVATE = mutation('deactivateUser', 'UserActivationInput', SELECTION);
const REACTIVATE = mutation('reactivateUser', 'UserActivationInput', SELECTION);
const deactivate = (actor: Actor, userId: string) => run(actor, DEACTIVATE, { input: { userId } });
const reactivate = (actor: Actor, userId: string) => run(actor, REACTIVATE, { input: { userId } });
const VIEWER = '{ viewer { id } }';
const signIn = (email: string) =>
  gateway.execute('mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }', { input: { email, password: DEMO_PASSWORD } }).then((r) => r.data?.signIn?.__typename);

describe('deactivateUser and reactivateUser', () => {
  it("deactivates: audited, sign-in refused, and the user's existing token refused on the very next request", async () => {
    const daveHeaders = await headersFor(gateway, 'dave');
    expect((await gateway.execute(VIEWER, {}, daveHeaders)).data.viewer.id).toBe(userGid('dave'));
    const response = await deactivate('admin', userGid('dave'));
    expect(response.data.deactivateUser).toMatchObject({ __typename: 'UserPayload', user: { id: userGid('dave'), deactivatedAt: expect.any(String) } });
    const refused = await gateway.execute(VIEWER, {}, daveHeaders);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'revoked' });
    expect(await signIn('dave@example.com')).toBe('InvalidCredentialsError');
    expect(await auditRows(gateway, 'user.deactivate')).toMatchObject([
      { actor_id: demoUsers.admin, resource_type: 'user', resource_id: demoUsers.dave, new_values: { revokedSessions: 1 } },
    ]);
    // Still there and visible: deactivation is not deletion.
    const seen = await run('alice', '{ user(id: "' + userGid('dave') + '") { displayName deactivatedAt } }');
    expect(seen.data.user).toMatchObject({ displayName: expect.any(String), deactivatedAt: expect.any(String) });
  });

  it('refuses to deactivate twice and to reactivate an active user (CONFLICT)', async () => {
    expect(outcomeOf(await deactivate('admin', userGid('dave')), 'deactivateUser')).toBe('ConflictError');
    expect(outcomeOf(await reactivate('admin', userGid('carol')), 'reactivateUser')).toBe('ConflictError');
  });

  it('reactivates: audited, sign-in works again; ended sessions stay ended', async () => {
    const response = await reactivate('admin', userGid('dave'));
    expect(response.data.reactivateUser).toMatchObject({ __typename: 'UserPayload', user: { id: userGid('dave'), deactivatedAt: null } });
    expect(await signIn('dave@example.com')).toBe('SessionPayload');
    expect(await auditRows(gateway, 'user.reactivate')).toMatchObject([{ actor_id: demoUsers.admin, resource_id: demoUsers.dave, new_values: { deactivatedAt: null } }]);
    const [revoked] = await sqlRows<{ n: number }>(gateway, `select count(*)::int as n from auth.sessions where user_id = '${demoUsers.dave}' and revoked_at is not null`);
    expect(revoked!.n).toBeGreaterThanOrEqual(1);
  });

  it.each<[string, Actor, string, string]>([
    ['anonymous', 'anonymous', 'dave', 'UNAUTHENTICATED'],
    ['a viewer of users without users.users.update', 'alice', 'dave', 'ForbiddenError'],
    ['the administrator on themselves', 'admin', 'admin', 'ForbiddenError'],
    ['a bot', 'bot', 'dave', 'ForbiddenError'],
    ['someone who cannot see the user', 'gina', 'dave', 'NotFoundError'],
  ])('refuses %s', async (_name, actor, target, expected) => {
    const before = await sqlRows(gateway, `select id, deactivated_at from auth.users order by id`);
    expect(outcomeOf(await deactivate(actor, userGid(target as never)), 'deactivateUser')).toBe(expected);
    expect(await sqlRows(gateway, `select id, deactivated_at from auth.users order by id`)).toEqual(before);
  });

  it('refuses an ID of another type (validation), and a user that does not exist', async () => {
    expect(outcomeOf(await deactivate('admin', gid('Channel', demoUsers.dave)), 'deactivateUser')).toMatch(/BAD_USER_INPUT|ValidationError/);
    expect(outcomeOf(await deactivate('admin', gid('User', '10000000-0000-4000-8000-0000000000ff')), 'deactivateUser')).toBe('NotFoundError');
  });

  it('refuses a user manager acting on a user with more permissions (no escalation)', async () => {
    await gateway.handle.exec(`insert into auth.role_permissions (role_id, permission_id)
      select r.id, p.id from auth.roles r, auth.permissions p where r.key = 'manager' and p.key = 'users.users.update'`);
    try {
      expect(outcomeOf(await deactivate('hanna', userGid('admin')), 'deactivateUser')).toBe('ForbiddenError');
    } finally {
      await gateway.handle.exec(`delete from auth.role_permissions where role_id = (select id from auth.roles where key = 'manager')
        and permission_id = (select id from auth.permissions where key = 'users.users.update')`);
    }
  });

  it("stops the bots the user created, and starts them again on reactivation", async () => {
    const bot = { authorization: `Bearer ${DEMO_BOT_TOKEN}` };
    expect((await gateway.execute(VIEWER, {}, bot)).data.viewer.id).toBe(userGid('bot'));
    expect(outcomeOf(await deactivate('admin', userGid('alice')), 'deactivateUser')).toBe('UserPayload');
    expect((await gateway.execute(VIEWER, {}, bot)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(outcomeOf(await reactivate('admin', userGid('alice')), 'reactivateUser')).toBe('UserPayload');
    expect((await gateway.execute(VIEWER, {}, bot)).data.viewer.id).toBe(userGid('bot'));
  });

  it('leaves nothing behind when the audit write fails', async () => {
    const carol = await headersFor(gateway, 'carol');
    const restore = await failAuditOf(gateway, 'user.deactivate');
    try {
      expect(outcomeOf(await deactivate('admin', userGid('carol')), 'deactivateUser')).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await restore();
    }
    expect((await sqlRows(gateway, `select deactivated_at from auth.users where id = '${demoUsers.carol}'`))[0]).toEqual({ deactivated_at: null });
    expect((await gateway.execute(VIEWER, {}, carol)).data.viewer.id).toBe(userGid('carol'));
  });
});

describe('with the credential cache on', () => {
  let cached: TestGateway;
  beforeAll(async () => {
    cached = await createTestGateway({ authCacheTtlMs: 60_000 });
  });
  afterAll(() => cached?.close());

  it('a cached token of the deactivated user is refused on the next request', async () => {
    const judit = await headersFor(cached, 'judit');
    const admin = await headersFor(cached, 'admin');
    expect((await cached.execute(VIEWER, {}, judit)).data.viewer.id).toBe(userGid('judit'));
    const response = await cached.execute(DEACTIVATE, { input: { userId: userGid('judit') } }, admin);
    expect(response.data.deactivateUser.__typename).toBe('UserPayload');
    expect((await cached.execute(VIEWER, {}, judit)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
