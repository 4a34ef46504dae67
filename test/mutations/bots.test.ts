import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/auth/tokens.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers } from '../policies.js';
import { DEMO_BOT_TOKEN } from '../sign-in.js';
import { actorRunner, auditRows, failAuditOf, gid, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// createBot, updateBot, deleteBot, rotateBotToken, installBot, uninstallBot: happy path, validation,
// forbidden actors, missing targets, idempotency, audit, atomicity; the token is shown once and only
// its hash is stored.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  // A third organization, `initech`, where bob is the only (admin) member.
  await gateway.handle.exec(`
    insert into chat.organizations (id, slug, name) values ('${INITECH}', 'initech', 'Initech');
    insert into chat.organization_members (organization_id, user_id, role) values ('${INITECH}', '${demoUsers.bob}', 'admin');`);
});
afterAll(() => gateway.close());

const ACME = demoId(20, 1);
const GLOBEX = demoId(20, 2);
const INITECH = demoId(20, 9);
const HELPER_BOT = demoId(50, 1);
const UNKNOWN = '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d';
const org = (id: string) => gid('Organization', id);
const bot = (id: string) => gid('Bot', id);

const BOT = '... on BotPayload { bot { id name description descriptionTranslations scopes isPublic user { displayName userType } } }';
const TOKEN = '... on BotTokenPayload { token bot { id name scopes user { id userType } } }';
const send = (name: string, inputType: string, selection: string) => (actor: Actor, input: Record<string, unknown>) => run(actor, mutation(name, inputType, selection), { input });
const createBot = send('createBot', 'CreateBotInput', TOKEN);
const updateBot = send('updateBot', 'UpdateBotInput', BOT);
const deleteBot = send('deleteBot', 'BotInput', BOT);
const rotate = send('rotateBotToken', 'BotInput', TOKEN);
const install = send('installBot', 'BotInstallationInput', BOT);
const uninstall = send('uninstallBot', 'BotInstallationInput', BOT);

const viewerWith = (token: string) => gateway.execute('{ viewer { id userType } }', {}, { authorization: `Bearer ${token}` });
const botRow = (id: string) => sqlRows<{ user_id: string; token_hash: string; name: string; deleted_at: string | null }>(gateway, `select * from chat.bots where id = '${id}'`).then((rows) => rows[0]!);
const liveOrganizations = (userId: string) =>
  sqlRows<{ organization_id: string }>(gateway, `select organization_id from chat.organization_members where user_id = '${userId}' and deleted_at is null order by 1`).then((rows) =>
    rows.map((row) => row.organization_id),
  );
const decode = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

/** hanna's public bot installed in globex, made once for the install tests. */
let publicBot: string;

describe('createBot', () => {
  it('creates the machine user, the bot and its installation; the token works, only its hash is stored; audited', async () => {
    const response = await createBot('alice', {
      organizationId: org(ACME),
      name: ' Standup Bot ',
      description: [{ locale: 'en', text: 'Runs the daily standup' }],
      scopes: ['messages:write', 'messages:read', 'messages:write'],
    });
    const payload = response.data.createBot;
    expect(payload).toMatchObject({ __typename: 'BotTokenPayload', bot: { name: 'Standup Bot', scopes: ['messages:read', 'messages:write'], user: { userType: 'MACHINE' } } });
    expect(payload.token).toMatch(/^gw_b_[A-Za-z0-9_-]{43}$/);
    const id = decode(payload.bot.id);
    const row = await botRow(id);
    expect(row.token_hash).toBe(hashToken(payload.token));
    expect(JSON.stringify(await sqlRows(gateway, `select * from chat.bots where id = '${id}'`))).not.toContain(payload.token);
    expect(await liveOrganizations(row.user_id)).toEqual([ACME]);
    expect((await viewerWith(payload.token)).data.viewer).toEqual({ id: payload.bot.user.id, userType: 'MACHINE' });
    const [audit] = await auditRows(gateway, 'bot.create').then((rows) => rows.filter((r) => r.resource_id === id));
    expect(audit).toMatchObject({ actor_id: demoUsers.alice, organization_id: ACME, new_values: { name: 'Standup Bot', isPublic: false } });
    expect(JSON.stringify(audit)).not.toContain(payload.token);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown scope', { scopes: ['messages:read', 'admin:everything'] }, 'scopes'],
    ['an empty name', { name: '  ' }, 'name'],
    ['a description without the default locale', { description: [{ locale: 'hu', text: 'Csak magyarul' }] }, 'description'],
  ])('refuses %s (ValidationError) and creates nothing', async (_name, override, field) => {
    const before = await snapshot(gateway, ['chat.bots', 'auth.users']);
    const response = await createBot('alice', { organizationId: org(ACME), name: 'Valid', scopes: [], ...override });
    expect(outcomeOf(response, 'createBot')).toBe('ValidationError');
    expect(response.data.createBot.fieldErrors[0].path[0]).toBe(field);
    expect(await snapshot(gateway, ['chat.bots', 'auth.users'])).toBe(before);
  });

  it.each<[string, Actor, string, string]>([
    ['a member who is not an admin', 'carol', ACME, 'ForbiddenError'],
    ['a non-member of a public organization', 'gina', ACME, 'ForbiddenError'],
    ['a non-member of a private organization', 'bob', GLOBEX, 'NotFoundError'],
    ['a bot (an acme member)', 'bot', ACME, 'ForbiddenError'],
    ['an unknown organization', 'alice', UNKNOWN, 'NotFoundError'],
    ['anonymous', 'anonymous', ACME, 'UNAUTHENTICATED'],
  ])('refuses %s: %s', async (_name, actor, organization, expected) => {
    expect(outcomeOf(await createBot(actor, { organizationId: org(organization), name: 'Nope', scopes: [] }), 'createBot')).toBe(expected);
    expect(await sqlRows(gateway, `select 1 from chat.bots where name = 'Nope'`)).toEqual([]);
  });

  it('a creation that fails at its audit row leaves no user, bot or membership behind', async () => {
    const tables = ['auth.users', 'chat.bots', 'chat.organization_members', 'platform.audit_logs'];
    const before = await snapshot(gateway, tables);
    const restore = await failAuditOf(gateway, 'bot.create');
    try {
      expect(outcomeOf(await createBot('alice', { organizationId: org(ACME), name: 'Doomed', scopes: [] }), 'createBot')).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await restore();
    }
    expect(await snapshot(gateway, tables)).toBe(before);
  });
});

describe('updateBot, rotateBotToken', () => {
  it("the creator renames and rescopes; the machine user's name follows; audited", async () => {
    const response = await updateBot('alice', { id: bot(HELPER_BOT), name: 'Helper Bot 2', scopes: ['messages:read'], description: null, isPublic: true });
    expect(response.data.updateBot.bot).toMatchObject({ name: 'Helper Bot 2', scopes: ['messages:read'], description: null, isPublic: true, user: { displayName: 'Helper Bot 2' } });
    expect(await auditRows(gateway, 'bot.update')).toMatchObject([{ actor_id: demoUsers.alice, old_values: { name: 'Helper Bot', isPublic: false }, new_values: { name: 'Helper Bot 2' } }]);
    await updateBot('alice', { id: bot(HELPER_BOT), name: 'Helper Bot', scopes: ['messages:read', 'messages:write'], isPublic: false });
  });

  it.each<[string, Actor, Record<string, unknown>, string]>([
    ['an admin who is not the creator', 'bob', {}, 'ForbiddenError'],
    ['someone who cannot see the bot', 'hanna', {}, 'NotFoundError'],
    ['the bot itself', 'bot', {}, 'ForbiddenError'],
    ['a bad scope', 'alice', { scopes: ['everything'] }, 'ValidationError'],
  ])('refuses %s', async (_name, actor, input, expected) => {
    expect(outcomeOf(await updateBot(actor, { id: bot(HELPER_BOT), name: 'Taken over', ...input }), 'updateBot')).toBe(expected);
    expect((await botRow(HELPER_BOT)).name).toBe('Helper Bot');
  });

  it.each<[string, (actor: Actor, input: Record<string, unknown>) => ReturnType<typeof run>, Record<string, unknown>]>([
    ['rotateBotToken', rotate, {}],
    ['deleteBot', deleteBot, {}],
    ['uninstallBot', uninstall, { organizationId: org(ACME) }],
  ])('%s: an unknown bot is NOT_FOUND, an ID of another type BAD_USER_INPUT', async (name, send, extra) => {
    const field = name === 'uninstallBot' ? 'botId' : 'id';
    expect(outcomeOf(await send('alice', { ...extra, [field]: bot(UNKNOWN) }), name)).toBe('NotFoundError');
    expect(outcomeOf(await send('alice', { ...extra, [field]: gid('User', HELPER_BOT) }), name)).toBe('BAD_USER_INPUT');
  });

  it('rotating the token ends the old one at once; the new one works; audited without the token', async () => {
    expect(outcomeOf(await rotate('bob', { id: bot(HELPER_BOT) }), 'rotateBotToken')).toBe('ForbiddenError');
    const response = await rotate('alice', { id: bot(HELPER_BOT) });
    const token: string = response.data.rotateBotToken.token;
    expect(token).toMatch(/^gw_b_/);
    expect((await viewerWith(DEMO_BOT_TOKEN)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await viewerWith(token)).data.viewer).toEqual({ id: gid('User', demoUsers.bot), userType: 'MACHINE' });
    const audit = await auditRows(gateway, 'bot.rotate_token');
    expect(audit).toMatchObject([{ actor_id: demoUsers.alice, resource_id: HELPER_BOT }]);
    expect(JSON.stringify(audit)).not.toContain(token);
    // Back to the demo token, for the tests below.
    await gateway.handle.exec(`update chat.bots set token_hash = '${hashToken(DEMO_BOT_TOKEN)}' where id = '${HELPER_BOT}'`);
  });
});

describe('installBot, uninstallBot', () => {
  beforeAll(async () => {
    const response = await createBot('hanna', { organizationId: org(GLOBEX), name: 'Public Bot', scopes: ['messages:read'], isPublic: true });
    publicBot = decode(response.data.createBot.bot.id);
  });

  it('an admin installs a public bot; again, or twice at once, leaves one membership and one audit row', async () => {
    const input = { botId: bot(publicBot), organizationId: org(ACME) };
    const results = await Promise.all([install('bob', input), install('bob', input)]);
    expect(results.map((response) => outcomeOf(response, 'installBot'))).toEqual(['BotPayload', 'BotPayload']);
    expect(outcomeOf(await install('bob', input), 'installBot')).toBe('BotPayload');
    const { user_id: userId } = await botRow(publicBot);
    expect(await liveOrganizations(userId)).toEqual([ACME, GLOBEX].sort());
    expect(await auditRows(gateway, 'bot.install')).toMatchObject([{ actor_id: demoUsers.bob, organization_id: ACME, resource_id: publicBot }]);
  });

  it.each<[string, Actor, string, string, string]>([
    ['a member who is not an admin', 'carol', 'public', ACME, 'ForbiddenError'],
    ["someone else's private bot the admin can see", 'bob', 'helper', INITECH, 'ForbiddenError'],
    ['a private bot the admin cannot see', 'hanna', 'helper', GLOBEX, 'NotFoundError'],
    ['an organization the actor cannot see', 'istvan', 'public', INITECH, 'NotFoundError'],
    ['an unknown bot', 'bob', 'unknown', INITECH, 'NotFoundError'],
    ['a bot installing a bot', 'bot', 'public', ACME, 'ForbiddenError'],
    ['anonymous', 'anonymous', 'public', ACME, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, which, organization, expected) => {
    const id = which === 'public' ? publicBot : which === 'helper' ? HELPER_BOT : UNKNOWN;
    expect(outcomeOf(await install(actor, { botId: bot(id), organizationId: org(organization) }), 'installBot')).toBe(expected);
    expect(await liveOrganizations(demoUsers.bot)).toEqual([ACME]);
  });

  it('an admin uninstalls it (organization and channels), idempotently; a member may not', async () => {
    const { user_id: userId } = await botRow(publicBot);
    await gateway.handle.exec(`insert into chat.channel_members (channel_id, user_id) values ('${demoId(30, 1)}', '${userId}')`);
    const input = { botId: bot(publicBot), organizationId: org(ACME) };
    expect(outcomeOf(await uninstall('carol', input), 'uninstallBot')).toBe('ForbiddenError');
    expect(outcomeOf(await uninstall('bob', input), 'uninstallBot')).toBe('BotPayload');
    expect(outcomeOf(await uninstall('bob', input), 'uninstallBot')).toBe('BotPayload');
    expect(await liveOrganizations(userId)).toEqual([GLOBEX]);
    expect(await sqlRows(gateway, `select 1 from chat.channel_members where user_id = '${userId}' and deleted_at is null`)).toEqual([]);
    expect(await auditRows(gateway, 'bot.uninstall')).toMatchObject([{ actor_id: demoUsers.bob, organization_id: ACME }]);
  });
});

describe('deleteBot', () => {
  it('refuses anyone but the creator', async () => {
    expect(outcomeOf(await deleteBot('istvan', { id: bot(publicBot) }), 'deleteBot')).toBe('ForbiddenError');
    expect(outcomeOf(await deleteBot('anonymous', { id: bot(publicBot) }), 'deleteBot')).toBe('UNAUTHENTICATED');
    expect((await botRow(publicBot)).deleted_at).toBeNull();
  });

  it('the creator deletes it: the token stops, it leaves every organization, its user is gone; audited', async () => {
    const response = await deleteBot('alice', { id: bot(HELPER_BOT) });
    expect(response.data.deleteBot).toEqual({ __typename: 'BotPayload', bot: null });
    expect((await viewerWith(DEMO_BOT_TOKEN)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await liveOrganizations(demoUsers.bot)).toEqual([]);
    expect(await sqlRows(gateway, `select 1 from auth.users where id = '${demoUsers.bot}' and deleted_at is null`)).toEqual([]);
    expect(await auditRows(gateway, 'bot.delete')).toMatchObject([{ actor_id: demoUsers.alice, resource_id: HELPER_BOT, old_values: { name: 'Helper Bot' } }]);
    // Gone: a second delete does not find it.
    expect(outcomeOf(await deleteBot('alice', { id: bot(HELPER_BOT) }), 'deleteBot')).toBe('NotFoundError');
  });
});
