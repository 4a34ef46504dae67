import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { demoId, globalId } from '../policies.js';
import { actorRunner, auditRows, mutation, outcomeOf, sqlRows, type Actor } from './platform-helpers.js';

/**
 * Plugins: the catalog (seeds/plugins.sql: polls, reminders, standup, rss-feeds inactive) is read by
 * anyone signed in; an organization's enabled plugins (seeds/plugins-demo.sql: polls in acme) by its
 * members; enablePlugin / disablePlugin by its admins (A(o)), each a CONFLICT when it changes nothing.
 */

const ENABLE = mutation('enablePlugin', 'EnablePluginInput', '... on OrganizationPluginPayload { organizationPlugin { plugin { key } settings enabledBy { displayName } } plugin { key } organization { slug } }');
const DISABLE = mutation('disablePlugin', 'DisablePluginInput', '... on OrganizationPluginPayload { organizationPlugin { enabledAt } plugin { key } }');
const ENABLED = `query ($slug: String!) { organization(slug: $slug) { plugins { totalCount nodes { plugin { key name } settings enabledAt enabledBy { displayName } } } } }`;

const acme = globalId('Organization', demoId(20, 1));
const globex = globalId('Organization', demoId(20, 2));

let gateway: TestGateway;
let as: (actor: Actor, query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;
let plugin: (key: string) => string;

beforeAll(async () => {
  gateway = await createTestGateway();
  as = actorRunner(gateway);
  const rows = await sqlRows<{ key: string; id: string }>(gateway, 'select key, id from platform.plugins');
  plugin = (key) => globalId('Plugin', rows.find((row) => row.key === key)!.id);
});
afterAll(() => gateway?.close());

const enabledKeys = async (actor: Actor, slug = 'acme') =>
  ((await as(actor, ENABLED, { slug })).data.organization?.plugins.nodes ?? []).map((node: { plugin: { key: string } }) => node.plugin.key);

describe('plugins: reads', () => {
  it('the catalog, by key, to anyone signed in (localized names); nothing to anonymous', async () => {
    const query = '{ plugins { totalCount nodes { key name isActive version } } }';
    const gina = await as('gina', query);
    expect(gina.data.plugins.nodes.map((node: { key: string }) => node.key)).toEqual(['polls', 'reminders', 'rss-feeds', 'standup']);
    expect(gina.data.plugins.nodes[2]).toMatchObject({ key: 'rss-feeds', isActive: false });
    expect((await as('bot', query)).data.plugins.totalCount).toBe(4);
    expect((await as('anonymous', query)).data.plugins).toEqual({ totalCount: 0, nodes: [] });
    // A where that matches is still inside the rule.
    expect((await as('anonymous', '{ plugins(where: { key: { eq: "polls" } }) { nodes { key } } }')).data.plugins.nodes).toEqual([]);
    const carol = await as('carol', '{ plugins(where: { key: { eq: "polls" } }) { nodes { name(locale: "hu") } } }');
    expect(carol.data.plugins.nodes).toEqual([{ name: 'Szavazások' }]);
  });

  it("an organization's enabled plugins, to its members only", async () => {
    const dave = await as('dave', ENABLED, { slug: 'acme' });
    expect(dave.data.organization.plugins).toMatchObject({ totalCount: 1, nodes: [{ plugin: { key: 'polls' }, settings: { allowAnonymousVotes: false }, enabledBy: { displayName: expect.any(String) } }] });
    for (const actor of ['hanna', 'gina', 'admin'] as const) {
      // acme is public: they see the organization, not its plugins.
      expect((await as(actor, ENABLED, { slug: 'acme' })).data.organization.plugins, actor).toEqual({ totalCount: 0, nodes: [] });
    }
    expect(await enabledKeys('hanna', 'globex')).toEqual([]);
  });
});

describe('enablePlugin and disablePlugin', () => {
  it('happy path: an admin enables a plugin with settings; audited; the payload read back; then disables it', async () => {
    const response = await as('bob', ENABLE, { input: { organizationId: acme, pluginId: plugin('reminders'), settings: { defaultHour: 9 } } });
    expect(outcomeOf(response, 'enablePlugin')).toBe('OrganizationPluginPayload');
    expect(response.data.enablePlugin).toMatchObject({
      organizationPlugin: { plugin: { key: 'reminders' }, settings: { defaultHour: 9 }, enabledBy: { displayName: expect.any(String) } },
      plugin: { key: 'reminders' },
      organization: { slug: 'acme' },
    });
    expect(await enabledKeys('carol')).toEqual(['polls', 'reminders']);
    const [audit] = await auditRows(gateway, 'plugin.enable');
    expect(audit).toMatchObject({ organization_id: demoId(20, 1), resource_type: 'plugin', new_values: { key: 'reminders', settings: { defaultHour: 9 } } });

    const disabled = await as('alice', DISABLE, { input: { organizationId: acme, pluginId: plugin('reminders') } });
    expect(disabled.data.disablePlugin).toEqual({ __typename: 'OrganizationPluginPayload', organizationPlugin: null, plugin: { key: 'reminders' } });
    expect(await enabledKeys('carol')).toEqual(['polls']);
    expect((await auditRows(gateway, 'plugin.disable'))[0]).toMatchObject({ old_values: { key: 'reminders', settings: { defaultHour: 9 } } });
  });

  it('validation: settings over 4096 bytes; not found: an unknown plugin, a private organization of others', async () => {
    const big = await as('bob', ENABLE, { input: { organizationId: acme, pluginId: plugin('standup'), settings: { text: 'x'.repeat(5000) } } });
    expect(outcomeOf(big, 'enablePlugin')).toBe('ValidationError');
    expect(big.data.enablePlugin.fieldErrors[0].path).toEqual(['settings']);
    const unknown = globalId('Plugin', '00000000-0000-4000-8000-000000000000');
    expect(outcomeOf(await as('bob', ENABLE, { input: { organizationId: acme, pluginId: unknown } }), 'enablePlugin')).toBe('NotFoundError');
    expect(outcomeOf(await as('alice', ENABLE, { input: { organizationId: globex, pluginId: plugin('standup') } }), 'enablePlugin')).toBe('NotFoundError');
    expect(await enabledKeys('carol')).toEqual(['polls']);
  });

  it('forbidden: a member, an outsider of a public organization, a platform administrator, the bot; anonymous is UNAUTHENTICATED', async () => {
    for (const actor of ['carol', 'dave', 'hanna', 'admin', 'bot'] as const) {
      expect(outcomeOf(await as(actor, ENABLE, { input: { organizationId: acme, pluginId: plugin('standup') } }), 'enablePlugin'), actor).toBe('ForbiddenError');
      expect(outcomeOf(await as(actor, DISABLE, { input: { organizationId: acme, pluginId: plugin('polls') } }), 'disablePlugin'), actor).toBe('ForbiddenError');
    }
    expect(outcomeOf(await as('anonymous', ENABLE, { input: { organizationId: acme, pluginId: plugin('standup') } }), 'enablePlugin')).toBe('UNAUTHENTICATED');
    expect(await enabledKeys('carol')).toEqual(['polls']);
    // globex's admin manages globex's plugins.
    expect(outcomeOf(await as('istvan', ENABLE, { input: { organizationId: globex, pluginId: plugin('standup') } }), 'enablePlugin')).toBe('OrganizationPluginPayload');
    expect(await enabledKeys('judit', 'globex')).toEqual(['standup']);
  });

  it('conflict: an already enabled plugin, an inactive plugin, disabling one that is not enabled; nothing changes', async () => {
    const already = await as('bob', ENABLE, { input: { organizationId: acme, pluginId: plugin('polls'), settings: { allowAnonymousVotes: true } } });
    expect(outcomeOf(already, 'enablePlugin')).toBe('ConflictError');
    expect(outcomeOf(await as('bob', ENABLE, { input: { organizationId: acme, pluginId: plugin('rss-feeds') } }), 'enablePlugin')).toBe('ConflictError');
    expect(outcomeOf(await as('bob', DISABLE, { input: { organizationId: acme, pluginId: plugin('standup') } }), 'disablePlugin')).toBe('ConflictError');
    expect((await as('dave', ENABLED, { slug: 'acme' })).data.organization.plugins.nodes).toMatchObject([{ plugin: { key: 'polls' }, settings: { allowAnonymousVotes: false } }]);
    expect(await auditRows(gateway, 'plugin.enable')).toHaveLength(2); // reminders by bob, standup by istvan
  });
});
