import { timingSafeEqual } from 'node:crypto';
import { deriveKey, open, seal } from '../../secrets.js';

/**
 * What the start of a sign-in hands to its callback, in a short-lived HttpOnly cookie sealed with
 * AES-256-GCM (a key derived from AUTH_PROVIDER_SECRET_KEY): nothing is kept in the gateway, so any
 * instance can finish what another started, and the browser can neither read nor forge it.
 */
export interface SignInState {
  /** The provider key the sign-in was started for. */
  provider: string;
  state: string;
  nonce: string;
  /** The PKCE code verifier (the provider saw only its S256 challenge). */
  verifier: string;
  /** The allow-listed URL the browser goes back to. */
  returnUrl: string;
  /** The redirect_uri of the authorization request (the token request repeats it). */
  redirectUri: string;
  /** Epoch ms after which the callback is refused. */
  expiresAt: number;
}

export const STATE_COOKIE = 'gw_oidc_state';
export const STATE_COOKIE_PATH = '/auth/oidc/';
export const STATE_TTL_MS = 10 * 60_000;
const PURPOSE = 'oidc-sign-in-state';

const stateKeys = new WeakMap<Buffer, Buffer>();
function stateKey(secretKey: Buffer): Buffer {
  let key = stateKeys.get(secretKey);
  if (!key) stateKeys.set(secretKey, (key = deriveKey(secretKey, PURPOSE)));
  return key;
}

/** The Set-Cookie value carrying `state`; Secure when the callback is https. */
export function stateCookie(secretKey: Buffer, state: SignInState): string {
  const value = seal(stateKey(secretKey), JSON.stringify(state), PURPOSE);
  const secure = state.redirectUri.startsWith('https:') ? '; Secure' : '';
  return `${STATE_COOKIE}=${value}; Path=${STATE_COOKIE_PATH}; Max-Age=${STATE_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure}`;
}

/** The cookie gone (every callback answer sends it: a state is used once). */
export const clearedStateCookie = `${STATE_COOKIE}=; Path=${STATE_COOKIE_PATH}; Max-Age=0; HttpOnly; SameSite=Lax`;

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The sealed state for this callback: of this provider, unexpired, and naming the `state` the provider sent back; else null. */
export function readState(secretKey: Buffer, cookieHeader: string | null, provider: string, returnedState: string | null, now = Date.now()): SignInState | null {
  const sealed = cookieValue(cookieHeader, STATE_COOKIE);
  if (!sealed || !returnedState) return null;
  const plain = open(stateKey(secretKey), sealed, PURPOSE);
  if (plain === null) return null;
  let state: SignInState;
  try {
    state = JSON.parse(plain) as SignInState;
  } catch {
    return null;
  }
  if (state.provider !== provider || !(state.expiresAt > now) || typeof state.state !== 'string' || !sameText(state.state, returnedState)) return null;
  return state;
}
