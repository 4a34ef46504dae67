import { sql } from 'drizzle-orm';
import { auditLogs } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, hasPermission, isAdmin } from './viewer.js';

/** Read: P(log.activity.view); a row of an organization also needs A(o). */
export const canSeeAuditLog = defineRule('auditLog.read', auditLogs, (viewer, log) =>
  allOf(hasPermission(viewer, 'log.activity.view'), anyOf(sql`${log.organizationId} is null`, isAdmin(viewer, log.organizationId))),
);
