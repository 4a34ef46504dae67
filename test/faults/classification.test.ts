import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { databaseFault, maskError } from '../../src/errors.js';
import { openSeededDatabase } from '../gateway.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
// drizzle wraps a driver error: "Failed query: ..." with the driver's error as `cause`.
const drizzleWrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('databaseFault', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection, wrapped by drizzle', drizzleWrapped(withCode('read ECONNRESET', 'ECONNRESET'))],
    ['a connection that ended mid-query', drizzleWrapped(new Error('Connection terminated unexpectedly'))],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['no free connection in time', new Error('timeout exceeded when trying to connect')],
    ['a silent connection', new Error('Query read timeout')],
    ['a terminated backend (57P01)', drizzleWrapped(withCode('terminating connection due to administrator command', '57P01'))],
    ['a server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['SQLSTATE class 08', withCode('connection failure', '08006')],
    ['a closed PGlite', new Error('PGlite is closed')],
  ])('%s is DATABASE_UNAVAILABLE', (_name, error) => {
    expect(databaseFault(error)).toBe('DATABASE_UNAVAILABLE');
  });

  it('a statement timeout (57014) is DATABASE_TIMEOUT', () => {
    expect(databaseFault(drizzleWrapped(withCode('canceling statement due to statement timeout', '57014')))).toBe('DATABASE_TIMEOUT');
  });

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a syntax error in a value', withCode('invalid input syntax for type uuid', '22P02')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'Connection terminated'],
  ])('%s is no fault', (_name, error) => {
    expect(databaseFault(error)).toBeNull();
  });
});

describe('maskError of a database fault', () => {
  it('keeps the path, hides the driver message, and asks for HTTP 503 with Retry-After', () => {
    const original = drizzleWrapped(new Error('Connection terminated unexpectedly'));
    const error = new GraphQLError(original.message, { path: ['channel'], originalError: original });
    const logged: unknown[] = [];
    const masked = maskError(error, (e) => logged.push(e), 3);
    expect(masked.message).toBe('The database is unavailable; try again later.');
    expect(masked.path).toEqual(['channel']);
    expect(masked.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '3' } } });
    expect(logged).toEqual([error]);
  });

  it('masks an error thrown outside a resolver (e.g. by the context) the same way', () => {
    const masked = maskError(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), () => undefined);
    expect(masked.extensions.code).toBe('DATABASE_UNAVAILABLE');
  });
});

describe('a transaction PostgreSQL rolled back', () => {
  it('is not reported as committed (PGlite checks this itself, node-postgres through db/client.ts)', async () => {
    const { handle, drop } = await openSeededDatabase();
    try {
      const outcome = handle.db.transaction(async (tx) => {
        // A failed statement whose error is swallowed: the transaction is aborted, COMMIT answers ROLLBACK.
        await tx.execute(sql`select 1 / 0`).catch(() => undefined);
        return 'committed';
      });
      const error = (await outcome.catch((caught: unknown) => caught)) as Error & { cause?: Error };
      // drizzle wraps the failure of its COMMIT statement ("Failed query: commit") around ours.
      expect(`${error.message} ${error.cause?.message ?? ''}`).toMatch(/rolled back instead of committed/);
    } finally {
      await drop();
    }
  });
});

// PGlite runs statements in this thread: no timer cancels one.
describe.skipIf(!process.env.TEST_DATABASE_URL)('node-postgres', () => {
  it('reports a statement past statement_timeout as DATABASE_TIMEOUT', async () => {
    const { handle, drop } = await openSeededDatabase();
    try {
      const error = await handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = 50`);
        await tx.execute(sql`select pg_sleep(2)`);
      }).catch((caught: unknown) => caught);
      expect(databaseFault(error)).toBe('DATABASE_TIMEOUT');
      // The connection was fine: the pool serves the next statement.
      expect(await handle.queryText('select $1::text', ['ok'])).toBe('ok');
    } finally {
      await drop();
    }
  });
});
