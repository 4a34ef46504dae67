import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import { actorRunner, gid, matrixCases, mutation, outcomeOf, probeAs, readVerdict, userGid, verdict, type Actor, type MatrixRow } from '../mutations/platform-helpers.js';

// The platform rules of DOMAIN.md ("Who may do what") through the GraphQL API, entity × action ×
// actor: User (profile, email and settings, update), App, Locale and Translation, Notification, File,
// AuditLog, Bot. Deny shows as: hidden (null from node, absent from lists), a guarded field's
// FORBIDDEN, NOT_FOUND for a mutation target the actor may not see, FORBIDDEN when seen but not
// allowed, UNAUTHENTICATED for anonymous writes. 'bot+scope' is the bot given the row's extra scope.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
let publicBot: string;
let rotatingBot: string;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  publicBot = await createBot('hanna', GLOBEX, true);
  rotatingBot = await createBot('alice', ACME, false);
  await gateway.handle.exec(`insert into platform.notifications (id, user_id, type, title) values ('${demoId(60, 99)}', '${demoUsers.bot}', 'mention', '{"en": "Hi"}')`);
});
afterAll(() => gateway.close());

const A = 'allow';
const H = 'hidden';
const N = 'NOT_FOUND';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';

const ACME = demoId(20, 1);
const GLOBEX = demoId(20, 2);
const HELPER_BOT = demoId(50, 1);

/** A bot made through the API by its creator in one organization; its global ID. */
async function createBot(creator: DemoUser, organization: string, isPublic: boolean): Promise<string> {
  const response = await run(creator, mutation('createBot', 'CreateBotInput', '... on BotTokenPayload { bot { id } }'), {
    input: { organizationId: gid('Organization', organization), name: `Bot ${randomUUID().slice(0, 6)}`, scopes: ['messages:read'], isPublic },
  });
  return response.data.createBot.bot.id;
}

/** A fresh file of the owner, organization-scoped in acme; its global ID. */
async function freshFile(owner: DemoUser): Promise<string> {
  const id = randomUUID();
  await gateway.handle.exec(`insert into platform.files (id, owner_id, organization_id, scope, file_name, mime_type, size_bytes, storage_key)
    values ('${id}', '${demoUsers[owner]}', '${ACME}', 'organization', 'f.txt', 'text/plain', 1, 'test/${id}')`);
  return gid('File', id);
}

/** node(id) answers the row (with `selection`), null, or a guarded field's error. */
const node = (globalId: () => string, selection = '') => async (actor: Actor) =>
  readVerdict(await run(actor, `query ($id: ID!) { node(id: $id) { id ${selection} } }`, { id: globalId() }), (data) => data.node !== null);
/** The app list holds the app. */
const appListed = (key: string) => async (actor: Actor) =>
  readVerdict(await run(actor, '{ apps(first: 100) { nodes { key } } }'), (data) => data.apps.nodes.some((app: { key: string }) => app.key === key));
/** A write: `name(input)` with the input `setup` makes for the actor. */
const write =
  (name: string, inputType: string, setup: (actor: Actor) => Promise<Record<string, unknown>> | Record<string, unknown>, optionalInput = false) =>
  async (actor: Actor) =>
    verdict(outcomeOf(await run(actor, mutation(name, inputType, '', optionalInput), { input: await setup(actor) }), name));

const user = (who: DemoUser) => () => userGid(who);
const fixed = (typename: string, prefix: number, n: number) => () => gid(typename, demoId(prefix, n));
const installation = (bot: () => string, organization: string) => () => ({ botId: bot(), organizationId: gid('Organization', organization) });
const self = (actor: Actor): DemoUser => (actor === 'anonymous' ? 'dave' : actor);

const MATRIX: MatrixRow[] = [
  // User: profile: self, shares an organization, or P(users.users.view) (bob, alice, hanna, admin)
  { rule: 'User profile (dave)', probe: node(user('dave')), expected: { anonymous: H, gina: H, istvan: H, judit: H, dave: A, carol: A, bot: A, hanna: A, admin: A } },
  // search matches an email only where the viewer may read it: carol sees dave's profile, not his email
  { rule: 'User list (dave)', probe: async (actor) => readVerdict(await run(actor, '{ users(search: "dave@") { totalCount } }'), (data) => data.users.totalCount === 1), expected: { anonymous: H, gina: H, carol: H, dave: A, hanna: A } },
  // email and settings: self or P(users.users.view); others who see the profile get FORBIDDEN on the field
  { rule: 'User email (dave)', probe: node(user('dave'), '... on User { email }'), expected: { anonymous: H, gina: H, carol: F, bot: F, dave: A, bob: A, alice: A, admin: A } },
  { rule: 'User settings (dave)', probe: node(user('dave'), '... on User { settings }'), expected: { carol: F, bot: F, dave: A, hanna: A } },
  // update: self or P(users.users.update); persons only (a bot's profile is its creator's updateBot)
  { rule: 'User update (own)', probe: write('updateProfile', 'UpdateProfileInput', () => ({ timezone: 'UTC' })), expected: { anonymous: U, bot: F, gina: A, dave: A, admin: A } },
  {
    rule: "User update (dave's)",
    probe: write('updateProfile', 'UpdateProfileInput', () => ({ userId: userGid('dave'), displayName: 'Dave Davis' })),
    expected: { anonymous: U, gina: N, carol: F, alice: F, bot: F, admin: A },
  },

  // App: active, and public or granted to one of the user's roles or groups
  { rule: 'App list (public)', probe: appListed('chat'), expected: { anonymous: A, gina: A, bot: A } },
  { rule: 'App list (granted to role user)', probe: appListed('files'), expected: { anonymous: H, gina: H, bot: H, dave: A, admin: A } },
  { rule: 'App list (inactive)', probe: appListed('legacy-reports'), expected: { dave: H, admin: H } },

  // Locale, Translation: anyone reads; write: P(translations.manage) (alice, hanna, admin)
  { rule: 'Locale read', probe: async (actor) => readVerdict(await run(actor, '{ locales { code } }'), (data) => data.locales.length === 3), expected: { anonymous: A, gina: A } },
  {
    rule: 'Translation read',
    probe: async (actor) => readVerdict(await run(actor, '{ translations(namespaces: ["common"]) { entries } }'), (data) => Boolean(data.translations[0].entries['actions.save'])),
    expected: { anonymous: A, gina: A },
  },
  {
    rule: 'Translation write',
    probe: write('upsertTranslations', 'UpsertTranslationsInput', () => ({ namespace: 'common', entries: [{ locale: 'en', key: 'actions.save', value: 'Save' }] })),
    expected: { anonymous: U, dave: F, bob: F, bot: F, alice: A, hanna: A, admin: A },
  },

  // Notification: read and mark read only by its user (a bot also needs notifications:write)
  { rule: "Notification read (dave's)", probe: node(fixed('Notification', 60, 11)), expected: { anonymous: H, bob: H, admin: H, dave: A } },
  { rule: "Notification mark read (dave's)", probe: write('markNotificationRead', 'NotificationInput', () => ({ id: gid('Notification', demoId(60, 11)) })), expected: { anonymous: U, bob: N, admin: N, dave: A } },
  {
    rule: "Notification mark read (the bot's)",
    scope: 'notifications:write',
    probe: write('markNotificationRead', 'NotificationInput', () => ({ id: gid('Notification', demoId(60, 99)) })),
    expected: { dave: N, bot: F, 'bot+scope': A },
  },
  { rule: 'Notification mark all read', scope: 'notifications:write', probe: write('markAllNotificationsRead', 'MarkAllNotificationsReadInput', () => ({}), true), expected: { anonymous: U, bot: F, 'bot+scope': A, gina: A, dave: A } },

  // File read: owner, or shared and Auth, or organization scope and M(org), or attached to a message the user may read
  { rule: 'File read (own, user scope)', probe: node(fixed('File', 70, 1)), expected: { anonymous: H, bob: H, admin: H, alice: A } },
  { rule: 'File read (shared)', probe: node(fixed('File', 70, 6)), expected: { anonymous: H, gina: A, hanna: A } },
  { rule: 'File read (organization scope)', probe: node(fixed('File', 70, 2)), expected: { gina: H, hanna: H, bob: A, dave: A, bot: A } },
  { rule: 'File read (organization scope, in private #design)', probe: node(fixed('File', 70, 3)), expected: { bob: H, hanna: H, carol: A, dave: A, alice: A } },
  { rule: 'File read (attached to a direct message)', probe: node(fixed('File', 70, 4)), expected: { bob: H, dave: H, carol: A, alice: A } },
  // File register: what it attaches to must be seen (and usable); a bot needs files:write
  {
    rule: 'File register (in #general)',
    scope: 'files:write',
    probe: write('registerFile', 'RegisterFileInput', () => ({ fileName: 'a.txt', mimeType: 'text/plain', sizeBytes: 1, channelId: gid('Channel', demoId(30, 1)) })),
    expected: { anonymous: U, gina: N, hanna: N, bot: F, 'bot+scope': A, dave: A, bob: A },
  },
  {
    rule: 'File register (in acme)',
    probe: write('registerFile', 'RegisterFileInput', () => ({ fileName: 'a.txt', mimeType: 'text/plain', sizeBytes: 1, scope: 'ORGANIZATION', organizationId: gid('Organization', ACME) })),
    expected: { gina: F, hanna: F, dave: A },
  },
  {
    rule: 'File register (in private #design)',
    probe: write('registerFile', 'RegisterFileInput', () => ({ fileName: 'a.txt', mimeType: 'text/plain', sizeBytes: 1, channelId: gid('Channel', demoId(30, 3)) })),
    expected: { bob: N, dave: A },
  },
  // File delete: the owner (a bot also needs files:write)
  { rule: "File delete (alice's)", scope: 'files:write', probe: write('deleteFile', 'FileInput', async () => ({ id: await freshFile('alice') })), expected: { anonymous: U, gina: N, hanna: N, dave: F, bob: F, 'bot+scope': F, alice: A } },
  { rule: 'File delete (own)', scope: 'files:write', probe: write('deleteFile', 'FileInput', async (actor) => ({ id: await freshFile(self(actor)) })), expected: { bot: F, 'bot+scope': A, dave: A, gina: A } },

  // AuditLog: P(log.activity.view) (alice, hanna, admin); organization rows also A(o)
  { rule: 'AuditLog read (acme row)', probe: node(fixed('AuditLog', 80, 1)), expected: { anonymous: H, bob: H, hanna: H, admin: H, alice: A } },
  { rule: 'AuditLog read (platform row)', probe: node(fixed('AuditLog', 80, 6)), expected: { anonymous: H, bob: H, dave: H, admin: A, alice: A, hanna: A } },

  // Bot read (DOMAIN.md is silent): signed in, and public, the creator's, or installed where the viewer is a member
  { rule: 'Bot read (private, installed in acme)', probe: node(fixed('Bot', 50, 1)), expected: { anonymous: H, gina: H, hanna: H, dave: A, alice: A, bot: A } },
  { rule: 'Bot read (public)', probe: node(() => publicBot), expected: { anonymous: H, gina: A, dave: A } },
  // Bot create: A(o) and human
  { rule: 'Bot create (in acme)', probe: write('createBot', 'CreateBotInput', () => ({ organizationId: gid('Organization', ACME), name: 'B', scopes: [] })), expected: { anonymous: U, gina: F, hanna: F, carol: F, bot: F, bob: A, alice: A } },
  { rule: 'Bot create (in globex)', probe: write('createBot', 'CreateBotInput', () => ({ organizationId: gid('Organization', GLOBEX), name: 'B', scopes: [] })), expected: { bob: N, judit: F, istvan: A } },
  // Bot update, delete, rotate token: the creator
  { rule: 'Bot update (helper bot)', probe: write('updateBot', 'UpdateBotInput', () => ({ id: gid('Bot', HELPER_BOT), name: 'Helper Bot' })), expected: { anonymous: U, hanna: N, bob: F, dave: F, bot: F, alice: A } },
  { rule: 'Bot rotate token', probe: write('rotateBotToken', 'BotInput', () => ({ id: rotatingBot })), expected: { anonymous: U, hanna: N, bob: F, alice: A } },
  { rule: 'Bot delete', probe: write('deleteBot', 'BotInput', async () => ({ id: await createBot('alice', ACME, false) })), expected: { anonymous: U, hanna: N, bob: F, carol: F, bot: F, alice: A } },
  // Bot install, uninstall: A(o); a private bot only by its creator (DOMAIN.md is silent)
  { rule: 'Bot install (public bot, into acme)', probe: write('installBot', 'BotInstallationInput', installation(() => publicBot, ACME)), expected: { anonymous: U, gina: F, dave: F, bot: F, bob: A, alice: A } },
  { rule: 'Bot install (private helper bot, into globex)', probe: write('installBot', 'BotInstallationInput', installation(() => gid('Bot', HELPER_BOT), GLOBEX)), expected: { hanna: N, istvan: N, carol: F } },
  { rule: 'Bot uninstall (public bot, from acme)', probe: write('uninstallBot', 'BotInstallationInput', installation(() => publicBot, ACME)), expected: { anonymous: U, carol: F, bot: F, bob: A } },
  { rule: 'Bot uninstall (public bot, from globex)', probe: write('uninstallBot', 'BotInstallationInput', installation(() => publicBot, GLOBEX)), expected: { bob: N, judit: F } },
];

describe('platform: entity × action × actor', () => {
  it.each(matrixCases(MATRIX))('%s: %s → %s', async (_rule, actor, expected, row) => {
    expect(await probeAs(row, actor, (scopes) => setBotScopes(gateway, scopes))).toBe(expected);
  });
});
