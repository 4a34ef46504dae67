import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from './gateway.js';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await createTestGateway();
});
afterAll(() => gateway.close());

const RESULT = '__typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }';
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${RESULT} } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${RESULT} } }`;
const SIGN_OUT = `mutation ($input: SignOutInput) { signOut(input: $input) { ${RESULT} } }`;

const valid = { email: 'valid@example.com', password: 'long-enough', displayName: 'Valid' };
const signUp = (override: Record<string, unknown>) => [SIGN_UP, { input: { ...valid, ...override } }] as const;
const signIn = (input: unknown) => [SIGN_IN, { input }] as const;

/** Posts the operation and returns the HTTP status, the parsed body and its raw text. */
async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await gateway.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: JSON.parse(text) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }, text };
}

function expectCleanRefusal({ status, text }: { status: number; text: string }) {
  expect(status).toBeLessThan(500);
  expect(text).not.toMatch(/INTERNAL_SERVER_ERROR|Unexpected error/);
  expect(text).not.toMatch(/select |insert |update |violates|syntax for type/i); // no SQL
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
}

describe('malformed mutation input gets a typed error, never a 500', () => {
  const typed: [string, readonly [string, Record<string, unknown>], string, string[]][] = [
    ['signUp: a malformed email', signUp({ email: 'not-an-email' }), 'ValidationError', ['email']],
    ['signUp: a short password', signUp({ password: 'short' }), 'ValidationError', ['password']],
    ['signUp: a 201-character password', signUp({ password: 'x'.repeat(201) }), 'ValidationError', ['password']],
    ['signUp: an empty display name', signUp({ displayName: '   ' }), 'ValidationError', ['displayName']],
    ['signUp: a 101-character display name', signUp({ displayName: 'n'.repeat(101) }), 'ValidationError', ['displayName']],
    ['signUp: a NUL character', signUp({ displayName: 'nul\u0000name' }), 'ValidationError', ['displayName']],
    ['signUp: a malformed locale', signUp({ locale: 'not a locale!' }), 'ValidationError', ['locale']],
    ['signUp: an unknown locale', signUp({ locale: 'xx' }), 'ValidationError', ['locale']],
    ['signUp: an email taken in another case', signUp({ email: 'ALICE@example.com' }), 'ConflictError', []],
    ['signIn: an empty password', signIn({ email: 'alice@example.com', password: '' }), 'ValidationError', ['password']],
    ['signIn: a huge password', signIn({ email: 'alice@example.com', password: 'p'.repeat(100_000) }), 'ValidationError', ['password']],
    ['signIn: a NUL character in the email', signIn({ email: 'ali\u0000ce@example.com', password: 'whatever' }), 'ValidationError', ['email']],
    ['signIn: a malformed email', signIn({ email: "' or 1=1 --", password: 'whatever' }), 'InvalidCredentialsError', []],
  ];

  it.each(typed)('%s', async (_name, [query, variables], typename, paths) => {
    const response = await post(query, variables);
    expectCleanRefusal(response);
    const result = Object.values(response.body.data ?? {})[0] as { __typename: string; fieldErrors?: { path: string[] }[] };
    expect(result.__typename).toBe(typename);
    if (paths.length) expect(result.fieldErrors?.map((error) => error.path.join('.'))).toEqual(paths);
  });

  const coded: [string, string, Record<string, unknown>, string, Record<string, string>?][] = [
    ['signUp: no input', SIGN_UP, {}, 'BAD_USER_INPUT'],
    ['signUp: a number for the email', SIGN_UP, { input: { ...valid, email: 42 } }, 'BAD_USER_INPUT'],
    ['signIn: a missing password', SIGN_IN, { input: { email: 'a@example.com' } }, 'BAD_USER_INPUT'],
    ['signIn: an unknown field', SIGN_IN, { input: { email: 'a@example.com', password: 'x', admin: true } }, 'BAD_USER_INPUT'],
    ['signOut: a string for a Boolean', SIGN_OUT, { input: { everywhere: 'yes' } }, 'BAD_USER_INPUT'],
    ['signOut: an anonymous caller', SIGN_OUT, {}, 'UNAUTHENTICATED'],
    ['signOut: a garbage token', SIGN_OUT, {}, 'UNAUTHENTICATED', { authorization: 'Bearer gw_s_garbage' }],
  ];

  it.each(coded)('%s', async (_name, query, variables, code, headers) => {
    const response = await post(query, variables, headers);
    expectCleanRefusal(response);
    const codes = response.body.errors?.map((error) => error.extensions?.code);
    // graphql-js reports a variable of the wrong shape without a code; maskError gives it BAD_USER_INPUT.
    expect(codes).toEqual([code]);
  });
});
