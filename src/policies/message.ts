import { aliasedTable, sql } from 'drizzle-orm';
import { channels, messageReactions, messages } from '../db/schema/index.js';
import { canPinInChannel, seesChannel, seesChannelOf } from './channel.js';
import { defineRule, type Rule } from './rule.js';
import type { Viewer } from '../context.js';
import { allOf, anyOf, isAdmin, isSelf, withinScope, type Column } from './viewer.js';

const organizationOfChannel = (channelId: Column) => sql`(select vmc.organization_id from chat.channels vmc where vmc.id = ${channelId})`;

/** Read a message of channel `channelId`: See(c); a bot also needs the `messages:read` scope. */
export const readsMessagesOf = (viewer: Viewer | null, channelId: Column) =>
  allOf(withinScope(viewer, 'messages:read'), seesChannelOf(viewer, channelId));

/** Read: See(c) (and `messages:read` for a bot). */
export const canReadMessage = defineRule('message.read', messages, (viewer, message) => readsMessagesOf(viewer, message.channelId));

/** Update: the author only, while they can still see the channel (a bot also needs `messages:write`). */
export const canEditMessage = defineRule('message.update', messages, (viewer, message) =>
  allOf(withinScope(viewer, 'messages:write'), isSelf(viewer, message.authorId), seesChannelOf(viewer, message.channelId)),
);

/**
 * Delete (soft): the author or A(o). Either acts only in a channel they can see: admins do not
 * reach into private channels they have not joined, and nobody into a deleted organization.
 */
export const canDeleteMessage = defineRule('message.delete', messages, (viewer, message) =>
  allOf(
    withinScope(viewer, 'messages:write'),
    seesChannelOf(viewer, message.channelId),
    anyOf(isSelf(viewer, message.authorId), isAdmin(viewer, organizationOfChannel(message.channelId))),
  ),
);

/** Unpin: the pinner or A(o), in a channel they can see; a bot also needs `messages:write`. */
export const canUnpinMessage = defineRule('message.unpin', messages, (viewer, message) =>
  allOf(
    withinScope(viewer, 'messages:write'),
    seesChannelOf(viewer, message.channelId),
    anyOf(isSelf(viewer, message.pinnedBy), isAdmin(viewer, organizationOfChannel(message.channelId))),
  ),
);

/** Reactions are listed with their message: See(c). */
export const canSeeReaction = (viewer: Viewer | null, reaction: typeof messageReactions) =>
  sql`exists (select 1 from chat.messages vrm where vrm.id = ${reaction.messageId} and vrm.deleted_at is null
    and ${readsMessagesOf(viewer, sql`vrm.channel_id`)})`;

/** Create (post) in a channel: See(c); a bot also needs `messages:write`. Reacting follows the same rule. */
export const canPostInChannel = defineRule('channel.post', channels, (viewer, channel) =>
  allOf(withinScope(viewer, 'messages:write'), seesChannel(viewer, channel)),
);

// The channel of the message being judged, under its own alias so channel rules can be reused on it.
const MESSAGE_CHANNEL = 'vmsgch';
const messageChannel = aliasedTable(channels, MESSAGE_CHANNEL);

/** A channel rule judged on the (live) channel of the message. */
const channelOfMessageAllows = (rule: Rule<typeof channels>, viewer: Viewer | null, channelId: Column) =>
  sql`exists (select 1 from ${channels} ${sql.identifier(MESSAGE_CHANNEL)} where ${messageChannel.id} = ${channelId} and ${messageChannel.deletedAt} is null
    and ${rule.where(viewer, messageChannel)})`;

/** Pin: canPinInChannel on the message's channel (See(c) and (not private or CM(c)); `messages:write` for a bot). */
export const canPinMessage = defineRule('message.pin', messages, (viewer, message) =>
  channelOfMessageAllows(canPinInChannel, viewer, message.channelId),
);

/**
 * Unpin as a request: canUnpinMessage on a pinned message; on one that is not pinned (a no-op),
 * whoever may pin it, so that unpinning twice is not an error.
 */
export const canRequestUnpin = defineRule('message.requestUnpin', messages, (viewer, message) =>
  anyOf(canUnpinMessage.where(viewer, message), allOf(sql`${message.pinnedAt} is null`, canPinMessage.where(viewer, message))),
);

/** Add or remove one's own reaction: as posting in the message's channel (See(c); `messages:write` for a bot). */
export const canReactToMessage = defineRule('message.react', messages, (viewer, message) =>
  channelOfMessageAllows(canPostInChannel, viewer, message.channelId),
);
