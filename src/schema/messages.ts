import { eq, gt, ilike, lt, type SQL } from 'drizzle-orm';
import { builder } from '../builder.js';
import { messages } from '../db/schema/index.js';
import { Channel } from './channels.js';
import { SortDirectionEnum, sortDirection } from './enums.js';
import { containsPattern, liveAnd } from './filters.js';
import { User } from './users.js';

export const Message = builder.drizzleNode('messages', {
  name: 'Message',
  id: { column: (message) => message.id },
  fields: (t) => ({
    content: t.string({
      nullable: true,
      description: 'The text; null once the message is deleted.',
      select: { columns: { content: true, deletedAt: true } },
      resolve: (message) => (message.deletedAt ? null : message.content),
    }),
    isDeleted: t.boolean({ select: { columns: { deletedAt: true } }, resolve: (message) => message.deletedAt !== null }),
    embeds: t.expose('embeds', { type: 'JSON' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    editedAt: t.expose('editedAt', { type: 'DateTime', nullable: true }),
    pinnedAt: t.expose('pinnedAt', { type: 'DateTime', nullable: true }),
    channel: t.relation('channel'),
    author: t.relation('author'),
    replyTo: t.relation('replyTo', { nullable: true }),
    replies: t.relatedConnection('replies', { query: { orderBy: { createdAt: 'asc' } }, totalCount: true }),
    thread: t.relation('threadChannel', { nullable: true, description: 'The thread started from this message.' }),
    pinnedBy: t.relation('pinner', { nullable: true }),
    reactions: t.relatedConnection('reactions', { query: { orderBy: { createdAt: 'asc' } }, totalCount: true }),
    reactionCount: t.relatedCount('reactions'),
  }),
});

export const MessageReaction = builder.drizzleNode('messageReactions', {
  name: 'MessageReaction',
  id: { column: (reaction) => [reaction.messageId, reaction.userId, reaction.emoji] },
  fields: (t) => ({
    emoji: t.exposeString('emoji'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    message: t.relation('message'),
    user: t.relation('user'),
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
    },
    query: (args) => ({
      where: {
        RAW: (table) =>
          messageFilter({ ...filterFromArgs(args), channelId: undefined })(table),
      },
      orderBy: { createdAt: sortDirection(args.order, 'desc') },
    }),
    totalCount: true,
  }),
  pinnedMessages: t.relatedConnection('pinnedMessages', { query: { orderBy: { pinnedAt: 'desc' } }, totalCount: true }),
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
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(messages, messageFilter(filterFromArgs(args))(messages)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.messages.findMany(
        query({
          where: { RAW: (table) => messageFilter(filterFromArgs(args))(table) },
          orderBy: { createdAt: sortDirection(args.order, 'desc') },
        }),
      ),
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
