/** The query GraphiQL opens with: one request that walks the domain. */
export const playgroundQuery = /* GraphQL */ `# Welcome to the workspace gateway. Press the run button.
# One request, one SQL statement: organization -> channels -> latest messages -> authors.
query Workspace {
  organizations(first: 5) {
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
          messages(first: 3) {
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
