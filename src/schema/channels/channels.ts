import { eq, ilike, type SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { COUNT_FIELD } from '../../limits/cost.js';
import { channels } from '../../db/schema/index.js';
import { canSeeChannel } from '../../policies/channel.js';
import { canSeeChannelMember } from '../../policies/channel-member.js';
import { canReadMessage } from '../../policies/message.js';
import { canSeeSection } from '../../policies/section.js';
import { canSeeUser } from '../../policies/user.js';
import { ChannelTypeEnum } from '../core/enums.js';
import { allOf, containsPattern, liveAnd } from '../core/filters.js';
import { nodeReadRule, visibleCondition, visibleRows } from '../core/guards.js';
import { Organization } from '../organizations/organizations.js';
import { rootConnection, rootRow } from '../core/root-fields.js';
import { filterArgs, withFilters } from '../core/where-input.js';

export const ChannelSection = builder.drizzleNode('channelSections', {
  name: 'ChannelSection',
  id: { column: (section) => section.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    organization: t.relation('organization'),
    channels: t.relatedConnection('channels', {
      args: filterArgs(t, 'channels'),
      query: (args, ctx) => withFilters('channels', args, ctx, { where: visibleRows(canSeeChannel, ctx), orderBy: { name: 'asc' } }),
      totalCount: true,
    }),
  }),
});
nodeReadRule('ChannelSection', canSeeSection);

interface ChannelFilterArgs {
  type?: (typeof channels.type.enumValues)[number] | null;
  sectionId?: string | null;
  nameContains?: string | null;
}

/** The channel-list filters (type, section, name contains) as one SQL condition. */
export const channelFilter =
  ({ type, sectionId, nameContains }: ChannelFilterArgs) =>
  (table: typeof channels): SQL =>
    allOf(
      type ? eq(table.type, type) : undefined,
      sectionId ? eq(table.sectionId, sectionId) : undefined,
      nameContains ? ilike(table.name, containsPattern(nameContains)) : undefined,
    );

export const Channel = builder.drizzleNode('channels', {
  name: 'Channel',
  // Only the columns the requested fields need; deletedAt lets `node` refuse a deleted row.
  select: { columns: { deletedAt: true } },
  id: { column: (channel) => channel.id },
  fields: (t) => ({
    type: t.expose('type', { type: ChannelTypeEnum }),
    name: t.exposeString('name'),
    topic: t.exposeString('topic', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    organization: t.relation('organization'),
    section: t.relation('section', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeSection, ctx) }) }),
    parent: t.relation('parent', {
      nullable: true,
      description: 'The channel a thread belongs to.',
      query: (_args, ctx) => ({ where: visibleRows(canSeeChannel, ctx) }),
    }),
    createdBy: t.relation('creator', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
    threads: t.relatedConnection('threads', {
      args: filterArgs(t, 'channels'),
      query: (args, ctx) => withFilters('channels', args, ctx, { where: visibleRows(canSeeChannel, ctx), orderBy: { createdAt: 'desc' } }),
      totalCount: true,
    }),
    members: t.relatedConnection('members', {
      args: filterArgs(t, 'channelMembers'),
      query: (args, ctx) => withFilters('channelMembers', args, ctx, { where: visibleRows(canSeeChannelMember, ctx), orderBy: { joinedAt: 'asc' } }),
      totalCount: true,
    }),
    memberCount: t.relatedCount('members', { where: (_args, ctx) => visibleCondition(canSeeChannelMember, ctx), extensions: COUNT_FIELD }),
  }),
});
nodeReadRule('Channel', canSeeChannel);

export const ChannelMember = builder.drizzleNode('channelMembers', {
  name: 'ChannelMember',
  id: { column: (member) => member.id },
  fields: (t) => ({
    isMuted: t.exposeBoolean('isMuted'),
    isHidden: t.exposeBoolean('isHidden'),
    isFavorite: t.exposeBoolean('isFavorite'),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    channel: t.relation('channel'),
    user: t.relation('user', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
    lastReadMessage: t.relation('lastReadMessage', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canReadMessage, ctx) }) }),
  }),
});
nodeReadRule('ChannelMember', canSeeChannelMember);

builder.drizzleObjectFields(Organization, (t) => ({
  channels: t.relatedConnection('channels', {
    description: 'Channels the viewer may see, by name, filtered by type, section or name.',
    args: {
      type: t.arg({ type: ChannelTypeEnum }),
      section: t.arg.globalID({ for: ChannelSection }),
      nameContains: t.arg.string(),
      ...filterArgs(t, 'channels'),
    },
    query: (args, ctx) =>
      withFilters('channels', args, ctx, {
        where: visibleRows(canSeeChannel, ctx, channelFilter({ type: args.type, sectionId: args.section?.id, nameContains: args.nameContains })),
        orderBy: { name: 'asc' },
      }),
    totalCount: true,
  }),
  channelCount: t.relatedCount('channels', { where: (_args, ctx) => visibleCondition(canSeeChannel, ctx), extensions: COUNT_FIELD }),
  sections: t.relation('sections', {
    query: (_args, ctx) => ({ where: visibleRows(canSeeSection, ctx), orderBy: { position: 'asc', id: 'asc' } }),
  }),
}));

builder.queryFields((t) => ({
  channels: t.drizzleConnection({
    type: 'channels',
    description: 'Channels the viewer may see in every organization, by name; filtered by type or name.',
    args: { type: t.arg({ type: ChannelTypeEnum }), nameContains: t.arg.string(), ...filterArgs(t, 'channels') },
    ...rootConnection('channels', (args: ChannelFilterArgs, ctx) =>
      withFilters('channels', args, ctx, {
        where: visibleRows(canSeeChannel, ctx, (table) => liveAnd(table, channelFilter(args)(table))),
        orderBy: { name: 'asc' },
      }),
    ),
  }),
  channel: t.drizzleField({
    type: Channel,
    nullable: true,
    description: 'A channel by its ID; null when there is none or the viewer may not see it.',
    args: { id: t.arg.globalID({ required: true, for: Channel }) },
    ...rootRow('channels', (args: { id: { id: string } }, ctx) => ({ where: { id: args.id.id, deletedAt: { isNull: true }, ...visibleRows(canSeeChannel, ctx) } })),
  }),
}));
