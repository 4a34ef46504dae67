
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AddChannelMemberResult": [
      "ChannelMemberPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "AddOrganizationMemberResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "AddReactionResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "AssignUserGroupResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "AssignUserRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "ChangeOrganizationMemberRoleResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "ChangePasswordResult": [
      "AccountLockedError",
      "ChangePasswordPayload",
      "ForbiddenError",
      "ValidationError"
    ],
    "CreateAppResult": [
      "AppPayload",
      "ConflictError",
      "ForbiddenError",
      "ValidationError"
    ],
    "CreateAuthProviderResult": [
      "AuthProviderPayload",
      "ConflictError",
      "ForbiddenError",
      "ValidationError"
    ],
    "CreateBotResult": [
      "BotTokenPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateChannelResult": [
      "ChannelPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateChannelSectionResult": [
      "ChannelSectionPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateDirectChannelResult": [
      "ChannelPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateGroupResult": [
      "ConflictError",
      "ForbiddenError",
      "GroupPayload",
      "ValidationError"
    ],
    "CreateIntegrationConnectionResult": [
      "ConflictError",
      "ForbiddenError",
      "IntegrationConnectionPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "ValidationError"
    ],
    "CreateOrganizationResult": [
      "ConflictError",
      "ForbiddenError",
      "OrganizationPayload",
      "ValidationError"
    ],
    "CreateRoleResult": [
      "ConflictError",
      "ForbiddenError",
      "RolePayload",
      "ValidationError"
    ],
    "CreateThemePresetResult": [
      "ConflictError",
      "ForbiddenError",
      "ThemePresetPayload",
      "ValidationError"
    ],
    "CreateThreadResult": [
      "ChannelPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeactivateUserResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "DeleteBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteChannelResult": [
      "ChannelPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteChannelSectionResult": [
      "ChannelSectionPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteFileResult": [
      "FilePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteGroupResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteIntegrationConnectionResult": [
      "ForbiddenError",
      "IntegrationConnectionPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteOrganizationResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPayload",
      "ValidationError"
    ],
    "DeleteRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "DeleteThemePresetResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ThemePresetPayload",
      "ValidationError"
    ],
    "DeleteTranslationsResult": [
      "DeleteTranslationsPayload",
      "ForbiddenError",
      "ValidationError"
    ],
    "DisablePluginResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPluginPayload",
      "ValidationError"
    ],
    "EditMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "EnablePluginResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPluginPayload",
      "ValidationError"
    ],
    "Error": [
      "AccountLockedError",
      "ConflictError",
      "FileTooLargeError",
      "FileTypeNotAllowedError",
      "ForbiddenError",
      "InvalidCredentialsError",
      "NotFoundError",
      "SignInMethodDisabledError",
      "ValidationError"
    ],
    "GrantAppAccessResult": [
      "AppAccessPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "GrantGroupPermissionResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "GrantRolePermissionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "InstallBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "JoinChannelResult": [
      "ChannelMemberPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "JoinOrganizationResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "LeaveChannelResult": [
      "ChannelMemberPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "LeaveOrganizationResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "MarkAllNotificationsReadResult": [
      "ForbiddenError",
      "MarkAllNotificationsReadPayload",
      "ValidationError"
    ],
    "MarkNotificationReadResult": [
      "ForbiddenError",
      "NotFoundError",
      "NotificationPayload",
      "ValidationError"
    ],
    "Node": [
      "App",
      "AuditLog",
      "AuthProvider",
      "Bot",
      "Channel",
      "ChannelMember",
      "ChannelSection",
      "EmailTemplate",
      "File",
      "Group",
      "IntegrationConnection",
      "Message",
      "Notification",
      "Organization",
      "OrganizationMember",
      "Permission",
      "Plugin",
      "Resource",
      "Role",
      "SystemLogEntry",
      "ThemePreset",
      "User"
    ],
    "PinMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ReactivateUserResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "RegisterFileResult": [
      "FilePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RemoveChannelMemberResult": [
      "ChannelMemberPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RemoveOrganizationMemberResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "RemoveReactionResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "RemoveUserGroupResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "RemoveUserRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "RenameChannelSectionResult": [
      "ChannelSectionPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "ReorderChannelSectionsResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ReorderChannelSectionsPayload",
      "ValidationError"
    ],
    "RequestPasswordResetResult": [
      "RequestPasswordResetPayload",
      "ValidationError"
    ],
    "ResetEmailTemplateResult": [
      "EmailTemplatePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "ResetPasswordResult": [
      "ConflictError",
      "NotFoundError",
      "ResetPasswordPayload",
      "ValidationError"
    ],
    "RetireAppResult": [
      "AppPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RevokeAppAccessResult": [
      "AppAccessPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RevokeGroupPermissionResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "RevokeRolePermissionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "RotateBotTokenResult": [
      "BotTokenPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "SendMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "SetDefaultLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "SetTypingResult": [
      "ForbiddenError",
      "NotFoundError",
      "SetTypingPayload",
      "ValidationError"
    ],
    "SignInResult": [
      "AccountLockedError",
      "InvalidCredentialsError",
      "SessionPayload",
      "SignInMethodDisabledError",
      "ValidationError"
    ],
    "SignOutResult": [
      "ForbiddenError",
      "SignOutPayload",
      "ValidationError"
    ],
    "SignUpResult": [
      "ConflictError",
      "SessionPayload",
      "SignInMethodDisabledError",
      "ValidationError"
    ],
    "UninstallBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UnpinMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateAppResult": [
      "AppPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateAuthProviderResult": [
      "AuthProviderPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateChannelPreferencesResult": [
      "ChannelMemberPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateChannelResult": [
      "ChannelPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateDesktopConfigurationResult": [
      "DesktopConfigurationPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateEmailTemplateResult": [
      "EmailTemplatePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateGroupResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateIntegrationConnectionResult": [
      "ConflictError",
      "ForbiddenError",
      "IntegrationConnectionPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateOrganizationResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPayload",
      "ValidationError"
    ],
    "UpdateProfileResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "UpdateRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "UpdateThemePresetResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ThemePresetPayload",
      "ValidationError"
    ],
    "UploadFileResult": [
      "FilePayload",
      "FileTooLargeError",
      "FileTypeNotAllowedError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpsertTranslationsResult": [
      "ForbiddenError",
      "UpsertTranslationsPayload",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AddChannelMemberResult": [
      "ChannelMemberPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "AddOrganizationMemberResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "AddReactionResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "AssignUserGroupResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "AssignUserRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "ChangeOrganizationMemberRoleResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "ChangePasswordResult": [
      "AccountLockedError",
      "ChangePasswordPayload",
      "ForbiddenError",
      "ValidationError"
    ],
    "CreateAppResult": [
      "AppPayload",
      "ConflictError",
      "ForbiddenError",
      "ValidationError"
    ],
    "CreateAuthProviderResult": [
      "AuthProviderPayload",
      "ConflictError",
      "ForbiddenError",
      "ValidationError"
    ],
    "CreateBotResult": [
      "BotTokenPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateChannelResult": [
      "ChannelPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateChannelSectionResult": [
      "ChannelSectionPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateDirectChannelResult": [
      "ChannelPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateGroupResult": [
      "ConflictError",
      "ForbiddenError",
      "GroupPayload",
      "ValidationError"
    ],
    "CreateIntegrationConnectionResult": [
      "ConflictError",
      "ForbiddenError",
      "IntegrationConnectionPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "CreateLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "ValidationError"
    ],
    "CreateOrganizationResult": [
      "ConflictError",
      "ForbiddenError",
      "OrganizationPayload",
      "ValidationError"
    ],
    "CreateRoleResult": [
      "ConflictError",
      "ForbiddenError",
      "RolePayload",
      "ValidationError"
    ],
    "CreateThemePresetResult": [
      "ConflictError",
      "ForbiddenError",
      "ThemePresetPayload",
      "ValidationError"
    ],
    "CreateThreadResult": [
      "ChannelPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeactivateUserResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "DeleteBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteChannelResult": [
      "ChannelPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteChannelSectionResult": [
      "ChannelSectionPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteFileResult": [
      "FilePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteGroupResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteIntegrationConnectionResult": [
      "ForbiddenError",
      "IntegrationConnectionPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "DeleteOrganizationResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPayload",
      "ValidationError"
    ],
    "DeleteRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "DeleteThemePresetResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ThemePresetPayload",
      "ValidationError"
    ],
    "DeleteTranslationsResult": [
      "DeleteTranslationsPayload",
      "ForbiddenError",
      "ValidationError"
    ],
    "DisablePluginResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPluginPayload",
      "ValidationError"
    ],
    "EditMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "EnablePluginResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPluginPayload",
      "ValidationError"
    ],
    "Error": [
      "AccountLockedError",
      "ConflictError",
      "FileTooLargeError",
      "FileTypeNotAllowedError",
      "ForbiddenError",
      "InvalidCredentialsError",
      "NotFoundError",
      "SignInMethodDisabledError",
      "ValidationError"
    ],
    "GrantAppAccessResult": [
      "AppAccessPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "GrantGroupPermissionResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "GrantRolePermissionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "InstallBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "JoinChannelResult": [
      "ChannelMemberPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "JoinOrganizationResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "LeaveChannelResult": [
      "ChannelMemberPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "LeaveOrganizationResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "MarkAllNotificationsReadResult": [
      "ForbiddenError",
      "MarkAllNotificationsReadPayload",
      "ValidationError"
    ],
    "MarkNotificationReadResult": [
      "ForbiddenError",
      "NotFoundError",
      "NotificationPayload",
      "ValidationError"
    ],
    "Node": [
      "App",
      "AuditLog",
      "AuthProvider",
      "Bot",
      "Channel",
      "ChannelMember",
      "ChannelSection",
      "EmailTemplate",
      "File",
      "Group",
      "IntegrationConnection",
      "Message",
      "Notification",
      "Organization",
      "OrganizationMember",
      "Permission",
      "Plugin",
      "Resource",
      "Role",
      "SystemLogEntry",
      "ThemePreset",
      "User"
    ],
    "PinMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ReactivateUserResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "RegisterFileResult": [
      "FilePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RemoveChannelMemberResult": [
      "ChannelMemberPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RemoveOrganizationMemberResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "OrganizationMemberPayload",
      "ValidationError"
    ],
    "RemoveReactionResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "RemoveUserGroupResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "RemoveUserRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "RenameChannelSectionResult": [
      "ChannelSectionPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "ReorderChannelSectionsResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ReorderChannelSectionsPayload",
      "ValidationError"
    ],
    "RequestPasswordResetResult": [
      "RequestPasswordResetPayload",
      "ValidationError"
    ],
    "ResetEmailTemplateResult": [
      "EmailTemplatePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "ResetPasswordResult": [
      "ConflictError",
      "NotFoundError",
      "ResetPasswordPayload",
      "ValidationError"
    ],
    "RetireAppResult": [
      "AppPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RevokeAppAccessResult": [
      "AppAccessPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "RevokeGroupPermissionResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "RevokeRolePermissionResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "RotateBotTokenResult": [
      "BotTokenPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "SendMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "SetDefaultLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "SetTypingResult": [
      "ForbiddenError",
      "NotFoundError",
      "SetTypingPayload",
      "ValidationError"
    ],
    "SignInResult": [
      "AccountLockedError",
      "InvalidCredentialsError",
      "SessionPayload",
      "SignInMethodDisabledError",
      "ValidationError"
    ],
    "SignOutResult": [
      "ForbiddenError",
      "SignOutPayload",
      "ValidationError"
    ],
    "SignUpResult": [
      "ConflictError",
      "SessionPayload",
      "SignInMethodDisabledError",
      "ValidationError"
    ],
    "UninstallBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UnpinMessageResult": [
      "ForbiddenError",
      "MessagePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateAppResult": [
      "AppPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateAuthProviderResult": [
      "AuthProviderPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateBotResult": [
      "BotPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateChannelPreferencesResult": [
      "ChannelMemberPayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateChannelResult": [
      "ChannelPayload",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateDesktopConfigurationResult": [
      "DesktopConfigurationPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateEmailTemplateResult": [
      "EmailTemplatePayload",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateGroupResult": [
      "ForbiddenError",
      "GroupPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateIntegrationConnectionResult": [
      "ConflictError",
      "ForbiddenError",
      "IntegrationConnectionPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateLocaleResult": [
      "ConflictError",
      "ForbiddenError",
      "LocalePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "UpdateOrganizationResult": [
      "ForbiddenError",
      "NotFoundError",
      "OrganizationPayload",
      "ValidationError"
    ],
    "UpdateProfileResult": [
      "ForbiddenError",
      "NotFoundError",
      "UserPayload",
      "ValidationError"
    ],
    "UpdateRoleResult": [
      "ForbiddenError",
      "NotFoundError",
      "RolePayload",
      "ValidationError"
    ],
    "UpdateThemePresetResult": [
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ThemePresetPayload",
      "ValidationError"
    ],
    "UploadFileResult": [
      "FilePayload",
      "FileTooLargeError",
      "FileTypeNotAllowedError",
      "ForbiddenError",
      "NotFoundError",
      "ValidationError"
    ],
    "UpsertTranslationsResult": [
      "ForbiddenError",
      "UpsertTranslationsPayload",
      "ValidationError"
    ]
  }
};
      export default result;
    