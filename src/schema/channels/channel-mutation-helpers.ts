import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { channelMembers, channels, channelSections, organizationMembers, organizations, users } from '../../db/schema/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../core/errors.js';
import type { Transaction } from '../core/mutations.js';

/** The pieces the channel and channel-member mutations share. */

export type ChannelRow = typeof channels.$inferSelect;

// Public and private channel names follow chat conventions: one lower-case word, like #general.
export const channelNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(/^[\p{L}\p{N}_-]+$/u, 'must be letters, digits, hyphens and underscores, without spaces');

// One line of storable text: PostgreSQL refuses NUL, a lone surrogate is no text, and no control character belongs in a label.
const ONE_LINE = /^[^\p{Cc}\uD800-\uDFFF]*$/u;
const oneLine = (schema: z.ZodString) => schema.regex(ONE_LINE, 'must be one line of text without control characters');

/** A thread is named like a sentence (by default after its starting message). */
export const threadNameSchema = oneLine(z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'));

/** A topic; an empty one clears it. */
export const topicSchema = oneLine(z.string().trim().max(250, 'must be at most 250 characters'))
  .nullish()
  .transform((topic) => topic || null);

/**
 * Serializes, per organization, the writes that must see each other: channel names and the
 * reuse of direct channels (no unique index can express either). Held until the transaction ends.
 */
export async function lockOrganizationChannels(tx: Transaction, organizationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`chat.channels:${organizationId}`}, 0))`);
}

/**
 * ConflictError when a live public or private channel of the organization has this name
 * (decided: names are unique there, like #general; direct and thread names are only labels).
 */
export async function assertChannelNameFree(tx: Transaction, organizationId: string, name: string, exceptChannelId?: string): Promise<void> {
  await lockOrganizationChannels(tx, organizationId);
  const [taken] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        eq(channels.organizationId, organizationId),
        inArray(channels.type, ['public', 'private']),
        isNull(channels.deletedAt),
        sql`lower(${channels.name}) = ${name}`,
        exceptChannelId ? ne(channels.id, exceptChannelId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw new ConflictError(`A channel named "${name}" already exists in this organization.`);
}

/** The section to file a channel in: null, or a section of the same organization (else a ValidationError). */
export async function sectionIn(tx: Transaction, organizationId: string, sectionId: string | null | undefined): Promise<string | null> {
  if (!sectionId) return null;
  const [section] = await tx
    .select({ id: channelSections.id })
    .from(channelSections)
    .where(and(eq(channelSections.id, sectionId), eq(channelSections.organizationId, organizationId)));
  if (!section) throw new ValidationError([{ path: ['sectionId'], message: "must be a section of the channel's organization" }]);
  return section.id;
}

/**
 * ForbiddenError unless every user is a live member of the live organization. The message is the
 * same for an unknown user and a non-member, so it does not tell which users exist.
 */
export async function assertOrganizationMembers(tx: Transaction, organizationId: string, userIds: string[], message: string): Promise<void> {
  const rows = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(
        eq(organizationMembers.organizationId, organizationId),
        inArray(organizationMembers.userId, userIds),
        isNull(organizationMembers.deletedAt),
        isNull(organizations.deletedAt),
        isNull(users.deletedAt),
      ),
    );
  const members = new Set(rows.map((row) => row.userId));
  if (!userIds.every((userId) => members.has(userId))) throw new ForbiddenError(message);
}

/**
 * Makes the users live members of the channel. An existing live membership is kept as it is, so
 * adding twice, or twice at once, leaves one row; a left (soft-deleted) membership gets a new row.
 * `actor` is who adds them: stored as `added_by` for everyone but themselves (a trigger notifies those).
 */
export async function addChannelMembers(tx: Transaction, channelId: string, userIds: string[], actor: string): Promise<void> {
  await tx
    .insert(channelMembers)
    .values(userIds.map((userId) => ({ channelId, userId, addedBy: userId === actor ? null : actor })))
    .onConflictDoNothing({ target: [channelMembers.channelId, channelMembers.userId], where: sql`deleted_at is null` });
}

/** The live membership of a user in a channel, if any. */
export async function liveMembership(tx: Transaction, channelId: string, userId: string) {
  const [member] = await tx
    .select({ id: channelMembers.id })
    .from(channelMembers)
    .where(and(eq(channelMembers.channelId, channelId), eq(channelMembers.userId, userId), isNull(channelMembers.deletedAt)));
  return member;
}

/** ForbiddenError for membership changes of a direct channel: its members are its participants, for good. */
export function assertMembersNotFixed(channel: ChannelRow): void {
  if (channel.type === 'direct') throw new ForbiddenError("A direct channel's members are fixed; hide it instead.");
}
