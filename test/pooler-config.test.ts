import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';

/** DATABASE_POOLER and DATABASE_LISTEN_URL (README "Behind PgBouncer"); test/pgbouncer.test.ts runs them against PgBouncer. */

const POOLER = 'postgres://gateway@pgbouncer:6432/workspace';
const DIRECT = 'postgres://gateway@postgres:5432/workspace';

describe('DATABASE_POOLER and DATABASE_LISTEN_URL', () => {
  it('default to no pooler, LISTEN on DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: DIRECT })).toMatchObject({ databasePooler: 'none', databaseListenUrl: DIRECT });
    expect(loadConfig({ DATABASE_URL: DIRECT, DATABASE_LISTEN_URL: 'postgres://other/db' }).databaseListenUrl).toBe('postgres://other/db');
  });

  it('take a transaction pooler with LISTEN on its own URL, and refuse one without it or an unknown mode', () => {
    expect(loadConfig({ DATABASE_URL: POOLER, DATABASE_POOLER: 'transaction', DATABASE_LISTEN_URL: DIRECT })).toMatchObject({ databaseUrl: POOLER, databasePooler: 'transaction', databaseListenUrl: DIRECT });
    expect(() => loadConfig({ DATABASE_URL: POOLER, DATABASE_POOLER: 'transaction' })).toThrow(/DATABASE_POOLER=transaction needs DATABASE_LISTEN_URL/);
    expect(() => loadConfig({ DATABASE_URL: POOLER, DATABASE_POOLER: 'statement', DATABASE_LISTEN_URL: DIRECT })).toThrow('DATABASE_POOLER must be none or transaction, got "statement"');
  });

  it('behind a transaction pooler send no startup options, and LISTEN at the listen URL (no connection is opened)', async () => {
    const pooled = await openDatabase({ url: POOLER, pooler: 'transaction', listenUrl: DIRECT });
    const direct = await openDatabase({ url: DIRECT });
    try {
      expect(pooled.pool!.options.options).toBeUndefined();
      expect(pooled.listenConfig).toMatchObject({ connectionString: DIRECT, options: undefined });
      expect(direct.pool!.options.options).toContain('statement_timeout=');
      expect(direct.listenConfig).toMatchObject({ connectionString: DIRECT, options: direct.pool!.options.options });
    } finally {
      await Promise.all([pooled.close(), direct.close()]);
    }
  });
});
