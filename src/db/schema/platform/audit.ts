import { index, inet, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { actorRef } from '../auth/users.js';
import { organizations } from '../chat/organizations.js';
import { createdAt, id } from '../columns.js';
import { platformSchema } from './schema.js';

/** Append-only: the application never updates or deletes these rows. */
export const auditLogs = platformSchema.table(
  'audit_logs',
  {
    id: id(),
    actorId: actorRef('actor_id'),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: uuid('resource_id'),
    oldValues: jsonb('old_values').$type<Record<string, unknown>>(),
    newValues: jsonb('new_values').$type<Record<string, unknown>>(),
    ip: inet('ip'),
    createdAt: createdAt(),
  },
  (t) => [
    // auditLogs is `created_at desc, id desc` (nulls first, as ORDER BY DESC has them), filtered by actor or organization.
    index('audit_logs_actor_created_idx').on(t.actorId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_logs_organization_created_idx').on(t.organizationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_logs_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);
