import { sql } from 'drizzle-orm';
import { index, jsonb, primaryKey, text, uuid, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { actorRef, userRef } from '../auth/users.js';
import { createdAt, deletedAt, id, timestampColumn } from '../columns.js';
import { channels } from './channels.js';
import { chatSchema } from './schema.js';

export const messages = chatSchema.table(
  'messages',
  {
    id: id(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id').notNull(),
    content: text('content').notNull(),
    embeds: jsonb('embeds').$type<unknown[]>().notNull().default([]),
    replyToMessageId: uuid('reply_to_message_id').references((): AnyPgColumn => messages.id, { onDelete: 'set null' }),
    threadChannelId: uuid('thread_channel_id').references(() => channels.id, { onDelete: 'set null' }),
    pinnedAt: timestampColumn('pinned_at'),
    pinnedBy: actorRef('pinned_by'),
    editedAt: timestampColumn('edited_at'),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    // `order by created_at desc, id desc` puts nulls first; drizzle-kit writes a bare .desc() as NULLS LAST,
    // which PostgreSQL cannot use for that order. Read backwards, the same index serves `order: ASC`.
    index('messages_channel_created_idx').on(t.channelId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // User.messages (newest first); also the author foreign key's index.
    index('messages_author_created_idx').on(t.authorId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Message.replies (oldest first); also the reply foreign key's index.
    index('messages_reply_to_created_idx').on(t.replyToMessageId, t.createdAt, t.id),
    index('messages_thread_channel_idx').on(t.threadChannelId),
    index('messages_pinned_by_idx').on(t.pinnedBy),
    // Channel.pinnedMessages (latest pin first): only live pinned messages, the relation's own condition.
    index('messages_channel_pinned_idx')
      .on(t.channelId, t.pinnedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.pinnedAt} is not null and ${t.deletedAt} is null`),
    // `contains:` (ILIKE '%text%') on live messages; trigrams narrow a rare word in a busy channel.
    index('messages_content_trgm_idx').using('gin', t.content.op('gin_trgm_ops')).where(sql`${t.deletedAt} is null`),
  ],
);

export const messageReactions = chatSchema.table(
  'message_reactions',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    userId: userRef('user_id').notNull(),
    emoji: varchar('emoji', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.userId, t.emoji] }),
    index('message_reactions_user_idx').on(t.userId),
    // Message.reactions: `created_at` then the primary key, all ascending.
    index('message_reactions_message_created_idx').on(t.messageId, t.createdAt, t.userId, t.emoji),
  ],
);
