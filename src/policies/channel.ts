import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../context.js';
import { channels, messages, organizations } from '../db/schema/index.js';
import { defineRule, type Rule, type RuledTable } from './rule.js';
import { allOf, anyOf, isAdmin, isChannelMember, isMember, withinScope, type Column } from './viewer.js';

/** The columns of a channel row, wherever it stands in a query (the table itself or a subquery alias). */
export interface ChannelColumns {
  id: Column;
  organizationId: Column;
  type: Column;
  parentChannelId: Column;
  deletedAt: Column;
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
    sql`${channel.deletedAt} is null`, // a deleted channel is gone for everyone, wherever it is referenced
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
  const channel = {
    id: sql`vch.id`,
    organizationId: sql`vch.organization_id`,
    type: sql`vch.type`,
    parentChannelId: sql`vch.parent_channel_id`,
    deletedAt: sql`vch.deleted_at`,
  };
  return sql`exists (select 1 from chat.channels vch where vch.id = ${channelId} and ${seesChannel(viewer, channel)})`;
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

/**
 * A bot changes channels and memberships only with the `channels:write` scope (DOMAIN.md names no
 * scope for it; decided here so a messages-only bot cannot reshape channels). People are not limited.
 */
export const CHANNELS_WRITE = 'channels:write';

/** The same rule as a channel write: a bot also needs `channels:write`. */
export function asChannelWrite<Table extends RuledTable>(rule: Rule<Table>): Rule<Table> {
  return defineRule(`${rule.name}.write`, rule.table, (viewer, table) => allOf(withinScope(viewer, CHANNELS_WRITE), rule.where(viewer, table)));
}

/** The organization lets members (not only admins) create channels: settings.membersCanCreateChannels. */
const membersCreateChannels = (settings: Column) => sql`coalesce((${settings} -> 'membersCanCreateChannels') = 'true'::jsonb, false)`;

/** Create a public or private channel in organization o: A(o), or M(o) when o lets members create channels. */
export const canCreateChannel = asChannelWrite(
  defineRule('channel.create', organizations, (viewer, organization) =>
    anyOf(isAdmin(viewer, organization.id), allOf(isMember(viewer, organization.id), membersCreateChannels(organization.settings))),
  ),
);

/** Start a direct conversation in o: M(o) (that every participant is M(o) is checked by the mutation). */
export const canCreateDirectChannel = asChannelWrite(
  defineRule('channel.createDirect', organizations, (viewer, organization) => isMember(viewer, organization.id)),
);

/** Start a thread from a message: See(its channel); a bot also needs `messages:write`, as a thread is posting. */
export const canCreateThread = defineRule('channel.createThread', messages, (viewer, message) =>
  allOf(withinScope(viewer, 'messages:write'), seesChannelOf(viewer, message.channelId)),
);
