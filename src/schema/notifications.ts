import { sql } from 'drizzle-orm';
import { builder } from '../builder.js';
import type { notifications } from '../db/schema/index.js';
import { canSeeNotification } from '../policies/notification.js';
import { canSeeOrganization } from '../policies/organization.js';
import { nodeReadRule, visibleRows } from './guards.js';
import { localizedFields } from './localized.js';
import { sqlValue } from './sql-value.js';
import { User } from './users.js';

/** What a notification's texts read besides the row: the recipient's locale and the organization default. */
interface LocaleSourcesShape {
  user?: { locale: string | null } | null;
  organization?: { defaultLocale: string } | null;
}

// Joined into the query that loads the notification itself: no statement of its own.
const recipientLocale = {
  select: { with: { user: { columns: { locale: true } }, organization: { columns: { defaultLocale: true } } } },
  audienceLocale: (row: object) => (row as LocaleSourcesShape).user?.locale,
  organizationLocale: (row: object) => (row as LocaleSourcesShape).organization?.defaultLocale,
};

export const Notification = builder.drizzleNode('notifications', {
  name: 'Notification',
  id: { column: (notification) => notification.id },
  fields: (t) => ({
    type: t.exposeString('type', { description: 'What happened, e.g. `mention` or `reaction`.' }),
    // In the recipient's stored locale first (it is delivered to them), unless `locale` is given.
    ...localizedFields(t, 'title', { ...recipientLocale, description: 'The title' }),
    ...localizedFields(t, 'body', { ...recipientLocale, nullable: true, description: 'The body' }),
    resourceType: t.exposeString('resourceType', { nullable: true, description: 'The kind of row it is about, e.g. `message`.' }),
    resourceId: t.expose('resourceId', { type: 'UUID', nullable: true }),
    data: t.expose('data', { type: 'JSONObject' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    isRead: t.boolean(sqlValue('isRead', (notification: typeof notifications) => sql`(${notification.readAt} is not null)`)),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    user: t.relation('user', { description: 'The recipient.' }),
    // Null when the organization is private to the recipient (e.g. one they left), like every path to it.
    organization: t.relation('organization', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeOrganization, ctx) }) }),
  }),
});
nodeReadRule('Notification', canSeeNotification);

builder.drizzleObjectFields(User, (t) => ({
  notifications: t.relatedConnection('notifications', {
    description: "The user's notifications, newest first; `unread: true` keeps the unread ones, `false` the read ones.",
    args: { unread: t.arg.boolean() },
    query: (args, ctx) => ({
      where: {
        ...(args.unread == null ? {} : { readAt: args.unread ? { isNull: true } : { isNotNull: true } }),
        ...visibleRows(canSeeNotification, ctx),
      },
      orderBy: { createdAt: 'desc' },
    }),
    totalCount: true,
  }),
}));
