import pg from 'pg';
import { BENCH_MEMBER, SHAPE_TARGETS } from './fixtures.js';
import { globalId, type Shape, type ShapeParams } from './shape-model.js';
import { loadReadShapeParams, READ_SHAPES, transportShapes } from './shapes-more.js';

export { globalId, type Shape, type ShapeParams } from './shape-model.js';

// Public channels only: every member of the organization sees them, so access rules keep the same rows.
const BASE_SHAPES: Shape[] = [
  {
    key: 'a',
    title: 'one user by ID, three fields',
    query: 'query A($id: ID!) { user(id: $id) { id displayName firstName } }',
    variables: (p) => ({ id: globalId('User', p.userId) }),
    rawPath: (p) => `/a?id=${encodeURIComponent(globalId('User', p.userId))}`,
  },
  {
    key: 'b',
    title: "50 channels with their organization's name",
    query: 'query B { channels(first: 50, type: PUBLIC) { nodes { id name organization { name } } } }',
    variables: () => ({}),
    rawPath: () => '/b',
  },
  {
    key: 'c',
    title: "10 channels x 20 latest messages x author's name",
    query: `query C { channels(first: 10, type: PUBLIC) { nodes { id name
      messages(first: 20) { nodes { id content createdAt author { displayName } } } } } }`,
    variables: () => ({}),
    rawPath: () => '/c',
  },
  {
    key: 'd',
    title: 'one organization -> channels -> member count',
    query: `query D($slug: String!) { organization(slug: $slug) { id name
      channels(first: 50, type: PUBLIC) { nodes { id name memberCount } } } }`,
    variables: (p) => ({ slug: p.organizationSlug }),
    rawPath: (p) => `/d?slug=${encodeURIComponent(p.organizationSlug)}`,
  },
  {
    key: 'e',
    title: 'apps with localized names in hu',
    query: 'query E { apps(first: 50) { nodes { id key name(locale: "hu") } } }',
    variables: () => ({}),
    rawPath: () => '/e',
  },
];

// Last, so that repeated runs of the reads never see its rows (it writes into the sandbox channel).
const SEND_MESSAGE: Shape = {
    key: 'm',
    title: 'send a message (mutation)',
    query: `mutation F($channel: ID!, $content: String!) { sendMessage(input: { channelId: $channel, content: $content }) {
      __typename ... on MessagePayload { chatMessage { id content author { displayName } } } ... on Error { error: message } } }`,
    variables: (p) => ({ channel: globalId('Channel', p.sandboxChannelId), content: 'bench message' }),
    mutates: true,
  };

const byKey = (key: string) => BASE_SHAPES.find((shape) => shape.key === key)!;

export const SHAPES: Shape[] = [...BASE_SHAPES, ...READ_SHAPES, ...transportShapes(byKey('b'), byKey('c')), SEND_MESSAGE];

/** `a,c` -> those shapes, in the table's order; refuses unknown keys. */
export function selectShapes(keys: string | undefined): Shape[] {
  if (!keys) return SHAPES;
  const wanted = keys.split(',').map((key) => key.trim()).filter(Boolean);
  const unknown = wanted.filter((key) => !SHAPES.some((shape) => shape.key === key));
  if (unknown.length) throw new Error(`Unknown shape(s) ${unknown.join(', ')}; known: ${SHAPES.map((s) => s.key).join(', ')}`);
  return SHAPES.filter((shape) => wanted.includes(shape.key));
}

/** Finds the shapes' rows; fails with a hint when the large data set is missing. */
export async function loadShapeParams(url: string): Promise<ShapeParams> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql: string, value: string, what: string) => {
      const { rows } = await client.query<{ id: string }>(sql, [value]);
      if (!rows[0]) throw new Error(`${what} "${value}" not found: run \`npm run seed:large -- --scale 1\` first`);
      return rows[0].id;
    };
    const userId = await one('select id from auth.users where email = $1 and deleted_at is null', SHAPE_TARGETS.userEmail, 'user');
    await one('select id from chat.organizations where slug = $1 and deleted_at is null', SHAPE_TARGETS.organizationSlug, 'organization');
    const sandboxChannelId = await one('select id from chat.channels where name = $1 and deleted_at is null', SHAPE_TARGETS.sandboxChannelName, 'channel');
    const memberId = await one('select id from auth.users where email = $1 and deleted_at is null', BENCH_MEMBER.email, 'user');
    return { userId, organizationSlug: SHAPE_TARGETS.organizationSlug, sandboxChannelId, ...(await loadReadShapeParams(client, memberId)) };
  } finally {
    await client.end();
  }
}
