import { systemLogs } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { hasPermission } from './viewer.js';

export const VIEW_SYSTEM_LOG = 'log.system.view';

/** Read: P(log.system.view). Nobody writes through the API: the gateway appends the rows itself. */
export const canSeeSystemLog = defineRule('systemLog.read', systemLogs, (viewer) => hasPermission(viewer, VIEW_SYSTEM_LOG));
