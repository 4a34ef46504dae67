import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cachedLocaleCatalog } from '../../src/i18n/catalog.js';
import { silentLogger } from '../../src/observe/logger.js';
import { createRealtime, type Realtime } from '../../src/realtime/index.js';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { actorRunner, auditRows, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// Locales (create, update, set the default, delete) and deleteTranslations (P(translations.manage)),
// and the default locale as data: switched to hu, engine and compiled reads fall back to Hungarian.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
let engine: Yoga;
let realtime: Realtime;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  // The normal engine alone, over the same database (and so the same cached catalog).
  engine = createYogaApp({ handle: gateway.handle, logError: () => undefined, compiledReads: false });
});
afterAll(async () => {
  await engine.dispose();
  await gateway.close();
});

const LOCALE = '... on LocalePayload { locale { code name nativeName isActive isDefault } }';
const CREATE = mutation('createLocale', 'CreateLocaleInput', LOCALE);
const UPDATE = mutation('updateLocale', 'UpdateLocaleInput', LOCALE);
const SET_DEFAULT = mutation('setDefaultLocale', 'LocaleCodeInput', LOCALE);
const DELETE = mutation('deleteLocale', 'LocaleCodeInput', LOCALE);
const DELETE_TRANSLATIONS = mutation('deleteTranslations', 'DeleteTranslationsInput', '... on DeleteTranslationsPayload { count }');
const TABLES = ['platform.locales', 'platform.translations', 'platform.audit_logs', 'platform.apps'];

const defaultLocale = async () => (await sqlRows<{ code: string }>(gateway, 'select code from platform.locales where is_default'))[0]?.code;

describe('createLocale, updateLocale', () => {
  it('adds a locale (canonical tag), renames and deactivates it; audited', async () => {
    const created = await run('alice', CREATE, { input: { code: 'FR', name: 'French', nativeName: 'Français' } });
    expect(created.data.createLocale.locale).toEqual({ code: 'fr', name: 'French', nativeName: 'Français', isActive: true, isDefault: false });
    const updated = await run('alice', UPDATE, { input: { code: 'fr', nativeName: 'français', isActive: false } });
    expect(updated.data.updateLocale.locale).toMatchObject({ name: 'French', nativeName: 'français', isActive: false });
    expect((await auditRows(gateway, 'locale.update')).at(-1)).toMatchObject({ old_values: { isActive: true }, new_values: { isActive: false } });
    // The catalog was reloaded: fr is no longer accepted in a localized input.
    const refused = await run('admin', mutation('createApp', 'CreateAppInput'), {
      input: { key: 'fr-only', name: [{ locale: 'en', text: 'X' }, { locale: 'fr', text: 'X' }] },
    });
    expect(outcomeOf(refused, 'createApp')).toBe('ValidationError');
  });

  it('an update naming only the code changes nothing and answers the locale (no audit row)', async () => {
    const before = await snapshot(gateway, TABLES);
    const response = await run('alice', UPDATE, { input: { code: 'hu' } });
    expect(response.data.updateLocale.locale).toMatchObject({ code: 'hu', isActive: true });
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });

  it.each<[string, Actor, string, Record<string, unknown>, string]>([
    ['a duplicate code', 'alice', 'create', { code: 'hu', name: 'Hungarian', nativeName: 'Magyar' }, 'ConflictError'],
    ['a blank name', 'alice', 'create', { code: 'it', name: ' ', nativeName: 'Italiano' }, 'ValidationError'],
    ['a code over 16 characters', 'alice', 'create', { code: 'en-Latn-US-abcdefgh', name: 'X', nativeName: 'X' }, 'ValidationError'],
    ['a malformed code', 'alice', 'create', { code: 'not a tag', name: 'X', nativeName: 'X' }, 'BAD_USER_INPUT'],
    ['a user without translations.manage', 'carol', 'create', { code: 'it', name: 'Italian', nativeName: 'Italiano' }, 'ForbiddenError'],
    ['the bot', 'bot', 'create', { code: 'it', name: 'Italian', nativeName: 'Italiano' }, 'ForbiddenError'],
    ['anonymous', 'anonymous', 'create', { code: 'it', name: 'Italian', nativeName: 'Italiano' }, 'UNAUTHENTICATED'],
    ['an unknown locale', 'alice', 'update', { code: 'xx', name: 'X' }, 'NotFoundError'],
    ['deactivating the default', 'alice', 'update', { code: 'en', isActive: false }, 'ConflictError'],
    ['a null name', 'alice', 'update', { code: 'de', name: null }, 'ValidationError'],
  ])('refuses %s, changing nothing', async (_name, actor, which, input, expected) => {
    const before = await snapshot(gateway, TABLES);
    const field = which === 'create' ? 'createLocale' : 'updateLocale';
    expect(outcomeOf(await run(actor, which === 'create' ? CREATE : UPDATE, { input }), field)).toBe(expected);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });
});

describe('deleteLocale, deleteTranslations', () => {
  it('deletes UI strings by (locale, key), idempotently; audited', async () => {
    const [row] = await sqlRows<{ namespace: string; key: string }>(gateway, `select namespace, key from platform.translations where locale = 'de' order by namespace, key limit 1`);
    const input = { namespace: row!.namespace, entries: [{ locale: 'de', key: row!.key }, { locale: 'de', key: 'no.such.key' }] };
    expect((await run('alice', DELETE_TRANSLATIONS, { input })).data.deleteTranslations).toEqual({ __typename: 'DeleteTranslationsPayload', count: 1 });
    expect((await run('alice', DELETE_TRANSLATIONS, { input })).data.deleteTranslations.count).toBe(0);
    expect(await auditRows(gateway, 'translations.delete')).toHaveLength(1);
    expect(outcomeOf(await run('carol', DELETE_TRANSLATIONS, { input }), 'deleteTranslations')).toBe('ForbiddenError');
    expect(outcomeOf(await run('alice', DELETE_TRANSLATIONS, { input: { ...input, entries: [] } }), 'deleteTranslations')).toBe('ValidationError');
    expect(outcomeOf(await run('alice', DELETE_TRANSLATIONS, { input: { ...input, namespace: 'bad namespace' } }), 'deleteTranslations')).toBe('ValidationError');
  });

  it('deletes an unused locale with its UI strings; refuses the default and a chosen one', async () => {
    await gateway.handle.exec(`insert into platform.locales (code, name, native_name) values ('it', 'Italian', 'Italiano');
      insert into platform.translations (locale, namespace, key, value) values ('it', 'common', 'actions.save', 'Salva');`);
    const deleted = await run('alice', DELETE, { input: { code: 'it' } });
    expect(deleted.data.deleteLocale).toEqual({ __typename: 'LocalePayload', locale: null });
    expect((await auditRows(gateway, 'locale.delete')).at(-1)).toMatchObject({ old_values: { code: 'it', translations: 1 } });
    expect(await sqlRows(gateway, `select count(*)::int as n from platform.translations where locale = 'it'`)).toEqual([{ n: 0 }]);
    const before = await snapshot(gateway, TABLES);
    expect(outcomeOf(await run('alice', DELETE, { input: { code: 'en' } }), 'deleteLocale')).toBe('ConflictError'); // the default
    expect(outcomeOf(await run('alice', DELETE, { input: { code: 'hu' } }), 'deleteLocale')).toBe('ConflictError'); // users and globex chose it
    expect(outcomeOf(await run('alice', DELETE, { input: { code: 'it' } }), 'deleteLocale')).toBe('NotFoundError');
    expect(outcomeOf(await run('carol', DELETE, { input: { code: 'de' } }), 'deleteLocale')).toBe('ForbiddenError');
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });
});

describe('the default locale is data (platform.locales.is_default)', () => {
  const QUERY = '{ apps(first: 50) { nodes { key description descriptionLocale } } }';
  const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');
  const notifications = (json: GraphQLResponse) => json.data.apps.nodes.find((app: { key: string }) => app.key === 'notifications');

  /** The notifications app's description for an Accept-Language it lacks (de), by the engine and by a compiled statement. */
  async function readBothWays(): Promise<unknown[]> {
    const headers = { 'content-type': 'application/json', accept: 'application/json', 'accept-language': 'de' };
    const post = async (yoga: Yoga) =>
      (await (await yoga.fetch('http://gateway.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query: QUERY }) })).json()) as GraphQLResponse;
    const byEngine = await post(engine);
    await post(gateway.yoga);
    gateway.statements.reset();
    const compiled = await post(gateway.yoga);
    expect(gateway.statements.log.some(isCompiled), 'served by a compiled statement').toBe(true);
    return [notifications(byEngine), notifications(compiled)];
  }

  it('no CHECK constraint names a locale', async () => {
    const checks = await sqlRows<{ conname: string; def: string }>(
      gateway,
      `select conname, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'c' and connamespace::regnamespace::text in ('auth', 'platform', 'chat')`,
    );
    expect(checks.filter((check) => check.conname.endsWith('_localized'))).toHaveLength(19);
    expect(checks.filter((check) => /'en'/.test(check.def))).toEqual([]);
  });

  it('refuses a default whose texts are missing, naming the columns; then switches to hu and both paths fall back to Hungarian', async () => {
    const en = { description: 'Everything that needs your attention', descriptionLocale: 'en' };
    expect(await readBothWays()).toEqual([expect.objectContaining(en), expect.objectContaining(en)]);

    // A role without a Hungarian name blocks the switch.
    await gateway.handle.exec(`insert into auth.roles (key, name, is_system) values ('english-only', '{"en": "English only"}', false)`);
    const before = await snapshot(gateway, TABLES);
    const refused = await run('alice', `${SET_DEFAULT.replace('{ __typename', '{ __typename ... on ConflictError { message }')}`, { input: { code: 'hu' } });
    expect(refused.data.setDefaultLocale.__typename).toBe('ConflictError');
    expect(refused.data.setDefaultLocale.message).toMatch(/auth\.roles\.name \(\d+ rows\)/);
    expect(await snapshot(gateway, TABLES)).toBe(before);
    // So does the database itself, for a switch made with SQL.
    // (One implicit transaction: a script of several statements sent at once.)
    await expect(gateway.handle.exec(`update platform.locales set is_default = false where code = 'en'; update platform.locales set is_default = true where code = 'hu';`)).rejects.toThrow(/cannot be the default locale/);
    expect(await defaultLocale()).toBe('en');

    // Every localized text completed in Hungarian (here: copied from English), the switch goes through.
    for (const [table, columns] of Object.entries({ 'auth.roles': ['name', 'description'], 'auth.groups': ['name', 'description'], 'auth.resources': ['description'], 'auth.permissions': ['description'], 'platform.apps': ['name', 'description'], 'platform.notifications': ['title', 'body'], 'chat.bots': ['description'] })) {
      for (const column of columns) {
        await gateway.handle.exec(`update ${table} set ${column} = ${column} || jsonb_build_object('hu', ${column} ->> 'en') where ${column} is not null and not platform.has_text(${column}, 'hu')`);
      }
    }
    expect(outcomeOf(await run('carol', SET_DEFAULT, { input: { code: 'hu' } }), 'setDefaultLocale')).toBe('ForbiddenError');
    const switched = await run('alice', SET_DEFAULT, { input: { code: 'hu' } });
    expect(switched.data.setDefaultLocale.locale).toMatchObject({ code: 'hu', isDefault: true });
    expect(await sqlRows(gateway, 'select code from platform.locales where is_default')).toEqual([{ code: 'hu' }]);
    expect((await auditRows(gateway, 'locale.set_default')).at(-1)).toMatchObject({ old_values: { defaultLocale: 'en' }, new_values: { defaultLocale: 'hu' } });

    const hu = { description: 'Minden, ami a figyelmedet igényli', descriptionLocale: 'hu' };
    expect(await readBothWays()).toEqual([expect.objectContaining(hu), expect.objectContaining(hu)]);

    // Hungarian is now what every localized text needs, through the API and in SQL; English is not.
    const appWithout = (locale: string) => run('admin', mutation('createApp', 'CreateAppInput'), { input: { key: `only-${locale}`, name: [{ locale, text: 'X' }] } });
    expect(outcomeOf(await appWithout('en'), 'createApp')).toBe('ValidationError');
    expect(outcomeOf(await appWithout('hu'), 'createApp')).toBe('AppPayload');
    await expect(gateway.handle.exec(`insert into platform.apps (key, name) values ('sql-en', '{"en": "English"}')`)).rejects.toThrow(/default locale "hu"/);
    await expect(gateway.handle.exec(`update auth.roles set name = '{"en": "x"}' where key = 'english-only'`)).rejects.toThrow(/default locale "hu"/);
    expect(outcomeOf(await run('alice', DELETE, { input: { code: 'hu' } }), 'deleteLocale')).toBe('ConflictError');
    expect(outcomeOf(await run('alice', UPDATE, { input: { code: 'hu', isActive: false } }), 'updateLocale')).toBe('ConflictError');
    // A new organization without a default locale of its own takes the platform's.
    const organization = await run('carol', mutation('createOrganization', 'CreateOrganizationInput', '... on OrganizationPayload { organization { defaultLocale } }'), {
      input: { slug: 'magyar-kft', name: 'Magyar Kft.' },
    });
    expect(organization.data.createOrganization.organization).toEqual({ defaultLocale: 'hu' });
  });

  it('a default switched with SQL reaches the cached catalog through the NOTIFY of the locales trigger', async () => {
    realtime = createRealtime(gateway.handle, { log: silentLogger() });
    await realtime.start();
    onTestFinished(() => realtime.stop());
    expect((await cachedLocaleCatalog(gateway.handle.db)).defaultLocale).toBe('hu');
    // The app created in Hungarian only would block English (the guard); it goes first.
    await gateway.handle.exec(`delete from platform.apps where key = 'only-hu'; update platform.locales set is_default = false where code = 'hu'; update platform.locales set is_default = true where code = 'en';`);
    await vi.waitFor(async () => expect((await cachedLocaleCatalog(gateway.handle.db)).defaultLocale).toBe('en'));
    // Exactly one default, checked at commit.
    await expect(gateway.handle.exec(`update platform.locales set is_default = false`)).rejects.toThrow(/exactly one locale must be the default/);
    expect(await defaultLocale()).toBe('en');
  });
});
