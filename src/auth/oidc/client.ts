import * as oidc from 'openid-client';
import type { DatabaseFaultCode } from '../../errors.js';
import { isLoopbackHost } from '../../http/playground-session.js';
import type { AuthProviderRow } from '../providers.js';
import { clientSecretContext, open } from '../../secrets.js';

/**
 * The OpenID Connect client side (openid-client v6): the provider's metadata from discovery, the
 * authorization URL with state, nonce and an S256 PKCE challenge, and the code exchange that
 * validates the ID token (signature, issuer, audience, expiry, nonce).
 */

/** A refusal of the sign-in flow: an HTTP status and a code the answer carries. */
export class OidcError extends Error {
  constructor(
    readonly status: number,
    readonly code: OidcErrorCode | DatabaseFaultCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

export type OidcErrorCode =
  | 'OIDC_PROVIDER_NOT_FOUND'
  | 'OIDC_NOT_CONFIGURED'
  | 'OIDC_RETURN_URL_REFUSED'
  | 'OIDC_STATE_INVALID'
  | 'OIDC_AUTHENTICATION_FAILED'
  | 'OIDC_PROVIDER_UNREACHABLE'
  | 'OIDC_EMAIL_UNVERIFIED'
  | 'OIDC_ACCOUNT_UNAVAILABLE';

const DISCOVERY_TIMEOUT_SECONDS = 10;
/** Metadata is read again after this; a changed provider row (updated_at) is read again at once. */
const METADATA_TTL_MS = 60 * 60_000;

const configurations = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

/** The client secret in plain text, or null for a public client; a secret the key cannot open is a configuration fault. */
function clientSecret(provider: AuthProviderRow, secretKey: Buffer): string | null {
  if (provider.clientSecretEncrypted === null) return null;
  const secret = open(secretKey, provider.clientSecretEncrypted, clientSecretContext(provider.key));
  if (secret === null) throw new OidcError(503, 'OIDC_NOT_CONFIGURED', 'The provider\'s client secret cannot be read with this AUTH_PROVIDER_SECRET_KEY.');
  return secret;
}

async function discover(provider: AuthProviderRow, secretKey: Buffer): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuerUrl!);
  const secret = clientSecret(provider, secretKey);
  // Plain http only for a provider on this machine (development, tests); the admin input refuses others too.
  const execute = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname) ? [oidc.allowInsecureRequests] : [];
  let found: oidc.Configuration;
  try {
    found = await oidc.discovery(issuer, provider.clientId!, undefined, oidc.None(), { execute, timeout: DISCOVERY_TIMEOUT_SECONDS });
  } catch (error) {
    throw new OidcError(502, 'OIDC_PROVIDER_UNREACHABLE', `The provider's metadata could not be read (${(error as Error).message}).`);
  }
  if (secret === null) return found;
  // client_secret_basic is the OpenID default; post only where the provider says it takes nothing else.
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported;
  const auth = !methods || methods.includes('client_secret_basic') ? oidc.ClientSecretBasic(secret) : oidc.ClientSecretPost(secret);
  const configuration = new oidc.Configuration(found.serverMetadata(), provider.clientId!, undefined, auth);
  for (const run of execute) run(configuration);
  configuration.timeout = DISCOVERY_TIMEOUT_SECONDS;
  return configuration;
}

/** The provider's client configuration, discovered once per row version and hour. */
export function clientConfiguration(provider: AuthProviderRow, secretKey: Buffer): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.updatedAt.getTime()}`;
  const cached = configurations.get(key);
  if (cached && Date.now() - cached.at < METADATA_TTL_MS) return cached.configuration;
  const configuration = discover(provider, secretKey);
  configurations.set(key, { at: Date.now(), configuration });
  // A failure is not kept: the next sign-in tries again.
  configuration.catch(() => configurations.delete(key));
  // Providers are few; an old version of a row is dropped when its successor is cached.
  for (const other of configurations.keys()) if (other !== key && other.startsWith(`${provider.id}:`)) configurations.delete(other);
  return configuration;
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  verifier: string;
}

/** Where to send the browser: the authorization endpoint with fresh state, nonce and PKCE challenge. */
export async function authorizationRequest(configuration: oidc.Configuration, redirectUri: string, scopes: string[]): Promise<AuthorizationRequest> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, verifier };
}

/** The claims of a validated ID token. */
export interface IdentityClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  givenName: string | null;
  familyName: string | null;
  locale: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Why a code exchange failed, in words a client can branch on. */
function exchangeRefusal(error: unknown): OidcError {
  // openid-client wraps oauth4webapi's error, whose cause names the claim that failed.
  const failure = error as { code?: string; cause?: { claim?: string; cause?: { claim?: string } } };
  const claim = failure?.cause?.claim ?? failure?.cause?.cause?.claim;
  if (failure instanceof oidc.ResponseBodyError) return new OidcError(400, 'OIDC_AUTHENTICATION_FAILED', 'The provider refused the authorization code.', 'code_rejected');
  if (failure instanceof oidc.AuthorizationResponseError) return new OidcError(400, 'OIDC_AUTHENTICATION_FAILED', 'The provider refused the sign-in.', 'provider_refused');
  if (claim === 'nonce') return new OidcError(400, 'OIDC_AUTHENTICATION_FAILED', 'The ID token is not for this sign-in (nonce).', 'nonce_mismatch');
  if (typeof failure?.code === 'string' && failure.code.startsWith('OAUTH_')) return new OidcError(400, 'OIDC_AUTHENTICATION_FAILED', 'The ID token was refused.', 'id_token_invalid');
  return new OidcError(502, 'OIDC_PROVIDER_UNREACHABLE', 'The provider could not be reached to finish the sign-in.');
}

/** Exchanges the callback's code (with the PKCE verifier) and validates the ID token, nonce included. */
export async function exchangeCode(configuration: oidc.Configuration, callbackUrl: URL, checks: { state: string; nonce: string; verifier: string }): Promise<IdentityClaims> {
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    throw exchangeRefusal(error);
  }
  if (!claims?.sub) throw new OidcError(400, 'OIDC_AUTHENTICATION_FAILED', 'The provider sent no ID token subject.', 'id_token_invalid');
  return {
    subject: claims.sub,
    email: text(claims.email),
    // Only a literal true counts (some providers send the string "true"; that is not taken on trust either).
    emailVerified: claims.email_verified === true,
    name: text(claims.name),
    givenName: text(claims.given_name),
    familyName: text(claims.family_name),
    locale: text(claims.locale),
  };
}
