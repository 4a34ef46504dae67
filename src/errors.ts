import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import type { ZodError } from 'zod';
import { DEFAULT_RETRY_AFTER_SECONDS } from './config.js';
import { errorLogger, logger } from './observe/logger.js';

/**
 * Error codes a client can branch on (extensions.code). DATABASE_UNAVAILABLE (the database could
 * not be reached or dropped the connection) and DATABASE_TIMEOUT (a statement ran past the
 * statement timeout) answer HTTP 503 with Retry-After: the request may be sent again later.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'RATE_LIMITED'
  | 'REQUEST_TIMEOUT'
  | 'EVENTS_EXPIRED'
  | 'SUBSCRIBER_TOO_SLOW'
  | 'SIGN_IN_METHOD_DISABLED'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | DatabaseFaultCode;

export type DatabaseFaultCode = 'DATABASE_UNAVAILABLE' | 'DATABASE_TIMEOUT';

export function clientError(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string) => clientError(message, 'BAD_USER_INPUT');


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decodes a global ID (base64 of `Type:uuid`). Every node's key is a UUID; anything else is
 * refused here so that no malformed value reaches SQL.
 */
export function decodeGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalID, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  const wellFormed = separator > 0 && /^[A-Za-z_]\w*$/.test(typename) && UUID.test(id);
  if (!wellFormed) throw badInput(`Invalid global ID: ${globalID}`);
  return { typename, id };
}

/** Argument validation failures (zod) as one BAD_USER_INPUT error listing each problem. */
export function validationErrorToGraphQL(error: ZodError): GraphQLError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  const summary = issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
  return clientError(`Invalid input: ${summary}`, 'BAD_USER_INPUT', { issues });
}

/** The PostgreSQL error behind `error` (drizzle wraps the driver's error in `cause`), with its SQLSTATE code. */
export function postgresError(error: unknown): { code: string; constraint?: string } | undefined {
  for (const candidate of [(error as { cause?: unknown } | null)?.cause, error]) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string') return candidate as { code: string; constraint?: string };
  }
  return undefined;
}

// SQLSTATEs of a server that is going away or not taking connections: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Socket errors of a connection that could not be made or was cut.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-postgres, pg-pool and PGlite report a lost, unreachable or closed database only in the message.
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed|Cannot use a pool after calling end|PGlite is closed)/;

/**
 * Whether `error` (or an error it wraps: drizzle's `cause`, a GraphQLError's `originalError`) says
 * the database could not answer: DATABASE_UNAVAILABLE for a refused, reset, terminated or timed-out
 * connection (SQLSTATE class 08, a shutdown, a full pool), DATABASE_TIMEOUT for 57014 (statement
 * timeout or a cancel). Null for anything else, including the database refusing the statement.
 */
export function databaseFault(error: unknown): DatabaseFaultCode | null {
  for (let candidate = error, depth = 0; candidate && typeof candidate === 'object' && depth < 6; depth++) {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (code === '57014') return 'DATABASE_TIMEOUT';
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return 'DATABASE_UNAVAILABLE';
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'DATABASE_UNAVAILABLE';
    candidate = (candidate as { originalError?: unknown }).originalError ?? (candidate as { cause?: unknown }).cause;
  }
  return null;
}

/** The 503 a client gets for a database fault: coded, with Retry-After, without the driver's message. */
export function databaseFaultError(code: DatabaseFaultCode, retryAfterSeconds: number, from?: GraphQLError): GraphQLError {
  const message = code === 'DATABASE_TIMEOUT' ? 'The database did not answer in time; try again later.' : 'The database is unavailable; try again later.';
  // yoga answers with the highest extensions.http.status of a response's errors and drops `http` from the body.
  const http = { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } };
  return new GraphQLError(message, { nodes: from?.nodes, path: from?.path, extensions: { code, http } });
}

/** PostgreSQL refused a value's syntax (22P02) or range (22003, 22007, 22008): the client sent it. */
function isDatabaseInputError(error: Error): boolean {
  const code = postgresError(error)?.code;
  return code === '22P02' || code === '22003' || code === '22007' || code === '22008';
}

/** Input errors thrown inside Pothos and its plugins: a bad cursor, a negative page size. */
function isPluginInputError(error: Error): boolean {
  return error instanceof PothosValidationError || /^Invalid (cursor|global ID)/.test(error.message);
}

/**
 * Errors graphql-js returns from execution without throwing (variables of the wrong shape) carry
 * no code: they are the client's, so they get BAD_USER_INPUT.
 */
export function withInputCodes<Result extends { errors?: readonly GraphQLError[] }>(result: Result): Result {
  if (!result.errors?.some(isUncodedRequestError)) return result;
  const errors = result.errors.map((error) => (isUncodedRequestError(error) ? withCode(error, error.message, 'BAD_USER_INPUT') : error));
  return { ...result, errors };
}

// A resolver's error has a path: it is left to maskError, which hides an unexpected one (e.g. SQL text).
const isUncodedRequestError = (error: GraphQLError) => !error.extensions?.code && !error.path;

function withCode(error: GraphQLError, message: string, code: ErrorCode): GraphQLError {
  return new GraphQLError(message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code } });
}

/**
 * What a client sees of an error: errors raised on purpose pass, input errors from plugins or
 * the database become BAD_USER_INPUT, a database fault a retryable 503, anything else is masked
 * and its details logged.
 */
export function maskError(error: unknown, log: (error: unknown) => void = errorLogger(logger()), retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS): GraphQLError {
  const fault = databaseFault(error);
  if (fault) {
    log(error);
    return databaseFaultError(fault, retryAfterSeconds, error instanceof GraphQLError ? error : undefined);
  }
  if (!(error instanceof GraphQLError)) {
    log(error);
    return clientError('Unexpected error.', 'INTERNAL_SERVER_ERROR');
  }
  const original = error.originalError;
  // Parse, validation and variable errors are the client's; yoga leaves variable errors without a code.
  if (!original) return error.extensions?.code ? error : withCode(error, error.message, 'BAD_USER_INPUT');
  // PothosValidationError is itself a GraphQLError, but carries no code.
  if (isPluginInputError(original)) return withCode(error, original.message, 'BAD_USER_INPUT');
  if (original instanceof GraphQLError) {
    return original.extensions?.code ? withCode(error, original.message, original.extensions.code as ErrorCode) : error;
  }
  if (isDatabaseInputError(original)) return withCode(error, 'Invalid input value.', 'BAD_USER_INPUT');
  log(original);
  return withCode(error, 'Unexpected error.', 'INTERNAL_SERVER_ERROR');
}
