import { builder } from '../../builder.js';
import { fileScope, fileStatus, systemLogLevel } from '../../db/schema/platform/schema.js';
import { channelType, organizationRole } from '../../db/schema/chat/schema.js';
import { userType } from '../../db/schema/auth/schema.js';
import { integrationStatus } from '../../db/schema/chat/integrations.js';

/**
 * GraphQL enum values (UPPER_CASE by convention) for a PostgreSQL enum's values, which they map
 * to; generated from the database enum so the two cannot drift apart.
 */
function pgEnumValues<const Value extends string>(values: readonly Value[]) {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), { value }])) as {
    [K in Value as Uppercase<K>]: { value: K };
  };
}

export const UserTypeEnum = builder.enumType('UserType', { values: pgEnumValues(userType.enumValues) });
export const OrganizationRoleEnum = builder.enumType('OrganizationRole', { values: pgEnumValues(organizationRole.enumValues) });
export const ChannelTypeEnum = builder.enumType('ChannelType', { values: pgEnumValues(channelType.enumValues) });
export const FileScopeEnum = builder.enumType('FileScope', { values: pgEnumValues(fileScope.enumValues) });
export const FileStatusEnum = builder.enumType('FileStatus', { values: pgEnumValues(fileStatus.enumValues) });
export const SystemLogLevelEnum = builder.enumType('SystemLogLevel', { values: pgEnumValues(systemLogLevel.enumValues) });

export const IntegrationStatusEnum = builder.enumType('IntegrationStatus', {
  description: 'ACTIVE: in use; PAUSED: kept but not used; ERROR: the integration reported a failure; REVOKED: its access was withdrawn.',
  values: pgEnumValues(integrationStatus.enumValues),
});

export const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });
/** asc/desc for drizzle's orderBy from the GraphQL direction (default as given). */
export const sortDirection = (direction: 'ASC' | 'DESC' | null | undefined, fallback: 'asc' | 'desc') =>
  direction ? (direction === 'ASC' ? 'asc' : 'desc') : fallback;
