import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../src/auth/authenticate.js';
import { MAX_FAILED_SIGN_INS } from '../src/auth/accounts.js';
import { generateToken, hashToken } from '../src/auth/tokens.js';
import { listen } from '../src/server.js';
import { queryRows } from './database.js';
import { createTestGateway, type GraphQLResponse, type TestGateway } from './gateway.js';
import { DEMO_PASSWORD, signedInAs } from './sign-in.js';

const HELPER_BOT_ID = '50000000-0000-4000-8000-000000000001';

const SESSION_FIELDS = /* GraphQL */ `
  __typename
  ... on SessionPayload { token expiresAt user { id email displayName userType } }
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }
`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${SESSION_FIELDS} } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${SESSION_FIELDS} ... on AccountLockedError { lockedUntil } } }`;
const SIGN_OUT = /* GraphQL */ `
  mutation ($input: SignOutInput) {
    signOut(input: $input) { __typename ... on SignOutPayload { revokedSessionCount } ... on Error { message } }
  }
`;
const VIEWER = '{ viewer { id email userType } }';

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await createTestGateway();
});
afterAll(() => gateway.close());

const rows = <T = Record<string, unknown>>(sqlText: string) => queryRows<T>(gateway.handle, sqlText);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const codes = (response: GraphQLResponse) => (response.errors ?? []).map((error) => error.extensions?.code);

async function signIn(email: string, password: string) {
  return (await gateway.execute(SIGN_IN, { input: { email, password } }, { 'user-agent': 'auth-test/1.0' })).data?.signIn;
}

async function signUp(input: Record<string, unknown>) {
  return gateway.execute(SIGN_UP, { input });
}

describe('sign up, sign in, viewer, sign out', () => {
  it('runs the whole round: the revoked token then answers UNAUTHENTICATED', async () => {
    const up = await signUp({ email: 'Newcomer@Example.com', password: 'a-long-password', displayName: 'New Comer', locale: 'hu' });
    expect(up.errors).toBeUndefined();
    expect(up.data.signUp).toMatchObject({ __typename: 'SessionPayload', user: { email: 'newcomer@example.com', displayName: 'New Comer', userType: 'HUMAN' } });
    expect(up.data.signUp.token).toMatch(/^gw_s_/);

    const session = await signIn('NEWCOMER@example.com', 'a-long-password');
    expect(session.__typename).toBe('SessionPayload');
    expect(new Date(session.expiresAt).getTime() - Date.now()).toBeGreaterThan(719 * 3_600_000);

    const me = await gateway.execute(VIEWER, {}, bearer(session.token));
    expect(me).toEqual({ data: { viewer: { id: session.user.id, email: 'newcomer@example.com', userType: 'HUMAN' } } });

    const out = await gateway.execute(SIGN_OUT, {}, bearer(session.token));
    expect(out).toEqual({ data: { signOut: { __typename: 'SignOutPayload', revokedSessionCount: 1 } } });

    const after = await gateway.execute(VIEWER, {}, bearer(session.token));
    expect(after.data?.viewer ?? null).toBeNull();
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
    expect(after.errors?.[0]?.extensions?.reason).toBe('revoked');
    // The sign-up session is another one, still live.
    expect((await gateway.execute(VIEWER, {}, bearer(up.data.signUp.token))).data.viewer.id).toBe(session.user.id);
  });

  it('answers null for no credentials and UNAUTHENTICATED for unknown or malformed tokens', async () => {
    expect(await gateway.execute(VIEWER)).toEqual({ data: { viewer: null } });
    for (const header of [`Bearer ${generateToken('session')}`, `Bearer ${generateToken('bot')}`, 'Bearer not-our-token', 'Basic dXNlcjpwYXNz']) {
      const response = await gateway.execute(VIEWER, {}, { authorization: header });
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.errors?.[0]?.extensions?.reason).toBe('invalid');
    }
  });

  it('refuses an expired session', async () => {
    const session = await signIn('bob@example.com', DEMO_PASSWORD);
    await gateway.handle.exec(`update auth.sessions set expires_at = now() - interval '1 minute' where token_hash = '${hashToken(session.token)}'`);
    const response = await gateway.execute(VIEWER, {}, bearer(session.token));
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.extensions?.reason).toBe('expired');
  });

  it('lets only one of two concurrent sign-ups with one email through', async () => {
    const input = { email: 'twice@example.com', password: 'a-long-password', displayName: 'Twice' };
    const results = await Promise.all([signUp(input), signUp({ ...input, email: 'TWICE@example.com' })]);
    const typenames = results.map((result) => result.data?.signUp?.__typename).sort();
    expect(typenames).toEqual(['ConflictError', 'SessionPayload']);
  });

  // Needs a second connection that holds the row uncommitted: PostgreSQL only (PGlite has one connection).
  it.runIf(process.env.TEST_DATABASE_URL)('answers a ConflictError when a concurrent sign-up commits the email first', async () => {
    const other = await gateway.handle.pool!.connect();
    try {
      await other.query('begin');
      await other.query("insert into auth.users (email, display_name) values ('raced@example.com', 'First')");
      const pending = signUp({ email: 'raced@example.com', password: 'a-long-password', displayName: 'Second' });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the sign-up passes its check, then waits on the index
      await other.query('commit');
      expect((await pending).data.signUp.__typename).toBe('ConflictError');
    } finally {
      other.release();
    }
  });

  it('signs out everywhere on request', async () => {
    const first = await signIn('carol@example.com', DEMO_PASSWORD);
    const second = await signIn('carol@example.com', DEMO_PASSWORD);
    const out = await gateway.execute(SIGN_OUT, { input: { everywhere: true } }, bearer(first.token));
    expect(out.data.signOut.revokedSessionCount).toBeGreaterThanOrEqual(2);
    expect(codes(await gateway.execute(VIEWER, {}, bearer(second.token)))).toEqual(['UNAUTHENTICATED']);
  });

  it('authenticates with at most one SQL statement, and none without a token', async () => {
    const headers = await signedInAs(gateway, 'dave@example.com');
    gateway.statements.reset();
    await gateway.execute('{ __typename }', {}, headers);
    expect(gateway.statements.count).toBe(1);
    gateway.statements.reset();
    await gateway.execute('{ __typename }');
    expect(gateway.statements.count).toBe(0);
  });
});

describe('credentials are stored hashed', () => {
  it('keeps no plain token in auth.sessions and no plain password in auth.accounts', async () => {
    const password = 'plain-text-canary-123';
    const up = await signUp({ email: 'canary@example.com', password, displayName: 'Canary' });
    const { token } = up.data.signUp;
    const sessionRows = await rows<{ row: string; token_hash: string; user_agent: string | null }>(
      'select row_to_json(s)::text as row, s.token_hash, s.user_agent from auth.sessions s',
    );
    expect(sessionRows.length).toBeGreaterThan(0);
    expect(sessionRows.some((row) => row.token_hash === hashToken(token))).toBe(true);
    expect(sessionRows.every((row) => !row.row.includes(token) && !row.row.includes(token.slice(5)))).toBe(true);
    const accountRows = await rows<{ row: string; password_hash: string }>('select row_to_json(a)::text as row, a.password_hash from auth.accounts a');
    expect(accountRows.every((row) => !row.row.includes(password) && row.password_hash.startsWith('$argon2id$'))).toBe(true);
  });

  it('records the peer address of a sign-in over a real socket', async () => {
    const running = await listen(gateway.yoga, 0, '127.0.0.1');
    try {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SIGN_IN, variables: { input: { email: 'alice@example.com', password: DEMO_PASSWORD } } }),
      });
      const { token } = ((await response.json()) as GraphQLResponse).data.signIn;
      const [row] = await rows<{ ip: string }>(`select host(ip_address) as ip from auth.sessions where token_hash = '${hashToken(token)}'`);
      expect(row?.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      await running.close();
    }
  });

  it('records the user agent of the sign-in', async () => {
    const session = await signIn('gina@example.com', DEMO_PASSWORD);
    const [row] = await rows<{ user_agent: string }>(`select user_agent from auth.sessions where token_hash = '${hashToken(session.token)}'`);
    expect(row?.user_agent).toBe('auth-test/1.0');
  });
});

describe('sign-in failures and lockout', () => {
  it('gives one message for an unknown email and a wrong password', async () => {
    const unknown = await signIn('nobody@example.com', DEMO_PASSWORD);
    const wrong = await signIn('judit@example.com', 'wrong-password');
    expect(unknown).toEqual({ __typename: 'InvalidCredentialsError', message: 'The email or password is incorrect.' });
    expect(wrong).toEqual(unknown);
  });

  it(`locks the account after ${MAX_FAILED_SIGN_INS} failures in a row, even for the right password`, async () => {
    const email = 'istvan@example.com';
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      expect((await signIn(email, `wrong-${attempt}`)).__typename).toBe('InvalidCredentialsError');
    }
    const locking = await signIn(email, 'wrong-last');
    expect(locking.__typename).toBe('AccountLockedError');
    expect(new Date(locking.lockedUntil).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect((await signIn(email, DEMO_PASSWORD)).__typename).toBe('AccountLockedError');

    // Once the lock has passed, the right password works and clears the count.
    await gateway.handle.exec(`update auth.accounts a set locked_until = now() - interval '1 second' from auth.users u where u.id = a.user_id and u.email = '${email}'`);
    expect((await signIn(email, DEMO_PASSWORD)).__typename).toBe('SessionPayload');
    const [account] = await rows<{ failed_login_attempts: number; locked_until: string | null }>(
      `select a.failed_login_attempts, a.locked_until from auth.accounts a join auth.users u on u.id = a.user_id where u.email = '${email}'`,
    );
    expect(account).toEqual({ failed_login_attempts: 0, locked_until: null });
  });

  it('a success resets the count of failures', async () => {
    const email = 'hanna@example.com';
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) await signIn(email, `wrong-${attempt}`);
    expect((await signIn(email, DEMO_PASSWORD)).__typename).toBe('SessionPayload');
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt++) {
      expect((await signIn(email, `wrong-again-${attempt}`)).__typename).toBe('InvalidCredentialsError');
    }
    expect((await signIn(email, DEMO_PASSWORD)).__typename).toBe('SessionPayload');
  });
});

describe('bot tokens', () => {
  it("authenticate as the bot's machine user, limited to the bot's scopes", async () => {
    const token = generateToken('bot');
    await gateway.handle.exec(`update chat.bots set token_hash = '${hashToken(token)}' where id = '${HELPER_BOT_ID}'`);
    const me = await gateway.execute(VIEWER, {}, bearer(token));
    expect(me.data.viewer.userType).toBe('MACHINE');

    const request = new Request('http://gateway.test/graphql', { headers: { authorization: `bearer ${token}` } });
    const { viewer } = await authenticate(gateway.handle.db, request);
    expect(viewer).toEqual({
      userId: '10000000-0000-4000-8000-000000000020',
      userType: 'machine',
      scopes: ['messages:read', 'messages:write'],
      sessionId: null,
      botId: HELPER_BOT_ID,
      locale: 'en',
    });

    // A bot has no session to end; a deleted bot's token stops working.
    expect((await gateway.execute(SIGN_OUT, {}, bearer(token))).data.signOut.__typename).toBe('ForbiddenError');
    await gateway.handle.exec(`update chat.bots set deleted_at = now() where id = '${HELPER_BOT_ID}'`);
    expect(codes(await gateway.execute(VIEWER, {}, bearer(token)))).toEqual(['UNAUTHENTICATED']);
  });
});
