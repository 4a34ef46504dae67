import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { actorRunner, auditRows, ERROR_FIELDS, mutation, outcomeOf, sqlRows, type Actor } from './platform-helpers.js';
import { DEMO_PASSWORD } from '../sign-in.js';

// admin holds settings.auth_providers.manage (the administrator role holds every permission); alice (manager) does not.
const SECRET = 'client-secret-that-must-never-leak-7f3a';
const CREATE = mutation('createAuthProvider', 'CreateAuthProviderInput', '... on AuthProviderPayload { authProvider { id key kind name isEnabled issuerUrl clientId scopes hasClientSecret } }');
const UPDATE = mutation('updateAuthProvider', 'UpdateAuthProviderInput', '... on AuthProviderPayload { authProvider { id key isEnabled hasClientSecret scopes } }');
const input = (overrides: Record<string, unknown> = {}) => ({
  key: 'corp-sso',
  kind: 'OIDC',
  name: [{ locale: 'en', text: 'Corp SSO' }],
  issuerUrl: 'https://sso.corp.example',
  clientId: 'gateway',
  clientSecret: SECRET,
  ...overrides,
});

let gateway: TestGateway;
let as: (actor: Actor, query: string, variables?: Record<string, unknown>) => Promise<import('../gateway.js').GraphQLResponse>;
const responses: string[] = [];
const run = async (actor: Actor, query: string, variables?: Record<string, unknown>) => {
  const response = await as(actor, query, variables);
  responses.push(JSON.stringify(response));
  return response;
};

beforeAll(async () => {
  gateway = await createTestGateway({ signIn: { secretKey: randomBytes(32), publicUrl: undefined, returnUrls: [] } });
  as = actorRunner(gateway);
});
afterAll(() => gateway?.close());

describe('sign-in providers: reads', () => {
  it('signInProviders lists the enabled ones to anyone: the seeded email provider, not the disabled demo OIDC one', async () => {
    const response = await run('anonymous', '{ signInProviders { key kind name isEnabled } }');
    expect(response.errors).toBeUndefined();
    expect(response.data.signInProviders).toEqual([{ key: 'email', kind: 'PASSWORD', name: 'Email and password', isEnabled: true }]);
    // Settings are for managers: an anonymous reader is refused the field, not shown it.
    const settings = await run('anonymous', '{ signInProviders { key issuerUrl } }');
    expect(settings.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await run('alice', '{ signInProviders { key issuerUrl } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('authProviders lists every provider to a manager, nothing to others', async () => {
    const query = '{ authProviders { totalCount edges { node { key isEnabled issuerUrl } } } }';
    const admin = await run('admin', query);
    expect(admin.data.authProviders.edges.map((edge: { node: { key: string } }) => edge.node.key)).toEqual(['email', 'example-oidc']);
    expect(admin.data.authProviders.edges[1].node).toEqual({ key: 'example-oidc', isEnabled: false, issuerUrl: 'https://sso.example.com' });
    expect((await run('alice', query)).data.authProviders.totalCount).toBe(0);
    expect((await run('anonymous', query)).data.authProviders.totalCount).toBe(0);
  });
});

describe('sign-in providers: admin writes', () => {
  let createdId: string;

  it('create: the secret is sealed (AES-256-GCM), never readable; the audit row says only that there is one', async () => {
    const response = await run('admin', CREATE, { input: input() });
    expect(outcomeOf(response, 'createAuthProvider')).toBe('AuthProviderPayload');
    const provider = response.data.createAuthProvider.authProvider;
    expect(provider).toMatchObject({ key: 'corp-sso', kind: 'OIDC', name: 'Corp SSO', isEnabled: false, issuerUrl: 'https://sso.corp.example', clientId: 'gateway', scopes: ['openid', 'email', 'profile'], hasClientSecret: true });
    createdId = provider.id;
    const [row] = await sqlRows<{ client_secret_encrypted: string }>(gateway, `select client_secret_encrypted from auth.auth_providers where key = 'corp-sso'`);
    expect(row!.client_secret_encrypted).toMatch(/^v1\./);
    expect(row!.client_secret_encrypted).not.toContain(SECRET);
    const [audit] = await auditRows(gateway, 'auth_provider.create');
    expect(audit!.new_values).toMatchObject({ key: 'corp-sso', hasClientSecret: true });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain(row!.client_secret_encrypted);
  });

  it('update: enable, new scopes; then disable; clientSecret null removes the secret', async () => {
    const enabled = await run('admin', UPDATE, { input: { id: createdId, isEnabled: true, sortOrder: 5, scopes: ['openid', 'email'] } });
    expect(enabled.data.updateAuthProvider.authProvider).toMatchObject({ isEnabled: true, scopes: ['openid', 'email'], hasClientSecret: true });
    expect((await run('anonymous', '{ signInProviders { key } }')).data.signInProviders.map((p: { key: string }) => p.key)).toEqual(['email', 'corp-sso']);
    const disabled = await run('admin', UPDATE, { input: { id: createdId, isEnabled: false, clientSecret: null } });
    expect(disabled.data.updateAuthProvider.authProvider).toMatchObject({ isEnabled: false, hasClientSecret: false });
    expect((await run('anonymous', '{ signInProviders { key } }')).data.signInProviders.map((p: { key: string }) => p.key)).toEqual(['email']);
    expect((await auditRows(gateway, 'auth_provider.update')).length).toBe(2);
  });

  it('validation: issuer, client id, scopes, kind, key, a password provider\'s OIDC settings', async () => {
    const fieldErrors = async (actorInput: Record<string, unknown>, query = CREATE, field = 'createAuthProvider') => {
      const response = await run('admin', query, { input: actorInput });
      expect(outcomeOf(response, field)).toBe('ValidationError');
      return response.data[field].fieldErrors.map((error: { path: string[] }) => error.path.join('.'));
    };
    expect(await fieldErrors(input({ key: 'bad-issuer', issuerUrl: 'http://sso.corp.example' }))).toEqual(['issuerUrl']);
    expect(await fieldErrors(input({ key: 'bad-issuer2', issuerUrl: 'https://user:pw@sso.corp.example' }))).toEqual(['issuerUrl']);
    expect(await fieldErrors(input({ key: 'no-client', clientId: undefined }))).toEqual(['clientId']);
    expect(await fieldErrors(input({ key: 'no-openid', scopes: ['email'] }))).toEqual(['scopes']);
    expect(await fieldErrors(input({ key: 'Bad Key' }))).toEqual(['key']);
    expect(await fieldErrors(input({ key: 'second-password', kind: 'PASSWORD' }))).toEqual(['kind']);
    expect(await fieldErrors(input({ key: 'no-name', name: [{ locale: 'hu', text: 'Csak magyar' }] }))).toEqual(['name']);
    const [email] = await sqlRows<{ id: string }>(gateway, `select id from auth.auth_providers where key = 'email'`);
    const emailId = Buffer.from(`AuthProvider:${email!.id}`).toString('base64');
    expect(await fieldErrors({ id: emailId, issuerUrl: 'https://x.example', clientSecret: 'x' }, UPDATE, 'updateAuthProvider')).toEqual(['issuerUrl', 'clientSecret']);
    expect(await fieldErrors({ id: emailId, isEnabled: null }, UPDATE, 'updateAuthProvider')).toEqual(['isEnabled']);
    expect((await sqlRows(gateway, `select 1 from auth.auth_providers where key in ('bad-issuer', 'no-client', 'second-password')`)).length).toBe(0);
  });

  it('a secret cannot be stored without AUTH_PROVIDER_SECRET_KEY', async () => {
    const bare = await createTestGateway();
    try {
      const response = await actorRunner(bare)('admin', CREATE, { input: input({ key: 'keyless' }) });
      expect(outcomeOf(response, 'createAuthProvider')).toBe('ValidationError');
      expect(response.data.createAuthProvider.fieldErrors).toEqual([{ path: ['clientSecret'], message: 'cannot be stored: the gateway has no AUTH_PROVIDER_SECRET_KEY' }]);
    } finally {
      await bare.close();
    }
  });

  it('forbidden: a manager without the permission, the bot; anonymous is UNAUTHENTICATED; nothing written', async () => {
    for (const actor of ['alice', 'gina', 'bot'] as const) {
      expect(outcomeOf(await run(actor, CREATE, { input: input({ key: `by-${actor}` }) }), 'createAuthProvider')).toBe('ForbiddenError');
      expect(outcomeOf(await run(actor, UPDATE, { input: { id: createdId, isEnabled: true } }), 'updateAuthProvider')).toBe('ForbiddenError');
    }
    expect(outcomeOf(await run('anonymous', CREATE, { input: input({ key: 'by-anonymous' }) }), 'createAuthProvider')).toBe('UNAUTHENTICATED');
    expect((await sqlRows(gateway, `select 1 from auth.auth_providers where key like 'by-%'`)).length).toBe(0);
    expect((await sqlRows<{ is_enabled: boolean }>(gateway, `select is_enabled from auth.auth_providers where key = 'corp-sso'`))[0]!.is_enabled).toBe(false);
  });

  it('conflict: a taken key; not found: an unknown id', async () => {
    expect(outcomeOf(await run('admin', CREATE, { input: input() }), 'createAuthProvider')).toBe('ConflictError');
    const unknown = Buffer.from('AuthProvider:00000000-0000-4000-8000-000000000000').toString('base64');
    expect(outcomeOf(await run('admin', UPDATE, { input: { id: unknown, isEnabled: true } }), 'updateAuthProvider')).toBe('NotFoundError');
  });

  it('the client secret appears in no answer', () => {
    expect(responses.join('\n')).not.toContain(SECRET);
  });
});

describe('the email provider turned off', () => {
  const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${ERROR_FIELDS} ... on SignInMethodDisabledError { provider } ... on SessionPayload { token } } }`;
  const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${ERROR_FIELDS} ... on SignInMethodDisabledError { provider } ... on SessionPayload { token } } }`;

  it('refuses signIn and signUp with SignInMethodDisabledError, and works again once enabled', async () => {
    const [email] = await sqlRows<{ id: string }>(gateway, `select id from auth.auth_providers where key = 'email'`);
    const id = Buffer.from(`AuthProvider:${email!.id}`).toString('base64');
    expect(outcomeOf(await run('admin', UPDATE, { input: { id, isEnabled: false } }), 'updateAuthProvider')).toBe('AuthProviderPayload');
    const refused = await run('anonymous', SIGN_IN, { input: { email: 'bob@example.com', password: DEMO_PASSWORD } });
    expect(refused.data.signIn).toMatchObject({ __typename: 'SignInMethodDisabledError', provider: 'email' });
    const signUp = await run('anonymous', SIGN_UP, { input: { email: 'newcomer@example.com', password: 'long-enough-password', displayName: 'New' } });
    expect(signUp.data.signUp).toMatchObject({ __typename: 'SignInMethodDisabledError', provider: 'email' });
    expect((await sqlRows(gateway, `select 1 from auth.users where email = 'newcomer@example.com'`)).length).toBe(0);
    // A wrong password counts no failure while the provider is off.
    expect((await sqlRows<{ n: number }>(gateway, `select failed_login_attempts as n from auth.accounts a join auth.users u on u.id = a.user_id where u.email = 'bob@example.com'`))[0]!.n).toBe(0);
    expect((await run('anonymous', '{ signInProviders { key } }')).data.signInProviders).toEqual([]);
    await run('admin', UPDATE, { input: { id, isEnabled: true } });
    const accepted = await run('anonymous', SIGN_IN, { input: { email: 'bob@example.com', password: DEMO_PASSWORD } });
    expect(accepted.data.signIn.__typename).toBe('SessionPayload');
  });
});
