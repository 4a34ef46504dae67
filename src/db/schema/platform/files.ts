import { bigint, index, text, uuid } from 'drizzle-orm/pg-core';
import { userRef } from '../auth/users.js';
import { channels } from '../chat/channels.js';
import { messages } from '../chat/messages.js';
import { organizations } from '../chat/organizations.js';
import { createdAt, deletedAt, id, updatedAt } from '../columns.js';
import { fileScope, fileStatus, platformSchema } from './schema.js';

export const files = platformSchema.table(
  'files',
  {
    id: id(),
    ownerId: userRef('owner_id').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    scope: fileScope('scope').notNull().default('user'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull().unique('files_storage_key'),
    // Lower-case hex SHA-256 of the stored bytes, set by uploadFile with status 'ready' (the download's ETag); null for rows registered without bytes.
    sha256: text('sha256'),
    status: fileStatus('status').notNull().default('pending'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerId),
    index('files_organization_idx').on(t.organizationId),
    index('files_channel_idx').on(t.channelId),
    // Message.files (oldest first); also the message foreign key's index.
    index('files_message_created_idx').on(t.messageId, t.createdAt, t.id),
  ],
);
