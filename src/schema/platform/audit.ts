import { eq } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { auditLogs } from '../../db/schema/index.js';
import { canSeeAuditLog } from '../../policies/audit-log.js';
import { canSeeOrganization } from '../../policies/organization.js';
import { canSeeUser } from '../../policies/user.js';
import { allOf } from '../core/filters.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { rootConnection } from '../core/root-fields.js';
import { Organization } from '../organizations/organizations.js';
import { User } from '../users/users.js';
import { filterArgs, withFilters } from '../core/where-input.js';

export const AuditLog = builder.drizzleNode('auditLogs', {
  name: 'AuditLog',
  id: { column: (log) => log.id },
  fields: (t) => ({
    action: t.exposeString('action', { description: 'What was done, e.g. `message.delete`.' }),
    resourceType: t.exposeString('resourceType'),
    resourceId: t.expose('resourceId', { type: 'UUID', nullable: true }),
    oldValues: t.expose('oldValues', { type: 'JSONObject', nullable: true }),
    newValues: t.expose('newValues', { type: 'JSONObject', nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    actor: t.relation('actor', {
      nullable: true,
      description: 'Who did it; null once that user is gone or hidden from the viewer.',
      query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }),
    }),
    organization: t.relation('organization', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeOrganization, ctx) }) }),
  }),
});
nodeReadRule('AuditLog', canSeeAuditLog);

interface AuditFilterArgs {
  action?: string | null;
  resourceType?: string | null;
  actorId?: string | null;
  organizationId?: string | null;
}

/** The audit-list filters as one SQL condition. */
const auditFilter =
  ({ action, resourceType, actorId, organizationId }: AuditFilterArgs) =>
  (table: typeof auditLogs) =>
    allOf(
      action ? eq(table.action, action) : undefined,
      resourceType ? eq(table.resourceType, resourceType) : undefined,
      actorId ? eq(table.actorId, actorId) : undefined,
      organizationId ? eq(table.organizationId, organizationId) : undefined,
    );

builder.queryFields((t) => ({
  auditLogs: t.drizzleConnection({
    type: 'auditLogs',
    description: 'The audit log, newest first; filter by action, resource type, actor and organization.',
    args: {
      action: t.arg.string(),
      resourceType: t.arg.string(),
      actor: t.arg.globalID({ for: User }),
      organization: t.arg.globalID({ for: Organization }),
      ...filterArgs(t, 'auditLogs'),
    },
    ...rootConnection('auditLogs', (args: Parameters<typeof filterFromArgs>[0], ctx) =>
      withFilters('auditLogs', args, ctx, { where: visibleRows(canSeeAuditLog, ctx, auditFilter(filterFromArgs(args))), orderBy: { createdAt: 'desc' } }),
    ),
  }),
}));

function filterFromArgs(args: {
  action?: string | null;
  resourceType?: string | null;
  actor?: { id: string } | null;
  organization?: { id: string } | null;
}): AuditFilterArgs {
  return { action: args.action, resourceType: args.resourceType, actorId: args.actor?.id, organizationId: args.organization?.id };
}
