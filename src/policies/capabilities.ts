import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Viewer } from '../context.js';
import { organizations } from '../db/schema/index.js';
import { canCreateBotIn, canInstallBotIn } from './bot.js';
import { canCreateChannel, canCreateDirectChannel } from './channel.js';
import {
  canAddOrganizationMember,
  canAddOrganizationOwner,
  canDeleteOrganization,
  canJoinOrganization,
  canReadOrganizationDetails,
  canUpdateOrganization,
  ORGANIZATIONS_WRITE_SCOPE,
} from './organization.js';
import type { Rule } from './rule.js';
import { allOf, isHuman, permissionKeysOf, withinScope, type Column } from './viewer.js';

/**
 * What a viewer may do in one organization (`User.permissions(organization:)`), as capability keys.
 * Each is the very rule its mutation authorizes with (plus the checks the mutation adds around it:
 * a bot's `organizations:write` scope, persons only), so this list cannot drift from what is enforced.
 */
interface Capability {
  key: string;
  rule: Rule<typeof organizations>;
  /** The condition the mutation adds around the rule. */
  also?: (viewer: Viewer | null) => SQL;
}

// mutateOrganization (src/schema/organizations/organization-mutations.ts): a bot needs organizations:write.
const organizationWrite = (viewer: Viewer | null) => withinScope(viewer, ORGANIZATIONS_WRITE_SCOPE);

export const ORGANIZATION_CAPABILITIES: readonly Capability[] = [
  { key: 'organization.read', rule: canReadOrganizationDetails },
  { key: 'organization.update', rule: canUpdateOrganization, also: organizationWrite },
  { key: 'organization.delete', rule: canDeleteOrganization, also: organizationWrite },
  { key: 'organization.join', rule: canJoinOrganization, also: organizationWrite },
  { key: 'organizationMember.add', rule: canAddOrganizationMember, also: organizationWrite },
  { key: 'organizationMember.addOwner', rule: canAddOrganizationOwner, also: organizationWrite },
  { key: 'channel.create', rule: canCreateChannel },
  { key: 'channel.createDirect', rule: canCreateDirectChannel },
  { key: 'bot.create', rule: canCreateBotIn },
  // installBot / uninstallBot: persons only (requirePerson).
  { key: 'bot.install', rule: canInstallBotIn, also: isHuman },
];

// The rules see the organization row under this alias (the statement names it in its FROM).
const capabilityOrganization = alias(organizations, 'vcap_org');

// Sorted byte-wise (collate "C"): the same order on every database, whatever its collation.
/** The capability keys the viewer has in organization `organizationId`, sorted, as a JSON array ([] for none or no such organization). */
function organizationCapabilities(viewer: Viewer | null, organizationId: unknown): SQL {
  const rows = ORGANIZATION_CAPABILITIES.map(({ key, rule, also }) => {
    const allowed = rule.where(viewer, capabilityOrganization as unknown as typeof organizations);
    return sql`(${key}::text, ${also ? allOf(also(viewer), allowed) : allowed})`;
  });
  return sql`(select coalesce(json_agg(vcap.key order by vcap.key collate "C"), '[]'::json)
    from chat.organizations vcap_org cross join lateral (values ${sql.join(rows, sql`, `)}) vcap(key, allowed)
    where ${capabilityOrganization.id} = ${organizationId}::uuid and vcap.allowed)`;
}

/** The platform permission keys the viewer holds through roles and groups, sorted, as a JSON array. */
const platformPermissions = (viewer: Viewer): SQL =>
  sql`(select coalesce(json_agg(vall.key order by vall.key collate "C"), '[]'::json) from ${permissionKeysOf(sql`${viewer.userId}::uuid`)} vall)`;

/**
 * `User.permissions` of the user row `userId`: the viewer's own permissions (platform-wide, or in
 * the organization when `organizationId` is given), null on anyone else's row or without a viewer.
 */
export function viewerPermissionsSql(viewer: Viewer | null, userId: Column, organizationId: unknown): SQL {
  if (!viewer) return sql`null::json`;
  const keys = organizationId == null ? platformPermissions(viewer) : organizationCapabilities(viewer, organizationId);
  return sql`(case when ${userId} = ${viewer.userId}::uuid then ${keys} end)`;
}
