import { useGraphQLSSE } from '@graphql-yoga/plugin-graphql-sse';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { useCodedStreamErrors } from './http-params.js';

type Extensions = { code?: unknown; http?: { status?: number; headers?: Record<string, string> } };

/**
 * graphql-sse's endpoint (both modes), answering a failure of its own handler as a coded response.
 * graphql-sse lets an error of the context (e.g. the token lookup meeting a database that is down
 * or a pool with no free connection) escape its handler, which node answered with an uncoded 500;
 * here the (already masked) error becomes its own status and headers: 503 DATABASE_UNAVAILABLE
 * with Retry-After, as on /graphql.
 */
export function useGraphQLSSEEndpoint(endpoint: string): Plugin[] {
  const sse = useGraphQLSSE({ endpoint });
  const onRequest = sse.onRequest!;
  const wrapped: Plugin = {
    ...sse,
    async onRequest(payload) {
      try {
        await onRequest(payload);
      } catch (error) {
        const { code, http } = (error instanceof GraphQLError ? error.extensions : {}) as Extensions;
        const coded = typeof code === 'string';
        const body = { errors: [{ message: coded ? (error as GraphQLError).message : 'Unexpected error.', extensions: { code: coded ? code : 'INTERNAL_SERVER_ERROR' } }] };
        const headers = { 'content-type': 'application/json; charset=utf-8', ...(coded ? http?.headers : undefined) };
        payload.endResponse(new payload.fetchAPI.Response(JSON.stringify(body), { status: coded ? (http?.status ?? 400) : 500, headers }));
      }
    },
  };
  return [wrapped, useCodedStreamErrors(endpoint)];
}
