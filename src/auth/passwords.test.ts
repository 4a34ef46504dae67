import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('round-trips, and the stored hash is an Argon2id PHC string, not the password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(stored).not.toContain('correct horse battery');
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse battery ')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('treats a malformed stored hash as a mismatch, not an error', async () => {
    expect(await verifyPassword('not-a-phc-string', 'whatever1')).toBe(false);
    expect(await verifyAgainstNothing('whatever1')).toBe(false);
  });

  it('the demo hash in seeds/accounts.sql is the documented demo password', async () => {
    const seed = readFileSync(new URL('../../seeds/accounts.sql', import.meta.url), 'utf8');
    const stored = /'(\$argon2id\$[^']+)'/.exec(seed)?.[1];
    expect(stored).toBeDefined();
    expect(await verifyPassword(stored!, 'demo-password-2026')).toBe(true);
  });
});
