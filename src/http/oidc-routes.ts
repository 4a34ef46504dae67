import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { SignInSettings } from '../config.js';
import type { Database } from '../db/client.js';
import { authorizationRequest, clientConfiguration, exchangeCode, OidcError } from '../auth/oidc/client.js';
import { signInWithProvider } from '../auth/oidc/link.js';
import { clearedStateCookie, readState, stateCookie, STATE_TTL_MS } from '../auth/oidc/state.js';
import { findProvider, type AuthProviderRow } from '../auth/providers.js';
import { sessionOrigin } from '../auth/sessions.js';
import { databaseFault } from '../errors.js';
import type { Logger } from '../observe/logger.js';
import { recordOf } from '../observe/request-record.js';

/**
 * Sign-in with OpenID Connect (authorization code with PKCE), as two browser routes beside
 * /graphql, behind the same gates (rate limits, client slots) as yoga's other requests:
 * - GET /auth/oidc/<provider>/start?return_to=<url>: to the provider, with state, nonce and an S256
 *   challenge sealed in a short-lived HttpOnly cookie;
 * - GET /auth/oidc/<provider>/callback: the code exchanged and the ID token validated, the person
 *   found or created (src/auth/oidc/link.ts), a session issued, and the browser sent to the
 *   allow-listed return URL with `#session_token=<token>&expires_at=<iso>` (a fragment never
 *   reaches a server or a Referer).
 * Every refusal is a coded JSON error (an HTML page for a browser), never a 500.
 */

const ROUTE = /^\/auth\/oidc\/([a-z][a-z0-9._-]{1,63})\/(start|callback)$/;

export interface OidcRoutesOptions {
  db: Database;
  settings: SignInSettings | undefined;
  logger: Logger;
}

/** A return URL is allowed when its origin is an allowed entry's and its path lies under that entry's path. */
export function allowedReturnUrl(candidate: string, allowed: readonly string[]): string | null {
  if (!URL.canParse(candidate)) return null;
  const url = new URL(candidate);
  if (url.username || url.password) return null;
  url.hash = '';
  const match = allowed.some((entry) => {
    const base = new URL(entry);
    const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return url.origin === base.origin && (url.pathname === base.pathname || url.pathname.startsWith(prefix));
  });
  return match ? url.href : null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function errorResponse(request: Request, error: OidcError): Response {
  recordOf(request)?.addCode(error.code);
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'set-cookie': clearedStateCookie, 'referrer-policy': 'no-referrer' };
  const extensions = { code: error.code, ...(error.reason ? { reason: error.reason } : {}) };
  if (/\btext\/html\b/.test(request.headers.get('accept') ?? '')) {
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>Sign-in failed</title></head><body><h1>Sign-in failed</h1><p>${escapeHtml(error.message)}</p><p><code>${escapeHtml(error.code)}${error.reason ? ` (${escapeHtml(error.reason)})` : ''}</code></p></body></html>`;
    return new Response(page, { status: error.status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" } });
  }
  return new Response(JSON.stringify({ errors: [{ message: error.message, extensions }] }), { status: error.status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
}

const redirect = (location: string, cookie: string) =>
  new Response(null, { status: 303, headers: { location, 'set-cookie': cookie, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });

/** An enabled OIDC provider with this key; any other (unknown, disabled, the password one) does not exist here. */
async function enabledOidcProvider(db: Database, key: string): Promise<AuthProviderRow> {
  const provider = await findProvider(db, key);
  if (!provider || provider.kind !== 'oidc' || !provider.isEnabled) throw new OidcError(404, 'OIDC_PROVIDER_NOT_FOUND', 'There is no enabled sign-in provider with this key.');
  return provider;
}

function configured(settings: SignInSettings | undefined): SignInSettings & { secretKey: Buffer } {
  if (!settings?.secretKey || settings.returnUrls.length === 0) {
    throw new OidcError(503, 'OIDC_NOT_CONFIGURED', 'Sign-in with a provider needs AUTH_PROVIDER_SECRET_KEY and OIDC_RETURN_URLS.');
  }
  return settings as SignInSettings & { secretKey: Buffer };
}

export function useOidcRoutes({ db, settings, logger }: OidcRoutesOptions): Plugin {
  const log = logger.child({ component: 'oidc' });

  async function start(request: Request, url: URL, key: string): Promise<Response> {
    const signIn = configured(settings);
    const provider = await enabledOidcProvider(db, key);
    const asked = url.searchParams.get('return_to');
    const returnUrl = asked === null ? signIn.returnUrls[0]! : allowedReturnUrl(asked, signIn.returnUrls);
    if (!returnUrl) throw new OidcError(400, 'OIDC_RETURN_URL_REFUSED', 'return_to is not one of the allowed return URLs (OIDC_RETURN_URLS).');
    const redirectUri = `${signIn.publicUrl ?? url.origin}/auth/oidc/${provider.key}/callback`;
    const configuration = await clientConfiguration(provider, signIn.secretKey);
    const authorization = await authorizationRequest(configuration, redirectUri, provider.scopes);
    const cookie = stateCookie(signIn.secretKey, {
      provider: provider.key,
      state: authorization.state,
      nonce: authorization.nonce,
      verifier: authorization.verifier,
      returnUrl,
      redirectUri,
      expiresAt: Date.now() + STATE_TTL_MS,
    });
    return redirect(authorization.url.href, cookie);
  }

  async function callback(request: Request, url: URL, key: string, req: IncomingMessage | undefined): Promise<Response> {
    const signIn = configured(settings);
    const provider = await enabledOidcProvider(db, key);
    const state = readState(signIn.secretKey, request.headers.get('cookie'), provider.key, url.searchParams.get('state'));
    if (!state) throw new OidcError(400, 'OIDC_STATE_INVALID', 'This sign-in was not started here, has expired, or was already finished: start again.');
    const configuration = await clientConfiguration(provider, signIn.secretKey);
    // The URL the provider redirected to, as registered (a proxy may have rewritten the request's own).
    const callbackUrl = new URL(state.redirectUri);
    callbackUrl.search = url.search;
    const claims = await exchangeCode(configuration, callbackUrl, state);
    const origin = sessionOrigin(req?.socket?.remoteAddress, request.headers.get('user-agent'));
    const signedIn = await signInWithProvider(db, provider, claims, origin);
    log.info({ provider: provider.key, userId: signedIn.userId, account: signedIn.account }, 'signed in with a provider');
    const target = new URL(state.returnUrl);
    target.hash = new URLSearchParams({ session_token: signedIn.session.token, expires_at: signedIn.session.expiresAt.toISOString() }).toString();
    return redirect(target.href, clearedStateCookie);
  }

  return {
    onRequest({ request, url, serverContext, endResponse }) {
      if (!url.pathname.startsWith('/auth/oidc/')) return;
      const route = ROUTE.exec(url.pathname);
      const answer = async (): Promise<Response> => {
        if (!route) throw new OidcError(404, 'OIDC_PROVIDER_NOT_FOUND', 'There is no such sign-in route.');
        if (request.method !== 'GET') throw new OidcError(405, 'OIDC_AUTHENTICATION_FAILED', 'Only GET.', 'method');
        const [, key, step] = route;
        return step === 'start' ? start(request, url, key!) : callback(request, url, key!, (serverContext as { req?: IncomingMessage }).req);
      };
      return answer()
        .catch((error: unknown) => {
          if (error instanceof OidcError) return errorResponse(request, error);
          const fault = databaseFault(error);
          if (fault) return errorResponse(request, new OidcError(503, fault, 'The database is unavailable; try again later.'));
          // Unexpected: logged (message and stack, never a token or secret: none is in an error here), answered with a code.
          log.error({ err: error }, 'OIDC sign-in failed unexpectedly');
          return errorResponse(request, new OidcError(502, 'OIDC_AUTHENTICATION_FAILED', 'The sign-in could not be finished.', 'internal'));
        })
        .then(endResponse);
    },
  };
}
