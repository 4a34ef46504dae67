/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** A field whose value conforms to the standard internet email address format as specified in HTML Spec: https://html.spec.whatwg.org/multipage/input.html#valid-e-mail-address. */
  EmailAddress: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** A locale tag such as `en`, `hu` or `pt-BR` (BCP 47 language, optional script, region and variants). */
  Locale: { input: string; output: string; }
  /** A field whose value conforms to the standard URL format as specified in RFC3986: https://www.ietf.org/rfc/rfc3986.txt. */
  URL: { input: string; output: string; }
  /** A field whose value is a generic Universally Unique Identifier: https://en.wikipedia.org/wiki/Universally_unique_identifier. */
  UUID: { input: string; output: string; }
  /** A file sent along with the request as multipart/form-data (GraphQL multipart request specification); input only. */
  Upload: { input: Blob; output: never; }
};

export type AddChannelMemberInput = {
  channelId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type AddOrganizationMemberInput = {
  organizationId: Scalars['ID']['input'];
  /** OWNER needs an owner; admins add admins and members. */
  role?: InputMaybe<OrganizationRole>;
  userId: Scalars['ID']['input'];
};

/** An app and exactly one of a role or a group. */
export type AppAccessInput = {
  appId: Scalars['ID']['input'];
  groupId?: InputMaybe<Scalars['ID']['input']>;
  roleId?: InputMaybe<Scalars['ID']['input']>;
};

export type AppInput = {
  id: Scalars['ID']['input'];
};

export type AppOrder =
  /** By name in the request locale (SQL, with the collation of that locale where the server has one). */
  | 'NAME'
  /** The desktop's order (`sortOrder`). */
  | 'SORT_ORDER';

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type AppOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: AppOrderField;
};

/** Indexed columns a App list can be ordered by. */
export type AppOrderField =
  | 'KEY'
  | 'SORT_ORDER';

/** Conditions on a App, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type AppWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<AppWhere>>;
  category?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  isActive?: InputMaybe<BooleanFilter>;
  isPublic?: InputMaybe<BooleanFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<AppWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<AppWhere>>;
  sortOrder?: InputMaybe<IntFilter>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type AuditLogOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: AuditLogOrderField;
};

/** Indexed columns a AuditLog list can be ordered by. */
export type AuditLogOrderField =
  | 'CREATED_AT';

/** Conditions on a AuditLog, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type AuditLogWhere = {
  action?: InputMaybe<StringFilter>;
  /** A User the viewer may see that matches. */
  actor?: InputMaybe<UserWhere>;
  /** Every one of these holds. */
  and?: InputMaybe<Array<AuditLogWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  /** This does not hold. */
  not?: InputMaybe<AuditLogWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<AuditLogWhere>>;
  /** A Organization the viewer may see that matches. */
  organization?: InputMaybe<OrganizationWhere>;
  resourceType?: InputMaybe<StringFilter>;
};

/** PASSWORD: email and password (`signIn`); OIDC: OpenID Connect, started at `/auth/oidc/<key>/start`. */
export type AuthProviderKind =
  | 'OIDC'
  | 'PASSWORD';

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type AuthProviderOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: AuthProviderOrderField;
};

/** Indexed columns a AuthProvider list can be ordered by. */
export type AuthProviderOrderField =
  | 'KEY';

/** Conditions on a AuthProvider, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type AuthProviderWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<AuthProviderWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  isEnabled?: InputMaybe<BooleanFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<AuthProviderWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<AuthProviderWhere>>;
};

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type BooleanFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: no value; false: a value. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<Scalars['Boolean']['input']>;
};

export type BotInput = {
  id: Scalars['ID']['input'];
};

export type BotInstallationInput = {
  botId: Scalars['ID']['input'];
  organizationId: Scalars['ID']['input'];
};

/** How roles and groups are listed. */
export type CatalogOrder =
  /** By key. */
  | 'KEY'
  /** By name in the request locale (SQL, with the collation of that locale where the server has one). */
  | 'NAME';

export type ChangeOrganizationMemberRoleInput = {
  memberId: Scalars['ID']['input'];
  role: OrganizationRole;
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  /** 8 to 200 characters, not the current one. */
  newPassword: Scalars['String']['input'];
};

export type ChannelEventKind =
  | 'MESSAGE_CREATED'
  | 'MESSAGE_DELETED'
  | 'MESSAGE_EDITED'
  | 'MESSAGE_PINNED'
  | 'MESSAGE_UNPINNED'
  | 'REACTION_ADDED'
  | 'REACTION_REMOVED';

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type ChannelMemberOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: ChannelMemberOrderField;
};

/** Indexed columns a ChannelMember list can be ordered by. */
export type ChannelMemberOrderField =
  | 'JOINED_AT';

/** Conditions on a ChannelMember, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type ChannelMemberWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<ChannelMemberWhere>>;
  /** A Channel the viewer may see that matches. */
  channel?: InputMaybe<ChannelWhere>;
  id?: InputMaybe<IdFilter>;
  isFavorite?: InputMaybe<BooleanFilter>;
  isHidden?: InputMaybe<BooleanFilter>;
  isMuted?: InputMaybe<BooleanFilter>;
  joinedAt?: InputMaybe<DateTimeFilter>;
  /** This does not hold. */
  not?: InputMaybe<ChannelMemberWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<ChannelMemberWhere>>;
  /** A User the viewer may see that matches. */
  user?: InputMaybe<UserWhere>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type ChannelOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: ChannelOrderField;
};

/** Indexed columns a Channel list can be ordered by. */
export type ChannelOrderField =
  | 'CREATED_AT'
  | 'NAME';

export type ChannelSectionInput = {
  id: Scalars['ID']['input'];
};

export type ChannelType =
  | 'DIRECT'
  | 'PRIVATE'
  | 'PUBLIC'
  | 'THREAD';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type ChannelTypeFilter = {
  /** Equal to. */
  eq?: InputMaybe<ChannelType>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<ChannelType>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<ChannelType>;
};

/** Conditions on a Channel, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type ChannelWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<ChannelWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  /** A User the viewer may see that matches. */
  createdBy?: InputMaybe<UserWhere>;
  id?: InputMaybe<IdFilter>;
  name?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<ChannelWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<ChannelWhere>>;
  /** A Organization the viewer may see that matches. */
  organization?: InputMaybe<OrganizationWhere>;
  /** A Channel the viewer may see that matches. */
  parent?: InputMaybe<ChannelWhere>;
  topic?: InputMaybe<StringFilter>;
  type?: InputMaybe<ChannelTypeFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

export type CreateAppInput = {
  /** 1 to 64 characters, e.g. "communication"; "general" when omitted. */
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Array<LocalizedTextInput>>;
  /** An icon name or URL, up to 2048 characters; null clears it. */
  icon?: InputMaybe<Scalars['String']['input']>;
  /** Inactive apps are listed to nobody (retired). */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Listed for everyone, without a role or group grant. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** Unique: lower-case letters, digits, ".", "-", "_"; cannot be changed later. */
  key: Scalars['String']['input'];
  /** Active locales only; the default locale is required. */
  name: Array<LocalizedTextInput>;
  /** The app's place on the desktop (ascending). */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** Desktop window settings (size, resizable, ...), a JSON object of at most 4096 bytes. */
  window?: InputMaybe<Scalars['JSONObject']['input']>;
};

export type CreateAuthProviderInput = {
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** Write-only: stored encrypted (AES-256-GCM under AUTH_PROVIDER_SECRET_KEY), never read back. Absent: a public client (PKCE only). */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  isEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** OIDC issuer: https (http only on a loopback host); its /.well-known/openid-configuration is read at sign-in. */
  issuerUrl?: InputMaybe<Scalars['String']['input']>;
  /** Unique: lower-case letters, digits, ".", "-", "_"; the routes /auth/oidc/<key>/… use it; cannot be changed. */
  key: Scalars['String']['input'];
  /** OIDC (the built-in `email` provider is the one PASSWORD provider). */
  kind: AuthProviderKind;
  /** Active locales only; the default locale is required. */
  name: Array<LocalizedTextInput>;
  /** Default openid, email, profile; must include openid. */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** -1000 to 1000; default 0. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateBotInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  /** Any organization admin may install a public bot; a private one only its creator. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  /** 1 to 80 characters; also the display name of its machine user. */
  name: Scalars['String']['input'];
  /** Where the bot is installed first (you must be its admin). */
  organizationId: Scalars['ID']['input'];
  /** What the bot may do: any of messages:read, messages:write, channels:write, files:write, notifications:write, organizations:write. */
  scopes: Array<Scalars['String']['input']>;
};

export type CreateChannelInput = {
  /** Private channels are seen by their members only. */
  isPrivate?: InputMaybe<Scalars['Boolean']['input']>;
  /** Unique among the live public and private channels of the organization: one lower-case word (letters, digits, - and _). */
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  sectionId?: InputMaybe<Scalars['ID']['input']>;
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type CreateChannelSectionInput = {
  /** 1 to 80 characters. */
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
};

export type CreateDirectChannelInput = {
  organizationId: Scalars['ID']['input'];
  /** The people to talk with (1 to 8; the viewer is always included): members of the organization. */
  participantIds: Array<Scalars['ID']['input']>;
};

export type CreateGroupInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  /** Unique: lower-case letters, digits, ".", "-", "_"; cannot be changed later. */
  key: Scalars['String']['input'];
  /** Active locales only; the default locale is required. */
  name: Array<LocalizedTextInput>;
};

export type CreateIntegrationConnectionInput = {
  /** Write-only: stored encrypted (AES-256-GCM under INTEGRATION_SECRET_KEY, bound to this connection), never read back; e.g. an API token, or a JSON text when the integration needs several values. At most 8192 characters. */
  credentials?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters, unique per organization and provider. */
  name: Scalars['String']['input'];
  organizationId: Scalars['ID']['input'];
  /** A lower-case key: `github`, `slack`, `jira`, `webhook`, ...; cannot be changed. */
  provider: Scalars['String']['input'];
  /** Non-secret configuration, a JSON object of at most 16384 bytes; keys named like secrets (token, password, apiKey, ...Secret) are refused. Default {}. */
  settings?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Default ACTIVE. */
  status?: InputMaybe<IntegrationStatus>;
};

export type CreateLocaleInput = {
  /** A locale tag (e.g. "fr" or "pt-BR"), at most 16 characters. */
  code: Scalars['Locale']['input'];
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** The name in English, e.g. "French"; 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** The name in the language itself, e.g. "Français"; 1 to 100 characters. */
  nativeName: Scalars['String']['input'];
};

export type CreateOrganizationInput = {
  /** An active locale of the platform; the platform default when omitted. */
  defaultLocale?: InputMaybe<Scalars['Locale']['input']>;
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Unique among live organizations: lower-case letters, digits, hyphens. */
  slug: Scalars['String']['input'];
};

export type CreateRoleInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  /** Unique: lower-case letters, digits, ".", "-", "_"; cannot be changed later. */
  key: Scalars['String']['input'];
  /** Active locales only; the default locale is required. */
  name: Array<LocalizedTextInput>;
};

export type CreateThemePresetInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  isDark?: InputMaybe<Scalars['Boolean']['input']>;
  /** true makes it the default (the previous default stops being one). */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  /** Unique: lower-case letters, digits, ".", "-", "_"; cannot be changed later. */
  key: Scalars['String']['input'];
  /** Active locales only; the default locale is required. */
  name: Array<LocalizedTextInput>;
  /** -1000 to 1000; pickers list presets by it. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** Token name (camelCase) to colour (`#RRGGBB` or `#RRGGBBAA`), at most 64; background, foreground and primary are required. Replaced whole. */
  tokens: Scalars['JSONObject']['input'];
};

export type CreateThreadInput = {
  messageId: Scalars['ID']['input'];
  /** Defaults to the start of the message's text. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type DateTimeFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['DateTime']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<Scalars['DateTime']['input']>>;
  /** true: no value; false: a value. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['DateTime']['input']>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<Scalars['DateTime']['input']>;
};

export type DeleteChannelInput = {
  id: Scalars['ID']['input'];
};

export type DeleteGroupInput = {
  id: Scalars['ID']['input'];
};

export type DeleteIntegrationConnectionInput = {
  id: Scalars['ID']['input'];
};

export type DeleteOrganizationInput = {
  id: Scalars['ID']['input'];
};

export type DeleteRoleInput = {
  id: Scalars['ID']['input'];
};

export type DeleteTranslationsInput = {
  /** 1 to 500 (locale, key) pairs. */
  entries: Array<TranslationKeyInput>;
  namespace: Scalars['String']['input'];
};

export type DisablePluginInput = {
  organizationId: Scalars['ID']['input'];
  pluginId: Scalars['ID']['input'];
};

export type EditMessageInput = {
  content: Scalars['String']['input'];
  /** Replaces the embeds; omitted or null keeps them. */
  embeds?: InputMaybe<Scalars['JSON']['input']>;
  id: Scalars['ID']['input'];
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type EmailTemplateOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: EmailTemplateOrderField;
};

/** Indexed columns a EmailTemplate list can be ordered by. */
export type EmailTemplateOrderField =
  | 'KEY';

/** Conditions on a EmailTemplate, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type EmailTemplateWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<EmailTemplateWhere>>;
  customizedAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  isSystem?: InputMaybe<BooleanFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<EmailTemplateWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<EmailTemplateWhere>>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

export type EnablePluginInput = {
  organizationId: Scalars['ID']['input'];
  pluginId: Scalars['ID']['input'];
  /** The plugin's settings in the organization, a JSON object of at most 4096 bytes; default {}. */
  settings?: InputMaybe<Scalars['JSONObject']['input']>;
};

export type FileInput = {
  id: Scalars['ID']['input'];
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type FileOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: FileOrderField;
};

/** Indexed columns a File list can be ordered by. */
export type FileOrderField =
  | 'CREATED_AT';

export type FileScope =
  | 'ORGANIZATION'
  | 'SHARED'
  | 'USER';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type FileScopeFilter = {
  /** Equal to. */
  eq?: InputMaybe<FileScope>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<FileScope>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<FileScope>;
};

export type FileStatus =
  | 'FAILED'
  | 'PENDING'
  | 'READY';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type FileStatusFilter = {
  /** Equal to. */
  eq?: InputMaybe<FileStatus>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<FileStatus>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<FileStatus>;
};

/** Conditions on a File, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type FileWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<FileWhere>>;
  /** A Channel the viewer may see that matches. */
  channel?: InputMaybe<ChannelWhere>;
  createdAt?: InputMaybe<DateTimeFilter>;
  fileName?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  /** A Message the viewer may see that matches. */
  message?: InputMaybe<MessageWhere>;
  mimeType?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<FileWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<FileWhere>>;
  /** A Organization the viewer may see that matches. */
  organization?: InputMaybe<OrganizationWhere>;
  /** A User the viewer may see that matches. */
  owner?: InputMaybe<UserWhere>;
  scope?: InputMaybe<FileScopeFilter>;
  sizeBytes?: InputMaybe<FloatFilter>;
  status?: InputMaybe<FileStatusFilter>;
};

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type FloatFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['Float']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['Float']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['Float']['input']>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** true: no value; false: a value. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['Float']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['Float']['input']>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<Scalars['Float']['input']>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type GroupOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: GroupOrderField;
};

/** Indexed columns a Group list can be ordered by. */
export type GroupOrderField =
  | 'KEY';

export type GroupPermissionInput = {
  groupId: Scalars['ID']['input'];
  permissionId: Scalars['ID']['input'];
};

/** Conditions on a Group, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type GroupWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<GroupWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  isSystem?: InputMaybe<BooleanFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<GroupWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<GroupWhere>>;
};

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type IdFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['ID']['input']>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<Scalars['ID']['input']>;
};

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type IntFilter = {
  /** Equal to. */
  eq?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than. */
  gt?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than or equal to. */
  gte?: InputMaybe<Scalars['Int']['input']>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** true: no value; false: a value. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. */
  lt?: InputMaybe<Scalars['Int']['input']>;
  /** Less than or equal to. */
  lte?: InputMaybe<Scalars['Int']['input']>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<Scalars['Int']['input']>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type IntegrationConnectionOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: IntegrationConnectionOrderField;
};

/** Indexed columns a IntegrationConnection list can be ordered by. */
export type IntegrationConnectionOrderField =
  | 'NAME'
  | 'PROVIDER';

/** Conditions on a IntegrationConnection, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type IntegrationConnectionWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<IntegrationConnectionWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  /** A User the viewer may see that matches. */
  createdBy?: InputMaybe<UserWhere>;
  id?: InputMaybe<IdFilter>;
  name?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<IntegrationConnectionWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<IntegrationConnectionWhere>>;
  /** A Organization the viewer may see that matches. */
  organization?: InputMaybe<OrganizationWhere>;
  provider?: InputMaybe<StringFilter>;
  status?: InputMaybe<IntegrationStatusFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

/** ACTIVE: in use; PAUSED: kept but not used; ERROR: the integration reported a failure; REVOKED: its access was withdrawn. */
export type IntegrationStatus =
  | 'ACTIVE'
  | 'ERROR'
  | 'PAUSED'
  | 'REVOKED';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type IntegrationStatusFilter = {
  /** Equal to. */
  eq?: InputMaybe<IntegrationStatus>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<IntegrationStatus>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<IntegrationStatus>;
};

export type JoinChannelInput = {
  channelId: Scalars['ID']['input'];
};

export type JoinOrganizationInput = {
  organizationId: Scalars['ID']['input'];
};

export type LeaveChannelInput = {
  channelId: Scalars['ID']['input'];
};

export type LeaveOrganizationInput = {
  organizationId: Scalars['ID']['input'];
};

export type LocaleCodeInput = {
  code: Scalars['Locale']['input'];
};

/** One translation of a localized text. A localized input lists active locales only and must include the default locale. */
export type LocalizedTextInput = {
  locale: Scalars['Locale']['input'];
  text: Scalars['String']['input'];
};

export type MarkAllNotificationsReadInput = {
  /** Only this organization's notifications. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

/** Names one message (delete, pin, unpin). */
export type MessageIdInput = {
  id: Scalars['ID']['input'];
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type MessageOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: MessageOrderField;
};

/** Indexed columns a Message list can be ordered by. */
export type MessageOrderField =
  | 'CREATED_AT';

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type MessageReactionOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: MessageReactionOrderField;
};

/** Indexed columns a MessageReaction list can be ordered by. */
export type MessageReactionOrderField =
  | 'CREATED_AT';

/** Conditions on a MessageReaction, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type MessageReactionWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<MessageReactionWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  emoji?: InputMaybe<StringFilter>;
  /** A Message the viewer may see that matches. */
  message?: InputMaybe<MessageWhere>;
  /** This does not hold. */
  not?: InputMaybe<MessageReactionWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<MessageReactionWhere>>;
  /** A User the viewer may see that matches. */
  user?: InputMaybe<UserWhere>;
};

/** Conditions on a Message, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type MessageWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<MessageWhere>>;
  /** A User the viewer may see that matches. */
  author?: InputMaybe<UserWhere>;
  /** A Channel the viewer may see that matches. */
  channel?: InputMaybe<ChannelWhere>;
  content?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  editedAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  /** This does not hold. */
  not?: InputMaybe<MessageWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<MessageWhere>>;
  pinnedAt?: InputMaybe<DateTimeFilter>;
  /** A User the viewer may see that matches. */
  pinnedBy?: InputMaybe<UserWhere>;
  /** A Message the viewer may see that matches. */
  replyTo?: InputMaybe<MessageWhere>;
};

export type NotificationEventKind =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

export type NotificationInput = {
  id: Scalars['ID']['input'];
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type NotificationOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: NotificationOrderField;
};

/** Indexed columns a Notification list can be ordered by. */
export type NotificationOrderField =
  | 'CREATED_AT';

/** Conditions on a Notification, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type NotificationWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<NotificationWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  /** This does not hold. */
  not?: InputMaybe<NotificationWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<NotificationWhere>>;
  /** A Organization the viewer may see that matches. */
  organization?: InputMaybe<OrganizationWhere>;
  readAt?: InputMaybe<DateTimeFilter>;
  resourceType?: InputMaybe<StringFilter>;
  type?: InputMaybe<StringFilter>;
};

export type OrganizationEventKind =
  | 'CHANNEL_CREATED'
  | 'CHANNEL_DELETED'
  | 'CHANNEL_UPDATED'
  | 'MEMBER_JOINED'
  | 'MEMBER_LEFT'
  | 'MEMBER_ROLE_CHANGED';

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type OrganizationMemberOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: OrganizationMemberOrderField;
};

/** Indexed columns a OrganizationMember list can be ordered by. */
export type OrganizationMemberOrderField =
  | 'JOINED_AT';

/** Conditions on a OrganizationMember, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type OrganizationMemberWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<OrganizationMemberWhere>>;
  id?: InputMaybe<IdFilter>;
  /** A User the viewer may see that matches. */
  invitedBy?: InputMaybe<UserWhere>;
  joinedAt?: InputMaybe<DateTimeFilter>;
  nickname?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<OrganizationMemberWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<OrganizationMemberWhere>>;
  /** A Organization the viewer may see that matches. */
  organization?: InputMaybe<OrganizationWhere>;
  role?: InputMaybe<OrganizationRoleFilter>;
  /** A User the viewer may see that matches. */
  user?: InputMaybe<UserWhere>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type OrganizationOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: OrganizationOrderField;
};

/** Indexed columns a Organization list can be ordered by. */
export type OrganizationOrderField =
  | 'NAME';

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type OrganizationPluginOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: OrganizationPluginOrderField;
};

/** Indexed columns a OrganizationPlugin list can be ordered by. */
export type OrganizationPluginOrderField =
  | 'ENABLED_AT';

/** Conditions on a OrganizationPlugin, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type OrganizationPluginWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<OrganizationPluginWhere>>;
  enabledAt?: InputMaybe<DateTimeFilter>;
  /** A User the viewer may see that matches. */
  enabledBy?: InputMaybe<UserWhere>;
  /** This does not hold. */
  not?: InputMaybe<OrganizationPluginWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<OrganizationPluginWhere>>;
  /** A Organization the viewer may see that matches. */
  organization?: InputMaybe<OrganizationWhere>;
  /** A Plugin the viewer may see that matches. */
  plugin?: InputMaybe<PluginWhere>;
};

export type OrganizationRole =
  | 'ADMIN'
  | 'MEMBER'
  | 'OWNER';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type OrganizationRoleFilter = {
  /** Equal to. */
  eq?: InputMaybe<OrganizationRole>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<OrganizationRole>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<OrganizationRole>;
};

/** Conditions on a Organization, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type OrganizationWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<OrganizationWhere>>;
  id?: InputMaybe<IdFilter>;
  isPublic?: InputMaybe<BooleanFilter>;
  name?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<OrganizationWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<OrganizationWhere>>;
  slug?: InputMaybe<StringFilter>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type PermissionOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: PermissionOrderField;
};

/** Indexed columns a Permission list can be ordered by. */
export type PermissionOrderField =
  | 'KEY';

/** Conditions on a Permission, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type PermissionWhere = {
  action?: InputMaybe<StringFilter>;
  /** Every one of these holds. */
  and?: InputMaybe<Array<PermissionWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<PermissionWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<PermissionWhere>>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type PluginOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: PluginOrderField;
};

/** Indexed columns a Plugin list can be ordered by. */
export type PluginOrderField =
  | 'KEY';

/** Conditions on a Plugin, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type PluginWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<PluginWhere>>;
  author?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  isActive?: InputMaybe<BooleanFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<PluginWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<PluginWhere>>;
  version?: InputMaybe<StringFilter>;
};

export type ReactionInput = {
  /** One emoji (👍, ❤️) or a :shortcode:; at most 64 characters. */
  emoji: Scalars['String']['input'];
  messageId: Scalars['ID']['input'];
};

/** Metadata of a file to upload; the storage key is chosen by the server. Attach it to what you can see: an organization you belong to, a channel you may post in, or a message of yours. */
export type RegisterFileInput = {
  /** Implied by a message. */
  channelId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 255 characters, without "/" or "\". */
  fileName: Scalars['String']['input'];
  messageId?: InputMaybe<Scalars['ID']['input']>;
  /** A media type such as "image/png". */
  mimeType: Scalars['String']['input'];
  /** Implied by a channel or message. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** USER: yours (and readers of its message); ORGANIZATION: members; SHARED: anyone signed in. */
  scope?: InputMaybe<FileScope>;
  /** A whole number of bytes, 0 to 5368709120 (5 GiB). */
  sizeBytes: Scalars['Float']['input'];
};

export type RemoveChannelMemberInput = {
  channelId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type RemoveOrganizationMemberInput = {
  memberId: Scalars['ID']['input'];
};

export type RenameChannelSectionInput = {
  id: Scalars['ID']['input'];
  /** 1 to 80 characters. */
  name: Scalars['String']['input'];
};

export type ReorderChannelSectionsInput = {
  organizationId: Scalars['ID']['input'];
  /** Every section of the organization, each once, in the new order. */
  sectionIds: Array<Scalars['ID']['input']>;
};

export type RequestPasswordResetInput = {
  email: Scalars['String']['input'];
};

export type ResetEmailTemplateInput = {
  id: Scalars['ID']['input'];
};

export type ResetPasswordInput = {
  /** 8 to 200 characters. */
  newPassword: Scalars['String']['input'];
  /** The token of the reset link (its `token` parameter). */
  token: Scalars['String']['input'];
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type RoleOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: RoleOrderField;
};

/** Indexed columns a Role list can be ordered by. */
export type RoleOrderField =
  | 'KEY';

export type RolePermissionInput = {
  permissionId: Scalars['ID']['input'];
  roleId: Scalars['ID']['input'];
};

/** Conditions on a Role, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type RoleWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<RoleWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  isSystem?: InputMaybe<BooleanFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<RoleWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<RoleWhere>>;
};

export type SendMessageInput = {
  /** The channel to post in; to post in a thread, the thread channel. */
  channelId: Scalars['ID']['input'];
  /** 1 to 4000 characters, not blank. */
  content: Scalars['String']['input'];
  /** A list of at most 10 JSON objects. */
  embeds?: InputMaybe<Scalars['JSON']['input']>;
  /** A live message of the same channel, or, in a thread, of the thread's parent channel. */
  replyToId?: InputMaybe<Scalars['ID']['input']>;
};

export type SetTypingInput = {
  channelId: Scalars['ID']['input'];
  /** false when the viewer stopped (e.g. cleared the input). */
  isTyping?: InputMaybe<Scalars['Boolean']['input']>;
};

export type SignInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type SignOutInput = {
  /** Also end the user's other sessions. */
  everywhere?: InputMaybe<Scalars['Boolean']['input']>;
};

export type SignUpInput = {
  /** 1 to 100 characters. */
  displayName: Scalars['String']['input'];
  /** Unique among users, case-insensitively; stored lower-case. */
  email: Scalars['String']['input'];
  /** An active platform locale, e.g. "en"; default: none (the platform default applies). */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** 8 to 200 characters. */
  password: Scalars['String']['input'];
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type StringFilter = {
  /** Contains this text, case-insensitively (% and _ are plain characters). */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Equal to. */
  eq?: InputMaybe<Scalars['String']['input']>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** true: no value; false: a value. */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<Scalars['String']['input']>;
  /** Starts with this text, case-insensitively. */
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type SystemLogEntryOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: SystemLogEntryOrderField;
};

/** Indexed columns a SystemLogEntry list can be ordered by. */
export type SystemLogEntryOrderField =
  | 'CREATED_AT';

/** Conditions on a SystemLogEntry, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type SystemLogEntryWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<SystemLogEntryWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  level?: InputMaybe<SystemLogLevelFilter>;
  /** This does not hold. */
  not?: InputMaybe<SystemLogEntryWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<SystemLogEntryWhere>>;
  source?: InputMaybe<StringFilter>;
};

export type SystemLogLevel =
  | 'DEBUG'
  | 'ERROR'
  | 'INFO'
  | 'WARN';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type SystemLogLevelFilter = {
  /** Equal to. */
  eq?: InputMaybe<SystemLogLevel>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<SystemLogLevel>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<SystemLogLevel>;
};

export type ThemePresetInput = {
  id: Scalars['ID']['input'];
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type ThemePresetOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: ThemePresetOrderField;
};

/** Indexed columns a ThemePreset list can be ordered by. */
export type ThemePresetOrderField =
  | 'KEY'
  | 'SORT_ORDER';

/** Conditions on a ThemePreset, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type ThemePresetWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<ThemePresetWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  id?: InputMaybe<IdFilter>;
  isDark?: InputMaybe<BooleanFilter>;
  isDefault?: InputMaybe<BooleanFilter>;
  key?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<ThemePresetWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<ThemePresetWhere>>;
  sortOrder?: InputMaybe<IntFilter>;
};

export type TranslationEntryInput = {
  /** Letters, digits, ".", "-", "_"; e.g. "actions.save". */
  key: Scalars['String']['input'];
  /** An active locale. */
  locale: Scalars['Locale']['input'];
  /** 1 to 10000 characters, stored as given. */
  value: Scalars['String']['input'];
};

export type TranslationKeyInput = {
  key: Scalars['String']['input'];
  locale: Scalars['Locale']['input'];
};

/** Absent fields stay as they are; a null description or icon clears it. */
export type UpdateAppInput = {
  /** 1 to 64 characters, e.g. "communication"; "general" when omitted. */
  category?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Array<LocalizedTextInput>>;
  /** An icon name or URL, up to 2048 characters; null clears it. */
  icon?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** Inactive apps are listed to nobody (retired). */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Listed for everyone, without a role or group grant. */
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Array<LocalizedTextInput>>;
  /** The app's place on the desktop (ascending). */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** Desktop window settings (size, resizable, ...), a JSON object of at most 4096 bytes. */
  window?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** Absent fields stay as they are; `clientSecret: null` removes the secret. `isEnabled: false` disables the provider. */
export type UpdateAuthProviderInput = {
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** Write-only, stored encrypted; null removes it. */
  clientSecret?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  isEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  issuerUrl?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Array<LocalizedTextInput>>;
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
};

/** Absent fields stay as they are; a null description clears it. */
export type UpdateBotInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  id: Scalars['ID']['input'];
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** What the bot may do: any of messages:read, messages:write, channels:write, files:write, notifications:write, organizations:write. */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type UpdateChannelInput = {
  id: Scalars['ID']['input'];
  /** A direct channel cannot be renamed. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** null takes the channel out of its section. */
  sectionId?: InputMaybe<Scalars['ID']['input']>;
  /** null or empty clears it. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateChannelPreferencesInput = {
  channelId: Scalars['ID']['input'];
  isFavorite?: InputMaybe<Scalars['Boolean']['input']>;
  isHidden?: InputMaybe<Scalars['Boolean']['input']>;
  isMuted?: InputMaybe<Scalars['Boolean']['input']>;
  /** A message of this channel; null clears the read position. */
  lastReadMessageId?: InputMaybe<Scalars['ID']['input']>;
};

/** Absent fields stay as they are; null puts a field back to its default. */
export type UpdateDesktopConfigurationInput = {
  /** Replaces the layout: `taskbarPosition`, `taskbarAutoHide`, `iconSize`, `showDesktopIcons` (no other keys). Null: `{}`. */
  layout?: InputMaybe<Scalars['JSONObject']['input']>;
  /** App keys in order, at most 50, each an app the viewer may open. Null: no pins. */
  pinnedApps?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A theme preset; null: the default theme. */
  themePresetId?: InputMaybe<Scalars['ID']['input']>;
  /** `{ type: "color", color: "#RRGGBB" }` or `{ type: "image", url: "https://…", fit? }`. Null: none. */
  wallpaper?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** Each given text replaces that part in every locale (send every translation you keep; `subjectTranslations` etc. read them). Absent parts stay; `bodyHtml: null` removes the HTML part. Texts may use only the template's `placeholders`, and every body must hold its `requiredPlaceholders`. */
export type UpdateEmailTemplateInput = {
  /** Plain text. Active locales only; the default locale is required. */
  body?: InputMaybe<Array<LocalizedTextInput>>;
  /** HTML (placeholders are escaped in it); null removes it. */
  bodyHtml?: InputMaybe<Array<LocalizedTextInput>>;
  id: Scalars['ID']['input'];
  /** Active locales only; the default locale is required. */
  subject?: InputMaybe<Array<LocalizedTextInput>>;
};

/** Absent fields stay as they are; a null description clears it. */
export type UpdateGroupInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Array<LocalizedTextInput>>;
};

/** Absent fields stay as they are; `credentials` replaces the stored ones, `credentials: null` removes them. */
export type UpdateIntegrationConnectionInput = {
  /** Write-only: stored encrypted (AES-256-GCM under INTEGRATION_SECRET_KEY, bound to this connection), never read back; e.g. an API token, or a JSON text when the integration needs several values. At most 8192 characters. */
  credentials?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  /** Non-secret configuration, a JSON object of at most 16384 bytes; keys named like secrets (token, password, apiKey, ...Secret) are refused. Replaces the whole object. */
  settings?: InputMaybe<Scalars['JSONObject']['input']>;
  status?: InputMaybe<IntegrationStatus>;
};

/** Absent fields stay as they are. The default locale cannot be deactivated. */
export type UpdateLocaleInput = {
  code: Scalars['Locale']['input'];
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nativeName?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateOrganizationInput = {
  id: Scalars['ID']['input'];
  isPublic?: InputMaybe<Scalars['Boolean']['input']>;
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** Let members, not only admins, create channels. */
  membersCanCreateChannels?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Absent fields stay as they are; null clears a nullable field. */
export type UpdateProfileInput = {
  /** An http(s) URL. */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters; cannot be cleared. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** An active platform locale. */
  locale?: InputMaybe<Scalars['Locale']['input']>;
  /** Merged into the stored settings by top-level key; a null value removes that key. At most 16384 bytes as JSON. */
  settings?: InputMaybe<Scalars['JSONObject']['input']>;
  /** An IANA time zone, e.g. "Europe/Budapest"; stored in its canonical spelling. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** Whose profile: the viewer's own by default; another user's needs users.users.update. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** Absent fields stay as they are; a null description clears it. */
export type UpdateRoleInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Array<LocalizedTextInput>>;
};

/** Absent fields stay as they are; a null description clears it. */
export type UpdateThemePresetInput = {
  description?: InputMaybe<Array<LocalizedTextInput>>;
  id: Scalars['ID']['input'];
  isDark?: InputMaybe<Scalars['Boolean']['input']>;
  /** true makes it the default (the previous default stops being one). false on the default is refused: make another preset the default instead. */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Array<LocalizedTextInput>>;
  /** -1000 to 1000; pickers list presets by it. */
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** Token name (camelCase) to colour (`#RRGGBB` or `#RRGGBBAA`), at most 64; background, foreground and primary are required. Replaced whole. */
  tokens?: InputMaybe<Scalars['JSONObject']['input']>;
};

/** A file and what it attaches to, as for registerFile: an organization you belong to, a channel you may post in, or a message of yours. */
export type UploadFileInput = {
  /** Implied by a message. */
  channelId?: InputMaybe<Scalars['ID']['input']>;
  /** The file's part of the multipart request; its Content-Type is the file's media type. */
  file: Scalars['Upload']['input'];
  /** The name to keep (1 to 255 characters, without "/" or "\"); default: the name the file was sent with. */
  fileName?: InputMaybe<Scalars['String']['input']>;
  messageId?: InputMaybe<Scalars['ID']['input']>;
  /** Implied by a channel or message. */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
  /** USER: yours (and readers of its message); ORGANIZATION: members; SHARED: anyone signed in. */
  scope?: InputMaybe<FileScope>;
};

export type UpsertTranslationsInput = {
  /** 1 to 500 entries, each (locale, key) once. */
  entries: Array<TranslationEntryInput>;
  /** e.g. "common" or "chat". */
  namespace: Scalars['String']['input'];
};

export type UserActivationInput = {
  userId: Scalars['ID']['input'];
};

export type UserGroupInput = {
  groupId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

/** One term of an order; the ID is always added last, so the order (and every cursor) is stable. */
export type UserOrderBy = {
  direction?: InputMaybe<SortDirection>;
  field: UserOrderField;
};

/** Indexed columns a User list can be ordered by. */
export type UserOrderField =
  | 'DISPLAY_NAME';

export type UserRoleInput = {
  roleId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type UserType =
  | 'HUMAN'
  | 'MACHINE';

/** Conditions on one value; every given operator must hold (a null operator is no condition). */
export type UserTypeFilter = {
  /** Equal to. */
  eq?: InputMaybe<UserType>;
  /** Equal to one of these (at most 100). */
  in?: InputMaybe<Array<UserType>>;
  /** Not equal to (a null value differs from any value). */
  ne?: InputMaybe<UserType>;
};

/** Conditions on a User, all of which must hold (inside the viewer's read rule). See README, Filtering and ordering. */
export type UserWhere = {
  /** Every one of these holds. */
  and?: InputMaybe<Array<UserWhere>>;
  createdAt?: InputMaybe<DateTimeFilter>;
  displayName?: InputMaybe<StringFilter>;
  firstName?: InputMaybe<StringFilter>;
  id?: InputMaybe<IdFilter>;
  lastName?: InputMaybe<StringFilter>;
  /** This does not hold. */
  not?: InputMaybe<UserWhere>;
  /** At least one of these holds. */
  or?: InputMaybe<Array<UserWhere>>;
  userType?: InputMaybe<UserTypeFilter>;
};

export type ChannelPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChannelPageQuery = { __typename: 'Query', channel?: { __typename: 'Channel', id: string, name: string, type: ChannelType, topic?: string | null, memberCount: number, organization: { __typename: 'Organization', id: string, slug: string }, pinnedMessages: { __typename: 'ChannelPinnedMessagesConnection', nodes: Array<{ __typename: 'Message', id: string, content?: string | null }> }, messages: { __typename: 'ChannelMessagesConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, edges: Array<{ __typename: 'ChannelMessagesConnectionEdge', cursor: string, node: { __typename: 'Message', id: string, content?: string | null, embeds?: unknown | null, isDeleted: boolean, createdAt: string, editedAt?: string | null, pinnedAt?: string | null, reactionCount: number, author?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null, replyTo?: { __typename: 'Message', id: string, content?: string | null } | null, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } } }> }, parent?: { __typename: 'Channel', id: string } | null } | null };

export type DesktopQueryVariables = Exact<{ [key: string]: never; }>;


export type DesktopQuery = { __typename: 'Query', viewer?: { __typename: 'User', id: string, desktopConfiguration?: { __typename: 'DesktopConfiguration', layout: Record<string, unknown>, wallpaper?: Record<string, unknown> | null, pinnedApps: Array<string>, updatedAt: string, themePreset?: { __typename: 'ThemePreset', id: string, key: string, name: string, isDark: boolean, tokens: Record<string, unknown> } | null } | null } | null, defaultThemePreset?: { __typename: 'ThemePreset', id: string, key: string, name: string, isDark: boolean, tokens: Record<string, unknown> } | null, themePresets: { __typename: 'QueryThemePresetsConnection', nodes: Array<{ __typename: 'ThemePreset', id: string, key: string, name: string, isDark: boolean, tokens: Record<string, unknown> }> } };

export type ThemePresetFieldsFragment = { __typename: 'ThemePreset', id: string, key: string, name: string, isDark: boolean, tokens: Record<string, unknown> };

export type UpdateDesktopConfigurationMutationVariables = Exact<{
  input: UpdateDesktopConfigurationInput;
}>;


export type UpdateDesktopConfigurationMutation = { __typename: 'Mutation', updateDesktopConfiguration:
    | { __typename: 'DesktopConfigurationPayload', desktopConfiguration?: { __typename: 'DesktopConfiguration', layout: Record<string, unknown>, wallpaper?: Record<string, unknown> | null, pinnedApps: Array<string>, updatedAt: string, themePreset?: { __typename: 'ThemePreset', id: string, key: string, name: string, isDark: boolean, tokens: Record<string, unknown> } | null } | null }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type UserSummaryFragment = { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType };

export type OrganizationSummaryFragment = { __typename: 'Organization', id: string, slug: string, name: string, logoUrl?: string | null, isPublic: boolean, memberCount: number };

export type ChannelSummaryFragment = { __typename: 'Channel', id: string, name: string, type: ChannelType, topic?: string | null, memberCount: number, parent?: { __typename: 'Channel', id: string } | null };

export type ReactionFieldsFragment = { __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null };

export type MessageReactionsFragment = { __typename: 'Message', id: string, reactionCount: number, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } };

export type MessageFieldsFragment = { __typename: 'Message', id: string, content?: string | null, embeds?: unknown | null, isDeleted: boolean, createdAt: string, editedAt?: string | null, pinnedAt?: string | null, reactionCount: number, author?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null, replyTo?: { __typename: 'Message', id: string, content?: string | null } | null, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } };

export type NotificationFieldsFragment = { __typename: 'Notification', id: string, type: string, title: string, body?: string | null, isRead: boolean, readAt?: string | null, createdAt: string, resourceType?: string | null, resourceId?: string | null, organization?: { __typename: 'Organization', id: string, slug: string } | null };

export type OrganizationMemberFieldsFragment = { __typename: 'OrganizationMember', id: string, role: OrganizationRole, nickname?: string | null, joinedAt: string, user: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } };

export type PageInfoFieldsFragment = { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null };

type ErrorFields_AccountLockedError_Fragment = { __typename: 'AccountLockedError', message: string };

type ErrorFields_ConflictError_Fragment = { __typename: 'ConflictError', message: string };

type ErrorFields_FileTooLargeError_Fragment = { __typename: 'FileTooLargeError', message: string };

type ErrorFields_FileTypeNotAllowedError_Fragment = { __typename: 'FileTypeNotAllowedError', message: string };

type ErrorFields_ForbiddenError_Fragment = { __typename: 'ForbiddenError', message: string };

type ErrorFields_InvalidCredentialsError_Fragment = { __typename: 'InvalidCredentialsError', message: string };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', message: string };

type ErrorFields_SignInMethodDisabledError_Fragment = { __typename: 'SignInMethodDisabledError', message: string };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> };

export type ErrorFieldsFragment =
  | ErrorFields_AccountLockedError_Fragment
  | ErrorFields_ConflictError_Fragment
  | ErrorFields_FileTooLargeError_Fragment
  | ErrorFields_FileTypeNotAllowedError_Fragment
  | ErrorFields_ForbiddenError_Fragment
  | ErrorFields_InvalidCredentialsError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_SignInMethodDisabledError_Fragment
  | ErrorFields_ValidationError_Fragment
;

export type SendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type SendMessageMutation = { __typename: 'Mutation', sendMessage:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MessagePayload', chatMessage?: { __typename: 'Message', id: string, content?: string | null, embeds?: unknown | null, isDeleted: boolean, createdAt: string, editedAt?: string | null, pinnedAt?: string | null, reactionCount: number, author?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null, replyTo?: { __typename: 'Message', id: string, content?: string | null } | null, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } } | null }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type EditMessageMutationVariables = Exact<{
  input: EditMessageInput;
}>;


export type EditMessageMutation = { __typename: 'Mutation', editMessage:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MessagePayload', chatMessage?: { __typename: 'Message', id: string, content?: string | null, embeds?: unknown | null, isDeleted: boolean, createdAt: string, editedAt?: string | null, pinnedAt?: string | null, reactionCount: number, author?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null, replyTo?: { __typename: 'Message', id: string, content?: string | null } | null, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } } | null }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type DeleteMessageMutationVariables = Exact<{
  input: MessageIdInput;
}>;


export type DeleteMessageMutation = { __typename: 'Mutation', deleteMessage:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MessagePayload', chatMessage?: { __typename: 'Message', id: string, isDeleted: boolean, content?: string | null } | null }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type AddReactionMutationVariables = Exact<{
  input: ReactionInput;
}>;


export type AddReactionMutation = { __typename: 'Mutation', addReaction:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MessagePayload', chatMessage?: { __typename: 'Message', id: string, reactionCount: number, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } } | null }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type RemoveReactionMutationVariables = Exact<{
  input: ReactionInput;
}>;


export type RemoveReactionMutation = { __typename: 'Mutation', removeReaction:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MessagePayload', chatMessage?: { __typename: 'Message', id: string, reactionCount: number, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } } | null }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type SetTypingMutationVariables = Exact<{
  input: SetTypingInput;
}>;


export type SetTypingMutation = { __typename: 'Mutation', setTyping:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'SetTypingPayload' }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type NotificationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  unread?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type NotificationsQuery = { __typename: 'Query', viewer?: { __typename: 'User', id: string, notifications: { __typename: 'UserNotificationsConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, nodes: Array<{ __typename: 'Notification', id: string, type: string, title: string, body?: string | null, isRead: boolean, readAt?: string | null, createdAt: string, resourceType?: string | null, resourceId?: string | null, organization?: { __typename: 'Organization', id: string, slug: string } | null }> } } | null };

export type MarkNotificationReadMutationVariables = Exact<{
  input: NotificationInput;
}>;


export type MarkNotificationReadMutation = { __typename: 'Mutation', markNotificationRead:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'NotificationPayload', notification?: { __typename: 'Notification', id: string, isRead: boolean, readAt?: string | null } | null }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type MarkAllNotificationsReadMutationVariables = Exact<{
  input?: InputMaybe<MarkAllNotificationsReadInput>;
}>;


export type MarkAllNotificationsReadMutation = { __typename: 'Mutation', markAllNotificationsRead:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'MarkAllNotificationsReadPayload', count: number }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { __typename: 'Mutation', signIn:
    | { __typename: 'AccountLockedError', lockedUntil: string, message: string }
    | { __typename: 'InvalidCredentialsError', message: string }
    | { __typename: 'SessionPayload', token: string, expiresAt: string, user: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } }
    | { __typename: 'SignInMethodDisabledError', message: string }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename: 'Query', viewer?: { __typename: 'User', email?: string | null, locale?: string | null, timezone?: string | null, id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename: 'Mutation', signOut:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'SignOutPayload', revokedSessionCount: number }
    | { __typename: 'ValidationError', message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type ChannelEventsSubscriptionVariables = Exact<{
  channel: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChannelEventsSubscription = { __typename?: 'Subscription', channelEvents: { __typename: 'ChannelEvent', kind: ChannelEventKind, cursor: string, messageId: string, message?: { __typename: 'Message', id: string, content?: string | null, embeds?: unknown | null, isDeleted: boolean, createdAt: string, editedAt?: string | null, pinnedAt?: string | null, reactionCount: number, author?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null, replyTo?: { __typename: 'Message', id: string, content?: string | null } | null, reactions: { __typename: 'MessageReactionsConnection', nodes: Array<{ __typename: 'MessageReaction', emoji: string, createdAt: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null }> } } | null, reaction?: { __typename: 'ReactionChange', emoji: string, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null } | null } };

export type OrganizationEventsSubscriptionVariables = Exact<{
  organization: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OrganizationEventsSubscription = { __typename?: 'Subscription', organizationEvents: { __typename: 'OrganizationEvent', kind: OrganizationEventKind, cursor: string, channelId?: string | null, memberId?: string | null, channel?: { __typename: 'Channel', id: string, name: string, type: ChannelType, topic?: string | null, memberCount: number, parent?: { __typename: 'Channel', id: string } | null } | null, member?: { __typename: 'OrganizationMember', id: string, role: OrganizationRole, nickname?: string | null, joinedAt: string, user: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } } | null } };

export type NotificationEventsSubscriptionVariables = Exact<{
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type NotificationEventsSubscription = { __typename?: 'Subscription', notificationEvents: { __typename: 'NotificationEvent', kind: NotificationEventKind, cursor: string, notificationId: string, notification?: { __typename: 'Notification', id: string, type: string, title: string, body?: string | null, isRead: boolean, readAt?: string | null, createdAt: string, resourceType?: string | null, resourceId?: string | null, organization?: { __typename: 'Organization', id: string, slug: string } | null } | null } };

export type TypingIndicatorsSubscriptionVariables = Exact<{
  channel: Scalars['ID']['input'];
}>;


export type TypingIndicatorsSubscription = { __typename?: 'Subscription', typingIndicators: { __typename: 'TypingIndicator', userId: string, isTyping: boolean, user?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null } };

export type WorkspaceQueryVariables = Exact<{
  organizations?: InputMaybe<Scalars['Int']['input']>;
  channels?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WorkspaceQuery = { __typename: 'Query', viewer?: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } | null, organizations: { __typename: 'QueryOrganizationsConnection', totalCount: number, nodes: Array<{ __typename: 'Organization', id: string, slug: string, name: string, logoUrl?: string | null, isPublic: boolean, memberCount: number, channels: { __typename: 'OrganizationChannelsConnection', totalCount: number, nodes: Array<{ __typename: 'Channel', id: string, name: string, type: ChannelType, topic?: string | null, memberCount: number, parent?: { __typename: 'Channel', id: string } | null }> } }> } };

export type OrganizationMembersQueryVariables = Exact<{
  slug: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type OrganizationMembersQuery = { __typename: 'Query', organization?: { __typename: 'Organization', id: string, members: { __typename: 'OrganizationMembersConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null }, nodes: Array<{ __typename: 'OrganizationMember', id: string, role: OrganizationRole, nickname?: string | null, joinedAt: string, user: { __typename: 'User', id: string, displayName: string, avatarUrl?: string | null, userType: UserType } }> } } | null };

export const ThemePresetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThemePresetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThemePreset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDark"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}}]}}]} as unknown as DocumentNode<ThemePresetFieldsFragment, unknown>;
export const OrganizationSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]} as unknown as DocumentNode<OrganizationSummaryFragment, unknown>;
export const ChannelSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ChannelSummaryFragment, unknown>;
export const UserSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}}]} as unknown as DocumentNode<UserSummaryFragment, unknown>;
export const ReactionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}}]} as unknown as DocumentNode<ReactionFieldsFragment, unknown>;
export const MessageReactionsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageReactions"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}}]} as unknown as DocumentNode<MessageReactionsFragment, unknown>;
export const MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"embeds"}},{"kind":"Field","name":{"kind":"Name","value":"isDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}}]} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"isRead"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<NotificationFieldsFragment, unknown>;
export const OrganizationMemberFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}}]} as unknown as DocumentNode<OrganizationMemberFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PageInfoFieldsFragment, unknown>;
export const ErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ErrorFieldsFragment, unknown>;
export const ChannelPageDocument = {"__meta__":{"hash":"27b14678b155e5d0fd2bdece6f3c9cb34e7281846e195a46202cb5ba6999739c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChannelPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelSummary"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pinnedMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"embeds"}},{"kind":"Field","name":{"kind":"Name","value":"isDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}}]} as unknown as DocumentNode<ChannelPageQuery, ChannelPageQueryVariables>;
export const DesktopDocument = {"__meta__":{"hash":"ab79d956ac72dfc8d383be839b087760e95d78dba9eecf62c6c8a6c2e4af53ef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Desktop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"desktopConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"layout"}},{"kind":"Field","name":{"kind":"Name","value":"wallpaper"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedApps"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"themePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThemePresetFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultThemePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThemePresetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"themePresets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThemePresetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThemePresetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThemePreset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDark"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}}]}}]} as unknown as DocumentNode<DesktopQuery, DesktopQueryVariables>;
export const UpdateDesktopConfigurationDocument = {"__meta__":{"hash":"c41aa9c88ec226266a871433433d80e07756137b7010285f9da3d688c501c642"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDesktopConfiguration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDesktopConfigurationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateDesktopConfiguration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DesktopConfigurationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"desktopConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"layout"}},{"kind":"Field","name":{"kind":"Name","value":"wallpaper"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedApps"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"themePreset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThemePresetFields"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThemePresetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ThemePreset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDark"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateDesktopConfigurationMutation, UpdateDesktopConfigurationMutationVariables>;
export const SendMessageDocument = {"__meta__":{"hash":"9eb5457b8eada8609782df07566627f6dea03003865a2144ffa243704458542b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessagePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"chatMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"embeds"}},{"kind":"Field","name":{"kind":"Name","value":"isDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SendMessageMutation, SendMessageMutationVariables>;
export const EditMessageDocument = {"__meta__":{"hash":"9d2077e16ce023362eb308b40ed35faab8c700fb30f1863ad6f12a4d6633b55c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EditMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"editMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessagePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"chatMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"embeds"}},{"kind":"Field","name":{"kind":"Name","value":"isDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EditMessageMutation, EditMessageMutationVariables>;
export const DeleteMessageDocument = {"__meta__":{"hash":"70cb8701bb9d7154d28d296486efdfb7e8bf1c450c184386ba9d64fe823ce903"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MessageIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessagePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"chatMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteMessageMutation, DeleteMessageMutationVariables>;
export const AddReactionDocument = {"__meta__":{"hash":"e6d0019c7174bad27ef4fdb184c2c7d21bba0d85dfd8329842238bc0ac097656"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddReaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addReaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessagePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"chatMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageReactions"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageReactions"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AddReactionMutation, AddReactionMutationVariables>;
export const RemoveReactionDocument = {"__meta__":{"hash":"a9f1adf90025a753030676c1a75a89487db8c8299728a08af80c4e1b834e5e44"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveReaction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReactionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removeReaction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessagePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"chatMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageReactions"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageReactions"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveReactionMutation, RemoveReactionMutationVariables>;
export const SetTypingDocument = {"__meta__":{"hash":"b98ac215604149afd59970e2b31e0ec214ac89a0877c5727e8aa16eb1d916c52"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTyping"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTypingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setTyping"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetTypingMutation, SetTypingMutationVariables>;
export const NotificationsDocument = {"__meta__":{"hash":"b74926cbf70bf6cd0471375a3373281756cb94e80926cd9839ffb4505460ed6f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unread"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"unread"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unread"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"isRead"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationReadDocument = {"__meta__":{"hash":"da24241e1806866dd75b83fae01f610e91eb5519c6614155eedff6f87351ede7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isRead"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = {"__meta__":{"hash":"e02e0f0855e5021329bec83deba81c06b05a329526cd2beb82c7ab090c3db0ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkAllNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkAllNotificationsReadInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"markAllNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MarkAllNotificationsReadPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"4c432201d915be0989cb53518509225d41f57df4ca7f8f22e3d69791ef4c3780"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AccountLockedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const ViewerDocument = {"__meta__":{"hash":"47de24c4aa9065d1318bcd541604858a4a83f6eebbf9b020e6ff634f21f3ece5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const SignOutDocument = {"__meta__":{"hash":"9b3deb4975dc7efc0b673c8c9b64368da2844b9cd86e60f7184c56f3e6b30b50"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SignOutPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokedSessionCount"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fieldErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const ChannelEventsDocument = {"__meta__":{"hash":"a3fcef68cf87fbe2e60b7cdc001c34d6aa5499fa31690e2aba9a44f8b2ad0f7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ChannelEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channelEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReactionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageReaction"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"emoji"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"embeds"}},{"kind":"Field","name":{"kind":"Name","value":"isDeleted"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}},{"kind":"Field","name":{"kind":"Name","value":"pinnedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replyTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReactionFields"}}]}}]}}]}}]} as unknown as DocumentNode<ChannelEventsSubscription, ChannelEventsSubscriptionVariables>;
export const OrganizationEventsDocument = {"__meta__":{"hash":"03a7a41cfe09bf8f7cf43081e70298d4089df96d1cd60538dce9d7a8c7ee6895"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrganizationEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organization"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organization"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organization"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"channelId"}},{"kind":"Field","name":{"kind":"Name","value":"channel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberId"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganizationMemberFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}}]} as unknown as DocumentNode<OrganizationEventsSubscription, OrganizationEventsSubscriptionVariables>;
export const NotificationEventsDocument = {"__meta__":{"hash":"91f03978cb14907acf5b341bbb455a33db6c139d07316451c4c0b04868e76f42"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"notificationId"}},{"kind":"Field","name":{"kind":"Name","value":"notification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"NotificationFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NotificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Notification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"isRead"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resourceType"}},{"kind":"Field","name":{"kind":"Name","value":"resourceId"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<NotificationEventsSubscription, NotificationEventsSubscriptionVariables>;
export const TypingIndicatorsDocument = {"__meta__":{"hash":"80f5bda84ffda0c4f0562e273a45c57d711c446b2ff7094b11238c683549a7ab"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TypingIndicators"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"typingIndicators"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"isTyping"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}}]} as unknown as DocumentNode<TypingIndicatorsSubscription, TypingIndicatorsSubscriptionVariables>;
export const WorkspaceDocument = {"__meta__":{"hash":"6802923b61c752eb042016920a28e80bff004251c0c83cbea8ded3ade0b435c6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workspace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizations"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channels"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizations"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganizationSummary"}},{"kind":"Field","name":{"kind":"Name","value":"channels"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channels"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChannelSummary"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChannelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Channel"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WorkspaceQuery, WorkspaceQueryVariables>;
export const OrganizationMembersDocument = {"__meta__":{"hash":"d22d2ea1a83ea49d3ce89475e6946c44b5865af194cc7814769a2bb44ec68be5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PageInfoFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrganizationMemberFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"userType"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PageInfoFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrganizationMemberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserSummary"}}]}}]}}]} as unknown as DocumentNode<OrganizationMembersQuery, OrganizationMembersQueryVariables>;