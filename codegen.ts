/**
 * GraphQL Code Generator: typed documents for clients (Apollo Client, urql) from schema.graphql.
 * `npm run codegen` writes clients/generated/; the operations live in clients/operations/.
 */
const config = {
  schema: './schema.graphql',
  documents: ['clients/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'clients/generated/': {
      preset: 'client',
      config: {
        scalars: { DateTime: 'string', UUID: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>', EmailAddress: 'string', URL: 'string', Locale: 'string' },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
