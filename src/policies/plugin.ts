import type { Viewer } from '../context.js';
import { organizationPlugins, organizations, plugins } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { isAdmin, isMember, signedIn } from './viewer.js';

/** Read the catalog: Auth (every plugin, inactive ones included: `isActive` says which may be enabled). */
export const canSeePlugin = defineRule('plugin.read', plugins, (viewer) => signedIn(viewer));

/** Enable or disable plugins in an organization: A(o). */
export const canManageOrganizationPlugins = defineRule('organization.managePlugins', organizations, (viewer, organization) =>
  isAdmin(viewer, organization.id),
);

/** Which plugins an organization has enabled, with their settings: M(o). (A row is a pair, not an entity: no rule object.) */
export const canSeeOrganizationPlugin = (viewer: Viewer | null, row: typeof organizationPlugins) => isMember(viewer, row.organizationId);
