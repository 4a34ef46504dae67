import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { actorRef, userRef } from '../auth/users.js';
import { createdAt, deletedAt, id, timestampColumn, updatedAt } from '../columns.js';
import { locales } from '../platform/locales.js';
import { chatSchema, organizationRole } from './schema.js';

export interface OrganizationSettings {
  /** When true, members (not only admins) may create public and private channels. */
  membersCanCreateChannels?: boolean;
  [key: string]: unknown;
}

export const organizations = chatSchema.table(
  'organizations',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    logoUrl: text('logo_url'),
    isPublic: boolean('is_public').notNull().default(false),
    defaultLocale: varchar('default_locale', { length: 16 })
      .notNull()
      .default('en')
      .references(() => locales.code, { onUpdate: 'cascade' }),
    settings: jsonb('settings').$type<OrganizationSettings>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('organizations_slug_live').on(t.slug).where(sql`${t.deletedAt} is null`),
    index('organizations_default_locale_idx').on(t.defaultLocale),
    index('organizations_name_idx').on(t.name, t.id),
    // `search:` (ILIKE '%text%' on the name).
    index('organizations_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export const organizationMembers = chatSchema.table(
  'organization_members',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: userRef('user_id').notNull(),
    role: organizationRole('role').notNull().default('member'),
    nickname: text('nickname'),
    invitedBy: actorRef('invited_by'),
    joinedAt: timestampColumn('joined_at').notNull().defaultNow(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('organization_members_live').on(t.organizationId, t.userId).where(sql`${t.deletedAt} is null`),
    // User.memberships (joinedAt, id); also the user foreign key's index.
    index('organization_members_user_joined_idx').on(t.userId, t.joinedAt, t.id),
    index('organization_members_invited_by_idx').on(t.invitedBy),
    index('organization_members_org_joined_idx').on(t.organizationId, t.joinedAt, t.id),
  ],
);
