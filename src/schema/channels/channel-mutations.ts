import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { channels, messages, users } from '../../db/schema/index.js';
import { asChannelWrite, canCreateChannel, canCreateDirectChannel, canCreateThread, canManageChannel, canSeeChannel } from '../../policies/channel.js';
import { canReadMessage } from '../../policies/message.js';
import { canSeeOrganization } from '../../policies/organization.js';
import {
  addChannelMembers,
  assertChannelNameFree,
  assertOrganizationMembers,
  channelNameSchema,
  lockOrganizationChannels,
  sectionIn,
  threadNameSchema,
  topicSchema,
  type ChannelRow,
} from './channel-mutation-helpers.js';
import { Channel, ChannelSection } from './channels.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, parseInput, resultUnion } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { Message } from '../messages/messages.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { Organization } from '../organizations/organizations.js';
import { User } from '../users/users.js';
import './channel-member-mutations.js';

const canChangeChannel = asChannelWrite(canManageChannel);

/** What a channel mutation returns: the channel, read back through the read rule. */
export const ChannelPayload = builder.objectRef<{ channelId: string }>('ChannelPayload').implement({
  fields: (t) => ({
    channel: t.drizzleField({
      type: Channel,
      nullable: true,
      description: 'The channel as the viewer may now see it (null once deleted or no longer visible).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.channels.findFirst(query({ where: { id: payload.channelId, deletedAt: { isNull: true }, ...visibleRows(canSeeChannel, ctx) } })),
    }),
  }),
});

const CreateChannelInput = builder.inputType('CreateChannelInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    name: t.string({
      required: true,
      description: 'Unique among the live public and private channels of the organization: one lower-case word (letters, digits, - and _).',
    }),
    isPrivate: t.boolean({ defaultValue: false, description: 'Private channels are seen by their members only.' }),
    topic: t.string(),
    sectionId: t.globalID({ for: ChannelSection }),
  }),
});

const CreateDirectChannelInput = builder.inputType('CreateDirectChannelInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    participantIds: t.globalIDList({
      required: true,
      for: User,
      description: 'The people to talk with (1 to 8; the viewer is always included): members of the organization.',
    }),
  }),
});

const CreateThreadInput = builder.inputType('CreateThreadInput', {
  fields: (t) => ({
    messageId: t.globalID({ required: true, for: Message }),
    name: t.string({ description: "Defaults to the start of the message's text." }),
  }),
});

const UpdateChannelInput = builder.inputType('UpdateChannelInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: Channel }),
    name: t.string({ description: 'A direct channel cannot be renamed.' }),
    topic: t.string({ description: 'null or empty clears it.' }),
    sectionId: t.globalID({ for: ChannelSection, description: 'null takes the channel out of its section.' }),
  }),
});

const DeleteChannelInput = builder.inputType('DeleteChannelInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: Channel }) }),
});

const participantsSchema = z.object({
  participantIds: z.array(z.string()).min(1, 'must name at least one participant').max(8, 'must name at most 8 participants'),
});

/** The live direct channel of the organization whose live members are exactly these users. */
async function findDirectChannel(tx: Transaction, organizationId: string, userIds: string[]): Promise<string | undefined> {
  const wanted = sql.join(
    userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [found] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        eq(channels.organizationId, organizationId),
        eq(channels.type, 'direct'),
        isNull(channels.deletedAt),
        sql`array(select m.user_id from chat.channel_members m where m.channel_id = ${channels.id} and m.deleted_at is null order by 1)
          = array(select u from unnest(array[${wanted}]) u order by 1)`,
      ),
    )
    .limit(1);
  return found?.id;
}

/** A direct channel is named after its people, like "alice-carol". */
async function directChannelName(tx: Transaction, userIds: string[]): Promise<string> {
  const rows = await tx.select({ firstName: users.firstName, displayName: users.displayName }).from(users).where(inArray(users.id, userIds));
  return rows
    .map((row) => (row.firstName || row.displayName).toLowerCase())
    .sort()
    .join('-');
}

/** A thread's default name: the first line of its message, shortened. */
function threadNameFrom(content: string): string {
  const firstLine = (content.trim().split('\n')[0] ?? '').replace(/\p{Cc}/gu, ' ').trim();
  if (!firstLine) return 'Thread';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
}

/** The thread already started from this message, when it is still live. */
async function liveThreadOf(tx: Transaction, threadChannelId: string | null): Promise<string | undefined> {
  if (!threadChannelId) return undefined;
  const [thread] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.id, threadChannelId), isNull(channels.deletedAt)));
  return thread?.id;
}

/** The new name of a channel, validated for its type; undefined when it is not being renamed. */
function newName(channel: ChannelRow, name: string | null | undefined): string | undefined {
  if (name == null) return undefined;
  if (channel.type === 'direct') throw new ForbiddenError('A direct channel cannot be renamed.');
  const schema = channel.type === 'thread' ? threadNameSchema : channelNameSchema;
  return parseInput(z.object({ name: schema }), { name }).name;
}

/** The new section of a channel: undefined when unchanged; only public and private channels are filed. */
async function newSection(tx: Transaction, channel: ChannelRow, sectionId: string | null | undefined): Promise<string | null | undefined> {
  if (sectionId === undefined) return undefined;
  if (sectionId !== null && (channel.type === 'direct' || channel.type === 'thread')) {
    throw new ValidationError([{ path: ['sectionId'], message: 'only public and private channels are filed in sections' }]);
  }
  return sectionIn(tx, channel.organizationId, sectionId);
}

const auditedFields = (channel: ChannelRow) => ({ name: channel.name, type: channel.type, topic: channel.topic, sectionId: channel.sectionId });

builder.mutationFields((t) => ({
  createChannel: t.field({
    type: ChannelPayload,
    description: 'Creates a public or private channel (admins, or members when the organization allows it); the creator joins it.',
    errors: resultUnion('CreateChannel', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: CreateChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const fields = parseInput(z.object({ name: channelNameSchema, topic: topicSchema }), input);
        const organization = await authorizeRow(tx, viewer, {
          rule: canCreateChannel,
          readRule: canSeeOrganization,
          id: input.organizationId.id,
          what: 'Organization',
        });
        const sectionId = await sectionIn(tx, organization.id, input.sectionId?.id);
        await assertChannelNameFree(tx, organization.id, fields.name);
        const [created] = await tx
          .insert(channels)
          .values({ ...fields, organizationId: organization.id, type: input.isPrivate ? 'private' : 'public', sectionId, createdBy: viewer.userId })
          .returning();
        await addChannelMembers(tx, created!.id, [viewer.userId], viewer.userId);
        await writeAudit(tx, ctx, viewer, {
          action: 'channel.create',
          resourceType: 'channel',
          resourceId: created!.id,
          organizationId: organization.id,
          newValues: auditedFields(created!),
        });
        return { channelId: created!.id };
      }),
  }),
  createDirectChannel: t.field({
    type: ChannelPayload,
    description:
      'Opens a direct conversation between the viewer and the participants. An existing live direct channel with exactly these members is returned instead of a second one.',
    errors: resultUnion('CreateDirectChannel', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: CreateDirectChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { participantIds } = parseInput(participantsSchema, { participantIds: input.participantIds.map((id) => id.id) });
        const organization = await authorizeRow(tx, viewer, {
          rule: canCreateDirectChannel,
          readRule: canSeeOrganization,
          id: input.organizationId.id,
          what: 'Organization',
        });
        const userIds = [...new Set([viewer.userId, ...participantIds])];
        await assertOrganizationMembers(tx, organization.id, userIds, 'Every participant must be a member of the organization.');
        // Two people opening the same conversation at once get one channel.
        await lockOrganizationChannels(tx, organization.id);
        const existing = await findDirectChannel(tx, organization.id, userIds);
        if (existing) return { channelId: existing };
        const [created] = await tx
          .insert(channels)
          .values({ organizationId: organization.id, type: 'direct', name: await directChannelName(tx, userIds), createdBy: viewer.userId })
          .returning({ id: channels.id });
        await addChannelMembers(tx, created!.id, userIds, viewer.userId);
        return { channelId: created!.id };
      }),
  }),
  createThread: t.field({
    type: ChannelPayload,
    description:
      'Starts a thread from a message (whoever sees its channel); the viewer follows it. A message has at most one thread: when it has one, that thread is returned.',
    errors: resultUnion('CreateThread', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: CreateThreadInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const fields = parseInput(z.object({ name: threadNameSchema.optional() }), { name: input.name ?? undefined });
        // The lock on the message makes a concurrent second call wait, then return the same thread.
        const message = await authorizeRow(tx, viewer, { rule: canCreateThread, readRule: canReadMessage, id: input.messageId.id, what: 'Message' });
        const existing = await liveThreadOf(tx, message.threadChannelId);
        if (existing) return { channelId: existing };
        const [parent] = await tx.select().from(channels).where(eq(channels.id, message.channelId));
        if (parent!.type === 'thread') throw new ValidationError([{ path: ['messageId'], message: 'a message in a thread cannot start another thread' }]);
        const [thread] = await tx
          .insert(channels)
          .values({
            organizationId: parent!.organizationId,
            type: 'thread',
            name: fields.name ?? threadNameFrom(message.content),
            parentChannelId: parent!.id,
            createdBy: viewer.userId,
          })
          .returning({ id: channels.id });
        await tx.update(messages).set({ threadChannelId: thread!.id }).where(eq(messages.id, message.id));
        await addChannelMembers(tx, thread!.id, [viewer.userId], viewer.userId);
        return { channelId: thread!.id };
      }),
  }),
  updateChannel: t.field({
    type: ChannelPayload,
    description: 'Renames a channel, sets its topic or section (organization admins who see it).',
    errors: resultUnion('UpdateChannel', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: UpdateChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { topic } = parseInput(z.object({ topic: topicSchema }), { topic: input.topic });
        const before = await authorizeRow(tx, viewer, { rule: canChangeChannel, readRule: canSeeChannel, id: input.id.id, what: 'Channel' });
        const name = newName(before, input.name);
        const sectionId = await newSection(tx, before, input.sectionId === null ? null : input.sectionId?.id);
        if (name !== undefined && before.type !== 'thread') await assertChannelNameFree(tx, before.organizationId, name, before.id);
        const [after] = await tx
          .update(channels)
          .set({ name, sectionId, topic: input.topic === undefined ? undefined : topic })
          .where(eq(channels.id, before.id))
          .returning();
        await writeAudit(tx, ctx, viewer, {
          action: 'channel.update',
          resourceType: 'channel',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: auditedFields(before),
          newValues: auditedFields(after!),
        });
        return { channelId: before.id };
      }),
  }),
  deleteChannel: t.field({
    type: ChannelPayload,
    description: 'Deletes a channel (soft) with its threads (organization admins who see it).',
    errors: resultUnion('DeleteChannel', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: DeleteChannelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const before = await authorizeRow(tx, viewer, { rule: canChangeChannel, readRule: canSeeChannel, id: input.id.id, what: 'Channel' });
        const deleted = await tx
          .update(channels)
          .set({ deletedAt: new Date() })
          .where(and(or(eq(channels.id, before.id), eq(channels.parentChannelId, before.id)), isNull(channels.deletedAt)))
          .returning({ id: channels.id });
        // A message whose thread is gone no longer points to it (and may start a new one).
        await tx
          .update(messages)
          .set({ threadChannelId: null })
          .where(
            inArray(
              messages.threadChannelId,
              deleted.map((row) => row.id),
            ),
          );
        await writeAudit(tx, ctx, viewer, {
          action: 'channel.delete',
          resourceType: 'channel',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: { ...auditedFields(before), threadsDeleted: deleted.length - 1 },
        });
        return { channelId: before.id };
      }),
  }),
}));
