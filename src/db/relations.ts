import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

// Soft-deleted rows never appear through a to-many relation; to-one references still resolve.
const live = { deletedAt: { isNull: true } } as const;

export const relations = defineRelations(schema, (r) => ({
  users: {
    accounts: r.many.accounts({ from: r.users.id, to: r.accounts.userId }),
    sessions: r.many.sessions({ from: r.users.id, to: r.sessions.userId }),
    roles: r.many.roles({ from: r.users.id.through(r.userRoles.userId), to: r.roles.id.through(r.userRoles.roleId) }),
    groups: r.many.groups({ from: r.users.id.through(r.userGroups.userId), to: r.groups.id.through(r.userGroups.groupId) }),
    memberships: r.many.organizationMembers({ from: r.users.id, to: r.organizationMembers.userId, where: live, alias: 'member_user' }),
    channelMemberships: r.many.channelMembers({ from: r.users.id, to: r.channelMembers.userId, where: live }),
    messages: r.many.messages({ from: r.users.id, to: r.messages.authorId, where: live, alias: 'message_author' }),
    notifications: r.many.notifications({ from: r.users.id, to: r.notifications.userId }),
    bot: r.one.bots({ from: r.users.id, to: r.bots.userId, alias: 'bot_user' }),
    preferredLocale: r.one.locales({ from: r.users.locale, to: r.locales.code }),
    desktopConfiguration: r.one.desktopConfigurations({ from: r.users.id, to: r.desktopConfigurations.userId }),
  },
  accounts: { user: r.one.users({ from: r.accounts.userId, to: r.users.id, optional: false }) },
  sessions: { user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }) },
  roles: {
    permissions: r.many.permissions({
      from: r.roles.id.through(r.rolePermissions.roleId),
      to: r.permissions.id.through(r.rolePermissions.permissionId),
    }),
    users: r.many.users({ from: r.roles.id.through(r.userRoles.roleId), to: r.users.id.through(r.userRoles.userId), where: live }),
    apps: r.many.apps({ from: r.roles.id.through(r.roleAppAccess.roleId), to: r.apps.id.through(r.roleAppAccess.appId) }),
  },
  groups: {
    permissions: r.many.permissions({
      from: r.groups.id.through(r.groupPermissions.groupId),
      to: r.permissions.id.through(r.groupPermissions.permissionId),
    }),
    users: r.many.users({ from: r.groups.id.through(r.userGroups.groupId), to: r.users.id.through(r.userGroups.userId), where: live }),
    apps: r.many.apps({ from: r.groups.id.through(r.groupAppAccess.groupId), to: r.apps.id.through(r.groupAppAccess.appId) }),
  },
  resources: { permissions: r.many.permissions({ from: r.resources.id, to: r.permissions.resourceId }) },
  permissions: {
    resource: r.one.resources({ from: r.permissions.resourceId, to: r.resources.id, optional: false }),
    roles: r.many.roles({
      from: r.permissions.id.through(r.rolePermissions.permissionId),
      to: r.roles.id.through(r.rolePermissions.roleId),
    }),
    groups: r.many.groups({
      from: r.permissions.id.through(r.groupPermissions.permissionId),
      to: r.groups.id.through(r.groupPermissions.groupId),
    }),
  },
  rolePermissions: {
    role: r.one.roles({ from: r.rolePermissions.roleId, to: r.roles.id, optional: false }),
    permission: r.one.permissions({ from: r.rolePermissions.permissionId, to: r.permissions.id, optional: false }),
  },
  groupPermissions: {
    group: r.one.groups({ from: r.groupPermissions.groupId, to: r.groups.id, optional: false }),
    permission: r.one.permissions({ from: r.groupPermissions.permissionId, to: r.permissions.id, optional: false }),
  },
  userRoles: {
    user: r.one.users({ from: r.userRoles.userId, to: r.users.id, optional: false }),
    role: r.one.roles({ from: r.userRoles.roleId, to: r.roles.id, optional: false }),
  },
  userGroups: {
    user: r.one.users({ from: r.userGroups.userId, to: r.users.id, optional: false }),
    group: r.one.groups({ from: r.userGroups.groupId, to: r.groups.id, optional: false }),
  },
  apps: {
    roles: r.many.roles({ from: r.apps.id.through(r.roleAppAccess.appId), to: r.roles.id.through(r.roleAppAccess.roleId) }),
    groups: r.many.groups({ from: r.apps.id.through(r.groupAppAccess.appId), to: r.groups.id.through(r.groupAppAccess.groupId) }),
  },
  locales: { translations: r.many.translations({ from: r.locales.code, to: r.translations.locale }) },
  translations: { localeRow: r.one.locales({ from: r.translations.locale, to: r.locales.code, optional: false }) },
  notifications: {
    user: r.one.users({ from: r.notifications.userId, to: r.users.id, optional: false }),
    organization: r.one.organizations({ from: r.notifications.organizationId, to: r.organizations.id }),
  },
  files: {
    owner: r.one.users({ from: r.files.ownerId, to: r.users.id, optional: false }),
    organization: r.one.organizations({ from: r.files.organizationId, to: r.organizations.id }),
    channel: r.one.channels({ from: r.files.channelId, to: r.channels.id }),
    message: r.one.messages({ from: r.files.messageId, to: r.messages.id }),
  },
  desktopConfigurations: {
    user: r.one.users({ from: r.desktopConfigurations.userId, to: r.users.id, optional: false }),
    themePreset: r.one.themePresets({ from: r.desktopConfigurations.themePresetId, to: r.themePresets.id }),
  },
  auditLogs: {
    actor: r.one.users({ from: r.auditLogs.actorId, to: r.users.id }),
    organization: r.one.organizations({ from: r.auditLogs.organizationId, to: r.organizations.id }),
  },
  organizationPlugins: {
    organization: r.one.organizations({ from: r.organizationPlugins.organizationId, to: r.organizations.id, optional: false }),
    plugin: r.one.plugins({ from: r.organizationPlugins.pluginId, to: r.plugins.id, optional: false }),
    enabler: r.one.users({ from: r.organizationPlugins.enabledBy, to: r.users.id, alias: 'organization_plugin_enabler' }),
  },
  organizations: {
    members: r.many.organizationMembers({ from: r.organizations.id, to: r.organizationMembers.organizationId, where: live }),
    channels: r.many.channels({ from: r.organizations.id, to: r.channels.organizationId, where: live }),
    sections: r.many.channelSections({ from: r.organizations.id, to: r.channelSections.organizationId }),
    integrationConnections: r.many.integrationConnections({ from: r.organizations.id, to: r.integrationConnections.organizationId }),
    plugins: r.many.organizationPlugins({ from: r.organizations.id, to: r.organizationPlugins.organizationId }),
    defaultLocaleRow: r.one.locales({ from: r.organizations.defaultLocale, to: r.locales.code, optional: false }),
  },
  organizationMembers: {
    organization: r.one.organizations({ from: r.organizationMembers.organizationId, to: r.organizations.id, optional: false }),
    user: r.one.users({ from: r.organizationMembers.userId, to: r.users.id, optional: false, alias: 'member_user' }),
    inviter: r.one.users({ from: r.organizationMembers.invitedBy, to: r.users.id, alias: 'member_inviter' }),
  },
  channelSections: {
    organization: r.one.organizations({ from: r.channelSections.organizationId, to: r.organizations.id, optional: false }),
    channels: r.many.channels({ from: r.channelSections.id, to: r.channels.sectionId, where: live }),
  },
  channels: {
    organization: r.one.organizations({ from: r.channels.organizationId, to: r.organizations.id, optional: false }),
    section: r.one.channelSections({ from: r.channels.sectionId, to: r.channelSections.id }),
    parent: r.one.channels({ from: r.channels.parentChannelId, to: r.channels.id, alias: 'channel_parent' }),
    threads: r.many.channels({ from: r.channels.id, to: r.channels.parentChannelId, where: live, alias: 'channel_parent' }),
    creator: r.one.users({ from: r.channels.createdBy, to: r.users.id, alias: 'channel_creator' }),
    members: r.many.channelMembers({ from: r.channels.id, to: r.channelMembers.channelId, where: live }),
    messages: r.many.messages({ from: r.channels.id, to: r.messages.channelId, where: live, alias: 'message_channel' }),
    pinnedMessages: r.many.messages({
      from: r.channels.id,
      to: r.messages.channelId,
      where: { deletedAt: { isNull: true }, pinnedAt: { isNotNull: true } },
      alias: 'message_pinned_channel',
    }),
  },
  channelMembers: {
    channel: r.one.channels({ from: r.channelMembers.channelId, to: r.channels.id, optional: false }),
    user: r.one.users({ from: r.channelMembers.userId, to: r.users.id, optional: false }),
    lastReadMessage: r.one.messages({ from: r.channelMembers.lastReadMessageId, to: r.messages.id }),
  },
  messages: {
    channel: r.one.channels({ from: r.messages.channelId, to: r.channels.id, optional: false, alias: 'message_channel' }),
    author: r.one.users({ from: r.messages.authorId, to: r.users.id, optional: false, alias: 'message_author' }),
    replyTo: r.one.messages({ from: r.messages.replyToMessageId, to: r.messages.id, alias: 'message_reply' }),
    replies: r.many.messages({ from: r.messages.id, to: r.messages.replyToMessageId, where: live, alias: 'message_reply' }),
    threadChannel: r.one.channels({ from: r.messages.threadChannelId, to: r.channels.id, alias: 'message_thread' }),
    pinner: r.one.users({ from: r.messages.pinnedBy, to: r.users.id, alias: 'message_pinner' }),
    reactions: r.many.messageReactions({ from: r.messages.id, to: r.messageReactions.messageId }),
    files: r.many.files({ from: r.messages.id, to: r.files.messageId, where: live }),
  },
  messageReactions: {
    message: r.one.messages({ from: r.messageReactions.messageId, to: r.messages.id, optional: false }),
    user: r.one.users({ from: r.messageReactions.userId, to: r.users.id, optional: false }),
  },
  integrationConnections: {
    organization: r.one.organizations({ from: r.integrationConnections.organizationId, to: r.organizations.id, optional: false }),
    creator: r.one.users({ from: r.integrationConnections.createdBy, to: r.users.id, alias: 'integration_creator' }),
  },
  bots: {
    user: r.one.users({ from: r.bots.userId, to: r.users.id, optional: false, alias: 'bot_user' }),
    creator: r.one.users({ from: r.bots.createdBy, to: r.users.id, alias: 'bot_creator' }),
  },
}));

export { schema };
