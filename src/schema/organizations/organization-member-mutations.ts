import { eq } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { organizationMembers } from '../../db/schema/index.js';
import {
  canAddOrganizationMember,
  canAddOrganizationOwner,
  canChangeMemberRole,
  canJoinOrganization,
  canRemoveMember,
  canSeeOrganization,
  canSeeOrganizationMember,
} from '../../policies/organization.js';
import { OrganizationRoleEnum } from '../core/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, resultUnion } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { authorizeRow, setTransactionActor, writeAudit, type Transaction } from '../core/mutations.js';
import { mutateOrganization, visibleOrganization } from './organization-mutations.js';
import {
  assertLiveUser,
  assertNotLastOwner,
  endMembership,
  ensureMembership,
  lockOrganization,
  lockOrganizationOfMember,
  ownMembershipId,
} from './organization-membership.js';
import { Organization, OrganizationMember } from './organizations.js';
import type { Viewer } from '../../context.js';
import { User } from '../users/users.js';

/** What a membership mutation returns: the membership and its organization, read back through the read rules. */
const OrganizationMemberPayload = builder.objectRef<{ organizationId: string; memberId: string }>('OrganizationMemberPayload').implement({
  fields: (t) => ({
    member: t.drizzleField({
      type: OrganizationMember,
      nullable: true,
      description: 'The membership as the viewer may now see it (null once it ended).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.organizationMembers.findFirst(
          query({ where: { id: payload.memberId, deletedAt: { isNull: true }, ...visibleRows(canSeeOrganizationMember, ctx) } }),
        ),
    }),
    organization: t.drizzleField({
      type: Organization,
      nullable: true,
      description: 'The organization as the viewer may now see it (null when it is private and the viewer left it).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.organizations.findFirst(query({ where: visibleOrganization(payload.organizationId, ctx) })),
    }),
  }),
});

const payloadOf = (member: { id: string; organizationId: string }) => ({ organizationId: member.organizationId, memberId: member.id });

const JoinOrganizationInput = builder.inputType('JoinOrganizationInput', {
  fields: (t) => ({ organizationId: t.globalID({ required: true, for: Organization }) }),
});

const LeaveOrganizationInput = builder.inputType('LeaveOrganizationInput', {
  fields: (t) => ({ organizationId: t.globalID({ required: true, for: Organization }) }),
});

const AddOrganizationMemberInput = builder.inputType('AddOrganizationMemberInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    userId: t.globalID({ required: true, for: User }),
    role: t.field({ type: OrganizationRoleEnum, defaultValue: 'member', description: 'OWNER needs an owner; admins add admins and members.' }),
  }),
});

const ChangeOrganizationMemberRoleInput = builder.inputType('ChangeOrganizationMemberRoleInput', {
  fields: (t) => ({
    memberId: t.globalID({ required: true, for: OrganizationMember }),
    role: t.field({ type: OrganizationRoleEnum, required: true }),
  }),
});

const RemoveOrganizationMemberInput = builder.inputType('RemoveOrganizationMemberInput', {
  fields: (t) => ({ memberId: t.globalID({ required: true, for: OrganizationMember }) }),
});

/** Loads and locks a membership the viewer may remove (their own, or another as admin or owner). */
function authorizeRemoval(tx: Transaction, viewer: Viewer, memberId: string) {
  return authorizeRow(tx, viewer, { rule: canRemoveMember, readRule: canSeeOrganizationMember, id: memberId, what: 'Organization member' });
}

builder.mutationFields((t) => ({
  joinOrganization: t.field({
    type: OrganizationMemberPayload,
    description: 'Joins a public organization as a member (people only); joining again returns the existing membership.',
    errors: resultUnion('JoinOrganization', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: JoinOrganizationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        const organization = await authorizeRow(tx, viewer, {
          rule: canJoinOrganization,
          readRule: canSeeOrganization,
          id: input.organizationId.id,
          what: 'Organization',
        });
        const { member } = await ensureMembership(tx, { organizationId: organization.id, userId: viewer.userId, role: 'member', invitedBy: null });
        return payloadOf(member);
      }),
  }),
  addOrganizationMember: t.field({
    type: OrganizationMemberPayload,
    description:
      'Adds a user to an organization (admins and owners; only owners add owners). A user who is already a member is returned unchanged: change a role with changeOrganizationMemberRole.',
    errors: resultUnion('AddOrganizationMember', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: AddOrganizationMemberInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        const role = input.role ?? 'member';
        const organization = await authorizeRow(tx, viewer, {
          rule: role === 'owner' ? canAddOrganizationOwner : canAddOrganizationMember,
          readRule: canSeeOrganization,
          id: input.organizationId.id,
          what: 'Organization',
        });
        await assertLiveUser(tx, input.userId.id);
        const { member, created } = await ensureMembership(tx, { organizationId: organization.id, userId: input.userId.id, role, invitedBy: viewer.userId });
        if (created) {
          await writeAudit(tx, ctx, viewer, {
            action: 'member.add',
            resourceType: 'organization_member',
            resourceId: member.id,
            organizationId: organization.id,
            newValues: { userId: member.userId, role: member.role },
          });
        }
        return payloadOf(member);
      }),
  }),
  changeOrganizationMemberRole: t.field({
    type: OrganizationMemberPayload,
    description:
      "Changes a member's role: owners change any role; admins change admins and members but make no one owner. The last owner cannot be demoted.",
    errors: resultUnion('ChangeOrganizationMemberRole', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: ChangeOrganizationMemberRoleInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        await lockOrganizationOfMember(tx, input.memberId.id);
        const before = await authorizeRow(tx, viewer, {
          rule: canChangeMemberRole(input.role),
          readRule: canSeeOrganizationMember,
          id: input.memberId.id,
          what: 'Organization member',
        });
        if (before.role === input.role) return payloadOf(before); // already so: nothing to change or audit
        await assertNotLastOwner(tx, before);
        await setTransactionActor(tx, viewer);
        await tx.update(organizationMembers).set({ role: input.role }).where(eq(organizationMembers.id, before.id));
        await writeAudit(tx, ctx, viewer, {
          action: 'member.role_change',
          resourceType: 'organization_member',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: { role: before.role },
          newValues: { role: input.role },
        });
        return payloadOf(before);
      }),
  }),
  removeOrganizationMember: t.field({
    type: OrganizationMemberPayload,
    description:
      'Ends a membership (and its channel memberships): admins remove members and admins, owners anyone, anyone themselves. The last owner cannot be removed.',
    errors: resultUnion('RemoveOrganizationMember', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: RemoveOrganizationMemberInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        await lockOrganizationOfMember(tx, input.memberId.id);
        const member = await authorizeRemoval(tx, viewer, input.memberId.id);
        await endMembership(tx, ctx, viewer, member);
        return payloadOf(member);
      }),
  }),
  leaveOrganization: t.field({
    type: OrganizationMemberPayload,
    description: "Ends the viewer's own membership (and its channel memberships); the last owner cannot leave.",
    errors: resultUnion('LeaveOrganization', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: LeaveOrganizationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        await lockOrganization(tx, input.organizationId.id);
        // Not a member: the same answer whether or not the organization exists.
        const memberId = await ownMembershipId(tx, viewer, input.organizationId.id);
        if (!memberId) throw new NotFoundError('Organization not found.');
        const member = await authorizeRemoval(tx, viewer, memberId);
        await endMembership(tx, ctx, viewer, member);
        return payloadOf(member);
      }),
  }),
}));
