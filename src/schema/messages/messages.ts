import { eq, gt, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { COUNT_FIELD } from '../../limits/cost.js';
import { messageReactions, type messages } from '../../db/schema/index.js';
import { canSeeChannel } from '../../policies/channel.js';
import { canSeeFile } from '../../policies/file.js';
import { canReadMessage, canSeeReaction } from '../../policies/message.js';
import { canSeeUser } from '../../policies/user.js';
import { Channel } from '../channels/channels.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { SortDirectionEnum, sortDirection } from '../core/enums.js';
import { containsPattern, liveAnd } from '../core/filters.js';
import { rootConnection } from '../core/root-fields.js';
import { sqlValue } from '../core/sql-value.js';
import { User } from '../users/users.js';
import { filterArgs, oneOrder, withFilters } from '../core/where-input.js';

export const Message = builder.drizzleNode('messages', {
  name: 'Message',
  // Only the columns the requested fields need; deletedAt lets `node` refuse a deleted row.
  select: { columns: { deletedAt: true } },
  id: { column: (message) => message.id },
  fields: (t) => ({
    content: t.string({
      nullable: true,
      description: 'The text; null once the message is deleted.',
      ...sqlValue('visibleContent', (message: typeof messages) => sql`(case when ${message.deletedAt} is null then ${message.content} end)`),
    }),
    isDeleted: t.boolean(sqlValue('isDeleted', (message: typeof messages) => sql`(${message.deletedAt} is not null)`)),
    embeds: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Link previews and attachments; null once the message is deleted, like its text.',
      ...sqlValue('visibleEmbeds', (message: typeof messages) => sql`(case when ${message.deletedAt} is null then ${message.embeds} end)`),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    editedAt: t.expose('editedAt', { type: 'DateTime', nullable: true }),
    pinnedAt: t.expose('pinnedAt', { type: 'DateTime', nullable: true }),
    channel: t.relation('channel'),
    author: t.relation('author', {
      nullable: true,
      description: "The author; null when the viewer no longer shares an organization with them.",
      query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }),
    }),
    replyTo: t.relation('replyTo', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canReadMessage, ctx) }) }),
    replies: t.relatedConnection('replies', {
      args: filterArgs(t, 'messages'),
      query: (args, ctx) => withFilters('messages', args, ctx, { where: visibleRows(canReadMessage, ctx), orderBy: { createdAt: 'asc' } }),
      totalCount: true,
    }),
    thread: t.relation('threadChannel', {
      nullable: true,
      description: 'The thread started from this message.',
      query: (_args, ctx) => ({ where: visibleRows(canSeeChannel, ctx) }),
    }),
    pinnedBy: t.relation('pinner', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
    reactions: t.relatedConnection('reactions', {
      args: filterArgs(t, 'messageReactions'),
      query: (args, ctx) => withFilters('messageReactions', args, ctx, { where: { RAW: (table) => canSeeReaction(ctx.viewer, table) }, orderBy: { createdAt: 'asc' } }),
      totalCount: true,
    }),
    reactionCount: t.relatedCount('reactions', { where: (_args, ctx) => canSeeReaction(ctx.viewer, messageReactions), extensions: COUNT_FIELD }),
    files: t.relatedConnection('files', {
      args: filterArgs(t, 'files'),
      query: (args, ctx) => withFilters('files', args, ctx, { where: visibleRows(canSeeFile, ctx), orderBy: { createdAt: 'asc' } }),
      totalCount: true,
    }),
  }),
});
nodeReadRule('Message', canReadMessage);

// A reaction is the triple (message, user, emoji), not an entity of its own: no global ID.
export const MessageReaction = builder.drizzleObject('messageReactions', {
  name: 'MessageReaction',
  fields: (t) => ({
    emoji: t.exposeString('emoji'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    message: t.relation('message'),
    user: t.relation('user', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
  }),
});

interface MessageFilterArgs {
  channelId?: string | null;
  authorId?: string | null;
  before?: Date | null;
  after?: Date | null;
  contains?: string | null;
}

/** The message-list filters as one SQL condition (soft-deleted messages are never listed). */
export const messageFilter =
  ({ channelId, authorId, before, after, contains }: MessageFilterArgs) =>
  (table: typeof messages): SQL =>
    liveAnd(
      table,
      channelId ? eq(table.channelId, channelId) : undefined,
      authorId ? eq(table.authorId, authorId) : undefined,
      before ? lt(table.createdAt, before) : undefined,
      after ? gt(table.createdAt, after) : undefined,
      contains ? ilike(table.content, containsPattern(contains)) : undefined,
    );

builder.drizzleObjectFields(Channel, (t) => ({
  messages: t.relatedConnection('messages', {
    description: 'Messages, newest first unless `order: ASC`; filter by author, time and text.',
    args: {
      author: t.arg.globalID({ for: User }),
      createdBefore: t.arg({ type: 'DateTime', description: 'Only messages created before this time.' }),
      createdAfter: t.arg({ type: 'DateTime', description: 'Only messages created after this time.' }),
      contains: t.arg.string(),
      order: t.arg({ type: SortDirectionEnum }),
      ...filterArgs(t, 'messages'),
    },
    query: (args, ctx) => {
      oneOrder(args, 'order');
      return withFilters('messages', args, ctx, {
        where: visibleRows(canReadMessage, ctx, messageFilter({ ...filterFromArgs(args), channelId: undefined })),
        orderBy: { createdAt: sortDirection(args.order, 'desc') },
      });
    },
    totalCount: true,
  }),
  pinnedMessages: t.relatedConnection('pinnedMessages', {
    args: filterArgs(t, 'messages'),
    query: (args, ctx) => withFilters('messages', args, ctx, { where: visibleRows(canReadMessage, ctx), orderBy: { pinnedAt: 'desc' } }),
    totalCount: true,
  }),
}));

builder.queryFields((t) => ({
  messages: t.drizzleConnection({
    type: 'messages',
    description: 'Messages of one channel, newest first unless `order: ASC`; filter by author, time and text.',
    args: {
      channel: t.arg.globalID({ required: true, for: Channel }),
      author: t.arg.globalID({ for: User }),
      createdBefore: t.arg({ type: 'DateTime', description: 'Only messages created before this time.' }),
      createdAfter: t.arg({ type: 'DateTime', description: 'Only messages created after this time.' }),
      contains: t.arg.string(),
      order: t.arg({ type: SortDirectionEnum }),
      ...filterArgs(t, 'messages'),
    },
    ...rootConnection('messages', (args: Parameters<typeof filterFromArgs>[0] & { order?: 'ASC' | 'DESC' | null }, ctx) => {
      oneOrder(args, 'order');
      return withFilters('messages', args, ctx, {
        where: visibleRows(canReadMessage, ctx, messageFilter(filterFromArgs(args))),
        orderBy: { createdAt: sortDirection(args.order, 'desc') },
      });
    }),
  }),
}));

/** The filter of the GraphQL message arguments (global IDs already decoded). */
function filterFromArgs(args: {
  channel?: { id: string } | null;
  author?: { id: string } | null;
  createdBefore?: Date | null;
  createdAfter?: Date | null;
  contains?: string | null;
}): MessageFilterArgs {
  const { channel, author, createdBefore, createdAfter, contains } = args;
  return { channelId: channel?.id, authorId: author?.id, before: createdBefore, after: createdAfter, contains };
}
