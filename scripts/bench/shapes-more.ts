import type pg from 'pg';
import { SHAPE_TARGETS } from './fixtures.js';
import { globalId, type Shape } from './shape-model.js';

/**
 * Shapes f-l (issue 13): deeper and broader reads than a-e, and the ways real clients send them
 * (GET, `extensions`, many distinct documents). Each has a raw baseline (raw-queries-more.ts).
 */

const query = (path: string, values: Record<string, string>) => `${path}?${new URLSearchParams(values)}`;

export const READ_SHAPES: Shape[] = [
  {
    key: 'f',
    title: 'organization -> 10 channels -> 10 messages -> author, 5 reactions + user, replyTo + author',
    query: `query F($slug: String!) { organization(slug: $slug) { channels(first: 10) { nodes { name
      messages(first: 10) { nodes { id content createdAt author { displayName }
        reactions(first: 5) { nodes { emoji user { displayName } } }
        replyTo { id author { displayName } } } } } } } }`,
    variables: (p) => ({ slug: p.organizationSlug }),
    rawPath: (p) => query('/f', { slug: p.organizationSlug }),
  },
  {
    key: 'g',
    title: 'viewer + node(message) + guarded email (member: one readable, one FORBIDDEN)',
    query: `query G($id: ID!) { viewer { id displayName email }
      node(id: $id) { ... on Message { id content author { displayName email } } } }`,
    variables: (p) => ({ id: globalId('Message', p.memberMessageId) }),
    rawPath: (p) => query('/g', { id: globalId('Message', p.memberMessageId) }),
    actor: 'member',
    expectsErrors: true,
  },
  {
    key: 'h',
    title: 'search: 20 messages containing a word in the busiest channel + users(search:)',
    query: `query H($channel: ID!, $word: String!, $search: String!) {
      messages(channel: $channel, contains: $word, first: 20) { nodes { id content createdAt author { displayName } } }
      users(search: $search, first: 20) { nodes { id displayName } } }`,
    variables: (p) => ({ channel: globalId('Channel', p.busiestChannelId), word: SHAPE_TARGETS.searchWord, search: SHAPE_TARGETS.userSearch }),
    rawPath: (p) => query('/h', { channel: globalId('Channel', p.busiestChannelId), word: SHAPE_TARGETS.searchWord, search: SHAPE_TARGETS.userSearch }),
  },
  {
    key: 'i',
    title: 'filtered lists (member): messages by author in a time window + private channels',
    query: `query I($channel: ID!, $author: ID!, $after: DateTime!, $before: DateTime!) {
      messages(channel: $channel, author: $author, createdAfter: $after, createdBefore: $before, first: 20) { nodes { id content createdAt } }
      channels(type: PRIVATE, first: 20) { nodes { id name organization { name } } } }`,
    variables: (p) => ({ channel: globalId('Channel', p.memberChannelId), author: globalId('User', p.frequentAuthorId), after: p.windowStart, before: p.windowEnd }),
    rawPath: (p) =>
      query('/i', { channel: globalId('Channel', p.memberChannelId), author: globalId('User', p.frequentAuthorId), after: p.windowStart, before: p.windowEnd }),
    actor: 'member',
  },
];

/** Distinct documents in rotation (shape j): enough to outgrow per-document caches of a few hundred. */
export const ROTATING_DOCUMENTS = 2_000;

/**
 * Shape b's selection written 2,000 ways that answer the same JSON: its own operation name, and
 * combinations of argument order, an alias equal to the field name, a named fragment and an inline
 * fragment. The raw baseline is b's statement.
 */
export function rotatedDocuments(count = ROTATING_DOCUMENTS): string[] {
  return Array.from({ length: count }, (_, n) => {
    const args = n & 1 ? 'type: PUBLIC, first: 50' : 'first: 50, type: PUBLIC';
    const name = n & 2 ? 'name: name' : 'name';
    const organization = n & 4 ? 'organization { ... on Organization { name } }' : 'organization { name }';
    const fields = `id ${name} ${organization}`;
    return n & 8
      ? `query J${n} { channels(${args}) { nodes { ...J${n}Channel } } } fragment J${n}Channel on Channel { ${fields} }`
      : `query J${n} { channels(${args}) { nodes { ${fields} } } }`;
  });
}

/** Shapes that send an existing shape's operation another way; their raw baseline is that shape's. */
export function transportShapes(b: Shape, c: Shape): Shape[] {
  return [
    { ...b, key: 'j', title: `${ROTATING_DOCUMENTS} distinct documents of shape b in rotation`, documents: rotatedDocuments() },
    { ...c, key: 'k', title: 'shape c as GET (urql: query string, graphql-response+json)', transport: 'get' },
    { ...b, key: 'l', title: 'shape b with Apollo Client 4 `extensions` (clientLibrary)', transport: 'post-extensions' },
  ];
}

/** M(o) for the member, as SQL over an organization id column ($1 is the member's id). */
const memberOf = (organizationId: string) =>
  `exists (select 1 from chat.organization_members om where om.organization_id = ${organizationId} and om.user_id = $1 and om.deleted_at is null)`;

/**
 * The rows of shapes g-i, chosen by rules rather than generated ids, so any seed gives both cases
 * of g and non-empty lists for h and i. `memberId` is the member actor's user id.
 */
export async function loadReadShapeParams(client: pg.Client, memberId: string) {
  const pick = async (what: string, sql: string, values: unknown[]) => {
    const { rows } = await client.query<Record<string, string>>(sql, values);
    if (!rows[0]) throw new Error(`no ${what} in the data set: run \`npm run seed:large -- --scale 1\``);
    return rows[0];
  };
  // g: the member's newest readable message by a fellow member (author visible, email not readable).
  const memberMessage = await pick('message for shape g', `select m.id from chat.messages m join chat.channels c on c.id = m.channel_id
    join auth.users u on u.id = m.author_id and u.deleted_at is null
    where c.type = 'public' and c.deleted_at is null and m.deleted_at is null and m.author_id <> $1 and ${memberOf('c.organization_id')}
    order by m.created_at desc, m.id desc limit 1`, [memberId]);
  const busiest = await pick('public channel for shape h', `select m.channel_id as id from chat.messages m join chat.channels c on c.id = m.channel_id
    where c.type = 'public' and c.deleted_at is null group by m.channel_id order by count(*) desc, m.channel_id limit 1`, []);
  // i: the member's busiest visible channel, its most frequent live author, a window holding ~50 of their messages.
  const memberChannel = await pick('channel for shape i', `select m.channel_id as id from chat.messages m join chat.channels c on c.id = m.channel_id
    where c.deleted_at is null and ${memberOf('c.organization_id')} and (c.type = 'public'
      or exists (select 1 from chat.channel_members cm where cm.channel_id = c.id and cm.user_id = $1 and cm.deleted_at is null))
    group by m.channel_id order by count(*) desc, m.channel_id limit 1`, [memberId]);
  const author = await pick('author for shape i', `select author_id as id from chat.messages where channel_id = $1 and deleted_at is null
    group by author_id order by count(*) desc, author_id limit 1`, [memberChannel.id]);
  const window = await pick('time window for shape i', `select
      to_char(min(created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as start,
      to_char(max(created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "end"
    from (select created_at from chat.messages where channel_id = $1 and author_id = $2 and deleted_at is null
          order by created_at desc offset 10 limit 50) x`, [memberChannel.id, author.id]);
  return {
    memberMessageId: memberMessage.id!,
    busiestChannelId: busiest.id!,
    memberChannelId: memberChannel.id!,
    frequentAuthorId: author.id!,
    windowStart: window.start!,
    windowEnd: window.end!,
  };
}
