import { getOperationAST, Kind, type DocumentNode, type ExecutionResult, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import type { CredentialsError } from './authenticate.js';
import { unauthenticated } from './guards.js';

/**
 * A request that presents credentials the gateway refuses (a malformed, unknown, expired or revoked
 * session or bot token) is answered UNAUTHENTICATED as a whole, with HTTP 401 and
 * `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750), never served as anonymous: the client
 * meant to be someone, and anonymous data would hide that its token no longer works. The one
 * exception is a mutation whose root fields are only signIn / signUp (or a forgotten password's
 * requestPasswordReset / resetPassword), so that a client holding a stale token can get a new one
 * without first forgetting the old header. Queries, other mutations
 * and subscriptions (refused before they start) are refused; compiled reads never serve such a
 * request (src/compiled/fast-path.ts leaves it to the engine, which arrives here).
 */

/** Root fields that a request with refused credentials may still run: they replace the credentials. */
// A forgotten password's request and reset work without a session too: they lead to new credentials.
export const FIELDS_OPEN_TO_REFUSED_CREDENTIALS: ReadonlySet<string> = new Set(['signIn', 'signUp', 'requestPasswordReset', 'resetPassword']);

/** The names of the root fields an operation selects, through fragments and inline fragments. */
function rootFieldNames(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldNames(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFieldNames(fragment.selectionSet, fragments, seen);
  });
}

/** Whether the operation only signs in or up (then refused credentials do not stop it). */
export function onlyReplacesCredentials(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // __typename may come along; at least one field must sign in or up.
  const names = rootFieldNames(operation.selectionSet, fragments).filter((name) => name !== '__typename');
  return names.length > 0 && names.every((name) => FIELDS_OPEN_TO_REFUSED_CREDENTIALS.has(name));
}

/** The whole answer to a request with refused credentials: one UNAUTHENTICATED error, HTTP 401. */
export function refusedCredentialsResult(reason: CredentialsError): ExecutionResult {
  // yoga takes the status and headers from `extensions.http` and strips it from the response.
  const http = { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
  // `data: null` (execution refused), which graphql-sse also needs to tell a result from arguments.
  return { data: null, errors: [unauthenticated(reason, { http })] };
}

/** Yoga plugin: refuses every operation but signIn / signUp when the request's credentials were refused. */
export function useRefusedCredentials(): Plugin<Context> {
  const refusal = (context: Context, document: DocumentNode, operationName?: string | null) =>
    context.credentialsError && !onlyReplacesCredentials(document, operationName) ? refusedCredentialsResult(context.credentialsError) : null;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const result = refusal(args.contextValue, args.document, args.operationName);
      if (result) setResultAndStopExecution(result);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const result = refusal(args.contextValue, args.document, args.operationName);
      if (result) setResultAndStopExecution(result);
    },
  };
}
