import { sql } from 'drizzle-orm';
import { index, integer, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { actorRef } from '../auth/users.js';
import { createdAt, deletedAt, id, updatedAt } from '../columns.js';
import { organizations } from './organizations.js';
import { channelType, chatSchema } from './schema.js';

const organizationRef = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export const channelSections = chatSchema.table(
  'channel_sections',
  {
    id: id(),
    organizationId: organizationRef(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('channel_sections_org_position_idx').on(t.organizationId, t.position, t.id)],
);

export const channels = chatSchema.table(
  'channels',
  {
    id: id(),
    organizationId: organizationRef(),
    type: channelType('type').notNull().default('public'),
    name: text('name').notNull(),
    topic: text('topic'),
    parentChannelId: uuid('parent_channel_id').references((): AnyPgColumn => channels.id, { onDelete: 'cascade' }),
    sectionId: uuid('section_id').references(() => channelSections.id, { onDelete: 'set null' }),
    createdBy: actorRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('channels_organization_idx').on(t.organizationId), // the foreign key, deleted rows included (cascades)
    index('channels_org_name_idx').on(t.organizationId, t.name, t.id).where(sql`${t.deletedAt} is null`),
    // The root `channels` list pages by name across organizations.
    index('channels_name_idx').on(t.name, t.id).where(sql`${t.deletedAt} is null`),
    // Channel.threads (newest first); also the parent foreign key's index, deleted rows included.
    index('channels_parent_created_idx').on(t.parentChannelId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // ChannelSection.channels by name; also the section foreign key's index.
    index('channels_section_name_idx').on(t.sectionId, t.name, t.id),
    // `nameContains:` (ILIKE '%text%') on live channels.
    index('channels_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')).where(sql`${t.deletedAt} is null`),
    index('channels_created_by_idx').on(t.createdBy),
  ],
);
