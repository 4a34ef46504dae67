import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { actorRunner, mutation, outcomeOf, sqlRows, userGid, type Actor } from '../mutations/platform-helpers.js';
import { demoId, demoUsers, globalId } from '../policies.js';
import { DEMO_PASSWORD, signedInAs } from '../sign-in.js';

/**
 * The system log (platform.system_logs): the gateway writes one entry per lockout, revocation and
 * password change or reset, in that change's transaction; P(log.system.view) reads it (admin only
 * in the demo data), everyone else gets an empty list, as with auditLogs. No entry holds a secret.
 */

let gateway: TestGateway;
let as: (actor: Actor, query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;
/** Every password, token and hash the tests handle: none may reach the log. */
const secrets = new Set<string>([DEMO_PASSWORD]);

beforeAll(async () => {
  gateway = await createTestGateway();
  as = actorRunner(gateway);
});
afterAll(() => gateway?.close());

interface Entry {
  level: string;
  source: string;
  message: string;
  context: Record<string, unknown>;
}
const entries = (event: string) =>
  sqlRows<Entry>(gateway, `select level, source, message, context from platform.system_logs where context->>'event' = '${event}' order by created_at, id`);

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on SessionPayload { token } } }`;
const LIST = `query ($where: SystemLogEntryWhere) { systemLogs(where: $where, first: 50) { totalCount nodes { id level source message context createdAt } } }`;

describe('reading the system log', () => {
  it('admin (log.system.view) reads the seeded entries newest first; others get an empty list', async () => {
    const admin = await as('admin', LIST);
    expect(admin.errors).toBeUndefined();
    expect(admin.data.systemLogs.totalCount).toBe(3);
    expect(admin.data.systemLogs.nodes.map((node: { source: string }) => node.source)).toEqual(['bots', 'sessions', 'auth']);
    expect(admin.data.systemLogs.nodes[2]).toMatchObject({ level: 'WARN', context: { event: 'account.locked' } });
    for (const actor of ['anonymous', 'alice', 'bob', 'hanna', 'gina', 'bot'] as const) {
      const response = await as(actor, LIST);
      expect(response.errors, actor).toBeUndefined();
      expect(response.data.systemLogs, actor).toEqual({ totalCount: 0, nodes: [] });
    }
  });

  it('filters by level, source and a createdAt range', async () => {
    const count = async (where: object) => (await as('admin', LIST, { where })).data.systemLogs.totalCount;
    expect(await count({ level: { eq: 'WARN' } })).toBe(1);
    expect(await count({ level: { in: ['INFO', 'ERROR'] }, source: { eq: 'bots' } })).toBe(1);
    expect(await count({ createdAt: { gte: '2026-01-05T08:30:00Z', lt: '2026-01-05T10:00:00Z' } })).toBe(1);
    const oldestFirst = await as('admin', `{ systemLogs(orderBy: [{ field: CREATED_AT, direction: ASC }]) { nodes { source } } }`);
    expect(oldestFirst.data.systemLogs.nodes.map((node: { source: string }) => node.source)).toEqual(['auth', 'sessions', 'bots']);
  });

  it('node(id) answers the entry to admin only', async () => {
    const id = globalId('SystemLogEntry', demoId(81, 2));
    const query = `query ($id: ID!) { node(id: $id) { __typename ... on SystemLogEntry { source } } }`;
    expect((await as('admin', query, { id })).data.node).toEqual({ __typename: 'SystemLogEntry', source: 'sessions' });
    expect((await as('alice', query, { id })).data.node).toBeNull();
  });

  it('asked twice, the second time compiled, the same document answers the same rows', async () => {
    const query = `{ systemLogs(first: 10, where: { source: { in: ["auth", "bots"] } }) { totalCount edges { cursor node { id level source message context createdAt } } } }`;
    for (const actor of ['admin', 'alice'] as const) {
      const first = await as(actor, query);
      gateway.statements.reset();
      const second = await as(actor, query);
      expect(gateway.statements.log.some((statement) => statement.startsWith('select json_build_object('))).toBe(true);
      expect(second).toEqual(first);
    }
  });

  it('is append-only: UPDATE and DELETE are refused, even with SQL', async () => {
    await expect(gateway.handle.exec(`update platform.system_logs set message = 'x'`)).rejects.toThrow(/append-only/);
    await expect(gateway.handle.exec(`delete from platform.system_logs`)).rejects.toThrow(/append-only/);
    expect((await sqlRows(gateway, 'select 1 from platform.system_logs')).length).toBe(3);
  });
});

describe('what the gateway writes', () => {
  it('a lockout: one entry, written although the sign-in fails; the attempts that only count and a locked refusal write none', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const password = `wrong-password-${attempt}`;
      secrets.add(password);
      const response = await gateway.execute(SIGN_IN, { input: { email: 'dave@example.com', password } });
      expect(response.data.signIn.__typename).toBe(attempt < 5 ? 'InvalidCredentialsError' : 'AccountLockedError');
      expect(await entries('account.locked')).toHaveLength(attempt < 5 ? 1 : 2); // the seeded lockout, then this one
    }
    expect((await gateway.execute(SIGN_IN, { input: { email: 'dave@example.com', password: DEMO_PASSWORD } })).data.signIn.__typename).toBe('AccountLockedError');
    const locks = await entries('account.locked');
    expect(locks).toHaveLength(2);
    expect(locks[1]).toMatchObject({ level: 'warn', source: 'auth', context: { userId: demoUsers.dave, via: 'signIn' } });
  });

  it('a sign-out everywhere: one entry with the count, not the token', async () => {
    const first = await signedInAs(gateway, 'carol@example.com');
    const second = await signedInAs(gateway, 'carol@example.com');
    for (const headers of [first, second]) secrets.add(headers.authorization!.slice('Bearer '.length));
    const response = await gateway.execute(`mutation { signOut(input: { everywhere: true }) { ... on SignOutPayload { revokedSessionCount } } }`, {}, first);
    expect(response.data.signOut.revokedSessionCount).toBe(2);
    const revoked = (await entries('sessions.revoked')).filter((entry) => entry.context.userId === demoUsers.carol);
    expect(revoked).toHaveLength(2); // the seeded one, and this one
    expect(revoked[1]).toMatchObject({ level: 'info', source: 'sessions', context: { revokedSessionCount: 2 } });
  });

  it('a single sign-out, a password change and a bot token rotation: one entry each', async () => {
    const session = await signedInAs(gateway, 'bob@example.com');
    secrets.add(session.authorization!.slice(7));
    await gateway.execute(`mutation { signOut { ... on SignOutPayload { revokedSessionCount } } }`, {}, session);
    expect(await entries('session.revoked')).toHaveLength(1);

    const alice = await signedInAs(gateway, 'alice@example.com');
    secrets.add(alice.authorization!.slice(7)).add('a-brand-new-password-2026');
    const change = await gateway.execute(mutation('changePassword', 'ChangePasswordInput', ''), { input: { currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-password-2026' } }, alice);
    expect(outcomeOf(change, 'changePassword')).not.toMatch(/Error|UNAUTH/);
    expect(await entries('password.changed')).toMatchObject([{ source: 'auth', context: { userId: demoUsers.alice } }]);

    // The change revoked alice's other sessions: the one that changed it stays.
    const rotate = await gateway.execute(`mutation ($input: BotInput!) { rotateBotToken(input: $input) { __typename ... on BotTokenPayload { token } } }`, { input: { id: globalId('Bot', demoId(50, 1)) } }, alice);
    expect(rotate.data.rotateBotToken.__typename).toBe('BotTokenPayload');
    secrets.add(rotate.data.rotateBotToken.token);
    expect((await entries('bot.tokenRotated')).map((entry) => entry.context.actorId)).toEqual([demoUsers.alice, demoUsers.alice]); // seeded, then this one
  });

  it('a deactivation: one entry naming the user and the actor', async () => {
    const response = await as('admin', mutation('deactivateUser', 'UserActivationInput', '... on UserPayload { user { id } }'), { input: { userId: userGid('judit') } });
    expect(outcomeOf(response, 'deactivateUser')).toBe('UserPayload');
    expect(await entries('user.deactivated')).toMatchObject([{ source: 'users', context: { userId: demoUsers.judit, actorId: demoUsers.admin } }]);
  });

  it('a password reset: one entry', async () => {
    await gateway.execute(`mutation { requestPasswordReset(input: { email: "istvan@example.com" }) { __typename } }`);
    const [mail] = await sqlRows<{ link: string }>(gateway, `select params->>'resetUrl' as link from platform.mail_outbox where to_address = 'istvan@example.com'`);
    const token = new URL(mail!.link).searchParams.get('token')!;
    secrets.add(token).add('istvans-new-password-2026');
    const reset = await gateway.execute(mutation('resetPassword', 'ResetPasswordInput', ''), { input: { token, newPassword: 'istvans-new-password-2026' } });
    expect(outcomeOf(reset, 'resetPassword')).not.toMatch(/Error/);
    expect(await entries('password.reset')).toMatchObject([{ source: 'auth', context: { userId: demoUsers.istvan } }]);
  });

  it('no entry holds a password, a token or a stored hash', async () => {
    const hashes = await sqlRows<{ value: string }>(
      gateway,
      `select token_hash as value from auth.sessions union all select password_hash from auth.accounts where password_hash is not null
       union all select token_hash from chat.bots union all select token_hash from auth.password_reset_tokens`,
    );
    const log = JSON.stringify(await sqlRows(gateway, 'select * from platform.system_logs'));
    expect(JSON.parse(log).length).toBeGreaterThanOrEqual(9);
    for (const secret of [...secrets, ...hashes.map((row) => row.value)]) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/gw_[a-z]_|\$argon2/);
    // What admin reads through the API is those same rows.
    const answer = JSON.stringify((await as('admin', LIST)).data);
    for (const secret of secrets) expect(answer).not.toContain(secret);
  });
});
