import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowedReturnUrl } from '../../http/oidc-routes.js';
import { readState, stateCookie, type SignInState } from './state.js';

const key = randomBytes(32);
const state: SignInState = {
  provider: 'google',
  state: 'the-state',
  nonce: 'the-nonce',
  verifier: 'the-verifier',
  returnUrl: 'https://app.example/',
  redirectUri: 'https://gw.example/auth/oidc/google/callback',
  expiresAt: Date.now() + 60_000,
};
const cookieHeader = (value: string) => `other=1; ${value.split(';')[0]}`;

describe('the sign-in state cookie', () => {
  it('is sealed (nothing readable), HttpOnly, Secure for an https callback, and reads back for its provider and state', () => {
    const cookie = stateCookie(key, state);
    expect(cookie).toMatch(/HttpOnly; SameSite=Lax; Secure$/);
    for (const secret of ['the-state', 'the-nonce', 'the-verifier']) expect(cookie).not.toContain(secret);
    expect(readState(key, cookieHeader(cookie), 'google', 'the-state')).toEqual(state);
  });

  it('refuses another state, another provider, an expired one, another key, a tampered or absent cookie', () => {
    const cookie = cookieHeader(stateCookie(key, state));
    expect(readState(key, cookie, 'google', 'other-state')).toBeNull();
    expect(readState(key, cookie, 'google', null)).toBeNull();
    expect(readState(key, cookie, 'github', 'the-state')).toBeNull();
    expect(readState(key, cookie, 'google', 'the-state', state.expiresAt + 1)).toBeNull();
    expect(readState(randomBytes(32), cookie, 'google', 'the-state')).toBeNull();
    // A character inside the authentication tag (not its last, which holds padding bits).
    const at = cookie.indexOf('v1.') + 30;
    expect(readState(key, cookie.slice(0, at) + (cookie[at] === 'A' ? 'B' : 'A') + cookie.slice(at + 1), 'google', 'the-state')).toBeNull();
    expect(readState(key, null, 'google', 'the-state')).toBeNull();
  });
});

describe('return URLs', () => {
  const allowed = ['https://app.example/signed-in', 'https://admin.example/'];
  it.each([
    ['https://app.example/signed-in', 'https://app.example/signed-in'],
    ['https://app.example/signed-in/deeper?tab=1#old', 'https://app.example/signed-in/deeper?tab=1'],
    ['https://admin.example/anything', 'https://admin.example/anything'],
    ['https://app.example/signed-in-elsewhere', null],
    ['https://app.example/', null],
    ['http://app.example/signed-in', null],
    ['https://app.example.evil/signed-in', null],
    ['https://user@app.example/signed-in', null],
    ['//admin.example/', null],
    ['javascript:alert(1)', null],
  ])('%s -> %s', (candidate, expected) => {
    expect(allowedReturnUrl(candidate, allowed)).toBe(expected);
  });
});
