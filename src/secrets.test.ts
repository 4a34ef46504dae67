import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientSecretContext, integrationCredentialsContext, open, parseSecretKey, seal } from './secrets.js';

describe('secrets at rest (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('seals and opens; each sealing differs (random IV); the plain text is not in the sealed form', () => {
    const a = seal(key, 'the-secret', clientSecretContext('google'));
    const b = seal(key, 'the-secret', clientSecretContext('google'));
    expect(a).not.toBe(b);
    expect(a).not.toContain('the-secret');
    expect(open(key, a, clientSecretContext('google'))).toBe('the-secret');
  });

  it('refuses another key, another provider (a copied ciphertext), a tampered or malformed value', () => {
    const sealed = seal(key, 'the-secret', clientSecretContext('google'));
    expect(open(randomBytes(32), sealed, clientSecretContext('google'))).toBeNull();
    expect(open(key, sealed, clientSecretContext('other'))).toBeNull();
    const [version, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0]! ^= 1;
    expect(open(key, [version, iv, tag, flipped.toString('base64url')].join('.'), clientSecretContext('google'))).toBeNull();
    for (const bad of ['', 'v1', 'v2.a.b.c', `${sealed}.extra`]) expect(open(key, bad, clientSecretContext('google'))).toBeNull();
  });

  it('an integration connection\'s credentials open only for their own row, and never as a provider secret', () => {
    const rowA = '00000000-0000-4000-8000-00000000000a';
    const sealed = seal(key, '{"token":"t"}', integrationCredentialsContext(rowA));
    expect(open(key, sealed, integrationCredentialsContext(rowA))).toBe('{"token":"t"}');
    expect(open(key, sealed, integrationCredentialsContext('00000000-0000-4000-8000-00000000000b'))).toBeNull();
    expect(open(key, sealed, clientSecretContext(rowA))).toBeNull();
  });

  it('a key: 64 hex digits or base64 of 32 bytes; unset is none; anything else stops the start, naming the variable', () => {
    expect(parseSecretKey(undefined, 'AUTH_PROVIDER_SECRET_KEY')).toBeNull();
    expect(parseSecretKey('  ', 'AUTH_PROVIDER_SECRET_KEY')).toBeNull();
    expect(parseSecretKey(key.toString('hex'), 'AUTH_PROVIDER_SECRET_KEY')).toEqual(key);
    expect(parseSecretKey(key.toString('base64'), 'INTEGRATION_SECRET_KEY')).toEqual(key);
    expect(() => parseSecretKey('too-short', 'AUTH_PROVIDER_SECRET_KEY')).toThrow(/^AUTH_PROVIDER_SECRET_KEY must be 32 bytes/);
    expect(() => parseSecretKey('too-short', 'INTEGRATION_SECRET_KEY')).toThrow(/^INTEGRATION_SECRET_KEY must be 32 bytes/);
  });
});
