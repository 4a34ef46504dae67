import { pgSchema } from 'drizzle-orm/pg-core';

export const chatSchema = pgSchema('chat');
export const organizationRole = chatSchema.enum('organization_role', ['owner', 'admin', 'member']);
export const channelType = chatSchema.enum('channel_type', ['public', 'private', 'direct', 'thread']);
