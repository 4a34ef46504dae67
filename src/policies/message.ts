import { sql } from 'drizzle-orm';
import { channels, messageReactions, messages } from '../db/schema/index.js';
import { seesChannel, seesChannelOf } from './channel.js';
import { defineRule } from './rule.js';
import type { Viewer } from '../context.js';
import { allOf, anyOf, isAdmin, isSelf, withinScope, type Column } from './viewer.js';

const organizationOfChannel = (channelId: Column) => sql`(select vmc.organization_id from chat.channels vmc where vmc.id = ${channelId})`;

/** Read a message of channel `channelId`: See(c); a bot also needs the `messages:read` scope. */
export const readsMessagesOf = (viewer: Viewer | null, channelId: Column) =>
  allOf(withinScope(viewer, 'messages:read'), seesChannelOf(viewer, channelId));

/** Read: See(c) (and `messages:read` for a bot). */
export const canReadMessage = defineRule('message.read', messages, (viewer, message) => readsMessagesOf(viewer, message.channelId));

/** Update: the author only (a bot also needs `messages:write`). */
export const canEditMessage = defineRule('message.update', messages, (viewer, message) =>
  allOf(withinScope(viewer, 'messages:write'), isSelf(viewer, message.authorId)),
);

/** A(o) moderating a channel they can see: admins do not reach into private channels they have not joined. */
const moderates = (viewer: Viewer | null, channelId: Column) =>
  allOf(isAdmin(viewer, organizationOfChannel(channelId)), seesChannelOf(viewer, channelId));

/** Delete (soft): the author, or A(o) (in a channel the admin can see). */
export const canDeleteMessage = defineRule('message.delete', messages, (viewer, message) =>
  allOf(withinScope(viewer, 'messages:write'), anyOf(isSelf(viewer, message.authorId), moderates(viewer, message.channelId))),
);

/** Unpin: the pinner, or A(o) (in a channel the admin can see); a bot also needs `messages:write`. */
export const canUnpinMessage = defineRule('message.unpin', messages, (viewer, message) =>
  allOf(withinScope(viewer, 'messages:write'), anyOf(isSelf(viewer, message.pinnedBy), moderates(viewer, message.channelId))),
);

/** Reactions are listed with their message: See(c). */
export const canSeeReaction = (viewer: Viewer | null, reaction: typeof messageReactions) =>
  sql`exists (select 1 from chat.messages vrm where vrm.id = ${reaction.messageId} and vrm.deleted_at is null
    and ${readsMessagesOf(viewer, sql`vrm.channel_id`)})`;

/** Create (post) in a channel: See(c); a bot also needs `messages:write`. Reacting follows the same rule. */
export const canPostInChannel = defineRule('channel.post', channels, (viewer, channel) =>
  allOf(withinScope(viewer, 'messages:write'), seesChannel(viewer, channel)),
);
