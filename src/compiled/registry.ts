import { eq, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Viewer } from '../context.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { apps, channelMembers, channels, messageReactions, messages, organizationMembers, organizations, users } from '../db/schema/index.js';
import { decodeGlobalID } from '../errors.js';
import { localizedTextSql } from '../i18n/sql.js';
import { canSeeApp } from '../policies/app.js';
import { canSeeChannel } from '../policies/channel.js';
import { canSeeChannelMember } from '../policies/channel-member.js';
import { canReadMessage, canSeeReaction } from '../policies/message.js';
import { canSeeOrganization, canSeeOrganizationMember } from '../policies/organization.js';
import type { RuledTable } from '../policies/rule.js';
import { canSeeUser } from '../policies/user.js';
import { channelFilter } from '../schema/channels.js';
import { sortDirection } from '../schema/enums.js';
import { allOf, liveAnd } from '../schema/filters.js';
import { messageFilter } from '../schema/messages.js';
import { organizationSearch } from '../schema/organizations.js';
import { userSearch } from '../schema/users.js';
import { compiledType, NOT_COMPILED, type ArgUse, type ConnectionSpec, type FieldSpec, type OrderTerm, type RootSpecs, type TypeSpec } from './spec.js';

/**
 * The SQL form of the fields that are more than a column: the same rules (src/policies/), filters
 * and orders as the resolvers in src/schema/, written for compiled reads. Plain exposed columns and
 * node IDs need no entry (src/compiled/template.ts derives them). A test runs every field listed
 * here through both engines and compares the responses (test/compiled/).
 */

/** A relay ID argument for `typename`, as the row's uuid (null stays null); another type's ID goes to the normal engine (it reports it). */
const globalIdOf = (typename: string): ArgUse => ({
  use: 'param',
  decode: (value) => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') return NOT_COMPILED;
    try {
      const decoded = decodeGlobalID(value);
      return decoded.typename === typename ? decoded.id : NOT_COMPILED;
    } catch {
      return NOT_COMPILED;
    }
  },
});

/** `first`: absent means the default page; out of range goes to the normal engine, which refuses it. */
export const pageSize: ArgUse = {
  use: 'param',
  decode: (value) => {
    if (value === null || value === undefined) return DEFAULT_PAGE_SIZE;
    return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_PAGE_SIZE ? value : NOT_COMPILED;
  },
};

const structural: ArgUse = { use: 'structural' };
const param: ArgUse = { use: 'param' };

/** A localized column read in the request's locale chain (localizedFields in src/schema/localized.ts). */
const localizedText = <Table extends RuledTable>(column: (row: Table) => SQLWrapper, nullable: boolean): FieldSpec<Table> => ({
  kind: 'leaf',
  args: { locale: structural },
  sql: async ({ row, args, scope }) => {
    const text = localizedTextSql(column(row), await scope.locale.preferences(args.locale as string | null | undefined));
    // A non-null column whose texts are all blank still answers a string.
    return nullable ? text : sql`coalesce(${text}, '')`;
  },
});

/**
 * relatedCount of the schema: the rows of `table` whose `key` column is the parent row's id, live
 * ones only where the table has soft deletes, that `rule` keeps. The rule sees `key` as the parent's
 * id, which it equals on every counted row, so PostgreSQL judges a rule reading only that column once
 * per parent instead of once per counted row (the same condition, evaluated less often).
 */
function countOf<Row extends { id: AnyPgColumn }, Table extends PgTable>(
  table: Table,
  key: keyof Table & string,
  rule: (viewer: Viewer | null, table: Table) => SQL,
): FieldSpec<Row> {
  const column = table[key] as AnyPgColumn;
  const deletedAt = (table as unknown as { deletedAt?: AnyPgColumn }).deletedAt;
  return {
    kind: 'leaf',
    sql: ({ row, scope }) => {
      const judged = { ...table, [key]: row.id } as Table;
      return sql`(select count(*) from ${table} where ${allOf(eq(column, row.id), deletedAt ? isNull(deletedAt) : undefined, rule(scope.viewer, judged))})`;
    },
  };
}

/**
 * A message list (Channel.messages, Query.messages): the read rule and the filters of
 * src/schema/messages.ts (`messageFilter`: live messages, author, time, text), newest first unless
 * `order: ASC`. `contains` shapes the statement (its pattern is escaped in JS); the others are parameters.
 */
function messagesOf<Row>(channelId: (row: Row, args: Record<string, unknown>) => unknown, args: Record<string, ArgUse> = {}): ConnectionSpec<Row> {
  return {
    kind: 'connection',
    type: 'Message',
    args: { ...args, author: globalIdOf('User'), createdBefore: param, createdAfter: param, contains: structural, order: structural },
    where: ({ row, args, scope }, message: typeof messages) =>
      allOf(
        canReadMessage.where(scope.viewer, message),
        messageFilter({
          channelId: channelId(row, args) as string,
          authorId: args.author as string | null,
          before: args.createdBefore as Date | null,
          after: args.createdAfter as Date | null,
          contains: args.contains as string | null,
        })(message),
      ),
    orderBy: ({ args }, message: typeof messages) => {
      const direction = sortDirection(args.order as 'ASC' | 'DESC' | null | undefined, 'desc');
      return [
        { column: message.createdAt, direction },
        { column: message.id, direction },
      ];
    },
  };
}

const byNameThenId = (target: typeof channels | typeof organizations): OrderTerm[] => [
  { column: target.name, direction: 'asc' },
  { column: target.id, direction: 'asc' },
];

export const TYPES: Record<string, TypeSpec> = {
  // Guarded fields (email, settings, organization details) answer an error to those the rule refuses: not compiled.
  User: compiledType(users, {}),
  Organization: compiledType(organizations, {
    channels: {
      kind: 'connection',
      type: 'Channel',
      args: { type: structural, nameContains: structural },
      where: ({ row, args, scope }, channel: typeof channels) =>
        allOf(
          eq(channel.organizationId, row.id),
          liveAnd(channel),
          canSeeChannel.where(scope.viewer, channel),
          channelFilter({ type: args.type as never, nameContains: args.nameContains as string | undefined })(channel),
        ),
      orderBy: (_input, channel: typeof channels) => byNameThenId(channel),
    },
    memberCount: countOf(organizationMembers, 'organizationId', canSeeOrganizationMember.where),
    channelCount: countOf(channels, 'organizationId', canSeeChannel.where),
  }),
  Channel: compiledType(channels, {
    organization: { kind: 'object', type: 'Organization', where: ({ row }, organization: typeof organizations) => eq(organization.id, row.organizationId) },
    messages: messagesOf((channel: typeof channels) => channel.id),
    memberCount: countOf(channelMembers, 'channelId', canSeeChannelMember.where),
  }),
  Message: compiledType(messages, {
    content: { kind: 'leaf', sql: ({ row }) => sql`(case when ${row.deletedAt} is null then ${row.content} end)` },
    isDeleted: { kind: 'leaf', sql: ({ row }) => sql`(${row.deletedAt} is not null)` },
    embeds: { kind: 'leaf', sql: ({ row }) => sql`(case when ${row.deletedAt} is null then ${row.embeds} end)` },
    channel: { kind: 'object', type: 'Channel', where: ({ row }, channel: typeof channels) => eq(channel.id, row.channelId) },
    author: {
      kind: 'object',
      type: 'User',
      where: ({ row, scope }, user: typeof users) => allOf(eq(user.id, row.authorId), canSeeUser.where(scope.viewer, user)),
    },
    reactionCount: countOf(messageReactions, 'messageId', canSeeReaction),
  }),
  App: compiledType(apps, {
    name: localizedText((app) => app.name, false),
    description: localizedText((app) => app.description, true),
    nameTranslations: { kind: 'leaf', sql: ({ row }) => sql`${row.name}` },
    descriptionTranslations: { kind: 'leaf', sql: ({ row }) => sql`${row.description}` },
  }),
};

/** The root fields compiled reads answer; other root fields (node, viewer, messages, ...) take the normal engine. */
export const ROOT: RootSpecs = {
  user: {
    kind: 'object',
    type: 'User',
    args: { id: globalIdOf('User') },
    where: ({ args, scope }, user: typeof users) => allOf(eq(user.id, args.id as string), canSeeUser.where(scope.viewer, user)),
  },
  channel: {
    kind: 'object',
    type: 'Channel',
    args: { id: globalIdOf('Channel') },
    where: ({ args, scope }, channel: typeof channels) =>
      allOf(eq(channel.id, args.id as string), liveAnd(channel), canSeeChannel.where(scope.viewer, channel)),
  },
  organization: {
    kind: 'object',
    type: 'Organization',
    args: { slug: param },
    where: ({ args, scope }, organization: typeof organizations) =>
      allOf(eq(organization.slug, args.slug as string), liveAnd(organization), canSeeOrganization.where(scope.viewer, organization)),
  },
  channels: {
    kind: 'connection',
    type: 'Channel',
    args: { type: structural, nameContains: structural },
    where: ({ args, scope }, channel: typeof channels) =>
      allOf(
        canSeeChannel.where(scope.viewer, channel),
        liveAnd(channel, channelFilter({ type: args.type as never, nameContains: args.nameContains as string | undefined })(channel)),
      ),
    orderBy: (_input, channel: typeof channels) => byNameThenId(channel),
  },
  messages: messagesOf((_row, args) => args.channel, { channel: globalIdOf('Channel') }),
  organizations: {
    kind: 'connection',
    type: 'Organization',
    args: { search: structural },
    where: ({ args, scope }, organization: typeof organizations) =>
      allOf(canSeeOrganization.where(scope.viewer, organization), organizationSearch(args.search as string | undefined)(organization)),
    orderBy: (_input, organization: typeof organizations) => byNameThenId(organization),
  },
  users: {
    kind: 'connection',
    type: 'User',
    args: { search: structural },
    where: ({ args, scope }, user: typeof users) => allOf(canSeeUser.where(scope.viewer, user), userSearch(args.search as string | undefined, scope.viewer)(user)),
    orderBy: (_input, user: typeof users) => [
      { column: user.displayName, direction: 'asc' },
      { column: user.id, direction: 'asc' },
    ],
  },
  apps: {
    kind: 'connection',
    type: 'App',
    // Ordering by localized name stays with the normal engine.
    args: { orderBy: { use: 'structural', decode: (value) => (value === 'SORT_ORDER' ? value : NOT_COMPILED) } },
    where: ({ scope }, app: typeof apps) => canSeeApp.where(scope.viewer, app),
    orderBy: (_input, app: typeof apps) => [
      { column: app.sortOrder, direction: 'asc' },
      { column: app.id, direction: 'asc' },
    ],
  },
};

