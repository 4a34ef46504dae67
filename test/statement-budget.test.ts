import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from './gateway.js';
import { headersFor } from './sign-in.js';

// The deep query of the foundation issue: organization -> channels -> messages -> author, counts, replyTo -> author.
const deepQuery = /* GraphQL */ `
  query Deep($slug: String!) {
    organization(slug: $slug) {
      name
      channels(first: 50) {
        totalCount
        nodes {
          name
          messages(first: 20) {
            totalCount
            nodes {
              content
              author { displayName }
              reactionCount
              replyTo { content author { displayName } }
            }
          }
        }
      }
    }
  }
`;

let gateway: TestGateway;
let asAlice: Record<string, string>;
const slug = 'acme';

beforeAll(async () => {
  gateway = await createTestGateway();
  asAlice = await headersFor(gateway, 'alice'); // acme's owner, with every policy applied to her
});
afterAll(() => gateway.close());

async function statementsFor(query: string, variables: Record<string, unknown>) {
  gateway.statements.reset();
  const response = await gateway.execute(query, variables, asAlice);
  expect(response.errors).toBeUndefined();
  return { count: gateway.statements.count, data: response.data };
}

/** Multiplies the organization's channels and messages by ten with plain SQL. */
async function growTenfold(organizationSlug: string) {
  await gateway.handle.exec(`
    insert into chat.channels (organization_id, type, name, created_by)
    select c.organization_id, 'public', c.name || '-copy-' || n, c.created_by
    from chat.channels c join chat.organizations o on o.id = c.organization_id, generate_series(1, 9) n
    where o.slug = '${organizationSlug}' and c.type = 'public' and c.deleted_at is null;
    insert into chat.messages (channel_id, author_id, content, reply_to_message_id, created_at)
    select m.channel_id, m.author_id, m.content || ' #' || n, m.reply_to_message_id, m.created_at + (n || ' seconds')::interval
    from chat.messages m join chat.channels c on c.id = m.channel_id join chat.organizations o on o.id = c.organization_id,
      generate_series(1, 9) n
    where o.slug = '${organizationSlug}';
    insert into chat.messages (channel_id, author_id, content, created_at)
    select c.id, c.created_by, 'copy message ' || n, now() - (n || ' minutes')::interval
    from chat.channels c join chat.organizations o on o.id = c.organization_id, generate_series(1, 30) n
    where o.slug = '${organizationSlug}' and c.name like '%-copy-%' and c.created_by is not null;
  `);
}

/** The number of messages in all the listed channels (their connections' totalCount). */
const messageTotal = (data: { organization: { channels: { nodes: { messages: { totalCount: number } }[] } } }) =>
  data.organization.channels.nodes.reduce((sum, channel) => sum + channel.messages.totalCount, 0);

describe('statement budget', () => {
  it('answers the deep query with at most 2 SQL statements (token lookup included), and loads real nested data', async () => {
    const { count, data } = await statementsFor(deepQuery, { slug });
    expect(count).toBeLessThanOrEqual(2);
    const channels = data.organization.channels.nodes;
    expect(channels.length).toBeGreaterThan(0);
    const messages = channels.flatMap((channel: { messages: { nodes: unknown[] } }) => channel.messages.nodes);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((message: { replyTo: unknown }) => message.replyTo !== null)).toBe(true);
  });

  it('costs the same number of statements when the data grows tenfold', async () => {
    const before = await statementsFor(deepQuery, { slug });
    await growTenfold(slug);
    const after = await statementsFor(deepQuery, { slug });
    expect(after.data.organization.channels.totalCount).toBeGreaterThan(before.data.organization.channels.totalCount * 3);
    expect(messageTotal(after.data)).toBeGreaterThanOrEqual(messageTotal(before.data) * 10);
    expect(after.count).toBe(before.count);
  });

  it('plans node(id) and nodes(ids) with their relations into one statement, plus one batched rule check', async () => {
    const { data } = await gateway.execute('{ organizations(first: 2) { nodes { id } } }', {}, asAlice);
    const ids = data.organizations.nodes.map((node: { id: string }) => node.id);
    const single = await statementsFor('query ($id: ID!) { node(id: $id) { ... on Organization { name members(first: 5) { nodes { user { displayName } } } } } }', { id: ids[0] });
    expect(single.count).toBe(3); // token lookup, the node with its relations, the read rule of the node's type
    expect(single.data.node.name).toBeTruthy();
    const many = await statementsFor('query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Organization { name channels(first: 3) { nodes { name } } } } }', { ids });
    expect(many.count).toBe(3);
    expect(many.data.nodes).toHaveLength(ids.length);
  });
});
