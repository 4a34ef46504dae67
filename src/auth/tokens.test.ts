import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sessionOrigin, sessionTtlHours } from './sessions.js';
import { generateToken, hashToken, parseAuthorization, tokenKind } from './tokens.js';

describe('bearer tokens', () => {
  it('are prefixed, carry 32 random bytes in base64url, and are told apart by kind', () => {
    const session = generateToken('session');
    const bot = generateToken('bot');
    expect(session).toMatch(/^gw_s_[A-Za-z0-9_-]{43}$/);
    expect(bot).toMatch(/^gw_b_[A-Za-z0-9_-]{43}$/);
    expect(generateToken('session')).not.toBe(session);
    expect(tokenKind(session)).toBe('session');
    expect(tokenKind(bot)).toBe('bot');
    expect(tokenKind('demo-helper-bot-token')).toBeNull();
    expect(tokenKind('gw_s_short')).toBeNull();
    expect(tokenKind(`gw_x_${'a'.repeat(43)}`)).toBeNull();
  });

  it('are stored as the SHA-256 hex of the whole token', () => {
    const token = generateToken('session');
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are read from a Bearer Authorization header, the scheme in any case', () => {
    expect(parseAuthorization(null)).toEqual({ kind: 'none' });
    expect(parseAuthorization('  ')).toEqual({ kind: 'none' });
    expect(parseAuthorization('Bearer abc')).toEqual({ kind: 'token', token: 'abc' });
    expect(parseAuthorization('bEaReR   abc ')).toEqual({ kind: 'token', token: 'abc' });
    expect(parseAuthorization('Basic dXNlcjpwYXNz')).toEqual({ kind: 'malformed' });
    expect(parseAuthorization('Bearer')).toEqual({ kind: 'malformed' });
    expect(parseAuthorization('Bearer a b')).toEqual({ kind: 'malformed' });
  });
});

describe('session settings', () => {
  it('SESSION_TTL_HOURS defaults to 720 and must be a positive integer', () => {
    expect(sessionTtlHours({})).toBe(720);
    expect(sessionTtlHours({ SESSION_TTL_HOURS: '2' })).toBe(2);
    expect(() => sessionTtlHours({ SESSION_TTL_HOURS: '0' })).toThrow(/positive integer/);
    expect(() => sessionTtlHours({ SESSION_TTL_HOURS: 'soon' })).toThrow(/positive integer/);
  });

  it('keeps only a valid IP address and a bounded user agent', () => {
    expect(sessionOrigin('::ffff:127.0.0.1', 'curl/8')).toEqual({ ip: '::ffff:127.0.0.1', userAgent: 'curl/8' });
    expect(sessionOrigin('not an ip', 'x'.repeat(2000))).toEqual({ ip: null, userAgent: 'x'.repeat(512) });
    expect(sessionOrigin(undefined, null)).toEqual({ ip: null, userAgent: null });
  });
});
