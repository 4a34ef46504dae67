import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphiQLOptions } from 'graphql-yoga';

/** The query GraphiQL opens with: one request that walks the domain (tests and benchmarks send it too). */
export const playgroundQuery = /* GraphQL */ `# Welcome to the workspace gateway. Press the run button.
# One request, one SQL statement: organization -> channels -> latest messages -> authors.
# The other tabs send a message and subscribe to a channel's events.
query Workspace($organizations: Int = 5, $messagesPerChannel: Int = 3) {
  organizations(first: $organizations) {
    totalCount
    nodes {
      name
      slug
      members(first: 5) {
        totalCount
        nodes { role user { displayName } }
      }
      channels(first: 10) {
        nodes {
          name
          type
          messages(first: $messagesPerChannel) {
            totalCount
            nodes {
              content
              createdAt
              author { displayName }
              reactionCount
              replyTo { author { displayName } }
            }
          }
        }
      }
    }
  }
}
`;

/** The mutation tab: a result union, the payload's message beside every error's `message`. */
export const playgroundMutation = /* GraphQL */ `# Posts into #general; the ChannelEvents tab, if running, shows it arrive.
mutation SendMessage($input: SendMessageInput!) {
  sendMessage(input: $input) {
    __typename
    ... on MessagePayload {
      chatMessage { id content createdAt author { displayName } }
    }
    ... on Error { message }
  }
}
`;

/** The subscription tab: GraphiQL keeps it open over SSE on /graphql and lists each event. */
export const playgroundSubscription = /* GraphQL */ `# Run it, then send a message (SendMessage tab, or any client): each event appears here.
subscription ChannelEvents($channel: ID!) {
  channelEvents(channel: $channel) {
    kind
    messageId
    message { content author { displayName } }
    reaction { emoji user { displayName } }
  }
}
`;

/** What a new tab opens with (GraphiQL's own default is only comments, which run as `Unexpected <EOF>`). */
export const playgroundNewTabQuery = /* GraphQL */ `query Viewer {
  viewer { displayName email }
}
`;

/** #general of the demo organization acme (seeds/channels.sql); absent without the demo data, which the operations then report. */
export const PLAYGROUND_CHANNEL = encodeGlobalID('Channel', '30000000-0000-4000-8000-000000000001');

export const playgroundVariables = {
  query: { organizations: 5, messagesPerChannel: 3 },
  mutation: { input: { channelId: PLAYGROUND_CHANNEL, content: 'Hello from the playground' } },
  subscription: { channel: PLAYGROUND_CHANNEL },
};

interface PlaygroundTab {
  query: string;
  variables: string;
  headers?: string | null;
}

/** GraphiQL's opening tabs, each with the page's headers (the dev session on a loopback page). */
export function playgroundTabs(headers: string | undefined): PlaygroundTab[] {
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    { query: playgroundQuery, variables: json(playgroundVariables.query), headers },
    { query: playgroundMutation, variables: json(playgroundVariables.mutation), headers },
    { query: playgroundSubscription, variables: json(playgroundVariables.subscription), headers },
  ];
}

/**
 * Runs before GraphiQL starts: forgets the tabs a previous visit stored, and the `?query=` GraphiQL
 * writes into the address. Kept, they would carry an earlier run's session token (UNAUTHENTICATED),
 * and GraphiQL opens a revisit on a new empty tab (Run: `Syntax Error: Unexpected <EOF>`). The
 * History panel (graphiql:queries) keeps the operations that were run.
 */
const FRESH_TABS = `<script>
  for (const key of ['tabState', 'query', 'variables', 'headers', 'operationName']) localStorage.removeItem('graphiql:' + key);
  if (location.search) history.replaceState(null, '', location.pathname);
</script>`;

/** GraphiQL's page with its scripts and styles inlined from the npm package (yoga's own page loads them from a CDN). */
export const renderPlayground = async (options: GraphiQLOptions): Promise<string> => {
  // GraphiQL's bundle (9 MB of JavaScript) loads with the first page, not at start: a few hundred ms off every start.
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options).replace('<head>', `<head>\n${FRESH_TABS}`);
};
