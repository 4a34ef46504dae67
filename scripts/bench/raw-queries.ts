/**
 * The raw baseline: each shape as ONE hand-written statement that authenticates the bearer token,
 * applies the access rules of DOMAIN.md and builds the gateway's exact JSON response in SQL.
 * Parameter $1 is always the token's SHA-256 hex.
 */

/** The signed-in user: a live session of a live user (what src/auth/authenticate.ts accepts). */
const VIEWER = `viewer as (
  select s.user_id as id from auth.sessions s join auth.users u on u.id = s.user_id and u.deleted_at is null
  where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now())`;

/** The gateway's global ID: base64 of `Type:uuid` (under 57 bytes, so encode() adds no line break). */
export const gid = (typename: string, column: string) => `encode(convert_to('${typename}:' || ${column}, 'UTF8'), 'base64')`;

/** The DateTime scalar's form: ISO 8601 in UTC with milliseconds. */
export const isoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** M(o) for the viewer. */
const isMember = (organizationId: string) =>
  `exists (select 1 from chat.organization_members vm join viewer v on v.id = vm.user_id
    where vm.organization_id = ${organizationId} and vm.deleted_at is null)`;

/** Live public channels of the viewer's organizations (See(c) for a public channel is M(o)), by name. */
const visiblePublicChannels = (limit: number) => `select c.id, c.name, c.organization_id from chat.channels c
  where c.deleted_at is null and c.type = 'public' and ${isMember('c.organization_id')}
  order by c.name, c.id limit ${limit}`;

export const response = (field: string, value: string) => `select json_build_object('data', json_build_object('${field}', ${value}))::text`;
export const nodes = (aggregate: string) => `json_build_object('nodes', coalesce(${aggregate}, '[]'::json))`;

/** a: one user by global ID; readable by self, a fellow member of an organization, or P(users.users.view). */
const userById = `with ${VIEWER}
${response('user', `(select json_build_object('id', ${gid('User', 'u.id')}, 'displayName', u.display_name, 'firstName', u.first_name)
  from auth.users u cross join viewer v
  where u.id = $2 and u.deleted_at is null and (
    u.id = v.id
    or exists (select 1 from chat.organization_members mine join chat.organization_members theirs on theirs.organization_id = mine.organization_id
      where mine.user_id = v.id and mine.deleted_at is null and theirs.user_id = u.id and theirs.deleted_at is null)
    or exists (select 1 from auth.user_roles ur join auth.role_permissions rp on rp.role_id = ur.role_id
      join auth.permissions p on p.id = rp.permission_id where ur.user_id = v.id and p.key = 'users.users.view')))`)}`;

/** b: 50 channels with their organization's name. */
const channelsWithOrganization = `with ${VIEWER}
${response('channels', `(select ${nodes(`json_agg(json_build_object('id', ${gid('Channel', 'c.id')}, 'name', c.name,
    'organization', json_build_object('name', o.name)) order by c.name, c.id)`)}
  from (${visiblePublicChannels(50)}) c join chat.organizations o on o.id = c.organization_id)`)}`;

/** c: 10 channels x their 20 newest live messages x each author's name. */
const channelsWithMessages = `with ${VIEWER}
${response('channels', `(select ${nodes(`json_agg(json_build_object('id', ${gid('Channel', 'c.id')}, 'name', c.name,
    'messages', ${nodes('m.list')}) order by c.name, c.id)`)}
  from (${visiblePublicChannels(10)}) c
  cross join lateral (
    select json_agg(json_build_object('id', ${gid('Message', 'x.id')}, 'content', x.content, 'createdAt', ${isoTime('x.created_at')},
      'author', json_build_object('displayName', u.display_name)) order by x.created_at desc, x.id desc) as list
    from (select id, content, created_at, author_id from chat.messages
          where channel_id = c.id and deleted_at is null order by created_at desc, id desc limit 20) x
    join auth.users u on u.id = x.author_id) m)`)}`;

/** d: one organization (member, or public for its name) -> its public channels -> live member count. */
const organizationChannels = `with ${VIEWER}
${response('organization', `(select json_build_object('id', ${gid('Organization', 'o.id')}, 'name', o.name, 'channels', ${nodes(`(
    select json_agg(json_build_object('id', ${gid('Channel', 'c.id')}, 'name', c.name, 'memberCount',
      (select count(*) from chat.channel_members cm where cm.channel_id = c.id and cm.deleted_at is null)) order by c.name, c.id)
    from (select id, name from chat.channels where organization_id = o.id and deleted_at is null and type = 'public' and member.yes
          order by name, id limit 50) c)`)})
  from chat.organizations o cross join lateral (select ${isMember('o.id')} as yes) member
  where o.slug = $2 and o.deleted_at is null and (member.yes or o.is_public))`)}`;

/** The resolved text of a localized column: the locale asked for, the viewer's, the platform default, any text. */
const localized = (column: string, locale: string) => `coalesce(nullif(${column} ->> '${locale}', ''),
  nullif(${column} ->> (select u.locale from auth.users u join viewer v on v.id = u.id), ''),
  nullif(${column} ->> (select code from platform.locales where is_default), ''),
  (select e.value from jsonb_each_text(${column}) e where e.value <> '' order by e.key collate "C" limit 1))`;

/** e: active apps that are public or granted to one of the viewer's roles or groups, names in Hungarian. */
const appsInHungarian = `with ${VIEWER}
${response('apps', `(select ${nodes(`json_agg(json_build_object('id', ${gid('App', 'a.id')}, 'key', a.key, 'name', ${localized('a.name', 'hu')})
    order by a.sort_order, a.id)`)}
  from (select * from platform.apps a where a.is_active and (a.is_public
      or exists (select 1 from platform.role_app_access ra join auth.user_roles ur on ur.role_id = ra.role_id join viewer v on v.id = ur.user_id where ra.app_id = a.id)
      or exists (select 1 from platform.group_app_access ga join auth.user_groups ug on ug.group_id = ga.group_id join viewer v on v.id = ug.user_id where ga.app_id = a.id))
    order by a.sort_order, a.id limit 50) a)`)}`;

export const RAW_QUERIES = { a: userById, b: channelsWithOrganization, c: channelsWithMessages, d: organizationChannels, e: appsInHungarian } as const;

