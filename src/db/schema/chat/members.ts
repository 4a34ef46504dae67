import { sql } from 'drizzle-orm';
import { boolean, index, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actorRef, userRef } from '../auth/users.js';
import { deletedAt, id, timestampColumn } from '../columns.js';
import { channels } from './channels.js';
import { messages } from './messages.js';
import { chatSchema } from './schema.js';

export const channelMembers = chatSchema.table(
  'channel_members',
  {
    id: id(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    userId: userRef('user_id').notNull(),
    isMuted: boolean('is_muted').notNull().default(false),
    isHidden: boolean('is_hidden').notNull().default(false),
    isFavorite: boolean('is_favorite').notNull().default(false),
    lastReadMessageId: uuid('last_read_message_id').references(() => messages.id, { onDelete: 'set null' }),
    joinedAt: timestampColumn('joined_at').notNull().defaultNow(),
    // Who added this member; null when they joined themselves. The notification trigger reads it.
    addedBy: actorRef('added_by'),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('channel_members_live').on(t.channelId, t.userId).where(sql`${t.deletedAt} is null`),
    // User.channelMemberships (joinedAt, id); also the user foreign key's index.
    index('channel_members_user_joined_idx').on(t.userId, t.joinedAt, t.id),
    index('channel_members_last_read_idx').on(t.lastReadMessageId),
    index('channel_members_channel_joined_idx').on(t.channelId, t.joinedAt, t.id),
    index('channel_members_added_by_idx').on(t.addedBy),
  ],
);
