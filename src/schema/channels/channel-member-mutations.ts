import { and, count, eq, isNull } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { Context, Viewer } from '../../context.js';
import { channelMembers, messages } from '../../db/schema/index.js';
import { asChannelWrite, canAddChannelMember, canJoinChannel, canSeeChannel } from '../../policies/channel.js';
import { canRemoveChannelMember, canSeeChannelMember, canUpdateChannelPreferences } from '../../policies/channel-member.js';
import {
  addChannelMembers,
  assertMembersNotFixed,
  assertOrganizationMembers,
  liveMembership,
  type ChannelRow,
} from './channel-mutation-helpers.js';
import { Channel, ChannelMember } from './channels.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, resultUnion } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { Message } from '../messages/messages.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { User } from '../users/users.js';

const canJoin = asChannelWrite(canJoinChannel);
const canAddMember = asChannelWrite(canAddChannelMember);
// Leaving or removing starts from a channel the viewer sees; a bot needs channels:write for it.
const canChangeMembersOf = asChannelWrite(canSeeChannel);
const canRemoveMember = asChannelWrite(canRemoveChannelMember);
const canSetPreferences = asChannelWrite(canUpdateChannelPreferences);

/** Names a membership in messages; the same text whether the channel is hidden or the user is not in it. */
const MEMBERSHIP = 'Channel membership';

interface MembershipRef {
  channelId: string;
  userId: string;
}

/** What a membership mutation returns: the membership (null once left) and its channel, through the read rules. */
const ChannelMemberPayload = builder.objectRef<MembershipRef>('ChannelMemberPayload').implement({
  fields: (t) => ({
    channelMember: t.drizzleField({
      type: ChannelMember,
      nullable: true,
      description: 'The live membership as the viewer may see it (null once left or removed).',
      resolve: (query, { channelId, userId }, _args, ctx) =>
        ctx.db.query.channelMembers.findFirst(
          query({ where: { channelId, userId, deletedAt: { isNull: true }, ...visibleRows(canSeeChannelMember, ctx) } }),
        ),
    }),
    channel: t.drizzleField({
      type: Channel,
      nullable: true,
      description: 'The channel as the viewer may now see it (null once it is hidden from them, e.g. after leaving a private channel).',
      resolve: (query, { channelId }, _args, ctx) =>
        ctx.db.query.channels.findFirst(query({ where: { id: channelId, deletedAt: { isNull: true }, ...visibleRows(canSeeChannel, ctx) } })),
    }),
  }),
});

/** The input of a mutation on the viewer's own membership of a channel. */
const ownMembershipInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ channelId: t.globalID({ required: true, for: Channel }) }) });

/** The input of a mutation on a user's membership of a channel. */
const membershipInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      channelId: t.globalID({ required: true, for: Channel }),
      userId: t.globalID({ required: true, for: User }),
    }),
  });

const JoinChannelInput = ownMembershipInput('JoinChannelInput');
const LeaveChannelInput = ownMembershipInput('LeaveChannelInput');
const AddChannelMemberInput = membershipInput('AddChannelMemberInput');
const RemoveChannelMemberInput = membershipInput('RemoveChannelMemberInput');

const UpdateChannelPreferencesInput = builder.inputType('UpdateChannelPreferencesInput', {
  fields: (t) => ({
    channelId: t.globalID({ required: true, for: Channel }),
    isMuted: t.boolean(),
    isHidden: t.boolean(),
    isFavorite: t.boolean(),
    lastReadMessageId: t.globalID({ for: Message, description: 'A message of this channel; null clears the read position.' }),
  }),
});

/** Loads and locks a channel the viewer sees, for a membership change (the lock orders concurrent leaves). */
const channelForMembers = (tx: Transaction, viewer: Viewer, channelId: string, rule = canChangeMembersOf) =>
  authorizeRow(tx, viewer, { rule, readRule: canSeeChannel, id: channelId, what: 'Channel' });

/** ConflictError when this is the last member of a private channel: nobody, not even an admin, could reach it again. */
async function assertNotLastPrivateMember(tx: Transaction, channel: ChannelRow): Promise<void> {
  if (channel.type !== 'private') return;
  const [row] = await tx
    .select({ members: count() })
    .from(channelMembers)
    .where(and(eq(channelMembers.channelId, channel.id), isNull(channelMembers.deletedAt)));
  if ((row?.members ?? 0) <= 1) throw new ConflictError('The last member cannot leave a private channel; delete the channel instead.');
}

/** Ends a live membership (soft), by the rules of removal; audited when it is someone else's. */
async function endMembership(tx: Transaction, ctx: Context, viewer: Viewer, channel: ChannelRow, member: { id: string }, userId: string) {
  await authorizeRow(tx, viewer, { rule: canRemoveMember, readRule: canSeeChannelMember, id: member.id, what: MEMBERSHIP });
  assertMembersNotFixed(channel);
  await assertNotLastPrivateMember(tx, channel);
  await tx.update(channelMembers).set({ deletedAt: new Date() }).where(eq(channelMembers.id, member.id));
  if (userId === viewer.userId) return;
  await writeAudit(tx, ctx, viewer, {
    action: 'channel_member.remove',
    resourceType: 'channel_member',
    resourceId: member.id,
    organizationId: channel.organizationId,
    oldValues: { channelId: channel.id, userId },
  });
}

/** ValidationError unless the message is a live message of the channel. */
async function assertMessageIn(tx: Transaction, channelId: string, messageId: string): Promise<void> {
  const [message] = await tx
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.channelId, channelId), isNull(messages.deletedAt)));
  if (!message) throw new ValidationError([{ path: ['lastReadMessageId'], message: 'must be a message of this channel' }]);
}

builder.mutationFields((t) => ({
  joinChannel: t.field({
    type: ChannelMemberPayload,
    description: 'The viewer joins a public channel of an organization they belong to; joining again changes nothing.',
    errors: resultUnion('JoinChannel', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: JoinChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const channel = await channelForMembers(tx, viewer, input.channelId.id, canJoin);
        await addChannelMembers(tx, channel.id, [viewer.userId], viewer.userId);
        return { channelId: channel.id, userId: viewer.userId };
      }),
  }),
  leaveChannel: t.field({
    type: ChannelMemberPayload,
    description: 'The viewer leaves a channel; leaving one they are not in changes nothing. The last member cannot leave a private channel.',
    errors: resultUnion('LeaveChannel', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: LeaveChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const channel = await channelForMembers(tx, viewer, input.channelId.id);
        const member = await liveMembership(tx, channel.id, viewer.userId);
        if (member) await endMembership(tx, ctx, viewer, channel, member, viewer.userId);
        return { channelId: channel.id, userId: viewer.userId };
      }),
  }),
  addChannelMember: t.field({
    type: ChannelMemberPayload,
    description: 'Adds a member of the organization to a channel (its members, or admins who see it); adding again changes nothing.',
    errors: resultUnion('AddChannelMember', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: AddChannelMemberInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const channel = await channelForMembers(tx, viewer, input.channelId.id, canAddMember);
        assertMembersNotFixed(channel);
        const userId = input.userId.id;
        await assertOrganizationMembers(tx, channel.organizationId, [userId], 'Only a member of the organization can be added to its channels.');
        await addChannelMembers(tx, channel.id, [userId], viewer.userId);
        return { channelId: channel.id, userId };
      }),
  }),
  removeChannelMember: t.field({
    type: ChannelMemberPayload,
    description: 'Removes a member from a channel: themselves, or anyone by an organization admin who sees the channel.',
    errors: resultUnion('RemoveChannelMember', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: RemoveChannelMemberInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const channel = await channelForMembers(tx, viewer, input.channelId.id);
        const userId = input.userId.id;
        const member = await liveMembership(tx, channel.id, userId);
        if (!member) throw new NotFoundError(`${MEMBERSHIP} not found.`);
        await endMembership(tx, ctx, viewer, channel, member, userId);
        return { channelId: channel.id, userId };
      }),
  }),
  updateChannelPreferences: t.field({
    type: ChannelMemberPayload,
    description: "Sets the viewer's own mute, hide and favorite flags and read position in a channel they are a member of.",
    errors: resultUnion('UpdateChannelPreferences', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: UpdateChannelPreferencesInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const channelId = input.channelId.id;
        const member = await liveMembership(tx, channelId, viewer.userId);
        // Not a member and a hidden channel answer alike, so the channel's existence does not leak.
        if (!member) throw new NotFoundError(`${MEMBERSHIP} not found.`);
        await authorizeRow(tx, viewer, { rule: canSetPreferences, readRule: canSeeChannelMember, id: member.id, what: MEMBERSHIP });
        const lastReadMessageId = input.lastReadMessageId === null ? null : input.lastReadMessageId?.id;
        if (lastReadMessageId) await assertMessageIn(tx, channelId, lastReadMessageId);
        const changes = {
          isMuted: input.isMuted ?? undefined,
          isHidden: input.isHidden ?? undefined,
          isFavorite: input.isFavorite ?? undefined,
          lastReadMessageId,
        };
        // Nothing asked for, nothing to write (an empty SET is not SQL).
        if (Object.values(changes).some((value) => value !== undefined)) {
          await tx.update(channelMembers).set(changes).where(eq(channelMembers.id, member.id));
        }
        return { channelId, userId: viewer.userId };
      }),
  }),
}));
