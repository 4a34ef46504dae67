import { sql } from 'drizzle-orm';
import type { Viewer } from '../context.js';
import { organizationMembers, organizations } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { anyOf, isAdmin, isMember, isOwner, isSelf, scopeAllows } from './viewer.js';

/** A row may be listed: members see their organizations, anyone sees a public one (name, slug, logo). */
export const canSeeOrganization = defineRule('organization.read', organizations, (viewer, organization) =>
  anyOf(sql`(${organization.isPublic} and ${organization.deletedAt} is null)`, isMember(viewer, organization.id)),
);

/** Everything beyond name, slug and logo: M(o). */
export const canReadOrganizationDetails = defineRule('organization.readDetails', organizations, (viewer, organization) =>
  isMember(viewer, organization.id),
);

/** Update: A(o). */
export const canUpdateOrganization = defineRule('organization.update', organizations, (viewer, organization) =>
  isAdmin(viewer, organization.id),
);

/** Delete: O(o). */
export const canDeleteOrganization = defineRule('organization.delete', organizations, (viewer, organization) =>
  isOwner(viewer, organization.id),
);

/** Create: signed in, and a person (bots do not found organizations). */
export const canCreateOrganization = (viewer: Viewer | null): boolean => viewer?.userType === 'human';

/** Join self: a public organization, for a person (a bot is installed by an admin instead). */
export const canJoinOrganization = defineRule('organization.join', organizations, (viewer, organization) =>
  viewer?.userType === 'human' ? sql`(${organization.isPublic} and ${organization.deletedAt} is null)` : sql`false`,
);

/** Add another member: A(o). */
export const canAddOrganizationMember = defineRule('organization.addMember', organizations, (viewer, organization) =>
  isAdmin(viewer, organization.id),
);

/** Member list: M(o). */
export const canSeeOrganizationMember = defineRule('organizationMember.read', organizationMembers, (viewer, member) =>
  isMember(viewer, member.organizationId),
);

/**
 * Change a member's role: O(o), or A(o) when owner is neither the old nor the new role.
 * (That the last owner cannot be demoted is checked by the mutation, which sees every owner.)
 */
export const canChangeMemberRole = (newRole: string) =>
  defineRule(`organizationMember.changeRole.${newRole}`, organizationMembers, (viewer, member) =>
    anyOf(
      isOwner(viewer, member.organizationId),
      newRole === 'owner' ? sql`false` : sql`(${member.role} <> 'owner' and ${isAdmin(viewer, member.organizationId)})`,
    ),
  );

/** Remove a member: themselves (leave), O(o), or A(o) for a member who is not an owner. */
export const canRemoveMember = defineRule('organizationMember.remove', organizationMembers, (viewer, member) =>
  anyOf(
    isSelf(viewer, member.userId),
    isOwner(viewer, member.organizationId),
    sql`(${member.role} <> 'owner' and ${isAdmin(viewer, member.organizationId)})`,
  ),
);

/** Add another member as an owner: O(o) (an admin adds admins and members only). */
export const canAddOrganizationOwner = defineRule('organization.addOwner', organizations, (viewer, organization) =>
  isOwner(viewer, organization.id),
);

/** The scope a bot needs to manage organizations and their members; no seeded bot holds it. */
export const ORGANIZATIONS_WRITE_SCOPE = 'organizations:write';

/** Organization writes are within the viewer's scopes: always for a person, with `organizations:write` for a bot. */
export const withinOrganizationScope = (viewer: Viewer | null): boolean => scopeAllows(viewer, ORGANIZATIONS_WRITE_SCOPE);
