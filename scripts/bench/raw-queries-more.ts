/**
 * The raw baseline of shapes f-i (shapes-more.ts): one hand-written statement each, as in
 * raw-queries.ts ($1 is the token's SHA-256 hex), planned the careful way: every page is cut
 * (ORDER BY ... LIMIT on the bare rows, by an index where one exists) before any JSON is built,
 * at every level, and the viewer's permission is looked up once, not per row.
 */
import { getLocation, Kind, parse, type SelectionNode, type SelectionSetNode } from 'graphql';
import { gid, isoTime, nodes } from './raw-queries.js';
import { READ_SHAPES } from './shapes-more.js';

/** The signed-in user and whether they hold users.users.view (through a role or a group): one lookup per statement. */
const VIEWER = `viewer as (
  select s.user_id as id, exists (
      select 1 from auth.user_roles ur join auth.role_permissions rp on rp.role_id = ur.role_id
        join auth.permissions p on p.id = rp.permission_id where ur.user_id = s.user_id and p.key = 'users.users.view'
      union all
      select 1 from auth.user_groups ug join auth.group_permissions gp on gp.group_id = ug.group_id
        join auth.permissions p on p.id = gp.permission_id where ug.user_id = s.user_id and p.key = 'users.users.view') as views_users
  from auth.sessions s join auth.users u on u.id = s.user_id and u.deleted_at is null
  where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now())`;

/** M(o): a live membership of a live organization. */
const memberOf = (organizationId: string) => `exists (select 1 from chat.organization_members vm join viewer v on v.id = vm.user_id
    join chat.organizations vo on vo.id = vm.organization_id and vo.deleted_at is null
  where vm.organization_id = ${organizationId} and vm.deleted_at is null)`;

const channelMember = (channelId: string) =>
  `exists (select 1 from chat.channel_members vcm join viewer v on v.id = vcm.user_id where vcm.channel_id = ${channelId} and vcm.deleted_at is null)`;

/** See(c) for a channel row `c` (DOMAIN.md): M(o) and (public, or CM for private and direct, or See(parent) for a thread). */
const sees = (c: string) => `(${c}.deleted_at is null and ${memberOf(`${c}.organization_id`)} and (${c}.type = 'public'
  or (${c}.type in ('private', 'direct') and ${channelMember(`${c}.id`)})
  or (${c}.type = 'thread' and exists (select 1 from chat.channels vp where vp.id = ${c}.parent_channel_id and vp.deleted_at is null
    and (vp.type = 'public' or ${channelMember('vp.id')})))))`;

const seesChannelId = (channelId: string) => `exists (select 1 from chat.channels vc where vc.id = ${channelId} and ${sees('vc')})`;

/** A user's profile: live, and self, or P(users.users.view), or a fellow member of a live organization. */
const seesUser = (u: string) => `(${u}.deleted_at is null and (${u}.id = v.id or v.views_users or exists (
  select 1 from chat.organization_members mine join chat.organization_members theirs on theirs.organization_id = mine.organization_id
    join chat.organizations so on so.id = mine.organization_id and so.deleted_at is null
  where mine.user_id = v.id and mine.deleted_at is null and theirs.user_id = ${u}.id and theirs.deleted_at is null)))`;

/** `{ displayName }` of a user the viewer may see, else null. */
const userName = (userId: string) =>
  `(select json_build_object('displayName', u.display_name) from auth.users u cross join viewer v where u.id = ${userId} and ${seesUser('u')})`;

/** `%text%` for ILIKE with the text's own pattern characters escaped (src/schema/core/filters.ts does the same). */
const containsPattern = (param: string) => `'%' || replace(replace(replace(${param}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

// As messages_channel_created_idx orders (DESC, nulls first): the channel's newest rows are read from the index in order.
const newestFirst = 'order by created_at desc, id desc';

/** f: organization -> 10 channels -> 10 newest messages -> author, 5 first reactions and their user, replyTo and its author. */
const deepOrganization = `with ${VIEWER}
select json_build_object('data', json_build_object('organization', (
  select json_build_object('channels', ${nodes(`(select json_agg(json_build_object('name', c.name, 'messages', ${nodes('m.list')}) order by c.name, c.id)
    from (select * from chat.channels c where c.organization_id = o.id and ${sees('c')} order by c.name, c.id limit 10) c
    cross join lateral (
      select json_agg(json_build_object('id', ${gid('Message', 'x.id')}, 'content', x.content, 'createdAt', ${isoTime('x.created_at')},
          'author', ${userName('x.author_id')}, 'reactions', ${nodes('r.list')}, 'replyTo', reply.value) order by x.created_at desc, x.id desc) as list
      from (select id, content, created_at, author_id, reply_to_message_id from chat.messages
            where channel_id = c.id and deleted_at is null ${newestFirst} limit 10) x
      cross join lateral (
        select json_agg(json_build_object('emoji', y.emoji, 'user', ${userName('y.user_id')}) order by y.created_at, y.user_id, y.emoji) as list
        from (select * from chat.message_reactions where message_id = x.id order by created_at, message_id, user_id, emoji limit 5) y) r
      left join lateral (
        select json_build_object('id', ${gid('Message', 'p.id')}, 'author', ${userName('p.author_id')}) as value
        from chat.messages p where p.id = x.reply_to_message_id and ${seesChannelId('p.channel_id')}) reply on true) m)`)})
  from chat.organizations o
  where o.slug = $2 and o.deleted_at is null and (o.is_public or ${memberOf('o.id')}))))::text`;

/** Where a field of `query` stands (1-based line and column), found by its response path through fields and inline fragments. */
function fieldLocation(query: string, path: string[]): { line: number; column: number } {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION)!;
  let selections: SelectionSetNode | undefined = operation.selectionSet;
  let start = -1;
  for (const name of path) {
    const all: readonly SelectionNode[] = selections!.selections.flatMap((s) => (s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet.selections : [s]));
    const field: SelectionNode | undefined = all.find((s) => s.kind === Kind.FIELD && (s.alias ?? s.name).value === name);
    if (!field || field.kind !== Kind.FIELD) throw new Error(`no field ${path.join('.')} in the query`);
    start = field.loc!.start;
    selections = field.selectionSet;
  }
  return getLocation(document.loc!.source, start);
}

const FORBIDDEN_EMAIL_PATH = ['node', 'author', 'email'];
const forbiddenAt = fieldLocation(READ_SHAPES.find((shape) => shape.key === 'g')!.query, FORBIDDEN_EMAIL_PATH);

/**
 * g: viewer (own email readable) and a message by ID (See(c)) with its author, whose email needs
 * self or P(users.users.view): otherwise null and a FORBIDDEN error, with the message of
 * src/auth/guards.ts denied() and the field's place in shape g's document.
 */
const viewerAndNode = `with ${VIEWER},
target as (select m.id, m.content, m.author_id from chat.messages m where m.id = $2 and m.deleted_at is null and ${seesChannelId('m.channel_id')}),
author as (select u.display_name, u.email, (u.id = v.id or v.views_users) as email_allowed
  from target t join auth.users u on u.id = t.author_id cross join viewer v where ${seesUser('u')}),
data as (select json_build_object(
  'viewer', (select json_build_object('id', ${gid('User', 'u.id')}, 'displayName', u.display_name, 'email', u.email)
    from auth.users u join viewer v on v.id = u.id where u.deleted_at is null),
  'node', (select json_build_object('id', ${gid('Message', 't.id')}, 'content', t.content, 'author',
      (select json_build_object('displayName', a.display_name, 'email', case when a.email_allowed then a.email end) from author a))
    from target t)) as value)
select (case when exists (select 1 from author where not email_allowed)
  then json_build_object('errors', json_build_array(json_build_object('message', 'You are not allowed to do this.',
      'locations', json_build_array(json_build_object('line', ${forbiddenAt.line}, 'column', ${forbiddenAt.column})),
      'path', json_build_array(${FORBIDDEN_EMAIL_PATH.map((name) => `'${name}'`).join(', ')}), 'extensions', json_build_object('code', 'FORBIDDEN'))),
    'data', data.value)
  else json_build_object('data', data.value) end)::text from data`;

/** h: 20 newest messages containing $3 in channel $2, and 20 users matching $4 by name, or by email where it is readable. */
const search = `with ${VIEWER}
select json_build_object('data', json_build_object(
  'messages', ${nodes(`(select json_agg(json_build_object('id', ${gid('Message', 'x.id')}, 'content', x.content, 'createdAt', ${isoTime('x.created_at')},
      'author', ${userName('x.author_id')}) order by x.created_at desc, x.id desc)
    from (select id, content, created_at, author_id from chat.messages
          where channel_id = $2 and deleted_at is null and content ilike ${containsPattern('$3')} and ${seesChannelId('$2')} ${newestFirst} limit 20) x)`)},
  'users', ${nodes(`(select json_agg(json_build_object('id', ${gid('User', 'u.id')}, 'displayName', u.display_name) order by u.display_name, u.id)
    from (select u.id, u.display_name from auth.users u cross join viewer v
          where ${seesUser('u')} and ($4 = '' or u.display_name ilike ${containsPattern('$4')} or u.first_name ilike ${containsPattern('$4')}
            or u.last_name ilike ${containsPattern('$4')} or ((u.id = v.id or v.views_users) and u.email ilike ${containsPattern('$4')}))
          order by u.display_name, u.id limit 20) u)`)}))::text`;

/** i: 20 newest messages of author $3 in channel $2 strictly between $4 and $5, and 20 private channels the viewer belongs to. */
const filteredLists = `with ${VIEWER}
select json_build_object('data', json_build_object(
  'messages', ${nodes(`(select json_agg(json_build_object('id', ${gid('Message', 'x.id')}, 'content', x.content, 'createdAt', ${isoTime('x.created_at')})
      order by x.created_at desc, x.id desc)
    from (select id, content, created_at from chat.messages
          where channel_id = $2 and author_id = $3 and created_at > $4 and created_at < $5 and deleted_at is null and ${seesChannelId('$2')}
          ${newestFirst} limit 20) x)`)},
  'channels', ${nodes(`(select json_agg(json_build_object('id', ${gid('Channel', 'c.id')}, 'name', c.name, 'organization', json_build_object('name', o.name))
      order by c.name, c.id)
    from (select c.id, c.name, c.organization_id from chat.channels c
          where c.type = 'private' and c.deleted_at is null and ${channelMember('c.id')} and ${memberOf('c.organization_id')}
          order by c.name, c.id limit 20) c join chat.organizations o on o.id = c.organization_id)`)}))::text`;

export const MORE_RAW_QUERIES = { f: deepOrganization, g: viewerAndNode, h: search, i: filteredLists } as const;
