import type { GraphQLError } from 'graphql';
import type { Context, Viewer } from '../context.js';
import { clientError } from '../errors.js';
import type { CredentialsError } from './authenticate.js';

const MESSAGES: Record<CredentialsError | 'missing', string> = {
  missing: 'Sign in to do this.',
  invalid: 'The access token is not valid.',
  expired: 'The session has expired; sign in again.',
  revoked: 'The session has been signed out; sign in again.',
};

/** UNAUTHENTICATED, saying why (`extensions.reason`) so a client knows to sign in again. */
export function unauthenticated(reason: CredentialsError | null, extensions: Record<string, unknown> = {}): GraphQLError {
  const key = reason ?? 'missing';
  return clientError(MESSAGES[key], 'UNAUTHENTICATED', { ...extensions, reason: key });
}

/** Refused credentials fail every field that reads the viewer, even ones open to anonymous callers. */
export function assertCredentialsAccepted(ctx: Pick<Context, 'credentialsError'>): void {
  if (ctx.credentialsError) throw unauthenticated(ctx.credentialsError);
}

/** A refusal: UNAUTHENTICATED without a viewer (saying why), FORBIDDEN for a signed-in one. */
export function denied(ctx: Pick<Context, 'viewer' | 'credentialsError'>, message = 'You are not allowed to do this.'): GraphQLError {
  return ctx.viewer ? clientError(message, 'FORBIDDEN') : unauthenticated(ctx.credentialsError);
}

/** The signed-in viewer, or UNAUTHENTICATED. */
export function requireViewer(ctx: Pick<Context, 'viewer' | 'credentialsError'>): Viewer {
  if (!ctx.viewer) throw unauthenticated(ctx.credentialsError);
  return ctx.viewer;
}
