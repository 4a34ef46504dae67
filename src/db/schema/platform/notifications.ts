import { index, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { userRef } from '../auth/users.js';
import { organizations } from '../chat/organizations.js';
import { createdAt, id, localized, localizedCheck, timestampColumn } from '../columns.js';
import { platformSchema } from './schema.js';

export const notifications = platformSchema.table(
  'notifications',
  {
    id: id(),
    userId: userRef('user_id').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: localized('title').notNull(),
    body: localized('body'),
    resourceType: text('resource_type'),
    resourceId: uuid('resource_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestampColumn('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    localizedCheck('notifications_title_localized', t.title),
    localizedCheck('notifications_body_localized', t.body, true),
    // User.notifications: `created_at desc, id desc`, nulls first as ORDER BY DESC has them.
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('notifications_organization_idx').on(t.organizationId),
  ],
);
