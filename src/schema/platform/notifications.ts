import { sql } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { organizations, users, type notifications } from '../../db/schema/index.js';
import { canSeeNotification } from '../../policies/notification.js';
import { canSeeOrganization } from '../../policies/organization.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { localizedFields } from '../core/localized.js';
import { sqlValue } from '../core/sql-value.js';
import { User } from '../users/users.js';
import { filterArgs, withFilters } from '../core/where-input.js';

// In the recipient's stored locale first (it is delivered to them), then the request's; the organization's default after the viewer's.
const recipientLocale = {
  localeSources: {
    audience: (notification: typeof notifications) => sql`(select ${users.locale} from ${users} where ${users.id} = ${notification.userId})`,
    organization: (notification: typeof notifications) =>
      sql`(select ${organizations.defaultLocale} from ${organizations} where ${organizations.id} = ${notification.organizationId})`,
  },
};

export const Notification = builder.drizzleNode('notifications', {
  name: 'Notification',
  id: { column: (notification) => notification.id },
  fields: (t) => ({
    type: t.exposeString('type', { description: 'What happened: `mention`, `reply`, `thread_reply`, `direct_message`, `channel_added`, `organization_added`, `role_changed` (written by the database), or another kind written by hand.' }),
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
    args: { unread: t.arg.boolean(), ...filterArgs(t, 'notifications') },
    query: (args, ctx) =>
      withFilters('notifications', args, ctx, {
        where: {
          ...(args.unread == null ? {} : { readAt: args.unread ? { isNull: true as const } : { isNotNull: true as const } }),
          ...visibleRows(canSeeNotification, ctx),
        },
        orderBy: { createdAt: 'desc' },
      }),
    totalCount: true,
  }),
}));
