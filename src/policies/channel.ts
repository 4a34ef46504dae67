import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../context.js';
import { channels } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, isAdmin, isChannelMember, isMember, withinScope, type Column } from './viewer.js';

/** The columns of a channel row, wherever it stands in a query (the table itself or a subquery alias). */
export interface ChannelColumns {
  id: Column;
  organizationId: Column;
  type: Column;
  parentChannelId: Column;
}

/**
 * See(c) = M(c.org) and (c public, or CM(c) for private and direct, or See(parent) for a thread).
 * Organization admins do not read private channels they have not joined.
 */
export function seesChannel(viewer: Viewer | null, channel: ChannelColumns): SQL {
  const parentVisible = sql`exists (
    select 1 from chat.channels vparent
    where vparent.id = ${channel.parentChannelId} and vparent.deleted_at is null
      and (vparent.type = 'public' or ${isChannelMember(viewer, sql`vparent.id`)}))`;
  return allOf(
    isMember(viewer, channel.organizationId),
    anyOf(
      sql`${channel.type} = 'public'`,
      allOf(sql`${channel.type} in ('private', 'direct')`, isChannelMember(viewer, channel.id)),
      allOf(sql`${channel.type} = 'thread'`, parentVisible),
    ),
  );
}

/** See(c) for the channel a row points to by `channelId` (messages, members, files). */
export function seesChannelOf(viewer: Viewer | null, channelId: Column): SQL {
  const channel = { id: sql`vch.id`, organizationId: sql`vch.organization_id`, type: sql`vch.type`, parentChannelId: sql`vch.parent_channel_id` };
  return sql`exists (select 1 from chat.channels vch where vch.id = ${channelId} and vch.deleted_at is null and ${seesChannel(viewer, channel)})`;
}

/** Channel read: See(c). */
export const canSeeChannel = defineRule('channel.read', channels, (viewer, channel) => seesChannel(viewer, channel));

/** Channel update and delete: A(o). */
export const canManageChannel = defineRule('channel.manage', channels, (viewer, channel) => isAdmin(viewer, channel.organizationId));

/** Join self: a public channel of an organization the viewer belongs to. */
export const canJoinChannel = defineRule('channel.join', channels, (viewer, channel) =>
  allOf(sql`${channel.type} = 'public'`, isMember(viewer, channel.organizationId)),
);

/** Add another member: CM(c) (while still M(o)) or A(o); the target must be M(o), checked by the mutation. */
export const canAddChannelMember = defineRule('channel.addMember', channels, (viewer, channel) =>
  anyOf(allOf(isChannelMember(viewer, channel.id), isMember(viewer, channel.organizationId)), isAdmin(viewer, channel.organizationId)),
);

/** Pin: See(c) and (not private or CM(c)); a bot also needs `messages:write`. */
export const canPinInChannel = defineRule('channel.pin', channels, (viewer, channel) =>
  allOf(
    withinScope(viewer, 'messages:write'),
    seesChannel(viewer, channel),
    anyOf(sql`${channel.type} <> 'private'`, isChannelMember(viewer, channel.id)),
  ),
);
