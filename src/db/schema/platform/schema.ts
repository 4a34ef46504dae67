import { pgSchema } from 'drizzle-orm/pg-core';

export const platformSchema = pgSchema('platform');
export const fileScope = platformSchema.enum('file_scope', ['user', 'organization', 'shared']);
export const fileStatus = platformSchema.enum('file_status', ['pending', 'ready', 'failed']);
export const systemLogLevel = platformSchema.enum('system_log_level', ['debug', 'info', 'warn', 'error']);
