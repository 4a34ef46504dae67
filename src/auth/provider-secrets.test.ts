import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientSecretContext, open, parseSecretKey, seal } from './provider-secrets.js';

describe('provider secrets (AES-256-GCM)', () => {
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

  it('AUTH_PROVIDER_SECRET_KEY: 64 hex digits or base64 of 32 bytes; unset is none; anything else stops the start', () => {
    expect(parseSecretKey(undefined)).toBeNull();
    expect(parseSecretKey('  ')).toBeNull();
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(() => parseSecretKey('too-short')).toThrow(/32 bytes/);
  });
});
