import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../../test/gateway.js';
import { queryRows } from '../../../test/database.js';
import { headersFor } from '../../../test/sign-in.js';
import type { Context } from '../../context.js';
import { createRequestLocale } from '../../i18n/request.js';
import { schema } from '../index.js';
import { localizedInput } from './localized.js';

// Demo data (seeds/*.sql): locales en (default), hu, de; role `guest` has no de name; carol@example.com stores de.
const HANNA = '10000000-0000-4000-8000-000000000007'; // hanna@example.com, locale hu
const CAROL_IN_GLOBEX = '60000000-0000-4000-8000-000000000010'; // title en/hu only; globex defaults to hu
const CAROL_IN_ACME = '60000000-0000-4000-8000-000000000009'; // title en/hu only; acme defaults to en
const CAROL_WITH_DE = '60000000-0000-4000-8000-000000000008'; // title has de

const ROLES = '{ roles(orderBy: KEY) { nodes { key name nameLocale nameTranslations } } }';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await createTestGateway();
  // The platform administrator holds every permission, so roles, groups and permissions are readable.
  gateway.defaultHeaders = await headersFor(gateway, 'admin');
  // hanna and carol read roles in their own locales below: give them users.roles.view.
  await gateway.handle.exec(`
    insert into auth.roles (key, name) values ('role-reader', '{"en": "Role reader", "hu": "Szerepkör-olvasó", "de": "Rollenleser"}');
    insert into auth.role_permissions (role_id, permission_id)
      select r.id, p.id from auth.roles r, auth.permissions p where r.key = 'role-reader' and p.key = 'users.roles.view';
    insert into auth.user_roles (user_id, role_id)
      select u.id, r.id from auth.users u, auth.roles r
      where r.key = 'role-reader' and u.email in ('hanna@example.com', 'carol@example.com');`);
});
afterAll(() => gateway.close());

type Role = { key: string; name: string; nameLocale: string; nameTranslations: Record<string, string> };
type Headers = Record<string, string>;

/** The roles of a request, by key (a missing key fails the test). */
async function roles(headers: Headers = {}, query = ROLES): Promise<(key: string) => Role> {
  const { data, errors } = await gateway.execute(query, {}, headers);
  expect(errors).toBeUndefined();
  const byKey = new Map((data.roles.nodes as Role[]).map((role) => [role.key, role]));
  return (key) => byKey.get(key) ?? expect.fail(`no role ${key}`);
}

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { ... on SessionPayload { token } } }';
const tokens = new Map<string, string>();

/** `Authorization` for a demo user (seeds/accounts.sql), signed in once per file. */
async function signedIn(email: string): Promise<Headers> {
  if (!tokens.has(email)) {
    const { data } = await gateway.execute(SIGN_IN, { input: { email, password: 'demo-password-2026' } });
    tokens.set(email, data.signIn.token);
  }
  return { authorization: `Bearer ${tokens.get(email)}` };
}

/**
 * A request context built by hand, to count the statements of locale resolution alone; `locale`
 * is the viewer's stored locale as authentication would hand it over.
 */
function contextFor(userId: string | null, options: { locale?: string | null; acceptLanguage?: string } = {}): Context {
  const db = gateway.handle.db;
  const handedOver = options.locale !== undefined ? { locale: options.locale } : {};
  const viewer = userId ? { userId, userType: 'human', scopes: null, sessionId: null, botId: null, ...handedOver } : null;
  const requestLocale = createRequestLocale({ db, acceptLanguage: options.acceptLanguage, viewer: () => viewer });
  return { db, viewer, credentialsError: null, clientIp: null, locale: requestLocale } as unknown as Context;
}

const notificationId = (id: string) => Buffer.from(`Notification:${id}`).toString('base64');

describe('the request locale', () => {
  it('serves en, hu and de from Accept-Language', async () => {
    expect((await roles({ 'accept-language': 'en' }))('administrator')).toMatchObject({ name: 'Administrator', nameLocale: 'en' });
    expect((await roles({ 'accept-language': 'hu' }))('administrator')).toMatchObject({ name: 'Adminisztrátor', nameLocale: 'hu' });
    expect((await roles({ 'accept-language': 'de' }))('user')).toMatchObject({ name: 'Benutzer', nameLocale: 'de' });
  });

  it('falls back to the platform default where de is missing', async () => {
    expect((await roles({ 'accept-language': 'de' }))('guest')).toMatchObject({ name: 'Guest', nameLocale: 'en' });
  });

  it('uses the platform default without any preference', async () => {
    expect((await roles())('manager')).toMatchObject({ name: 'Manager', nameLocale: 'en' });
  });

  it('lets the argument beat the header', async () => {
    const query = '{ roles(orderBy: KEY) { nodes { key name(locale: "de") nameLocale(locale: "de") hu: name(locale: "hu") } } }';
    const { data } = await gateway.execute(query, {}, { 'accept-language': 'hu' });
    const user = data.roles.nodes.find((role: Role) => role.key === 'user');
    expect(user).toEqual({ key: 'user', name: 'Benutzer', nameLocale: 'de', hu: 'Felhasználó' });
    // A well-formed locale without a text falls back along the request's chain (here the header).
    const guest = data.roles.nodes.find((role: Role) => role.key === 'guest');
    expect(guest).toMatchObject({ name: 'Vendég', nameLocale: 'hu' });
  });

  it('respects q-values', async () => {
    expect((await roles({ 'accept-language': 'en;q=0.5, hu;q=0.9' }))('administrator').nameLocale).toBe('hu');
    expect((await roles({ 'accept-language': 'hu;q=0.4, de;q=0.8, en;q=0.6' }))('guest').nameLocale).toBe('en');
  });

  it('matches region tags to their language', async () => {
    expect((await roles({ 'accept-language': 'hu-HU' }))('administrator')).toMatchObject({ name: 'Adminisztrátor', nameLocale: 'hu' });
    expect((await roles({ 'accept-language': 'de-AT, hu;q=0.5' }))('guest').nameLocale).toBe('hu');
  });

  it('skips unknown and malformed header tags', async () => {
    expect((await roles({ 'accept-language': 'fr, xx_!, *;q=0.9, hu;q=0.1' }))('administrator').nameLocale).toBe('hu');
    expect((await roles({ 'accept-language': 'fr-FR, !!!' }))('administrator').nameLocale).toBe('en');
  });

  it("uses the viewer's stored locale without a header", async () => {
    expect((await roles(await signedIn('hanna@example.com')))('manager')).toMatchObject({ name: 'Vezető', nameLocale: 'hu' });
  });

  it("puts the header before the viewer's locale, and the viewer's before the platform default", async () => {
    const hanna = await roles({ ...(await signedIn('hanna@example.com')), 'accept-language': 'de' });
    expect(hanna('user').nameLocale).toBe('de');
    // Guest has no de: the viewer's hu comes before the platform's en.
    expect(hanna('guest').nameLocale).toBe('hu');
    // Carol's stored locale is de, which guest lacks: the platform default.
    expect((await roles(await signedIn('carol@example.com')))('guest').nameLocale).toBe('en');
  });

  it("reads the viewer's stored locale at most once per request, only when needed, and not when authentication has it", async () => {
    const query = parse('{ apps(first: 60) { nodes { name nameLocale description } } roles(orderBy: KEY) { nodes { name } } }');
    const statements = async (contextValue: Context) => {
      gateway.statements.reset();
      const result = await execute({ schema, document: query, contextValue });
      expect(result.errors).toBeUndefined();
      return gateway.statements.count;
    };
    const anonymous = await statements(contextFor(null));
    expect(await statements(contextFor(HANNA))).toBe(anonymous + 1);
    // The header answers every field: the stored locale is not needed.
    expect(await statements(contextFor(HANNA, { acceptLanguage: 'hu' }))).toBe(anonymous);
    // de is missing on some rows; the locale authentication handed over answers them.
    expect(await statements(contextFor(HANNA, { locale: 'hu', acceptLanguage: 'de' }))).toBe(anonymous);
  });

  it('returns the stored map intact', async () => {
    const stored = await queryRows<{ key: string; name: Record<string, string>; description: Record<string, string> | null }>(
      gateway.handle,
      'select key, name, description from auth.roles',
    );
    const { data } = await gateway.execute('{ roles { nodes { key nameTranslations descriptionTranslations } } }', {}, { 'accept-language': 'de' });
    expect(data.roles.nodes).toHaveLength(stored.length);
    for (const row of stored) {
      const role = data.roles.nodes.find((node: { key: string }) => node.key === row.key);
      expect(role.nameTranslations).toStrictEqual(row.name);
      expect(role.descriptionTranslations).toStrictEqual(row.description);
    }
  });

  it('treats every localized column alike (permissions, resources, apps, groups)', async () => {
    const query = `{
      permissions(first: 100) { nodes { key description descriptionLocale resource { description descriptionLocale } } }
      groups(orderBy: KEY) { nodes { key name nameLocale } }
      apps(first: 100) { nodes { key name nameLocale description descriptionLocale } }
    }`;
    const { data, errors } = await gateway.execute(query, {}, { 'accept-language': 'de' });
    expect(errors).toBeUndefined();
    const assign = data.permissions.nodes.find((node: { key: string }) => node.key === 'users.permissions.assign');
    expect(assign).toMatchObject({ description: 'Grant and revoke permissions', descriptionLocale: 'en' });
    expect(assign.resource).toMatchObject({ description: 'Permissions', descriptionLocale: 'en' });
    expect(data.groups.nodes.find((node: { key: string }) => node.key === 'everyone')).toMatchObject({ name: 'Alle', nameLocale: 'de' });
    expect(data.apps.nodes.find((node: { key: string }) => node.key === 'notifications')).toMatchObject({
      name: 'Benachrichtigungen',
      nameLocale: 'de',
      descriptionLocale: 'en',
    });
  });
});

describe('notifications', () => {
  /** Carol's notification `id`, read through her list (`node` serves only types with a read rule). */
  async function notification(id: string, headers: Headers = {}, args = '') {
    const { data, errors } = await gateway.execute(
      `{ viewer { notifications(first: 50) { nodes { id title${args} titleLocale${args} body${args} bodyLocale${args} } } } }`,
      {},
      { ...(await signedIn('carol@example.com')), ...headers },
    );
    expect(errors).toBeUndefined();
    return data.viewer.notifications.nodes.find((node: { id: string }) => node.id === notificationId(id));
  }

  it("resolve in the recipient's locale, ahead of the request's header", async () => {
    const node = await notification(CAROL_WITH_DE, { 'accept-language': 'hu' });
    expect(node).toMatchObject({ title: 'Neue Direktnachricht von Alice Anderson', titleLocale: 'de' });
    // The body has no de: the header's hu comes next.
    expect(node.bodyLocale).toBe('hu');
  });

  it("fall back to the organization's default locale before the platform default", async () => {
    expect(await notification(CAROL_IN_GLOBEX)).toMatchObject({ title: 'Nagy Judit válaszolt az üzenetedre', titleLocale: 'hu' });
    expect((await notification(CAROL_IN_ACME)).titleLocale).toBe('en');
  });

  it('can still be read in another locale with the argument', async () => {
    expect(await notification(CAROL_WITH_DE, {}, '(locale: "en")')).toMatchObject({ title: 'New direct message from Alice Anderson', titleLocale: 'en', bodyLocale: 'en' });
  });

  it('list newest first, filtered by read state, with counts', async () => {
    const { data } = await gateway.execute(
      '{ viewer { notifications { totalCount nodes { createdAt isRead } } unread: notifications(unread: true) { totalCount nodes { isRead } } } }',
      {},
      await signedIn('carol@example.com'),
    );
    const all = data.viewer.notifications;
    expect(all.totalCount).toBe(all.nodes.length);
    const times: number[] = all.nodes.map((node: { createdAt: string | Date }) => new Date(node.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(data.viewer.unread.nodes.every((node: { isRead: boolean }) => !node.isRead)).toBe(true);
    expect(data.viewer.unread.totalCount).toBeLessThan(all.totalCount);
  });
});

describe('bad locale input', () => {
  async function post(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBeLessThan(500);
    return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  }

  it.each([
    ['a malformed argument', '{ roles { nodes { name(locale: "en_US") } } }', undefined],
    ['a malformed variable', 'query ($l: Locale) { roles { nodes { nameLocale(locale: $l) } } }', { l: 'not a locale' }],
    ['a non-string variable', 'query ($l: Locale) { apps { nodes { name(locale: $l) } } }', { l: 42 }],
    ['a malformed translations locale', '{ translations(namespaces: ["common"], locale: "!!") { namespace } }', undefined],
    ['no namespaces', '{ translations(namespaces: []) { namespace } }', undefined],
    ['a malformed namespace', '{ translations(namespaces: ["common; drop table x"]) { namespace } }', undefined],
  ])('%s is BAD_USER_INPUT', async (_name, query, variables) => {
    const body = await post(query, variables);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('a malformed header is no error', async () => {
    const body = await post(ROLES, undefined, { 'accept-language': ';;q=2,, ,!!,en-' });
    expect(body.errors).toBeUndefined();
  });
});

describe('localized input', () => {
  it('is in the schema as [{ locale, text }]', () => {
    expect(Object.keys(schema.getTypeMap())).toContain('LocalizedTextInput');
  });

  it('becomes the stored map when it holds the default locale and active locales only', async () => {
    const entries = [
      { locale: 'en', text: 'Reviewer' },
      { locale: 'HU', text: 'Ellenőr' },
    ];
    expect(await localizedInput(contextFor(null), entries, 'name')).toEqual({ en: 'Reviewer', hu: 'Ellenőr' });
    expect(await localizedInput(contextFor(null), null, 'description')).toBeNull();
  });

  it('is BAD_USER_INPUT without the default locale or with an inactive locale', async () => {
    await expect(localizedInput(contextFor(null), [{ locale: 'hu', text: 'Ellenőr' }], 'name')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
    const withFrench = [
      { locale: 'en', text: 'Reviewer' },
      { locale: 'fr', text: 'Réviseur' },
    ];
    await expect(localizedInput(contextFor(null), withFrench, 'name')).rejects.toMatchObject({
      extensions: { problems: ['"fr" is not an active locale'] },
    });
  });
});
