import { and, ilike, or } from 'drizzle-orm';
import { assertCredentialsAccepted } from '../../auth/guards.js';
import { builder } from '../../builder.js';
import type { Viewer } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { canSeeBot } from '../../policies/bot.js';
import { viewerPermissionsSql } from '../../policies/capabilities.js';
import { canSeeChannelMember } from '../../policies/channel-member.js';
import { canReadMessage } from '../../policies/message.js';
import { canSeeOrganizationMember } from '../../policies/organization.js';
import { canReadUserPrivateFields, canSeeUser } from '../../policies/user.js';
import { UserTypeEnum } from '../core/enums.js';
import { containsPattern } from '../core/filters.js';
import { guardedColumn, nodeReadRule, visibleRows } from '../core/guards.js';
import { rootConnection, rootRow } from '../core/root-fields.js';
import { sqlValueWithArgs } from '../core/sql-value.js';
import { Organization } from '../organizations/organizations.js';
import { filterArgs, withFilters } from '../core/where-input.js';

export const User = builder.drizzleNode('users', {
  name: 'User',
  // Only the columns the requested fields need; deletedAt lets `node` refuse a deleted row.
  select: { columns: { deletedAt: true } },
  id: { column: (user) => user.id },
  fields: (t) => ({
    // Email and settings: the user themselves, or P(users.users.view).
    email: t.field({ type: 'EmailAddress', nullable: true, ...guardedColumn(canReadUserPrivateFields, 'email') }),
    displayName: t.exposeString('displayName'),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
    userType: t.expose('userType', { type: UserTypeEnum }),
    locale: t.expose('locale', { type: 'Locale', nullable: true }),
    timezone: t.exposeString('timezone', { nullable: true }),
    settings: t.field({ type: 'JSONObject', nullable: true, ...guardedColumn(canReadUserPrivateFields, 'settings') }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    deactivatedAt: t.expose('deactivatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the user was deactivated (no sign-in until reactivated); null for an active user.',
    }),
    permissions: t.field({
      type: ['String'],
      nullable: true,
      description:
        "The viewer's own effective permissions (null on any other user): without `organization`, the platform permission keys held through roles and groups (e.g. `users.users.view`); with it, what the viewer may do in that organization, by its organization role (e.g. `organization.update`, `channel.create`), from the same rules the mutations enforce.",
      args: { organization: t.arg.globalID({ for: Organization, description: 'An organization: list the capabilities there instead.' }) },
      ...sqlValueWithArgs<typeof users>('permissions', (user, args, viewer) =>
        viewerPermissionsSql(viewer, user.id, (args.organization as { id: unknown } | null | undefined)?.id ?? null),
      ),
    }),
    memberships: t.relatedConnection('memberships', {
      description: 'Organizations this user belongs to (those the viewer shares).',
      args: filterArgs(t, 'organizationMembers'),
      query: (args, ctx) => withFilters('organizationMembers', args, ctx, { where: visibleRows(canSeeOrganizationMember, ctx), orderBy: { joinedAt: 'asc' } }),
      totalCount: true,
    }),
    channelMemberships: t.relatedConnection('channelMemberships', {
      args: filterArgs(t, 'channelMembers'),
      query: (args, ctx) => withFilters('channelMembers', args, ctx, { where: visibleRows(canSeeChannelMember, ctx), orderBy: { joinedAt: 'asc' } }),
      totalCount: true,
    }),
    messages: t.relatedConnection('messages', {
      description: 'Messages this user wrote that the viewer may read, newest first.',
      args: filterArgs(t, 'messages'),
      query: (args, ctx) => withFilters('messages', args, ctx, { where: visibleRows(canReadMessage, ctx), orderBy: { createdAt: 'desc' } }),
      totalCount: true,
    }),
    bot: t.relation('bot', {
      nullable: true,
      description: 'The bot behind this user, for a machine user.',
      query: (_args, ctx) => ({ where: visibleRows(canSeeBot, ctx) }),
    }),
  }),
});
nodeReadRule('User', canSeeUser);

/**
 * Users whose name, or whose email where the viewer may read it (DOMAIN.md: search by email only
 * matches an email the viewer may read), contains `search`. The email arm carries the very rule
 * that guards `User.email`, so a search can never reveal whose an address is. Liveness is part of
 * the read rule (canSeeUser), which every caller applies with this filter.
 */
export const userSearch = (search: string | null | undefined, viewer: Viewer | null) => (table: typeof users) => {
  if (!search) return undefined;
  const pattern = containsPattern(search);
  return or(
    ilike(table.displayName, pattern),
    and(ilike(table.email, pattern), canReadUserPrivateFields.where(viewer, table)),
    ilike(table.firstName, pattern),
    ilike(table.lastName, pattern),
  );
};

builder.queryFields((t) => ({
  viewer: t.drizzleField({
    type: User,
    nullable: true,
    description: 'The signed-in user, or null for an anonymous request; UNAUTHENTICATED for a refused (invalid, expired, revoked) token.',
    ...rootRow('users', (_args, ctx) => {
      assertCredentialsAccepted(ctx);
      return ctx.viewer ? { where: { id: ctx.viewer.userId, deletedAt: { isNull: true } } } : null;
    }),
  }),
  user: t.drizzleField({
    type: User,
    nullable: true,
    description: 'A user by ID; null when there is none or the viewer may not see them (one statement, unlike `node`).',
    args: { id: t.arg.globalID({ required: true, for: User }) },
    ...rootRow('users', (args: { id: { id: string } }, ctx) => ({ where: { id: args.id.id, ...visibleRows(canSeeUser, ctx) } })),
  }),
  users: t.drizzleConnection({
    type: 'users',
    description: 'Users the viewer may see, by display name; `search` matches names, and email where the viewer may read it, case-insensitively.',
    args: {
      search: t.arg.string({ description: 'Text contained in the name, or in the email for those whose email the viewer may read.' }),
      ...filterArgs(t, 'users'),
    },
    ...rootConnection('users', (args: { search?: string | null }, ctx) =>
      withFilters('users', args, ctx, { where: visibleRows(canSeeUser, ctx, userSearch(args.search, ctx.viewer)), orderBy: { displayName: 'asc' } }),
    ),
  }),
}));
