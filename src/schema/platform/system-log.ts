import { builder } from '../../builder.js';
import { canSeeSystemLog } from '../../policies/system-log.js';
import { SystemLogLevelEnum } from '../core/enums.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { rootConnection } from '../core/root-fields.js';
import { filterArgs, withFilters } from '../core/where-input.js';

/**
 * The system log (README "System log"): security events the gateway writes itself (lockouts,
 * revocations, password changes and resets). Read with P(log.system.view); no mutation writes it.
 */
export const SystemLogEntry = builder.drizzleNode('systemLogs', {
  name: 'SystemLogEntry',
  id: { column: (entry) => entry.id },
  fields: (t) => ({
    level: t.expose('level', { type: SystemLogLevelEnum }),
    source: t.exposeString('source', { description: 'The gateway area that wrote it: `auth`, `sessions`, `users`, `bots`.' }),
    message: t.exposeString('message'),
    context: t.expose('context', { type: 'JSONObject', description: 'Details: `event`, user, session or bot ids, the client address; never a password, token or hash.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
nodeReadRule('SystemLogEntry', canSeeSystemLog);

builder.queryFields((t) => ({
  systemLogs: t.drizzleConnection({
    type: 'systemLogs',
    description: 'The system log, newest first (needs log.system.view; empty otherwise). Filter with `where` by level, source and createdAt.',
    args: filterArgs(t, 'systemLogs'),
    ...rootConnection('systemLogs', (args, ctx) => withFilters('systemLogs', args, ctx, { where: visibleRows(canSeeSystemLog, ctx), orderBy: { createdAt: 'desc' } })),
  }),
}));
