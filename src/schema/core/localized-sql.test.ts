import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../../test/gateway.js';
import { queryRows } from '../../../test/database.js';
import { headersFor } from '../../../test/sign-in.js';

// 50 more apps whose hu names exercise Hungarian collation (cs after c, ö after o, zs after z, á by a)
// and whose de names exist for every other one (partial, like the demo data).
const HU_WORDS = [
  'Cukor', 'Csak', 'Cél', 'Olga', 'Ödön', 'Óra', 'Őz', 'Zug', 'Zsák', 'Zár', 'Ábel', 'Abroncs', 'Éva', 'Eper', 'Üveg',
  'Ujj', 'Út', 'Gyár', 'Gomba', 'Nyúl', 'Nap', 'Szél', 'Sas', 'Tyúk', 'Tavasz', 'Lyuk', 'Láng', 'Dzsungel', 'Dió', 'Ív',
  'Iroda', 'Kék', 'Kacsa', 'Mák', 'Medve', 'Fűz', 'Fa', 'Bőr', 'Bab', 'Hús', 'Hal', 'Jég', 'Vár', 'Víz', 'Pók',
  'Pad', 'Rét', 'Rák', 'Őr', 'Öböl',
];
const DE_WORDS = ['Äpfel', 'Apfel', 'Öl', 'Ofen', 'Übung', 'Uhr', 'Zebra', 'Ärger', 'Baum', 'Birne', 'Grün', 'Gans', 'Maß'];

let gateway: TestGateway;
let collations: Set<string>;

beforeAll(async () => {
  gateway = await createTestGateway();
  // The platform administrator holds every permission, so roles, groups and permissions are readable.
  gateway.defaultHeaders = await headersFor(gateway, 'admin');
  const values = HU_WORDS.map((hu, i) => {
    const name: Record<string, string> = { en: `Sample ${String(i).padStart(2, '0')}`, hu };
    if (i % 2 === 0) name.de = DE_WORDS[i / 2 % DE_WORDS.length]! + (i >= 2 * DE_WORDS.length ? ` ${i}` : '');
    const description = { en: `Description ${i}`, hu: `Leírás ${i}` };
    return `('sample-${i}', '${JSON.stringify(name)}', '${JSON.stringify(description)}', ${1000 + i}, true)`;
  });
  await gateway.handle.exec(`
    insert into platform.apps (key, name, description, sort_order, is_public) values ${values.join(',\n')};
    insert into platform.translations (locale, namespace, key, value) values
      ('en', 'desktop', 'window.close', 'Close'), ('hu', 'desktop', 'window.close', 'Bezárás'),
      ('en', 'desktop', 'window.minimize', 'Minimize');`);
  const rows = await queryRows<{ collname: string }>(gateway.handle, "select collname from pg_collation where collname like '%-x-icu'");
  collations = new Set(rows.map((row) => row.collname));
});
afterAll(() => gateway.close());

// Anonymous unless headers say otherwise (public apps, translations): no token lookup in the count.
async function statementsFor(query: string, headers: Record<string, string> = {}) {
  gateway.statements.reset();
  const response = await gateway.execute(query, {}, { authorization: '', ...headers });
  expect(response.errors).toBeUndefined();
  return { count: gateway.statements.count, data: response.data };
}

describe('statements', () => {
  const plain = '{ apps(first: 60) { nodes { key sortOrder isActive } } }';
  // Ten localized fields on each of the 57 rows.
  const localized = `{ apps(first: 60) { nodes { key sortOrder isActive
    name nameLocale nameTranslations description descriptionLocale descriptionTranslations
    deName: name(locale: "de") deLocale: nameLocale(locale: "de") huDescription: description(locale: "hu") enName: name(locale: "en")
  } } }`;

  it.each([['de'], ['hu-HU, en;q=0.5'], ['']])(
    'ten localized fields over 50+ rows cost no more than none (Accept-Language %j)',
    async (acceptLanguage) => {
      const headers = acceptLanguage ? { 'accept-language': acceptLanguage } : undefined;
      const without = await statementsFor(plain, headers);
      const withFields = await statementsFor(localized, headers);
      expect(withFields.data.apps.nodes.length).toBeGreaterThanOrEqual(50);
      expect(withFields.count).toBe(without.count);
      expect(withFields.count).toBe(1);
    },
  );

  it('nested localized fields add no statement either', async () => {
    const query = (fields: string) =>
      `{ roles(first: 10, orderBy: KEY) { nodes { key ${fields} permissions(first: 50) { nodes { key ${fields ? 'description descriptionLocale' : ''} resource { key ${fields ? 'description' : ''} } } } } } }`;
    // The administrator may read roles and permissions (one more statement: the token lookup).
    const headers = { ...gateway.defaultHeaders, 'accept-language': 'de' };
    const without = await statementsFor(query(''), headers);
    const withFields = await statementsFor(query('name nameLocale description'), headers);
    expect(withFields.data.roles.nodes.length).toBeGreaterThan(0);
    expect(withFields.count).toBe(without.count);
  });

  it('translations of three namespaces cost one statement', async () => {
    const { count, data } = await statementsFor('{ translations(namespaces: ["common", "chat", "desktop"]) { namespace entries } }', {
      'accept-language': 'hu',
    });
    expect(count).toBe(1);
    expect(data.translations.map((namespace: { namespace: string }) => namespace.namespace)).toEqual(['common', 'chat', 'desktop']);
    expect(data.translations[2].entries).toEqual({ 'window.close': 'Bezárás', 'window.minimize': 'Minimize' });
  });

  it('translations asked for by several fields still cost one statement', async () => {
    const { count, data } = await statementsFor(`{
      hu: translations(namespaces: ["common"], locale: "hu") { entries }
      de: translations(namespaces: ["chat", "desktop"], locale: "de") { namespace entries entryLocales }
    }`);
    expect(count).toBe(1);
    expect(data.hu[0].entries['actions.save']).toBe('Mentés');
    expect(data.de[0].entries['channel.create']).toBe('Kanal erstellen');
    expect(data.de[0].entryLocales['channel.join']).toBe('en');
  });
});

type AppNode = { key: string; name: string; nameTranslations: Record<string, string> };

/** Every active app ordered by name for a request in `locale`, paging `pageSize` at a time. */
async function appsByName(locale: string, pageSize: number): Promise<AppNode[]> {
  const apps: AppNode[] = [];
  let after: string | null = null;
  do {
    const response = await gateway.execute(
      'query ($first: Int!, $after: String) { apps(orderBy: NAME, first: $first, after: $after) { nodes { key name nameTranslations } pageInfo { hasNextPage endCursor } } }',
      { first: pageSize, after },
      { 'accept-language': locale },
    );
    expect(response.errors).toBeUndefined();
    apps.push(...response.data.apps.nodes);
    after = response.data.apps.pageInfo.hasNextPage ? response.data.apps.pageInfo.endCursor : null;
  } while (after);
  return apps;
}

describe('ordering by a localized name', () => {
  /** The ICU locale the database sorts `locale` with: its own collation, else the ICU root (PGlite). */
  const collationLocale = (locale: string) => (collations.has(`${locale}-x-icu`) ? locale : 'und');

  it.each([['en'], ['hu'], ['de']])('sorts by the resolved text in SQL (%s)', async (locale) => {
    const apps = await appsByName(locale, 100);
    expect(apps.length).toBeGreaterThanOrEqual(57);
    // The name each app resolves to for this locale (de falls back to en where it is missing).
    for (const app of apps) expect(app.name).toBe(app.nameTranslations[locale] ?? app.nameTranslations.en);
    const collator = new Intl.Collator(collationLocale(locale));
    const expected = apps.map((app) => app.name).sort(collator.compare);
    expect(apps.map((app) => app.name)).toEqual(expected);
  });

  it('pages through the same order with cursors', async () => {
    const whole = await appsByName('hu', 100);
    const paged = await appsByName('hu', 7);
    expect(paged.map((app) => app.key)).toEqual(whole.map((app) => app.key));
  });

  it('sorts accented Hungarian letters next to their base letter', async () => {
    const names = (await appsByName('hu', 100)).map((app) => app.name);
    expect(names.indexOf('Ábel')).toBeLessThan(names.indexOf('Bab'));
    expect(names.indexOf('Éva')).toBeLessThan(names.indexOf('Fa'));
    expect(names.indexOf('Üveg')).toBeLessThan(names.indexOf('Vár'));
  });

  it('applies the Hungarian alphabet (cs after c, ö after o, zs after z) where the server has hu-x-icu', async () => {
    const names = (await appsByName('hu', 100)).map((app) => app.name);
    const before = (a: string, b: string) => names.indexOf(a) < names.indexOf(b);
    if (collations.has('hu-x-icu')) {
      expect([before('Cukor', 'Csak'), before('Olga', 'Ödön'), before('Zug', 'Zsák')]).toEqual([true, true, true]);
    } else {
      // Documented limitation: PGlite ships ICU root data only, so digraphs sort as two letters.
      expect([before('Csak', 'Cukor'), before('Ödön', 'Olga'), before('Zsák', 'Zug')]).toEqual([true, true, true]);
    }
  });

  it('keeps the desktop order by default', async () => {
    const { data } = await gateway.execute('{ apps(first: 100) { nodes { sortOrder } } }');
    const order = data.apps.nodes.map((app: { sortOrder: number }) => app.sortOrder);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
