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
