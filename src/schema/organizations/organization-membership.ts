import { and, count, eq, inArray, isNull, ne, sql, type InferSelectModel } from 'drizzle-orm';
import type { Context, Viewer } from '../../context.js';
import { channelMembers, channels, organizationMembers, organizations, users } from '../../db/schema/index.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { writeAudit, type Transaction } from '../core/mutations.js';

/**
 * The writes shared by the membership mutations. Every mutation that can change who owns an
 * organization locks the organization row first, so two of them on one organization run one
 * after the other and the "last owner" check cannot be raced.
 */

export type Membership = InferSelectModel<typeof organizationMembers>;
export type OrganizationRole = Membership['role'];

/** Locks the organization row (live or not) for the rest of the transaction. */
export async function lockOrganization(tx: Transaction, organizationId: string): Promise<void> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for('update');
}

/** Locks the organization of a membership row, before the row itself (always organization first: no deadlock). */
export async function lockOrganizationOfMember(tx: Transaction, memberId: string): Promise<void> {
  const organizationOf = tx
    .select({ organizationId: organizationMembers.organizationId })
    .from(organizationMembers)
    .where(eq(organizationMembers.id, memberId));
  await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, organizationOf)).for('update');
}

/** The id of the viewer's live membership of an organization, if any. */
export async function ownMembershipId(tx: Transaction, viewer: Viewer, organizationId: string): Promise<string | undefined> {
  const [own] = await tx
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, viewer.userId), isNull(organizationMembers.deletedAt)));
  return own?.id;
}

/** NotFoundError unless the user exists and is live (adding someone needs no other view of them). */
export async function assertLiveUser(tx: Transaction, userId: string): Promise<void> {
  const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!user) throw new NotFoundError('User not found.');
}

/** ConflictError when this owner is the organization's only live owner: someone else must be made owner first. */
export async function assertNotLastOwner(tx: Transaction, member: Membership): Promise<void> {
  if (member.role !== 'owner') return;
  const [others] = await tx
    .select({ n: count() })
    .from(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, member.organizationId),
        eq(organizationMembers.role, 'owner'),
        isNull(organizationMembers.deletedAt),
        ne(organizationMembers.id, member.id),
      ),
    );
  if (!others?.n) throw new ConflictError('The last owner cannot leave or stop being owner: make another member owner first.');
}

interface NewMembership {
  organizationId: string;
  userId: string;
  role: OrganizationRole;
  invitedBy: string | null;
}

/**
 * The user's live membership, made if there is none: concurrent calls leave one row (the partial
 * unique index), and an existing membership is returned unchanged (its role included).
 */
export async function ensureMembership(tx: Transaction, values: NewMembership): Promise<{ member: Membership; created: boolean }> {
  const inserted = await tx
    .insert(organizationMembers)
    .values(values)
    .onConflictDoNothing({ target: [organizationMembers.organizationId, organizationMembers.userId], where: sql`deleted_at is null` })
    .returning();
  if (inserted[0]) return { member: inserted[0], created: true };
  const [existing] = await tx
    .select()
    .from(organizationMembers)
    .where(
      and(eq(organizationMembers.organizationId, values.organizationId), eq(organizationMembers.userId, values.userId), isNull(organizationMembers.deletedAt)),
    );
  return { member: existing!, created: false };
}

/**
 * Ends a membership (soft delete) and the user's memberships of the organization's channels, so
 * that joining again later does not give back private channels. Refused for the last owner.
 */
export async function endMembership(tx: Transaction, ctx: Context, viewer: Viewer, member: Membership): Promise<void> {
  await assertNotLastOwner(tx, member);
  const now = new Date();
  await tx.update(organizationMembers).set({ deletedAt: now }).where(eq(organizationMembers.id, member.id));
  const organizationChannels = tx.select({ id: channels.id }).from(channels).where(eq(channels.organizationId, member.organizationId));
  await tx
    .update(channelMembers)
    .set({ deletedAt: now })
    .where(and(eq(channelMembers.userId, member.userId), isNull(channelMembers.deletedAt), inArray(channelMembers.channelId, organizationChannels)));
  const leaving = member.userId === viewer.userId;
  await writeAudit(tx, ctx, viewer, {
    action: leaving ? 'member.leave' : 'member.remove',
    resourceType: 'organization_member',
    resourceId: member.id,
    organizationId: member.organizationId,
    oldValues: { userId: member.userId, role: member.role },
  });
}
