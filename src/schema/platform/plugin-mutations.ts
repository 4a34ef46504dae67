import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Viewer } from '../../context.js';
import { organizationPlugins } from '../../db/schema/index.js';
import { canSeeOrganization, ORGANIZATIONS_WRITE_SCOPE } from '../../policies/organization.js';
import { canManageOrganizationPlugins, canSeeOrganizationPlugin, canSeePlugin } from '../../policies/plugin.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { Organization } from '../organizations/organizations.js';
import { OrganizationPlugin, Plugin } from './plugins.js';
import { requireScope } from './platform-mutation-helpers.js';

/**
 * Enabling and disabling a plugin in an organization: A(o) (a bot also needs organizations:write).
 * Neither is idempotent: enabling an enabled plugin, or disabling one that is not enabled, is a
 * CONFLICT, so a client learns that its view was stale (and settings are not silently replaced).
 */

/** Largest settings object, as JSON text. */
export const MAX_PLUGIN_SETTINGS_BYTES = 4096;

const settingsSchema = z.object({
  settings: z
    .record(z.string(), z.unknown())
    .nullish()
    .refine((value) => value == null || JSON.stringify(value).length <= MAX_PLUGIN_SETTINGS_BYTES, `must be at most ${MAX_PLUGIN_SETTINGS_BYTES} bytes of JSON`),
});

interface Pair {
  organizationId: string;
  pluginId: string;
}

const OrganizationPluginPayload = builder.objectRef<Pair>('OrganizationPluginPayload').implement({
  fields: (t) => ({
    organizationPlugin: t.drizzleField({
      type: OrganizationPlugin,
      nullable: true,
      description: 'The plugin as enabled in the organization; null once disabled.',
      resolve: (query, pair, _args, ctx) =>
        ctx.db.query.organizationPlugins.findFirst(
          query({ where: { organizationId: pair.organizationId, pluginId: pair.pluginId, RAW: (table) => canSeeOrganizationPlugin(ctx.viewer, table) } }),
        ),
    }),
    plugin: t.drizzleField({
      type: Plugin,
      nullable: true,
      resolve: (query, pair, _args, ctx) => ctx.db.query.plugins.findFirst(query({ where: { id: pair.pluginId, ...visibleRows(canSeePlugin, ctx) } })),
    }),
    organization: t.drizzleField({
      type: Organization,
      nullable: true,
      resolve: (query, pair, _args, ctx) => ctx.db.query.organizations.findFirst(query({ where: { id: pair.organizationId, ...visibleRows(canSeeOrganization, ctx) } })),
    }),
  }),
});

const EnablePluginInput = builder.inputType('EnablePluginInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    pluginId: t.globalID({ required: true, for: Plugin }),
    settings: t.field({ type: 'JSONObject', description: `The plugin's settings in the organization, a JSON object of at most ${MAX_PLUGIN_SETTINGS_BYTES} bytes; default {}.` }),
  }),
});
const DisablePluginInput = builder.inputType('DisablePluginInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    pluginId: t.globalID({ required: true, for: Plugin }),
  }),
});

/** The organization (A(o), locked for share: plugins of one organization are written one pair at a time) and the plugin. */
async function authorizePair(tx: Transaction, viewer: Viewer, input: { organizationId: { id: string }; pluginId: { id: string } }) {
  requireScope(viewer, ORGANIZATIONS_WRITE_SCOPE);
  const organization = await authorizeRow(tx, viewer, { rule: canManageOrganizationPlugins, readRule: canSeeOrganization, id: input.organizationId.id, what: 'Organization', lock: 'share' });
  const plugin = await authorizeRow(tx, viewer, { rule: canSeePlugin, readRule: canSeePlugin, id: input.pluginId.id, what: 'Plugin', lock: 'share' });
  return { organization, plugin };
}

builder.mutationFields((t) => ({
  enablePlugin: t.field({
    type: OrganizationPluginPayload,
    description: 'Enables a plugin in an organization (A(o); audited). CONFLICT for an inactive plugin or one already enabled there.',
    errors: resultUnion('EnablePlugin', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: EnablePluginInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { settings } = parseInput(settingsSchema, { settings: input.settings });
        const { organization, plugin } = await authorizePair(tx, viewer, input);
        if (!plugin.isActive) throw new ConflictError(`The plugin "${plugin.key}" is inactive and cannot be enabled.`);
        // A concurrent twin enables nothing here instead of failing on the primary key.
        const [enabled] = await tx
          .insert(organizationPlugins)
          .values({ organizationId: organization.id, pluginId: plugin.id, enabledBy: viewer.userId, settings: settings ?? {} })
          .onConflictDoNothing()
          .returning();
        if (!enabled) throw new ConflictError(`The plugin "${plugin.key}" is already enabled in this organization.`);
        await writeAudit(tx, ctx, viewer, {
          action: 'plugin.enable',
          resourceType: 'plugin',
          resourceId: plugin.id,
          organizationId: organization.id,
          newValues: { key: plugin.key, settings: enabled.settings },
        });
        return { organizationId: organization.id, pluginId: plugin.id };
      }),
  }),
  disablePlugin: t.field({
    type: OrganizationPluginPayload,
    description: 'Disables a plugin in an organization, dropping its settings there (A(o); audited). CONFLICT when it is not enabled.',
    errors: resultUnion('DisablePlugin', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: DisablePluginInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { organization, plugin } = await authorizePair(tx, viewer, input);
        const [removed] = await tx
          .delete(organizationPlugins)
          .where(and(eq(organizationPlugins.organizationId, organization.id), eq(organizationPlugins.pluginId, plugin.id)))
          .returning();
        if (!removed) throw new ConflictError(`The plugin "${plugin.key}" is not enabled in this organization.`);
        await writeAudit(tx, ctx, viewer, {
          action: 'plugin.disable',
          resourceType: 'plugin',
          resourceId: plugin.id,
          organizationId: organization.id,
          oldValues: { key: plugin.key, settings: removed.settings, enabledAt: removed.enabledAt },
        });
        return { organizationId: organization.id, pluginId: plugin.id };
      }),
  }),
}));
