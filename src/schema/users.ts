import { ilike, or } from 'drizzle-orm';
import { builder } from '../builder.js';
import { users } from '../db/schema/index.js';
import { UserTypeEnum } from './enums.js';
import { containsPattern, liveAnd } from './filters.js';

export const User = builder.drizzleNode('users', {
  name: 'User',
  id: { column: (user) => user.id },
  fields: (t) => ({
    email: t.expose('email', { type: 'EmailAddress' }),
    displayName: t.exposeString('displayName'),
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
    userType: t.expose('userType', { type: UserTypeEnum }),
    locale: t.expose('locale', { type: 'Locale', nullable: true }),
    timezone: t.exposeString('timezone', { nullable: true }),
    settings: t.expose('settings', { type: 'JSONObject' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    memberships: t.relatedConnection('memberships', {
      description: 'Organizations this user belongs to.',
      query: { orderBy: { joinedAt: 'asc' } },
      totalCount: true,
    }),
    channelMemberships: t.relatedConnection('channelMemberships', {
      query: { orderBy: { joinedAt: 'asc' } },
      totalCount: true,
    }),
    messages: t.relatedConnection('messages', {
      description: 'Messages this user wrote, newest first.',
      query: { orderBy: { createdAt: 'desc' } },
      totalCount: true,
    }),
    bot: t.relation('bot', { nullable: true, description: 'The bot behind this user, for a machine user.' }),
  }),
});

/** Live users whose name or email contains `search`. */
const userSearch = (search: string | null | undefined) => (table: typeof users) => {
  if (!search) return liveAnd(table);
  const pattern = containsPattern(search);
  return liveAnd(
    table,
    or(ilike(table.displayName, pattern), ilike(table.email, pattern), ilike(table.firstName, pattern), ilike(table.lastName, pattern)),
  );
};

builder.queryFields((t) => ({
  viewer: t.drizzleField({
    type: User,
    nullable: true,
    description: 'The signed-in user, or null for an anonymous request.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.db.query.users.findFirst(query({ where: { id: ctx.viewer.userId, deletedAt: { isNull: true } } })) : null,
  }),
  users: t.drizzleConnection({
    type: 'users',
    description: 'Users ordered by display name; `search` matches names and email, case-insensitively.',
    args: { search: t.arg.string({ description: 'Text contained in the name or email.' }) },
    totalCount: (_parent, args, ctx) => ctx.db.$count(users, userSearch(args.search)(users)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.users.findMany(query({ where: { RAW: (table) => userSearch(args.search)(table) }, orderBy: { displayName: 'asc' } })),
  }),
}));
