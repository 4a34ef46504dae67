import { authorizationFor } from './fixtures.js';
import type { Shape, ShapeParams } from './shape-model.js';

/** One HTTP request to the gateway, relative to its base URL. */
export interface GatewayRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What Apollo Client 4 adds to every operation it sends. */
const APOLLO_CLIENT_EXTENSIONS = { clientLibrary: { name: '@apollo/client', version: '4.0.0' } };

/** The operation name of a document (the first `query Name`), which urql and Apollo send alongside it. */
const operationName = (document: string) => /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(document)?.[1];

function request(shape: Shape, document: string, params: ShapeParams): GatewayRequest {
  const auth = authorizationFor(shape.actor);
  const variables = shape.variables(params);
  switch (shape.transport ?? 'post') {
    case 'get': {
      // urql's GET: the operation in the query string, JSON variables, the GraphQL-over-HTTP media type first.
      const search = new URLSearchParams({ query: document.replace(/\s+/g, ' '), operationName: operationName(document) ?? '', variables: JSON.stringify(variables) });
      return { method: 'GET', path: `/graphql?${search}`, headers: { accept: 'application/graphql-response+json, application/json', ...auth } };
    }
    case 'post-extensions':
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...auth },
        body: JSON.stringify({ operationName: operationName(document), variables, extensions: APOLLO_CLIENT_EXTENSIONS, query: document }),
      };
    case 'post':
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...auth },
        body: JSON.stringify({ query: document, variables }),
      };
  }
}

/** The requests of one shape: one, or one per document for a shape that rotates documents. */
export const gatewayRequests = (shape: Shape, params: ShapeParams): GatewayRequest[] =>
  (shape.documents ?? [shape.query]).map((document) => request(shape, document, params));
