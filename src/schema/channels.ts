import { eq, ilike, type SQL } from 'drizzle-orm';
import { builder } from '../builder.js';
import { channels } from '../db/schema/index.js';
import { ChannelTypeEnum } from './enums.js';
import { allOf, containsPattern, liveAnd } from './filters.js';
import { Organization } from './organizations.js';

export const ChannelSection = builder.drizzleNode('channelSections', {
  name: 'ChannelSection',
  id: { column: (section) => section.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    organization: t.relation('organization'),
    channels: t.relatedConnection('channels', { query: { orderBy: { name: 'asc' } }, totalCount: true }),
  }),
});

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
  id: { column: (channel) => channel.id },
  fields: (t) => ({
    type: t.expose('type', { type: ChannelTypeEnum }),
    name: t.exposeString('name'),
    topic: t.exposeString('topic', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    organization: t.relation('organization'),
    section: t.relation('section', { nullable: true }),
    parent: t.relation('parent', { nullable: true, description: 'The channel a thread belongs to.' }),
    createdBy: t.relation('creator', { nullable: true }),
    threads: t.relatedConnection('threads', { query: { orderBy: { createdAt: 'desc' } }, totalCount: true }),
    members: t.relatedConnection('members', { query: { orderBy: { joinedAt: 'asc' } }, totalCount: true }),
    memberCount: t.relatedCount('members'),
  }),
});

export const ChannelMember = builder.drizzleNode('channelMembers', {
  name: 'ChannelMember',
  id: { column: (member) => member.id },
  fields: (t) => ({
    isMuted: t.exposeBoolean('isMuted'),
    isHidden: t.exposeBoolean('isHidden'),
    isFavorite: t.exposeBoolean('isFavorite'),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    channel: t.relation('channel'),
    user: t.relation('user'),
    lastReadMessage: t.relation('lastReadMessage', { nullable: true }),
  }),
});

builder.drizzleObjectFields(Organization, (t) => ({
  channels: t.relatedConnection('channels', {
    description: 'Live channels by name, filtered by type, section or name.',
    args: {
      type: t.arg({ type: ChannelTypeEnum }),
      section: t.arg.globalID({ for: ChannelSection }),
      nameContains: t.arg.string(),
    },
    query: (args) => ({
      where: { RAW: (table) => channelFilter({ type: args.type, sectionId: args.section?.id, nameContains: args.nameContains })(table) },
      orderBy: { name: 'asc' },
    }),
    totalCount: true,
  }),
  channelCount: t.relatedCount('channels'),
}));

builder.queryFields((t) => ({
  channels: t.drizzleConnection({
    type: 'channels',
    description: 'Live channels of every organization, by name; filtered by type or name.',
    args: { type: t.arg({ type: ChannelTypeEnum }), nameContains: t.arg.string() },
    totalCount: (_parent, args, ctx) => ctx.db.$count(channels, liveAnd(channels, channelFilter(args)(channels))),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.channels.findMany(
        query({ where: { RAW: (table) => liveAnd(table, channelFilter(args)(table)) }, orderBy: { name: 'asc' } }),
      ),
  }),
  channel: t.drizzleField({
    type: Channel,
    nullable: true,
    description: 'A channel by its ID; null when there is none.',
    args: { id: t.arg.globalID({ required: true, for: Channel }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.channels.findFirst(query({ where: { id: args.id.id, deletedAt: { isNull: true } } })),
  }),
}));
