import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './system-log.js';

describe('withoutSecrets', () => {
  it('drops credential-like keys at any depth and keeps the rest', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    expect(
      withoutSecrets({ userId: 'u', password: 'p', newPasswordHash: 'h', token: 't', nested: { botToken: 't', clientSecret: 's', ip: '192.0.2.1' }, at: when, list: [1] }),
    ).toEqual({ userId: 'u', nested: { ip: '192.0.2.1' }, at: when, list: [1] });
  });
});
