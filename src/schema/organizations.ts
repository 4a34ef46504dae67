import { ilike } from 'drizzle-orm';
import { builder } from '../builder.js';
import { organizations } from '../db/schema/index.js';
import { OrganizationRoleEnum } from './enums.js';
import { containsPattern, liveAnd } from './filters.js';

export const Organization = builder.drizzleNode('organizations', {
  name: 'Organization',
  id: { column: (organization) => organization.id },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    logoUrl: t.exposeString('logoUrl', { nullable: true }),
    isPublic: t.exposeBoolean('isPublic'),
    defaultLocale: t.expose('defaultLocale', { type: 'Locale' }),
    settings: t.expose('settings', { type: 'JSONObject' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    members: t.relatedConnection('members', {
      description: 'Live members, earliest first; `role` keeps one role.',
      args: { role: t.arg({ type: OrganizationRoleEnum }) },
      query: (args) => ({ where: args.role ? { role: args.role } : {}, orderBy: { joinedAt: 'asc' } }),
      totalCount: true,
    }),
    memberCount: t.relatedCount('members'),
    sections: t.relation('sections', { query: { orderBy: { position: 'asc', id: 'asc' } } }),
  }),
});

export const OrganizationMember = builder.drizzleNode('organizationMembers', {
  name: 'OrganizationMember',
  id: { column: (member) => member.id },
  fields: (t) => ({
    role: t.expose('role', { type: OrganizationRoleEnum }),
    nickname: t.exposeString('nickname', { nullable: true }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
    organization: t.relation('organization'),
    user: t.relation('user'),
    invitedBy: t.relation('inviter', { nullable: true }),
  }),
});

/** Live organizations whose name contains `search`. */
const organizationSearch = (search: string | null | undefined) => (table: typeof organizations) =>
  liveAnd(table, search ? ilike(table.name, containsPattern(search)) : undefined);

builder.queryFields((t) => ({
  organization: t.drizzleField({
    type: Organization,
    nullable: true,
    description: 'An organization by its slug; null when there is none.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.organizations.findFirst(query({ where: { slug: args.slug, deletedAt: { isNull: true } } })),
  }),
  organizations: t.drizzleConnection({
    type: 'organizations',
    description: 'Organizations ordered by name.',
    args: { search: t.arg.string({ description: 'Text contained in the name.' }) },
    totalCount: (_parent, args, ctx) => ctx.db.$count(organizations, organizationSearch(args.search)(organizations)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.organizations.findMany(
        query({ where: { RAW: (table) => organizationSearch(args.search)(table) }, orderBy: { name: 'asc' } }),
      ),
  }),
}));
