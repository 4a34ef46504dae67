import { builder } from '../builder.js';
import { fileScope, fileStatus } from '../db/schema/platform/schema.js';
import { channelType, organizationRole } from '../db/schema/chat/schema.js';
import { userType } from '../db/schema/auth/schema.js';

// GraphQL enums take their values from the PostgreSQL enums, so the two cannot drift apart.
export const UserTypeEnum = builder.enumType('UserType', { values: userType.enumValues });
export const OrganizationRoleEnum = builder.enumType('OrganizationRole', { values: organizationRole.enumValues });
export const ChannelTypeEnum = builder.enumType('ChannelType', { values: channelType.enumValues });
export const FileScopeEnum = builder.enumType('FileScope', { values: fileScope.enumValues });
export const FileStatusEnum = builder.enumType('FileStatus', { values: fileStatus.enumValues });

export const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });
/** asc/desc for drizzle's orderBy from the GraphQL direction (default as given). */
export const sortDirection = (direction: 'ASC' | 'DESC' | null | undefined, fallback: 'asc' | 'desc') =>
  direction ? (direction === 'ASC' ? 'asc' : 'desc') : fallback;
