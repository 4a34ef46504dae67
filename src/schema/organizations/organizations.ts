import { eq, ilike } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { COUNT_FIELD } from '../../limits/cost.js';
import { organizationMembers, organizations } from '../../db/schema/index.js';
import { canReadOrganizationDetails, canSeeOrganization, canSeeOrganizationMember } from '../../policies/organization.js';
import { canSeeUser } from '../../policies/user.js';
import { OrganizationRoleEnum } from '../core/enums.js';
import { containsPattern, liveAnd } from '../core/filters.js';
import { guardedColumn, nodeReadRule, visibleCondition, visibleRows } from '../core/guards.js';
import { rootConnection, rootRow } from '../core/root-fields.js';
import { filterArgs, withFilters } from '../core/where-input.js';

export const Organization = builder.drizzleNode('organizations', {
  name: 'Organization',
  // Only the columns the requested fields need; deletedAt lets `node` refuse a deleted row.
  select: { columns: { deletedAt: true } },
  id: { column: (organization) => organization.id },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    logoUrl: t.exposeString('logoUrl', { nullable: true }),
    isPublic: t.exposeBoolean('isPublic'),
    // Beyond name, slug and logo, an organization is for its members only.
    defaultLocale: t.field({ type: 'Locale', nullable: true, ...guardedColumn(canReadOrganizationDetails, 'defaultLocale') }),
    settings: t.field({ type: 'JSONObject', nullable: true, ...guardedColumn(canReadOrganizationDetails, 'settings') }),
    createdAt: t.field({ type: 'DateTime', nullable: true, ...guardedColumn(canReadOrganizationDetails, 'createdAt') }),
    members: t.relatedConnection('members', {
      description: 'Live members, earliest first; `role` keeps one role. Empty for non-members.',
      args: { role: t.arg({ type: OrganizationRoleEnum }), ...filterArgs(t, 'organizationMembers') },
      query: (args, ctx) =>
        withFilters('organizationMembers', args, ctx, {
          where: visibleRows(canSeeOrganizationMember, ctx, (member) => (args.role ? eq(member.role, args.role) : undefined)),
          orderBy: { joinedAt: 'asc' },
        }),
      totalCount: true,
    }),
    memberCount: t.relatedCount('members', { where: (_args, ctx) => visibleCondition(canSeeOrganizationMember, ctx), extensions: COUNT_FIELD }),
  }),
});
nodeReadRule('Organization', canSeeOrganization);

export const OrganizationMember = builder.drizzleNode('organizationMembers', {
  name: 'OrganizationMember',
  id: { column: (member) => member.id },
  fields: (t) => ({
    role: t.expose('role', { type: OrganizationRoleEnum }),
    nickname: t.exposeString('nickname', { nullable: true }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    organization: t.relation('organization'),
    user: t.relation('user'),
    invitedBy: t.relation('inviter', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
  }),
});
nodeReadRule('OrganizationMember', canSeeOrganizationMember);

/** Live organizations whose name contains `search`. */
export const organizationSearch = (search: string | null | undefined) => (table: typeof organizations) =>
  liveAnd(table, search ? ilike(table.name, containsPattern(search)) : undefined);

builder.queryFields((t) => ({
  organization: t.drizzleField({
    type: Organization,
    nullable: true,
    description: 'An organization by its slug; null when there is none or it is private to others.',
    args: { slug: t.arg.string({ required: true }) },
    ...rootRow('organizations', (args: { slug: string }, ctx) => ({
      where: { slug: args.slug, deletedAt: { isNull: true }, ...visibleRows(canSeeOrganization, ctx) },
    })),
  }),
  organizations: t.drizzleConnection({
    type: 'organizations',
    description: 'Organizations the viewer belongs to, and public ones, by name.',
    args: { search: t.arg.string({ description: 'Text contained in the name.' }), ...filterArgs(t, 'organizations') },
    ...rootConnection('organizations', (args: { search?: string | null }, ctx) =>
      withFilters('organizations', args, ctx, { where: visibleRows(canSeeOrganization, ctx, organizationSearch(args.search)), orderBy: { name: 'asc' } }),
    ),
  }),
}));

export { organizationMembers };
