import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { getOperationAST, getVariableValues, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CostGuard } from './guard.js';
import { refusalResponse, tooComplex, type LimitName, type QueryLimits } from './limits.js';

/**
 * The limits of src/limits/limits.ts on the GraphQL engine's path, all before execution (so before
 * any SQL: the context, which authenticates, is built after validation):
 * body size (413, unread) -> query length -> tokens while parsing (GraphQL Armor; it stops the
 * parser, so a document nested thousands deep never reaches a recursive walk) -> depth, aliases,
 * directives as validation rules (GraphQL Armor) -> cost and password checks with the variables.
 */

interface RequestParams {
  query?: unknown;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** Armor's own error says "Syntax Error: ... found N."; ours carries a code and the numbers. */
function rejectWith(limit: LimitName, max: number) {
  return (_context: unknown, error: GraphQLError): never => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    throw tooComplex(limit, max, error.message.replace(/^Syntax Error: /, ''), found === undefined ? undefined : Number(found));
  };
}

/**
 * A request body larger than the limit is refused unread: by its Content-Length, or as it streams in.
 * A multipart upload (src/files/upload-request.ts) may carry its file besides: `uploadBytes` more.
 */
function bodyLimit(bodyBytes: number, uploadBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, setRequest, fetchAPI }) {
      if (!request.body) return;
      const upload = uploadBytes > 0 && /^\s*multipart\/form-data/i.test(request.headers.get('content-type') ?? '');
      const max = upload ? bodyBytes + uploadBytes : bodyBytes;
      const refusal = () => tooComplex('bodyBytes', max, `The request body exceeds the limit of ${max} bytes.`);
      const length = request.headers.get('content-length');
      if (length !== null) {
        if (Number(length) > max) {
          const { status, body } = refusalResponse(refusal(), 'application/graphql-response+json');
          endResponse(new fetchAPI.Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8' } }));
        }
        return;
      }
      // A chunked body has no declared length: count it as it is read. (Requests made in memory have neither.)
      if (!request.headers.get('transfer-encoding')?.toLowerCase().includes('chunked')) return;
      let read = 0;
      const counted = request.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            read += chunk.byteLength;
            if (read > max) controller.error(refusal());
            else controller.enqueue(chunk);
          },
        }),
      );
      const init = { method: request.method, headers: request.headers, body: counted, duplex: 'half', signal: request.signal };
      setRequest(new fetchAPI.Request(request.url, init as RequestInit));
    },
  };
}

/** The refusal of a document longer than the limit, or null (HTTP: onParams below; WebSocket: src/http/websocket.ts). */
export function queryLengthRefusal(query: unknown, limits: QueryLimits): GraphQLError | null {
  if (typeof query !== 'string' || query.length <= limits.queryLength) return null;
  const message = `The query has ${query.length} characters, more than the limit of ${limits.queryLength}.`;
  return tooComplex('queryLength', limits.queryLength, message, query.length);
}

export function useQueryLimits({ schema, limits, guard, uploadBytes = 0 }: { schema: GraphQLSchema; limits: QueryLimits; guard: CostGuard; uploadBytes?: number }): Plugin[] {
  const queryLength: Plugin = {
    onParams({ params, setResult }) {
      const refusal = queryLengthRefusal((params as RequestParams).query, limits);
      if (refusal) setResult({ errors: [refusal] });
    },
  };
  const cost: Plugin = {
    onValidate({ context, params: { schema: validatedSchema, documentAST } }) {
      return ({ valid, setResult }) => {
        if (!valid) return;
        const request = (context as { params?: RequestParams }).params ?? {};
        const operation = getOperationAST(documentAST, request.operationName);
        if (!operation) return;
        // Variables that do not coerce are reported by execution, which then runs nothing.
        const variables = getVariableValues(validatedSchema ?? schema, operation.variableDefinitions ?? [], request.variables ?? {});
        if (variables.errors) return;
        const refusal = guard.refusal(documentAST, request.operationName, variables.coerced);
        if (refusal) setResult([refusal]);
      };
    },
  };
  return [
    bodyLimit(limits.bodyBytes, uploadBytes),
    queryLength,
    maxTokensPlugin({ n: limits.tokens, onReject: [rejectWith('tokens', limits.tokens)] }) as Plugin,
    maxDepthPlugin({ n: limits.depth, flattenFragments: true, onReject: [rejectWith('depth', limits.depth)] }) as Plugin,
    maxAliasesPlugin({ n: limits.aliases, onReject: [rejectWith('aliases', limits.aliases)] }) as Plugin,
    maxDirectivesPlugin({ n: limits.directives, onReject: [rejectWith('directives', limits.directives)] }) as Plugin,
    cost,
  ];
}
