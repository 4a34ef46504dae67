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
    // Matches the connection's `created_at desc, id desc` (the tie breaker follows the last direction).
    index('messages_channel_created_idx').on(t.channelId, t.createdAt.desc(), t.id.desc()),
    index('messages_author_idx').on(t.authorId),
    index('messages_reply_to_idx').on(t.replyToMessageId),
    index('messages_thread_channel_idx').on(t.threadChannelId),
    index('messages_pinned_by_idx').on(t.pinnedBy),
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
  (t) => [primaryKey({ columns: [t.messageId, t.userId, t.emoji] }), index('message_reactions_user_idx').on(t.userId)],
);
