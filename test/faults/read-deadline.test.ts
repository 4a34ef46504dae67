import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { databaseFault } from '../../src/errors.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/**
 * A connection whose network dies without a reset never answers: the read deadline
 * (DATABASE_QUERY_TIMEOUT_MS) fails its query as DATABASE_UNAVAILABLE within about a second past
 * the deadline, and the pool goes on with a new connection. PostgreSQL only (PGlite has no network).
 */
const adminUrl = process.env.TEST_DATABASE_URL;
const DEADLINE_MS = 1_500;

describe.runIf(adminUrl)('the read deadline of a query', () => {
  let proxy: TcpProxy;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    const target = new URL(adminUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    handle = await openDatabase({ url: target.toString(), poolSize: 2, queryTimeoutMs: DEADLINE_MS });
  });
  afterAll(async () => {
    await handle.close();
    await proxy.close();
  });

  it('fails a query on a silent connection as DATABASE_UNAVAILABLE, and the next query gets a new connection', async () => {
    expect(await handle.queryText('select $1::text', ['before'])).toBe('before');
    proxy.silence();
    const started = Date.now();
    const error = await handle.queryText('select $1::text', ['silent']).then(
      () => null,
      (failure: unknown) => failure,
    );
    const waited = Date.now() - started;
    expect(databaseFault(error)).toBe('DATABASE_UNAVAILABLE');
    expect(waited).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
    expect(waited).toBeLessThan(DEADLINE_MS + 2_500);
    await proxy.restore();
    expect(await handle.queryText('select $1::text', ['after'])).toBe('after');
  });

  it('lets a slow query that keeps its connection busy past one sweep finish (statement_timeout is the server limit)', async () => {
    expect(await handle.queryText('select pg_sleep(0.6)::text || $1', ['done'])).toBe('done');
  });
});
