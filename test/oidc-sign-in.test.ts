import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/observe/logger.js';
import { listen, type RunningGateway } from '../src/server.js';
import { createTestGateway, type TestGateway } from './gateway.js';
import { demoUsers } from './policies.js';
import { headersFor } from './sign-in.js';
import { queryRows } from './database.js';

/**
 * The whole OpenID Connect sign-in against a real provider (oidc-provider) on loopback: the test is
 * the browser, following redirects by hand, signing in at the provider's login form with HTTP
 * requests, and carrying cookies for each site.
 */

const CLIENT_SECRET = `oidc-client-secret-${randomBytes(12).toString('hex')}`;
const RETURN_URL = 'http://app.test/signed-in';

/** The provider's people: account id -> claims. */
const people: Record<string, Record<string, unknown>> = {
  newcomer: { email: 'Newcomer@Example.org', email_verified: true, name: 'Nora Newcomer', given_name: 'Nora', family_name: 'Newcomer', locale: 'hu-HU' },
  carol: { email: 'carol@example.com', email_verified: true, name: 'Carol at the IdP' },
  'fake-bob': { email: 'bob@example.com', email_verified: false, name: 'Not Bob' },
  'fake-dave': { email: 'dave@example.com', name: 'No verification claim' },
};

/** A browser's cookies for one site (path and expiry are ignored: each test browser is short-lived). */
class Jar {
  private cookies = new Map<string, string>();
  store(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0\b/i.test(cookie) || /expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

let gateway: TestGateway;
let running: RunningGateway;
let origin: string;
let idpServer: Server;
let issuer: string;
const logLines: string[] = [];
const answers: string[] = [];

/** A GET as a browser would send it, redirects left to the caller; every answer is kept for the leak check. */
async function get(url: string, jar: Jar, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header, ...headers } });
  jar.store(response);
  const body = await response.clone().text();
  answers.push(JSON.stringify([...response.headers]), body);
  return response;
}

const locationOf = (response: Response, base: string) => new URL(response.headers.get('location')!, base).href;

/** Starts a sign-in at the gateway: the provider's authorization URL, the state cookie in `browser`. */
async function start(browser: Jar, query = ''): Promise<string> {
  const response = await get(`${origin}/auth/oidc/test-idp/start${query}`, browser);
  expect(response.status).toBe(303);
  return locationOf(response, origin);
}

/** At the provider: signs in as `account` (login form, then consent) until it redirects back to the gateway. */
async function authorizeAt(authorizationUrl: string, account: string, idp = new Jar()): Promise<string> {
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    const response = await get(url, idp);
    if (response.status >= 300 && response.status < 400) {
      const next = locationOf(response, url);
      if (next.startsWith(origin)) return next;
      url = next;
      continue;
    }
    const page = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!prompt) throw new Error(`The provider answered ${response.status}: ${page.slice(0, 400)}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login: account, password: 'anything' } : { prompt });
    const submitted = await fetch(url, { method: 'POST', redirect: 'manual', headers: { cookie: idp.header, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    idp.store(submitted);
    url = locationOf(submitted, url);
  }
  throw new Error('The provider never redirected back');
}

/** The callback as the browser makes it: the answer, and the session token of its redirect (if any). */
async function callback(callbackUrl: string, browser: Jar) {
  const response = await get(callbackUrl, browser, { accept: 'application/json' });
  const location = response.headers.get('location');
  const fragment = location ? new URLSearchParams(new URL(location).hash.slice(1)) : null;
  const body = response.status === 303 ? null : ((await response.json()) as { errors: { extensions: { code: string; reason?: string } }[] });
  return { response, location, token: fragment?.get('session_token') ?? null, error: body?.errors[0]?.extensions ?? null };
}

async function signIn(account: string, idp = new Jar()) {
  const browser = new Jar();
  return callback(await authorizeAt(await start(browser), account, idp), browser);
}

async function viewerWith(token: string) {
  return gateway.execute('{ viewer { id email displayName locale } }', {}, { authorization: `Bearer ${token}` });
}

const sql = <T = Record<string, unknown>>(text: string) => queryRows<T>(gateway.handle, text);

beforeAll(async () => {
  const logger = createLogger({ level: 'trace', json: true, destination: { write: (line: string) => void logLines.push(line) } });
  gateway = await createTestGateway({ signIn: { secretKey: randomBytes(32), publicUrl: undefined, returnUrls: [RETURN_URL, 'http://app.test/other/'] }, logger });
  running = await listen(gateway.yoga, 0, '127.0.0.1');
  origin = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;

  idpServer = createServer();
  await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'gateway', client_secret: CLIENT_SECRET, redirect_uris: [`${origin}/auth/oidc/test-idp/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name', 'locale'] },
    // The claims go into the ID token itself (the gateway reads no userinfo).
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, ...people[id] }) }),
    cookies: { keys: [randomBytes(16).toString('hex')] },
  });
  idpServer.on('request', provider.callback());

  const admin = await headersFor(gateway, 'admin');
  const created = await gateway.execute(
    'mutation ($input: CreateAuthProviderInput!) { createAuthProvider(input: $input) { __typename ... on Error { message } } }',
    { input: { key: 'test-idp', kind: 'OIDC', name: [{ locale: 'en', text: 'Test IdP' }], isEnabled: true, issuerUrl: issuer, clientId: 'gateway', clientSecret: CLIENT_SECRET } },
    admin,
  );
  expect(created.data.createAuthProvider.__typename).toBe('AuthProviderPayload');
}, 120_000);

afterAll(async () => {
  await running?.close();
  await new Promise((resolve) => idpServer?.close(resolve));
  await gateway?.close();
});

describe('OIDC sign-in against a real provider', () => {
  let newcomerId: string;

  it('start: redirects to the provider with state, nonce and an S256 challenge, the state in an HttpOnly cookie', async () => {
    const response = await get(`${origin}/auth/oidc/test-idp/start`, new Jar());
    expect(response.status).toBe(303);
    const url = new URL(response.headers.get('location')!);
    expect(url.origin).toBe(issuer);
    for (const name of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(name)).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${origin}/auth/oidc/test-idp/callback`);
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^gw_oidc_state=v1\./);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain(url.searchParams.get('state')!);
  });

  it('the first sign-in creates the account (verified email, name, locale), and the session works', async () => {
    const result = await signIn('newcomer');
    expect(result.response.status).toBe(303);
    expect(result.location!.startsWith(`${RETURN_URL}#session_token=`)).toBe(true);
    expect(result.response.headers.getSetCookie()[0]).toMatch(/^gw_oidc_state=;.*Max-Age=0/);
    const viewer = await viewerWith(result.token!);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data.viewer).toMatchObject({ email: 'newcomer@example.org', displayName: 'Nora Newcomer', locale: 'hu' });
    const [user] = await sql<{ id: string; first_name: string; groups: string[] }>(
      `select u.id, u.first_name, array(select g.key from auth.user_groups ug join auth.groups g on g.id = ug.group_id where ug.user_id = u.id) as groups
       from auth.users u where u.email = 'newcomer@example.org'`,
    );
    expect(user).toMatchObject({ first_name: 'Nora', groups: ['everyone'] });
    newcomerId = user!.id;
  });

  it('the second sign-in reuses the account through its link', async () => {
    const result = await signIn('newcomer');
    const viewer = await viewerWith(result.token!);
    expect(viewer.data.viewer.email).toBe('newcomer@example.org');
    const links = await sql<{ user_id: string; subject: string; email: string }>(`select user_id, subject, email from auth.provider_links`);
    expect(links).toEqual([{ user_id: newcomerId, subject: 'newcomer', email: 'newcomer@example.org' }]);
    expect((await sql(`select 1 from auth.users where lower(email) = 'newcomer@example.org'`)).length).toBe(1);
  });

  it('a verified email links to the existing account of that email', async () => {
    const result = await signIn('carol');
    const viewer = await viewerWith(result.token!);
    expect(viewer.data.viewer).toMatchObject({ email: 'carol@example.com', displayName: expect.not.stringContaining('IdP') });
    expect((await sql<{ user_id: string }>(`select user_id from auth.provider_links where subject = 'carol'`))[0]!.user_id).toBe(demoUsers.carol);
  });

  it('an unverified (or unconfirmed) email neither links to the existing account nor creates one', async () => {
    for (const account of ['fake-bob', 'fake-dave']) {
      const result = await signIn(account);
      expect(result.response.status).toBe(403);
      expect(result.token).toBeNull();
      expect(result.error).toEqual({ code: 'OIDC_EMAIL_UNVERIFIED' });
    }
    expect((await sql(`select 1 from auth.provider_links where subject in ('fake-bob', 'fake-dave')`)).length).toBe(0);
  });

  it('a wrong state, a missing state cookie, or a state of another sign-in: refused', async () => {
    const browser = new Jar();
    const back = await authorizeAt(await start(browser), 'newcomer');
    const tampered = new URL(back);
    tampered.searchParams.set('state', 'not-the-state-that-was-sent');
    expect((await callback(tampered.href, browser)).error).toEqual({ code: 'OIDC_STATE_INVALID' });
    expect((await callback(back, new Jar())).error).toEqual({ code: 'OIDC_STATE_INVALID' });
    // Another browser's sign-in (its own cookie) cannot finish this one.
    const other = new Jar();
    await start(other);
    expect((await callback(back, other)).error).toEqual({ code: 'OIDC_STATE_INVALID' });
  });

  it('an ID token with another nonce: refused', async () => {
    const browser = new Jar();
    const authorization = new URL(await start(browser));
    authorization.searchParams.set('nonce', 'a-nonce-this-sign-in-never-made');
    const result = await callback(await authorizeAt(authorization.href, 'newcomer'), browser);
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual({ code: 'OIDC_AUTHENTICATION_FAILED', reason: 'nonce_mismatch' });
    expect(result.token).toBeNull();
  });

  it('a replayed code: refused by the provider, answered with a code', async () => {
    const browser = new Jar();
    const back = await authorizeAt(await start(browser), 'newcomer');
    const cookie = browser.header;
    expect((await callback(back, browser)).token).toBeTruthy();
    // The attacker replays URL and cookie both.
    const replayed = await get(back, new Jar(), { cookie, accept: 'application/json' });
    expect(replayed.status).toBe(400);
    expect(((await replayed.json()) as { errors: { extensions: unknown }[] }).errors[0]!.extensions).toEqual({ code: 'OIDC_AUTHENTICATION_FAILED', reason: 'code_rejected' });
  });

  it('unknown and disabled providers, a foreign return URL: coded refusals, never a 500', async () => {
    const unknown = await get(`${origin}/auth/oidc/nobody/start`, new Jar(), { accept: 'application/json' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OIDC_PROVIDER_NOT_FOUND');
    // The seeded example provider is disabled; the email provider is no OIDC provider.
    for (const key of ['example-oidc', 'email']) expect((await get(`${origin}/auth/oidc/${key}/callback?code=x&state=y`, new Jar())).status).toBe(404);
    const page = await get(`${origin}/auth/oidc/nobody/start`, new Jar(), { accept: 'text/html' });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('OIDC_PROVIDER_NOT_FOUND');
    for (const bad of ['https://evil.test/', 'http://app.test.evil.test/signed-in', 'http://app.test/other', '//evil.test', 'javascript:alert(1)']) {
      const refused = await get(`${origin}/auth/oidc/test-idp/start?return_to=${encodeURIComponent(bad)}`, new Jar(), { accept: 'application/json' });
      expect(refused.status, bad).toBe(400);
    }
    const allowed = await get(`${origin}/auth/oidc/test-idp/start?return_to=${encodeURIComponent('http://app.test/other/page?x=1')}`, new Jar());
    expect(allowed.status).toBe(303);
    expect((await get(`${origin}/auth/oidc/test-idp/start`, new Jar(), { accept: 'application/json' })).status).toBe(303);
    const post = await fetch(`${origin}/auth/oidc/test-idp/start`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('a provider disabled between start and callback refuses the callback', async () => {
    const browser = new Jar();
    const back = await authorizeAt(await start(browser), 'newcomer');
    await sql(`update auth.auth_providers set is_enabled = false where key = 'test-idp'`);
    try {
      expect((await callback(back, browser)).error).toEqual({ code: 'OIDC_PROVIDER_NOT_FOUND' });
    } finally {
      await sql(`update auth.auth_providers set is_enabled = true where key = 'test-idp'`);
    }
  });

  it('the client secret appears in no answer and no log line', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(CLIENT_SECRET);
    expect(answers.join('\n')).not.toContain(CLIENT_SECRET);
  });
});

describe('OIDC routes without configuration, and rate limits', () => {
  it('without AUTH_PROVIDER_SECRET_KEY: OIDC_NOT_CONFIGURED', async () => {
    const bare = await createTestGateway();
    try {
      const response = await bare.fetch('/auth/oidc/example-oidc/start', { headers: { accept: 'application/json' } });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OIDC_NOT_CONFIGURED');
    } finally {
      await bare.close();
    }
  });

  it('the address rate limit applies to the OIDC routes', async () => {
    const rule = { burst: 2, perMinute: 1 };
    const limited = await createTestGateway({
      signIn: { secretKey: randomBytes(32), publicUrl: undefined, returnUrls: [RETURN_URL] },
      rateLimits: { address: rule, viewer: rule, password: rule, refusedCredentials: rule, maxBuckets: 100, exemptLoopback: false, trustProxy: 0 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.fetch('/auth/oidc/nobody/start')).status);
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
