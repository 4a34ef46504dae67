import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * yoga reads `variables` and `extensions` of a GET query string (or a form-encoded POST) with a
 * bare JSON.parse: malformed JSON there was a masked internal error. It is the client's: 400
 * BAD_REQUEST, as yoga answers a POST body of invalid JSON.
 */
export function useJsonParameterErrors(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw new GraphQLError('The "variables" or "extensions" parameter is not valid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The `extensions.code` of a client error graphql-sse answers by status alone. */
const STREAM_ERROR_CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };

/**
 * graphql-sse (the single-connection endpoint) answers its own client errors, e.g. 404 "Stream not
 * found" or 400 for a body that is no JSON, with errors that carry no code: they get one by status.
 */
export function useCodedStreamErrors(endpoint: string): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (response.status < 400 || response.status >= 500 || new URL(request.url).pathname !== endpoint || !response.body) return;
      const text = await response.text();
      const body = parseJson(text) as { errors?: { extensions?: Record<string, unknown> }[] } | null;
      const code = STREAM_ERROR_CODES[response.status] ?? 'BAD_REQUEST';
      const errors = Array.isArray(body?.errors) ? body.errors.map((error) => ({ ...error, extensions: { code, ...error.extensions } })) : null;
      const headers = new fetchAPI.Headers(response.headers);
      if (errors) headers.set('content-type', 'application/json; charset=utf-8');
      setResponse(new fetchAPI.Response(errors ? JSON.stringify({ ...body, errors }) : text, { status: response.status, headers }));
    },
  };
}
