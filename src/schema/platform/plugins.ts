import { builder } from '../../builder.js';
import { canSeeOrganizationPlugin, canSeePlugin } from '../../policies/plugin.js';
import { canSeeUser } from '../../policies/user.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { localizedFields } from '../core/localized.js';
import { rootConnection } from '../core/root-fields.js';
import { filterArgs, withFilters } from '../core/where-input.js';
import { Organization } from '../organizations/organizations.js';

/**
 * Plugins (README "Plugins"): a catalog every signed-in user reads, and per organization the ones
 * its admins enabled (enablePlugin, disablePlugin in plugin-mutations.ts), listed to its members.
 */
export const Plugin = builder.drizzleNode('plugins', {
  name: 'Plugin',
  id: { column: (plugin) => plugin.id },
  fields: (t) => ({
    key: t.exposeString('key'),
    ...localizedFields(t, 'name', { description: "The plugin's name" }),
    ...localizedFields(t, 'description', { nullable: true, description: 'What the plugin does' }),
    version: t.exposeString('version'),
    author: t.exposeString('author', { nullable: true }),
    homepage: t.exposeString('homepage', { nullable: true }),
    isActive: t.exposeBoolean('isActive', { description: 'Only an active plugin can be enabled; an inactive one stays where it was enabled.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
nodeReadRule('Plugin', canSeePlugin);

// A plugin enabled in an organization is the pair (organization, plugin), not an entity of its own: no global ID.
export const OrganizationPlugin = builder.drizzleObject('organizationPlugins', {
  name: 'OrganizationPlugin',
  description: 'A plugin enabled in an organization, with its settings there (members see it).',
  fields: (t) => ({
    plugin: t.relation('plugin'),
    organization: t.relation('organization'),
    enabledAt: t.expose('enabledAt', { type: 'DateTime' }),
    enabledBy: t.relation('enabler', {
      nullable: true,
      description: 'Who enabled it; null once that user is gone or hidden from the viewer.',
      query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }),
    }),
    settings: t.expose('settings', { type: 'JSONObject', description: "The plugin's settings in this organization (not for secrets: every member reads them)." }),
  }),
});

builder.drizzleObjectFields(Organization, (t) => ({
  plugins: t.relatedConnection('plugins', {
    description: 'The plugins enabled in the organization, earliest enabled first. Empty for non-members.',
    args: filterArgs(t, 'organizationPlugins'),
    query: (args, ctx) =>
      withFilters('organizationPlugins', args, ctx, { where: { RAW: (table) => canSeeOrganizationPlugin(ctx.viewer, table) }, orderBy: { enabledAt: 'asc' } }),
    totalCount: true,
  }),
}));

builder.queryFields((t) => ({
  plugins: t.drizzleConnection({
    type: 'plugins',
    description: 'The plugin catalog (signed in; empty otherwise), by key. `isActive` says which can be enabled.',
    args: filterArgs(t, 'plugins'),
    ...rootConnection('plugins', (args, ctx) => withFilters('plugins', args, ctx, { where: visibleRows(canSeePlugin, ctx), orderBy: { key: 'asc' } })),
  }),
}));
