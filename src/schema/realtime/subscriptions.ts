import { and, eq, sql } from 'drizzle-orm';
import { requireViewer } from '../../auth/guards.js';
import { builder } from '../../builder.js';
import type { Context, Viewer } from '../../context.js';
import { channels } from '../../db/schema/index.js';
import { canSeeChannel, seesChannel } from '../../policies/channel.js';
import { canPostInChannel, canReadMessage, readsMessagesOf } from '../../policies/message.js';
import { canSeeNotification } from '../../policies/notification.js';
import { canReadOrganizationDetails, canSeeOrganization, canSeeOrganizationMember } from '../../policies/organization.js';
import { defineRule, type Rule } from '../../policies/rule.js';
import { canSeeUser } from '../../policies/user.js';
import { NOTIFY_CHANNEL } from '../../realtime/events.js';
import { topics, type RealtimeEvent } from '../../realtime/index.js';
import { loadForEvent } from '../../realtime/shared-reads.js';
import { allowsForEvent, deliver, ruleAllows, subscribeTo } from '../../realtime/subscribe.js';
import { Channel } from '../channels/channels.js';
import { ForbiddenError, NotFoundError, resultUnion } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { Message } from '../messages/messages.js';
import { Notification } from '../platform/notifications.js';
import { Organization, OrganizationMember } from '../organizations/organizations.js';
import { User } from '../users/users.js';

/**
 * Subscriptions (issue 6). Events come from database triggers through the process's LISTEN
 * connection (src/realtime/). A subscription is authorized when it starts; every event is judged
 * again by the subscriber's read rules when it arrives and skipped when they may no longer see it;
 * the rows it names are then loaded through the same rules, with a fresh context per event
 * (src/realtime/fresh-context.ts).
 */

builder.subscriptionType({ description: 'Live changes, over Server-Sent Events (/graphql, or graphql-sse at /graphql/stream).' });

// ---- Rules judged when a subscription starts and for every event ----------------------------

/** CHANNEL_DELETED is news to whoever saw the channel until then: See(c) judged as if it were still live. */
const sawDeletedChannel = defineRule('channel.readUntilDeleted', channels, (viewer, { id, organizationId, type, parentChannelId }) =>
  seesChannel(viewer, { id, organizationId, type, parentChannelId, deletedAt: sql`null` }),
);

/** Reading the messages of a channel: canReadMessage's own condition, judged on the channel (so it holds for rows already gone). */
export const canReadChannelMessages = defineRule('channel.readMessages', channels, (viewer, channel) => readsMessagesOf(viewer, channel.id));

/** A user an event names, through the user read rule (so null when the subscriber may not see them). */
const visibleUser = (ctx: Context, userId: string) => ({ where: { id: userId, ...visibleRows(canSeeUser, ctx) } });

const kindOf = <Kind extends string>(kinds: readonly Kind[], kind: string): Kind | null => ((kinds as readonly string[]).includes(kind) ? (kind as Kind) : null);

// ---- Channel events: messages, reactions, pins ------------------------------------------------

const CHANNEL_EVENT_KINDS = ['MESSAGE_CREATED', 'MESSAGE_EDITED', 'MESSAGE_DELETED', 'MESSAGE_PINNED', 'MESSAGE_UNPINNED', 'REACTION_ADDED', 'REACTION_REMOVED'] as const;

/** Every logged event's position in the event log: what a client resumes after. */
interface Logged {
  cursor: string;
}

const cursorField = { description: 'The position of this event in the event log: pass it as `after` to resume after it (also sent as the SSE `id:`).' };

/** The optional `after` argument of the logged subscriptions. */
const AFTER_DESCRIPTION =
  'Resume after this event cursor: the events since then that the viewer may see now are replayed first (at most 1,000; beyond that, or beyond retention, the error EVENTS_EXPIRED says to refetch). SSE clients may send Last-Event-ID instead.';

interface ChannelEventShape extends Logged {
  kind: (typeof CHANNEL_EVENT_KINDS)[number];
  messageId: string;
  reaction: { emoji: string; userId: string } | null;
}

const ReactionChange = builder.objectRef<{ emoji: string; userId: string }>('ReactionChange').implement({
  description: 'The reaction a REACTION_ADDED or REACTION_REMOVED event is about.',
  fields: (t) => ({
    emoji: t.exposeString('emoji'),
    user: t.drizzleField({
      type: User,
      nullable: true,
      description: 'Who reacted (null when the subscriber may not see them).',
      resolve: (query, reaction, _args, ctx, info) => loadForEvent(ctx, info, reaction, query(visibleUser(ctx, reaction.userId)), (config) => ctx.db.query.users.findFirst(config)),
    }),
  }),
});

const ChannelEvent = builder.objectRef<ChannelEventShape>('ChannelEvent').implement({
  description: 'A change to the messages of a channel.',
  fields: (t) => ({
    kind: t.field({ type: builder.enumType('ChannelEventKind', { values: CHANNEL_EVENT_KINDS }), resolve: (event) => event.kind }),
    cursor: t.exposeString('cursor', cursorField),
    messageId: t.globalID({ description: 'The message changed (also for MESSAGE_DELETED).', resolve: (event) => ({ type: 'Message', id: event.messageId }) }),
    message: t.drizzleField({
      type: Message,
      nullable: true,
      description: 'The message as the subscriber may see it now: content null once deleted; null when it is gone for good.',
      resolve: (query, event, _args, ctx, info) =>
        loadForEvent(ctx, info, event, query({ where: { id: event.messageId, ...visibleRows(canReadMessage, ctx) } }), (config) => ctx.db.query.messages.findFirst(config)),
    }),
    reaction: t.field({ type: ReactionChange, nullable: true, resolve: (event) => event.reaction }),
  }),
});

/** A channel event for this subscriber, or null: another kind, or they may no longer read the channel's messages. */
async function channelEvent(ctx: Context, viewer: Viewer, channelId: string, event: RealtimeEvent): Promise<ChannelEventShape | null> {
  const kind = kindOf(CHANNEL_EVENT_KINDS, event.kind);
  if (!kind || !(await allowsForEvent(ctx, viewer, event, canReadChannelMessages, channelId))) return null;
  const reaction = event.userId && event.emoji ? { emoji: event.emoji, userId: event.userId } : null;
  return { kind, messageId: event.id, reaction, cursor: event.position! };
}

/** Subscribing to a channel needs what reading its messages needs. */
const channelStart = (channelId: string) => ({ readRule: canSeeChannel, rule: canReadChannelMessages, id: channelId, what: 'Channel' });

// ---- Organization events: channels and members -----------------------------------------------

const ORGANIZATION_EVENT_KINDS = ['CHANNEL_CREATED', 'CHANNEL_UPDATED', 'CHANNEL_DELETED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'MEMBER_ROLE_CHANGED'] as const;

interface OrganizationEventShape extends Logged {
  kind: (typeof ORGANIZATION_EVENT_KINDS)[number];
  channelId: string | null;
  memberId: string | null;
}

const OrganizationEvent = builder.objectRef<OrganizationEventShape>('OrganizationEvent').implement({
  description: 'A change to the channels or members of an organization.',
  fields: (t) => ({
    kind: t.field({ type: builder.enumType('OrganizationEventKind', { values: ORGANIZATION_EVENT_KINDS }), resolve: (event) => event.kind }),
    cursor: t.exposeString('cursor', cursorField),
    channelId: t.globalID({ nullable: true, description: 'The channel of a CHANNEL_* event.', resolve: (event) => event.channelId && { type: 'Channel', id: event.channelId } }),
    channel: t.drizzleField({
      type: Channel,
      nullable: true,
      description: 'The channel as the subscriber sees it now (null once deleted).',
      resolve: (query, event, _args, ctx, info) =>
        event.channelId ? loadForEvent(ctx, info, event, query({ where: { id: event.channelId!, ...visibleRows(canSeeChannel, ctx) } }), (config) => ctx.db.query.channels.findFirst(config)) : null,
    }),
    memberId: t.globalID({ nullable: true, description: 'The membership of a MEMBER_* event.', resolve: (event) => event.memberId && { type: 'OrganizationMember', id: event.memberId } }),
    member: t.drizzleField({
      type: OrganizationMember,
      nullable: true,
      description: 'The membership (also once it has ended, to say who left).',
      resolve: (query, event, _args, ctx, info) =>
        event.memberId
          ? loadForEvent(ctx, info, event, query({ where: { id: event.memberId!, ...visibleRows(canSeeOrganizationMember, ctx) } }), (config) => ctx.db.query.organizationMembers.findFirst(config))
          : null,
    }),
  }),
});

/** Channel events follow the channel's read rule (a private channel is news to its members only); member events need M(o). */
async function organizationEvent(ctx: Context, viewer: Viewer, organizationId: string, event: RealtimeEvent): Promise<OrganizationEventShape | null> {
  const kind = kindOf(ORGANIZATION_EVENT_KINDS, event.kind);
  if (!kind) return null;
  const aboutChannel = kind.startsWith('CHANNEL_');
  const channelRule = kind === 'CHANNEL_DELETED' ? sawDeletedChannel : canSeeChannel;
  const allowed = aboutChannel
    ? await allowsForEvent(ctx, viewer, event, channelRule, event.id)
    : await allowsForEvent(ctx, viewer, event, canReadOrganizationDetails, organizationId);
  if (!allowed) return null;
  return { kind, channelId: aboutChannel ? event.id : null, memberId: aboutChannel ? null : event.id, cursor: event.position! };
}

// ---- Notifications of the viewer --------------------------------------------------------------

const NOTIFICATION_EVENT_KINDS = ['CREATED', 'UPDATED', 'DELETED'] as const;

interface NotificationEventShape extends Logged {
  kind: (typeof NOTIFICATION_EVENT_KINDS)[number];
  notificationId: string;
}

const NotificationEvent = builder.objectRef<NotificationEventShape>('NotificationEvent').implement({
  description: "A change to one of the viewer's notifications.",
  fields: (t) => ({
    kind: t.field({ type: builder.enumType('NotificationEventKind', { values: NOTIFICATION_EVENT_KINDS }), resolve: (event) => event.kind }),
    cursor: t.exposeString('cursor', cursorField),
    notificationId: t.globalID({ resolve: (event) => ({ type: 'Notification', id: event.notificationId }) }),
    notification: t.drizzleField({
      type: Notification,
      nullable: true,
      description: 'The notification now (null once deleted).',
      resolve: (query, event, _args, ctx, info) =>
        loadForEvent(ctx, info, event, query({ where: { id: event.notificationId, ...visibleRows(canSeeNotification, ctx) } }), (config) => ctx.db.query.notifications.findFirst(config)),
    }),
  }),
});

/** The topic is the viewer's own; a row that still exists is judged by its read rule all the same. */
async function notificationEvent(ctx: Context, viewer: Viewer, event: RealtimeEvent): Promise<NotificationEventShape | null> {
  const kind = kindOf(NOTIFICATION_EVENT_KINDS, event.kind);
  if (!kind) return null;
  if (kind !== 'DELETED' && !(await allowsForEvent(ctx, viewer, event, canSeeNotification, event.id))) return null;
  return { kind, notificationId: event.id, cursor: event.position! };
}

// ---- Typing indicators: published by setTyping, never stored -----------------------------------

interface TypingShape {
  userId: string;
  isTyping: boolean;
}

const TypingIndicator = builder.objectRef<TypingShape>('TypingIndicator').implement({
  description: 'Someone else started or stopped typing in the channel. Clients show it for about 6 s unless renewed (setTyping every few seconds).',
  fields: (t) => ({
    userId: t.globalID({ resolve: (typing) => ({ type: 'User', id: typing.userId }) }),
    user: t.drizzleField({
      type: User,
      nullable: true,
      description: 'Who is typing (null when the subscriber may not see them).',
      resolve: (query, typing, _args, ctx, info) => loadForEvent(ctx, info, typing, query(visibleUser(ctx, typing.userId)), (config) => ctx.db.query.users.findFirst(config)),
    }),
    isTyping: t.exposeBoolean('isTyping'),
  }),
});

/** Typing of others only, while the subscriber may read the channel's messages. */
async function typingEvent(ctx: Context, viewer: Viewer, channelId: string, event: RealtimeEvent): Promise<TypingShape | null> {
  if (event.kind !== 'TYPING' || event.id === viewer.userId) return null;
  if (!(await allowsForEvent(ctx, viewer, event, canReadChannelMessages, channelId))) return null;
  return { userId: event.id, isTyping: event.isTyping ?? true };
}

const SetTypingInput = builder.inputType('SetTypingInput', {
  fields: (t) => ({
    channelId: t.globalID({ required: true, for: Channel }),
    isTyping: t.boolean({ defaultValue: true, description: 'false when the viewer stopped (e.g. cleared the input).' }),
  }),
});

const SetTypingPayload = builder.objectRef<{ channelId: string; isTyping: boolean }>('SetTypingPayload').implement({
  fields: (t) => ({
    isTyping: t.exposeBoolean('isTyping'),
    channel: t.drizzleField({
      type: Channel,
      nullable: true,
      resolve: (query, payload, _args, ctx) => ctx.db.query.channels.findFirst(query({ where: { id: payload.channelId, ...visibleRows(canSeeChannel, ctx) } })),
    }),
  }),
});

/**
 * Publishes a typing event to every gateway instance with pg_notify, in the statement that checks
 * the rule (posting in the channel): the notification is sent only when the row passes it.
 */
async function publishTyping(ctx: Context, viewer: Viewer, channelId: string, isTyping: boolean): Promise<void> {
  const event: RealtimeEvent = { topic: topics.typing(channelId), kind: 'TYPING', id: viewer.userId, isTyping };
  const sent = await ctx.db
    .select({ id: channels.id, notified: sql`pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(event)})::text` })
    .from(channels)
    .where(and(eq(channels.id, channelId), canPostInChannel.where(viewer, channels)));
  if (sent.length > 0) return;
  if (await ruleAllows(ctx.db, viewer, canSeeChannel as unknown as Rule, channelId)) throw new ForbiddenError();
  throw new NotFoundError('Channel not found.');
}


builder.mutationFields((t) => ({
  setTyping: t.field({
    type: SetTypingPayload,
    description: 'Tells the subscribers of typingIndicators that the viewer is (or stopped) typing in a channel; nothing is stored.',
    errors: resultUnion('SetTyping', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: SetTypingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const isTyping = input.isTyping ?? true;
      await publishTyping(ctx, requireViewer(ctx), input.channelId.id, isTyping);
      return { channelId: input.channelId.id, isTyping };
    },
  }),
}));

// ---- The subscription fields ---------------------------------------------------------------------

builder.subscriptionFields((t) => ({
  channelEvents: t.field({
    type: ChannelEvent,
    description: 'Messages of a channel created, edited, deleted (content null), pinned or unpinned, and reactions added or removed.',
    authScopes: { authenticated: true },
    args: { channel: t.arg.globalID({ required: true, for: Channel }), after: t.arg.string({ description: AFTER_DESCRIPTION }) },
    subscribe: (_root, { channel, after }, ctx) =>
      subscribeTo(ctx, channelStart(channel.id), topics.channel(channel.id), (viewer, event) => channelEvent(ctx, viewer, channel.id, event), { after }),
    resolve: deliver,
  }),
  organizationEvents: t.field({
    type: OrganizationEvent,
    description: "Channels of an organization created, updated or deleted (those the viewer sees), and members joining, leaving or changing role. Members only.",
    authScopes: { authenticated: true },
    args: { organization: t.arg.globalID({ required: true, for: Organization }), after: t.arg.string({ description: AFTER_DESCRIPTION }) },
    subscribe: (_root, { organization, after }, ctx) =>
      subscribeTo(
        ctx,
        { readRule: canSeeOrganization, rule: canReadOrganizationDetails, id: organization.id, what: 'Organization' },
        topics.organization(organization.id),
        (viewer, event) => organizationEvent(ctx, viewer, organization.id, event),
        { after },
      ),
    resolve: deliver,
  }),
  notificationEvents: t.field({
    type: NotificationEvent,
    description: "The viewer's notifications: created, updated (e.g. read) or deleted.",
    authScopes: { authenticated: true },
    args: { after: t.arg.string({ description: AFTER_DESCRIPTION }) },
    subscribe: (_root, { after }, ctx) =>
      subscribeTo(ctx, null, topics.user(requireViewer(ctx).userId), (viewer, event) => notificationEvent(ctx, viewer, event), { after }),
    resolve: deliver,
  }),
  typingIndicators: t.field({
    type: TypingIndicator,
    description: 'Others starting or stopping typing in a channel (see setTyping).',
    authScopes: { authenticated: true },
    args: { channel: t.arg.globalID({ required: true, for: Channel }) },
    subscribe: (_root, { channel }, ctx) =>
      subscribeTo(ctx, channelStart(channel.id), topics.typing(channel.id), (viewer, event) => typingEvent(ctx, viewer, channel.id, event)),
    resolve: deliver,
  }),
}));
