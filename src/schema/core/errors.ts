import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { builder } from '../../builder.js';
import type { ErrorCode } from '../../errors.js';

/**
 * Expected failures, returned as typed members of a mutation's result union (plugin-errors).
 * They are GraphQLErrors with a code, so one thrown where no union lists it still reaches the
 * client as a coded error instead of being masked as INTERNAL_SERVER_ERROR.
 */
export class ClientError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = new.target.name;
  }
}

/** One problem with one input field; `path` is relative to the mutation's `input`, e.g. ["email"]. */
export interface FieldError {
  path: string[];
  message: string;
}

export class ValidationError extends ClientError {
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Invalid input: ${fieldErrors.map((error) => `${error.path.join('.') || 'input'}: ${error.message}`).join('; ')}`, 'BAD_USER_INPUT', {
      fieldErrors,
    });
  }
}

export class NotFoundError extends ClientError {
  constructor(message = 'Not found.') {
    super(message, 'NOT_FOUND');
  }
}

/** A subscription cannot resume from its cursor (the events are no longer kept, or too many were missed): refetch, then subscribe without one. */
export class EventsExpiredError extends ClientError {
  constructor(message = 'The events after this cursor are no longer available: refetch, then subscribe without a cursor.') {
    super(message, 'EVENTS_EXPIRED');
  }
}

export class ConflictError extends ClientError {
  constructor(message: string) {
    super(message, 'CONFLICT');
  }
}

export class ForbiddenError extends ClientError {
  constructor(message = 'You are not allowed to do this.') {
    super(message, 'FORBIDDEN');
  }
}

/** One message for an unknown email and a wrong password, so sign-in cannot tell which emails exist. */
export class InvalidCredentialsError extends ClientError {
  constructor() {
    super('The email or password is incorrect.', 'UNAUTHENTICATED');
  }
}

export class AccountLockedError extends ClientError {
  constructor(readonly lockedUntil: Date) {
    super('Too many failed sign-ins: the account is locked for a while.', 'UNAUTHENTICATED', { lockedUntil: lockedUntil.toISOString() });
  }
}

/** The way of signing in asked for is turned off (e.g. the `email` provider, for signIn and signUp). */
export class SignInMethodDisabledError extends ClientError {
  constructor(readonly provider: string) {
    super('This way of signing in is turned off.', 'SIGN_IN_METHOD_DISABLED', { provider });
  }
}

export const ErrorInterface = builder.interfaceRef<ClientError>('Error').implement({
  description: 'An expected failure of a mutation; query `... on Error { message }` to handle any of them.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'A problem with one input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The field, relative to the mutation input, e.g. ["email"].' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; `fieldErrors` says what to fix.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (error) => error.fieldErrors }) }),
});
builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface] });
builder.objectType(ConflictError, { name: 'ConflictError', description: 'The change collides with existing data.', interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface] });
builder.objectType(InvalidCredentialsError, { name: 'InvalidCredentialsError', interfaces: [ErrorInterface] });
builder.objectType(AccountLockedError, {
  name: 'AccountLockedError',
  description: 'Sign-in is refused until `lockedUntil`, even with the right password.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ lockedUntil: t.expose('lockedUntil', { type: 'DateTime' }) }),
});
builder.objectType(SignInMethodDisabledError, {
  name: 'SignInMethodDisabledError',
  description: 'An administrator turned this sign-in provider off; `signInProviders` lists the ones that work.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ provider: t.exposeString('provider', { description: 'The provider key, e.g. `email`.' }) }),
});

type ErrorClass = new (...args: never[]) => ClientError;

/**
 * A mutation's `errors` option: the payload type itself plus these error types in a union named
 * `<Name>Result` (e.g. SignInResult = SessionPayload | ValidationError | ...). ValidationError is always included.
 */
export function resultUnion(name: string, ...types: ErrorClass[]) {
  return { types: [ValidationError, ...types], directResult: true, union: { name: `${name}Result` } };
}

/** Parses a mutation input with zod; refusals become one ValidationError listing each field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })));
}
