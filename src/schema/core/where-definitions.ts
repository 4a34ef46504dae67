import { sql } from 'drizzle-orm';
import type { messages } from '../../db/schema/index.js';
import { canSeeApp } from '../../policies/app.js';
import { canSeeAuditLog } from '../../policies/audit-log.js';
import { canSeeAuthProvider } from '../../policies/auth-provider.js';
import { canManageEmailTemplate } from '../../policies/email-template.js';
import { canSeeChannel } from '../../policies/channel.js';
import { canSeeChannelMember } from '../../policies/channel-member.js';
import { canSeeFile } from '../../policies/file.js';
import { canReadMessage, canSeeReaction } from '../../policies/message.js';
import { canSeeNotification } from '../../policies/notification.js';
import { canSeeOrganization, canSeeOrganizationMember } from '../../policies/organization.js';
import { canManageIntegrationConnection } from '../../policies/integration-connection.js';
import { canSeeOrganizationPlugin, canSeePlugin } from '../../policies/plugin.js';
import { canSeeSystemLog } from '../../policies/system-log.js';
import { canSeeGroup, canSeePermission, canSeeRole } from '../../policies/rbac.js';
import { canSeeThemePreset } from '../../policies/theme-preset.js';
import { canSeeUser } from '../../policies/user.js';
import { defineFilters, type FilterDefinition, type FilterField } from './where.js';

/**
 * What each type's connections filter and order on: the one declaration the GraphQL inputs, the
 * SQL (engine and compiled reads) and the cost limits read. Only columns a viewer who sees the row
 * may read: guarded columns (a user's email and settings, an organization's details) and secrets
 * are not here, so no filter can probe them. Localized columns (names of roles, groups, apps) are
 * left out: their value depends on the request's locale chain; `key` is the stable handle.
 * A relation filter applies the target type's read rule, so a row the viewer may not see never
 * matches (and its values never answer).
 */

const id: FilterField = { kind: 'id', column: 'id' };
const text = (column: string, order = false): FilterField => ({ kind: 'text', column, order });
const date = (column: string, order = false): FilterField => ({ kind: 'date', column, order });
const bool = (column: string): FilterField => ({ kind: 'boolean', column });
const oneOf = (column: string, enumType: string): FilterField => ({ kind: 'enum', column, enumType });

// `rule` is the type's read rule on any alias; rules are typed per table, definitions are not.
const rule = (r: { where: (viewer: never, table: never) => unknown }) => r.where as unknown as FilterDefinition['rule'];

export const FILTER_DEFINITIONS: FilterDefinition[] = [
  defineFilters({
    table: 'users',
    typename: 'User',
    rule: rule(canSeeUser),
    fields: { id, displayName: text('displayName', true), firstName: text('firstName'), lastName: text('lastName'), userType: oneOf('userType', 'UserType'), createdAt: date('createdAt') },
    relations: {},
  }),
  defineFilters({
    table: 'organizations',
    typename: 'Organization',
    rule: rule(canSeeOrganization),
    fields: { id, slug: text('slug'), name: text('name', true), isPublic: bool('isPublic') },
    relations: {},
  }),
  defineFilters({
    table: 'organizationMembers',
    typename: 'OrganizationMember',
    rule: rule(canSeeOrganizationMember),
    fields: { id, role: oneOf('role', 'OrganizationRole'), nickname: text('nickname'), joinedAt: date('joinedAt', true) },
    relations: { organization: 'organization', user: 'user', invitedBy: 'inviter' },
  }),
  defineFilters({
    table: 'channels',
    typename: 'Channel',
    rule: rule(canSeeChannel),
    fields: { id, type: oneOf('type', 'ChannelType'), name: text('name', true), topic: text('topic'), createdAt: date('createdAt', true), updatedAt: date('updatedAt') },
    relations: { organization: 'organization', parent: 'parent', createdBy: 'creator' },
  }),
  defineFilters({
    table: 'channelMembers',
    typename: 'ChannelMember',
    rule: rule(canSeeChannelMember),
    fields: { id, isMuted: bool('isMuted'), isHidden: bool('isHidden'), isFavorite: bool('isFavorite'), joinedAt: date('joinedAt', true) },
    relations: { channel: 'channel', user: 'user' },
  }),
  defineFilters({
    table: 'messages',
    typename: 'Message',
    rule: rule(canReadMessage),
    fields: {
      id,
      // A deleted message's text answers null (Message.content): filtered as null too.
      content: { kind: 'text', column: 'content', visibleWhen: ((message: typeof messages) => sql`${message.deletedAt} is null`) as never },
      createdAt: date('createdAt', true),
      editedAt: date('editedAt'),
      pinnedAt: date('pinnedAt'),
    },
    relations: { author: 'author', channel: 'channel', replyTo: 'replyTo', pinnedBy: 'pinner' },
  }),
  defineFilters({
    table: 'messageReactions',
    typename: 'MessageReaction',
    rule: canSeeReaction as never,
    fields: { emoji: text('emoji'), createdAt: date('createdAt', true) },
    relations: { message: 'message', user: 'user' },
  }),
  defineFilters({
    table: 'files',
    typename: 'File',
    rule: rule(canSeeFile),
    fields: {
      id,
      fileName: text('fileName'),
      mimeType: text('mimeType'),
      sizeBytes: { kind: 'float', column: 'sizeBytes' },
      scope: oneOf('scope', 'FileScope'),
      status: oneOf('status', 'FileStatus'),
      createdAt: date('createdAt', true),
    },
    relations: { owner: 'owner', organization: 'organization', channel: 'channel', message: 'message' },
  }),
  defineFilters({
    table: 'notifications',
    typename: 'Notification',
    rule: rule(canSeeNotification),
    fields: { id, type: text('type'), resourceType: text('resourceType'), readAt: date('readAt'), createdAt: date('createdAt', true) },
    relations: { organization: 'organization' },
  }),
  defineFilters({
    table: 'auditLogs',
    typename: 'AuditLog',
    rule: rule(canSeeAuditLog),
    fields: { id, action: text('action'), resourceType: text('resourceType'), createdAt: date('createdAt', true) },
    relations: { actor: 'actor', organization: 'organization' },
  }),
  defineFilters({
    table: 'apps',
    typename: 'App',
    rule: rule(canSeeApp),
    fields: { id, key: text('key', true), category: text('category'), isActive: bool('isActive'), isPublic: bool('isPublic'), sortOrder: { kind: 'int', column: 'sortOrder', order: true } },
    relations: {},
  }),
  defineFilters({
    table: 'roles',
    typename: 'Role',
    rule: rule(canSeeRole),
    fields: { id, key: text('key', true), isSystem: bool('isSystem'), createdAt: date('createdAt') },
    relations: {},
  }),
  defineFilters({
    table: 'groups',
    typename: 'Group',
    rule: rule(canSeeGroup),
    fields: { id, key: text('key', true), isSystem: bool('isSystem'), createdAt: date('createdAt') },
    relations: {},
  }),
  defineFilters({
    table: 'permissions',
    typename: 'Permission',
    rule: rule(canSeePermission),
    fields: { id, key: text('key', true), action: text('action'), createdAt: date('createdAt') },
    relations: {},
  }),
  defineFilters({
    table: 'authProviders',
    typename: 'AuthProvider',
    rule: rule(canSeeAuthProvider),
    fields: { id, key: text('key', true), isEnabled: bool('isEnabled'), createdAt: date('createdAt') },
    relations: {},
  }),
  defineFilters({
    table: 'emailTemplates',
    typename: 'EmailTemplate',
    rule: rule(canManageEmailTemplate),
    fields: { id, key: text('key', true), isSystem: bool('isSystem'), customizedAt: date('customizedAt'), updatedAt: date('updatedAt') },
    relations: {},
  }),
  defineFilters({
    table: 'integrationConnections',
    typename: 'IntegrationConnection',
    rule: rule(canManageIntegrationConnection),
    // Settings (free-form JSON) and credentials (write-only) are not filterable.
    fields: { id, provider: text('provider', true), name: text('name', true), status: oneOf('status', 'IntegrationStatus'), createdAt: date('createdAt'), updatedAt: date('updatedAt') },
    relations: { organization: 'organization', createdBy: 'creator' },
  }),
  defineFilters({
    table: 'themePresets',
    typename: 'ThemePreset',
    rule: rule(canSeeThemePreset),
    fields: { id, key: text('key', true), isDark: bool('isDark'), isDefault: bool('isDefault'), sortOrder: { kind: 'int', column: 'sortOrder', order: true }, createdAt: date('createdAt') },
    relations: {},
  }),
  defineFilters({
    table: 'systemLogs',
    typename: 'SystemLogEntry',
    rule: rule(canSeeSystemLog),
    fields: { id, level: oneOf('level', 'SystemLogLevel'), source: text('source'), createdAt: date('createdAt', true) },
    relations: {},
  }),
  defineFilters({
    table: 'plugins',
    typename: 'Plugin',
    rule: rule(canSeePlugin),
    fields: { id, key: text('key', true), version: text('version'), author: text('author'), isActive: bool('isActive'), createdAt: date('createdAt') },
    relations: {},
  }),
  defineFilters({
    table: 'organizationPlugins',
    typename: 'OrganizationPlugin',
    rule: canSeeOrganizationPlugin as never,
    fields: { enabledAt: date('enabledAt', true) },
    relations: { plugin: 'plugin', organization: 'organization', enabledBy: 'enabler' },
  }),
];
