import { eq } from 'drizzle-orm';
import { createSession } from '../src/auth/sessions.js';
import { bots } from '../src/db/schema/index.js';
import type { TestGateway } from './gateway.js';
import { demoUsers, type DemoUser } from './policies.js';

/** The one password of every demo person (seeds/accounts.sql). */
export const DEMO_PASSWORD = 'demo-password-2026';

/**
 * Signs a demo person in through the signIn mutation and returns the headers that carry the
 * session: `gateway.execute(query, variables, await signedInAs(gateway, 'alice@example.com'))`.
 * The request that uses them costs one more SQL statement (the token lookup).
 */
export async function signedInAs(gateway: TestGateway, email: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const response = await gateway.execute(
    'mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on SessionPayload { token } ... on Error { message } } }',
    { input: { email, password } },
  );
  const result = response.data?.signIn;
  if (result?.__typename !== 'SessionPayload') throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(response)}`);
  return { authorization: `Bearer ${result.token as string}` };
}

/** The demo bot's token (seeds/bots.sql stores only its SHA-256). */
export const DEMO_BOT_TOKEN = 'gw_b_demo-helper-bot-token-not-a-secret-2026';

/**
 * Headers of a demo actor without going through signIn (no password hashing): a session row made
 * directly for a person, the seeded token for the bot. For tables of actors in authorization tests.
 */
export async function headersFor(gateway: TestGateway, user: DemoUser): Promise<Record<string, string>> {
  if (user === 'bot') return { authorization: `Bearer ${DEMO_BOT_TOKEN}` };
  const session = await createSession(gateway.handle.db, demoUsers[user], { ip: null, userAgent: 'test' });
  return { authorization: `Bearer ${session.token}` };
}

/** Sets the demo bot's scopes in this test database (e.g. only `messages:read`). */
export async function setBotScopes(gateway: TestGateway, scopes: string[]): Promise<void> {
  await gateway.handle.db.update(bots).set({ scopes }).where(eq(bots.userId, demoUsers.bot));
}
