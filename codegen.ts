import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator: typed documents for clients (Apollo Client, urql) from schema.graphql.
 * `npm run codegen` writes clients/generated/ from the operations in clients/operations/, and
 * clients/generated/persisted-documents.json, the manifest a trusted-documents gateway runs
 * (PERSISTED_DOCUMENTS): `{ "<sha256 of the document>": "<document>" }`.
 */
const config: CodegenConfig = {
  schema: './schema.graphql',
  documents: ['clients/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'clients/generated/': {
      preset: 'client',
      presetConfig: {
        // Each document carries its manifest id (`__meta__.hash`), which a client may send as documentId.
        persistedDocuments: { hashAlgorithm: 'sha256' },
        // Plain objects in results: the example clients read fragment fields without unmasking.
        fragmentMasking: false,
      },
      // Apollo's cache adds __typename to what it sends; a document sent by id must already hold it.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        // NodeNext needs './graphql.js' in the generated imports (TS2835 otherwise).
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        // Only the types the operations use (and their inputs), not the whole schema.
        onlyOperationTypes: true,
        scalars: {
          DateTime: 'string',
          UUID: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
          EmailAddress: 'string',
          URL: 'string',
          Locale: 'string',
          // uploadFile's file (README "Files"): a File or Blob that a multipart upload link sends.
          Upload: { input: 'Blob', output: 'never' },
        },
      },
    },
    // Apollo's cache matches a fragment on an interface or union (`...ErrorFields` on Error) only with these.
    'clients/generated/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
