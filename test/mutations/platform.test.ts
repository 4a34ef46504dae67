import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import { actorRunner, auditRows, failAuditOf, gid, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// Notifications (mark one, mark all), files (register, delete), translations (upsert): happy path,
// validation, forbidden actors, missing targets, idempotency, audit, atomicity.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  // A notification for the helper bot's machine user, and an unread one of no organization for the admin.
  await gateway.handle.exec(`
    insert into platform.notifications (id, user_id, type, title) values
      ('${demoId(60, 99)}', '${demoUsers.bot}', 'mention', '{"en": "You were mentioned"}'),
      ('${demoId(60, 98)}', '${demoUsers.admin}', 'system', '{"en": "Maintenance tonight"}');`);
});
afterAll(() => gateway.close());

const UNKNOWN = '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d';
const ACME = demoId(20, 1);
const GLOBEX = demoId(20, 2);
const GENERAL = demoId(30, 1);
const DESIGN = demoId(30, 3); // private: alice, carol, dave
const notification = (n: number) => gid('Notification', demoId(60, n));

describe('markNotificationRead, markAllNotificationsRead', () => {
  const MARK = mutation('markNotificationRead', 'NotificationInput', '... on NotificationPayload { notification { id isRead readAt } }');
  const MARK_ALL = mutation('markAllNotificationsRead', 'MarkAllNotificationsReadInput', '... on MarkAllNotificationsReadPayload { count }', true);
  const mark = (actor: Actor, id: string) => run(actor, MARK, { input: { id } });
  const unread = (user: DemoUser) =>
    sqlRows<{ n: number }>(gateway, `select count(*)::int as n from platform.notifications where user_id = '${demoUsers[user]}' and read_at is null`).then((rows) => rows[0]!.n);

  it('marks one read; again, or twice at once, keeps the first read time', async () => {
    const first = await mark('dave', notification(11));
    expect(first.data.markNotificationRead.notification).toMatchObject({ id: notification(11), isRead: true });
    const readAt = first.data.markNotificationRead.notification.readAt;
    const again = await Promise.all([mark('dave', notification(11)), mark('dave', notification(11))]);
    expect(again.map((response) => response.data.markNotificationRead.notification.readAt)).toEqual([readAt, readAt]);
  });

  it.each<[string, Actor, string, string]>([
    ["another user's notification (existence does not leak)", 'bob', notification(12), 'NotFoundError'],
    ['an unknown notification', 'dave', gid('Notification', UNKNOWN), 'NotFoundError'],
    ['an ID of another type', 'dave', gid('File', UNKNOWN), 'BAD_USER_INPUT'],
    ['a bot without notifications:write', 'bot', gid('Notification', demoId(60, 99)), 'ForbiddenError'],
    ['anonymous', 'anonymous', notification(12), 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, id, expected) => {
    expect(outcomeOf(await mark(actor, id), 'markNotificationRead')).toBe(expected);
    expect(await unread('dave')).toBeGreaterThan(0);
  });

  it('a bot with notifications:write marks its own', async () => {
    await setBotScopes(gateway, ['messages:read', 'notifications:write']);
    try {
      expect(outcomeOf(await mark('bot', gid('Notification', demoId(60, 99))), 'markNotificationRead')).toBe('NotificationPayload');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
  });

  it("marks all of the viewer's unread ones (of one organization when asked) and counts them", async () => {
    expect(await unread('admin')).toBe(2); // one about globex, one of no organization
    const globex = await run('admin', MARK_ALL, { input: { organizationId: gid('Organization', GLOBEX) } });
    expect(globex.data.markAllNotificationsRead.count).toBe(1);
    expect(await unread('admin')).toBe(1);
    const rest = await run('admin', MARK_ALL, {});
    expect(rest.data.markAllNotificationsRead).toEqual({ __typename: 'MarkAllNotificationsReadPayload', count: 1 });
    expect((await run('admin', MARK_ALL, {})).data.markAllNotificationsRead.count).toBe(0);
    expect(await unread('admin')).toBe(0);
    expect(await unread('hanna')).toBeGreaterThan(0); // nobody else's
    expect(outcomeOf(await run('admin', MARK_ALL, { input: { organizationId: gid('Channel', GLOBEX) } }), 'markAllNotificationsRead')).toBe('BAD_USER_INPUT');
    expect(outcomeOf(await run('anonymous', MARK_ALL, {}), 'markAllNotificationsRead')).toBe('UNAUTHENTICATED');
  });
});

describe('registerFile, deleteFile', () => {
  const REGISTER = mutation('registerFile', 'RegisterFileInput', '... on FilePayload { file { id fileName mimeType sizeBytes scope status organization { id } channel { id } message { id } owner { id } } }');
  const DELETE = mutation('deleteFile', 'FileInput', '... on FilePayload { file { id } }');
  const register = (actor: Actor, input: Record<string, unknown>) => run(actor, REGISTER, { input: { fileName: 'notes.txt', mimeType: 'text/plain', sizeBytes: 12, ...input } });
  const fileCount = () => sqlRows<{ n: number }>(gateway, 'select count(*)::int as n from platform.files').then((rows) => rows[0]!.n);

  it('registers the metadata in a channel: the organization follows from it, the storage key is generated', async () => {
    const response = await register('dave', { fileName: 'minutes.pdf', mimeType: 'Application/PDF', sizeBytes: 5 * 1024 ** 3, scope: 'ORGANIZATION', channelId: gid('Channel', GENERAL) });
    const file = response.data.registerFile.file;
    expect(file).toMatchObject({
      fileName: 'minutes.pdf',
      mimeType: 'application/pdf',
      sizeBytes: 5 * 1024 ** 3,
      scope: 'ORGANIZATION',
      status: 'PENDING',
      organization: { id: gid('Organization', ACME) },
      channel: { id: gid('Channel', GENERAL) },
      owner: { id: gid('User', demoUsers.dave) },
    });
    const [row] = await sqlRows<{ storage_key: string }>(gateway, `select storage_key from platform.files where file_name = 'minutes.pdf'`);
    expect(row!.storage_key).toMatch(new RegExp(`^uploads/${demoUsers.dave}/[0-9a-f-]{36}$`));
  });

  it('attaches to a message of the viewer (its channel and organization follow)', async () => {
    const response = await register('dave', { messageId: gid('Message', demoId(40, 3)) });
    expect(response.data.registerFile.file).toMatchObject({ scope: 'USER', message: { id: gid('Message', demoId(40, 3)) }, channel: { id: gid('Channel', GENERAL) } });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative size', { sizeBytes: -1 }, 'sizeBytes'],
    ['a size above 5 GiB', { sizeBytes: 5 * 1024 ** 3 + 1 }, 'sizeBytes'],
    ['a fractional size', { sizeBytes: 1.5 }, 'sizeBytes'],
    ['a file name with a slash', { fileName: '../etc/passwd' }, 'fileName'],
    ['an empty file name', { fileName: '' }, 'fileName'],
    ['a file name with a NUL', { fileName: 'a\u0000b' }, 'fileName'],
    ['a malformed media type', { mimeType: 'not a type' }, 'mimeType'],
    ['an organization scope without an organization', { scope: 'ORGANIZATION' }, 'organizationId'],
    ['a channel of another organization', { organizationId: gid('Organization', GLOBEX), channelId: gid('Channel', GENERAL) }, 'organizationId'],
  ])('refuses %s (ValidationError) and registers nothing', async (_name, input, field) => {
    const before = await fileCount();
    const response = await register('carol', input);
    expect(outcomeOf(response, 'registerFile')).toBe('ValidationError');
    expect(response.data.registerFile.fieldErrors[0].path[0]).toBe(field);
    expect(await fileCount()).toBe(before);
  });

  it.each<[string, Actor, Record<string, unknown>, string]>([
    ['a private channel the viewer is not in', 'bob', { channelId: gid('Channel', DESIGN) }, 'NotFoundError'],
    ["someone else's message", 'bob', { messageId: gid('Message', demoId(40, 3)) }, 'ForbiddenError'],
    ['a public organization the viewer is not in', 'gina', { organizationId: gid('Organization', ACME) }, 'ForbiddenError'],
    ['a private organization the viewer is not in', 'bob', { organizationId: gid('Organization', GLOBEX) }, 'NotFoundError'],
    ['an unknown channel', 'bob', { channelId: gid('Channel', UNKNOWN) }, 'NotFoundError'],
    ['a bot without files:write', 'bot', {}, 'ForbiddenError'],
    ['anonymous', 'anonymous', {}, 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, input, expected) => {
    const before = await fileCount();
    expect(outcomeOf(await register(actor, input), 'registerFile')).toBe(expected);
    expect(await fileCount()).toBe(before);
  });

  it('a bot with files:write registers into a channel it may post in', async () => {
    await setBotScopes(gateway, ['messages:read', 'messages:write', 'files:write']);
    try {
      expect(outcomeOf(await register('bot', { channelId: gid('Channel', GENERAL) }), 'registerFile')).toBe('FilePayload');
    } finally {
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
  });

  it('deletes (soft) an own file and audits it; others are refused; a failed audit undoes it', async () => {
    const handbook = gid('File', demoId(70, 2)); // alice's, organization scope in acme
    expect(outcomeOf(await run('dave', DELETE, { input: { id: handbook } }), 'deleteFile')).toBe('ForbiddenError'); // seen, not owned
    expect(outcomeOf(await run('gina', DELETE, { input: { id: gid('File', demoId(70, 1)) } }), 'deleteFile')).toBe('NotFoundError'); // hidden
    expect(outcomeOf(await run('alice', DELETE, { input: { id: gid('File', UNKNOWN) } }), 'deleteFile')).toBe('NotFoundError');

    const tables = ['platform.files', 'platform.audit_logs'];
    const before = await snapshot(gateway, tables);
    const restore = await failAuditOf(gateway, 'file.delete');
    try {
      expect(outcomeOf(await run('alice', DELETE, { input: { id: handbook } }), 'deleteFile')).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await restore();
    }
    expect(await snapshot(gateway, tables)).toBe(before);

    expect((await run('alice', DELETE, { input: { id: handbook } })).data.deleteFile).toEqual({ __typename: 'FilePayload', file: null });
    expect(await sqlRows(gateway, `select 1 from platform.files where id = '${demoId(70, 2)}' and deleted_at is not null`)).toHaveLength(1);
    expect(await auditRows(gateway, 'file.delete')).toMatchObject([{ actor_id: demoUsers.alice, organization_id: ACME, resource_id: demoId(70, 2), old_values: { fileName: 'employee-handbook.pdf' } }]);
    expect(outcomeOf(await run('alice', DELETE, { input: { id: handbook } }), 'deleteFile')).toBe('NotFoundError'); // already gone
  });
});

describe('upsertTranslations', () => {
  const UPSERT = mutation('upsertTranslations', 'UpsertTranslationsInput', '... on UpsertTranslationsPayload { translations { locale namespace key value } }');
  const upsert = (actor: Actor, input: Record<string, unknown>) => run(actor, UPSERT, { input });
  const stored = (namespace: string, key: string) =>
    sqlRows<{ locale: string; value: string }>(gateway, `select locale, value from platform.translations where namespace = '${namespace}' and key = '${key}' order by locale`);

  it('adds and replaces strings; readers see them on their next request; audited with old and new values', async () => {
    const response = await upsert('alice', {
      namespace: 'common',
      entries: [
        { locale: 'hu', key: 'actions.save', value: 'Mentés most' },
        { locale: 'en', key: 'actions.close', value: 'Close' },
        { locale: 'HU', key: 'actions.close', value: 'Bezárás' },
      ],
    });
    expect(response.data.upsertTranslations.translations).toEqual([
      { locale: 'en', namespace: 'common', key: 'actions.close', value: 'Close' },
      { locale: 'hu', namespace: 'common', key: 'actions.close', value: 'Bezárás' },
      { locale: 'hu', namespace: 'common', key: 'actions.save', value: 'Mentés most' },
    ]);
    const read = await run('anonymous', '{ translations(namespaces: ["common"], locale: "hu") { entries } }');
    expect(read.data.translations[0].entries).toMatchObject({ 'actions.save': 'Mentés most', 'actions.close': 'Bezárás' });
    expect(await auditRows(gateway, 'translations.upsert')).toMatchObject([
      { actor_id: demoUsers.alice, resource_type: 'translation', old_values: { namespace: 'common', entries: { 'hu:actions.save': 'Mentés' } }, new_values: { entries: { 'en:actions.close': 'Close' } } },
    ]);
  });

  it('two concurrent writes of a new key leave one row per locale', async () => {
    const input = (value: string) => ({ namespace: 'chat', entries: [{ locale: 'en', key: 'race.key', value }] });
    const results = await Promise.all([upsert('admin', input('A')), upsert('admin', input('B'))]);
    expect(results.map((response) => outcomeOf(response, 'upsertTranslations'))).toEqual(['UpsertTranslationsPayload', 'UpsertTranslationsPayload']);
    expect(await stored('chat', 'race.key')).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a locale the platform does not offer', { namespace: 'common', entries: [{ locale: 'fr', key: 'x', value: 'X' }] }, ['entries', '0', 'locale']],
    ['a (locale, key) given twice', { namespace: 'common', entries: [{ locale: 'en', key: 'x', value: 'A' }, { locale: 'en', key: 'x', value: 'B' }] }, ['entries', '1', 'key']],
    ['no entries', { namespace: 'common', entries: [] }, ['entries']],
    ['a malformed namespace', { namespace: 'com mon', entries: [{ locale: 'en', key: 'x', value: 'X' }] }, ['namespace']],
    ['a malformed key', { namespace: 'common', entries: [{ locale: 'en', key: 'has space', value: 'X' }] }, ['entries', '0', 'key']],
    ['a blank value', { namespace: 'common', entries: [{ locale: 'en', key: 'x', value: '   ' }] }, ['entries', '0', 'value']],
    ['a value with a NUL', { namespace: 'common', entries: [{ locale: 'en', key: 'x', value: 'a\u0000b' }] }, ['entries', '0', 'value']],
  ])('refuses %s (ValidationError) and writes nothing', async (_name, input, path) => {
    const response = await upsert('admin', input);
    expect(outcomeOf(response, 'upsertTranslations')).toBe('ValidationError');
    expect(response.data.upsertTranslations.fieldErrors[0].path).toEqual(path);
    expect(await stored('common', 'x')).toEqual([]);
  });

  it.each<[Actor, string]>([
    ['dave', 'ForbiddenError'],
    ['bot', 'ForbiddenError'],
    ['anonymous', 'UNAUTHENTICATED'],
  ])('refuses %s without translations.manage: %s', async (actor, expected) => {
    expect(outcomeOf(await upsert(actor, { namespace: 'common', entries: [{ locale: 'en', key: 'actions.save', value: 'Hacked' }] }), 'upsertTranslations')).toBe(expected);
    expect(await stored('common', 'actions.save')).toContainEqual({ locale: 'en', value: 'Save' });
  });
});

describe('malformed input to any platform mutation: a client error, never a 500 or SQL text', () => {
  const long = 'x'.repeat(100_000);
  const CASES: [string, string, Record<string, unknown>][] = [
    ['updateProfile', 'UpdateProfileInput', { userId: 'garbage' }],
    ['updateProfile', 'UpdateProfileInput', { userId: gid('User', 'not-a-uuid') }],
    ['updateProfile', 'UpdateProfileInput', { displayName: 12345 }],
    ['updateProfile', 'UpdateProfileInput', { settings: 'not an object' }],
    ['updateProfile', 'UpdateProfileInput', { settings: [1, 2] }],
    ['updateProfile', 'UpdateProfileInput', { locale: long }],
    ['updateProfile', 'UpdateProfileInput', { timezone: '\u0000' }],
    ['updateProfile', 'UpdateProfileInput', { avatarUrl: `https://${long}` }],
    ['updateProfile', 'UpdateProfileInput', { displayName: '\uD800 lone surrogate' }],
    ['createRole', 'CreateRoleInput', { key: long, name: [{ locale: 'en', text: long }] }],
    ['createRole', 'CreateRoleInput', { key: 'ok-key', name: [{ locale: 'en' }] }],
    ['createGroup', 'CreateGroupInput', { key: 'ok-key', name: [{ locale: 'x-'.repeat(50), text: 'X' }] }],
    ['grantRolePermission', 'RolePermissionInput', { roleId: '', permissionId: '' }],
    ['grantRolePermission', 'RolePermissionInput', { roleId: gid('Role', '["a"]'), permissionId: gid('Permission', '[1]') }],
    ['assignUserGroup', 'UserGroupInput', { userId: gid('User', '[]'), groupId: null }],
    ['grantAppAccess', 'AppAccessInput', { appId: gid('App', '["x"]'), roleId: gid('Role', '["y"]') }],
    ['createBot', 'CreateBotInput', { organizationId: gid('Organization', '[1,2]'), name: 'B', scopes: [long] }],
    ['createBot', 'CreateBotInput', { organizationId: gid('Organization', ACME), name: long, scopes: Array(10_000).fill('messages:read') }],
    ['updateBot', 'UpdateBotInput', { id: gid('Bot', demoId(50, 1)), description: [{ locale: 'en', text: 'a\u0000b' }] }],
    ['installBot', 'BotInstallationInput', { botId: gid('Bot', 'nope'), organizationId: gid('Organization', 'nope') }],
    ['registerFile', 'RegisterFileInput', { fileName: 'a', mimeType: 'text/plain', sizeBytes: 1e300 }],
    ['registerFile', 'RegisterFileInput', { fileName: '\uD800', mimeType: 'text/plain; charset=\u0000', sizeBytes: 0 }],
    ['registerFile', 'RegisterFileInput', { fileName: 'a', mimeType: 'text/plain', sizeBytes: 'ten' }],
    ['registerFile', 'RegisterFileInput', { fileName: 'a', mimeType: 'text/plain', sizeBytes: 1, scope: 'EVERYONE' }],
    ['registerFile', 'RegisterFileInput', { fileName: 'a', mimeType: 'text/plain', sizeBytes: 1, messageId: gid('Message', '["m"]') }],
    ['deleteFile', 'FileInput', { id: gid('File', '{}') }],
    ['markNotificationRead', 'NotificationInput', { id: gid('Notification', '[]') }],
    ['markAllNotificationsRead', 'MarkAllNotificationsReadInput', { organizationId: 'x' }],
    ['upsertTranslations', 'UpsertTranslationsInput', { namespace: long, entries: [{ locale: 'en', key: long, value: long }] }],
    ['upsertTranslations', 'UpsertTranslationsInput', { namespace: 'common', entries: [{ locale: 'en', key: 'k', value: '\uD800' }] }],
    ['upsertTranslations', 'UpsertTranslationsInput', { namespace: 'common', entries: Array.from({ length: 2_000 }, (_, i) => ({ locale: 'en', key: `k${i}`, value: 'v' })) }],
  ];

  // A lone surrogate is no error: JSON decoding and UTF-8 encoding turn it into U+FFFD.
  it.each(CASES)('%s (case %#)', async (name, inputType, input) => {
    const response = await run('admin', mutation(name, inputType, '', name === 'markAllNotificationsRead'), { input });
    expect(outcomeOf(response, name)).toMatch(/^(BAD_USER_INPUT|ValidationError|NotFoundError|ForbiddenError|\w+Payload)$/);
  });
});
