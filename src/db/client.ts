import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgAsyncDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_RETRY_AFTER_SECONDS, type Config, type DatabasePooler } from '../config.js';
import { databaseFault } from '../errors.js';
import { isTracing, tracePglite, traceStatement } from '../observe/trace.js';
import { lockDataDir } from './data-dir-lock.js';
import { logger } from '../observe/logger.js';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { relations } from './relations.js';

/** One database type for both drivers, so every query is written once. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Database = PgAsyncDatabase<any, typeof relations>;

export interface DatabaseOptions {
  /** postgres:// URL; without it PGlite is used. */
  url?: string;
  /** `transaction`: `url` is a transaction-mode pooler (PgBouncer), so no connection keeps session state (createPool). */
  pooler?: DatabasePooler;
  /** Where the LISTEN connection goes (default `url`); behind a transaction pooler, PostgreSQL itself. */
  listenUrl?: string;
  /** PGlite data directory (default in memory). */
  dataDir?: string;
  /** A PGlite data dump (from `dumpDataDir`) to start from, e.g. a migrated template in tests. */
  loadDataDir?: File;
  poolSize?: number;
  statementTimeoutMs?: number;
  /** Opening a connection or waiting for a free one fails after this long (default DEFAULT_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
  /** Client-side bound on one statement, for a connection that went silent (default: statement timeout + 5 s; 0: none). */
  queryTimeoutMs?: number;
  /** The Retry-After (seconds) of answers to requests the database failed (default DEFAULT_RETRY_AFTER_SECONDS). */
  retryAfterSeconds?: number;
  logger?: Logger;
}

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Runs a raw SQL script (several statements, no parameters) outside drizzle, e.g. a seed file. */
  exec(sqlText: string): Promise<void>;
  /** Runs `work` in one transaction on one connection; `exec` runs raw SQL scripts inside it. */
  scriptTransaction<T>(work: (exec: (sqlText: string) => Promise<void>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Runs one statement whose single value is text (a compiled read's JSON); logged like drizzle's
   * queries. `planEachTime`: planned with these values every time (see COMPILED_SETTINGS).
   */
  queryText(text: string, params: unknown[], options?: { planEachTime?: boolean }): Promise<string | null>;
  pool?: pg.Pool;
  /** The LISTEN connection's settings on PostgreSQL: the pool's, at `listenUrl`. */
  listenConfig?: pg.ClientConfig;
  pglite?: PGlite;
  /** The Retry-After (seconds) the server sends with DATABASE_UNAVAILABLE / DATABASE_TIMEOUT. */
  retryAfterSeconds: number;
  /**
   * When set (metrics), told each statement's duration: `compiled` for a compiled read's, else one
   * the engine ran through the pool or PGlite (statements inside a transaction are not timed).
   */
  onStatement?: (seconds: number, compiled: boolean) => void;
  /** The connections of its pools now (PGlite: one connection, no pool). */
  poolStats(): PoolStats[];
}

export interface PoolStats {
  pool: string;
  total: number;
  /** Absent for PGlite, which has no pool: its one connection runs one statement at a time. */
  idle?: number;
  /** Requests waiting for a connection. */
  waiting?: number;
}

const poolStats = (pool: string, of: pg.Pool | undefined): PoolStats[] => (of ? [{ pool, total: of.totalCount, idle: of.idleCount, waiting: of.waitingCount }] : []);

/** Calls `done` with the seconds since `started` once `result` settles (it is still the caller's to handle). */
function timeStatement(result: unknown, started: number, done: (seconds: number, compiled: boolean) => void): void {
  const report = () => done((performance.now() - started) / 1000, false);
  if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).then(report, report);
}

/** A driver's `query`, timed into the handle's onStatement when metrics ask (compiled reads time theirs in queryText). */
function timedWhenAsked<A extends unknown[], R>(query: (...args: A) => R, handle: () => DatabaseHandle): (...args: A) => R {
  return (...args) => {
    const done = handle().onStatement;
    if (!done) return query(...args);
    const started = performance.now();
    const result = query(...args);
    timeStatement(result, started, done);
    return result;
  };
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options);
  return openPglite(options);
}

/** Distinct statement texts that get a name; past this, statements run unnamed (bounded server memory). */
const MAX_NAMED_STATEMENTS = 1_000;

/** A pool whose statements are spans while tracing is on (src/observe/trace.ts). */
class TracedPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const query = super.query as (...params: unknown[]) => never;
    return isTracing() ? traceStatement(args[0], () => query.apply(this, args)) : query.apply(this, args);
  }
}

/**
 * A pool that names every distinct statement text, so node-postgres prepares it once per
 * connection and PostgreSQL reuses its plan instead of parsing and planning each request's query
 * again. The GraphQL layer issues few distinct texts (one per query shape), so the set stays small.
 */
class PreparingPool extends TracedPool {
  private readonly names = new Map<string, string>();

  private nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known || this.names.size >= MAX_NAMED_STATEMENTS) return known;
    const name = `gw_${createHash('sha1').update(text).digest('base64url')}`;
    this.names.set(text, name);
    return name;
  }

  override query(...args: unknown[]): never {
    const [config] = args;
    if (config && typeof config === 'object' && !(config as pg.QueryConfig).name && typeof (config as pg.QueryConfig).text === 'string') {
      args[0] = { ...(config as pg.QueryConfig), name: this.nameFor((config as pg.QueryConfig).text) };
    }
    return super.query(...args);
  }
}

/** COMMIT of a transaction that already failed answers ROLLBACK without an error: that is no success. */
class TransactionRolledBack extends Error {
  constructor() {
    super('The transaction was rolled back instead of committed.');
  }
}

function committed(result: pg.QueryResult): void {
  if (result.command === 'ROLLBACK') throw new TransactionRolledBack();
}

/** A checked-out client as drizzle's session sees it: its COMMIT is checked by `committed`. */
function checkingCommits(client: pg.PoolClient): pg.PoolClient {
  const query = async (config: pg.QueryConfig, values?: unknown[]) => {
    const result = isTracing() ? await traceStatement(config, () => client.query(config, values)) : await client.query(config, values);
    if (/^\s*commit\s*$/i.test(config.text)) committed(result);
    return result;
  };
  return new Proxy(client, { get: (target, key) => (key === 'query' ? query : Reflect.get(target, key, target)) });
}

/**
 * `db.transaction` on the pool, replacing drizzle's, which leaks the connection when BEGIN fails
 * (its release is in a `finally` that starts after BEGIN) and returns a client whose connection
 * broke to the pool as if healthy. Here the client is released in every case, and with the error
 * (so the pool discards it) when the transaction failed at the connection or its ROLLBACK did.
 * Each pooled connection gets one drizzle instance of its own, made on first use.
 */
function poolTransactions(pool: pg.Pool, logger: Logger | undefined): Database['transaction'] {
  const perConnection = new WeakMap<pg.PoolClient, Database>();
  return async (work, config) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      let connectionDb = perConnection.get(client);
      if (!connectionDb) {
        connectionDb = drizzlePg({ client: checkingCommits(client), relations, logger }) as unknown as Database;
        perConnection.set(client, connectionDb);
      }
      return await connectionDb.transaction(work, config);
    } catch (error) {
      if (databaseFault(error) === 'DATABASE_UNAVAILABLE') broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

/**
 * The read deadline of every query (DATABASE_QUERY_TIMEOUT_MS): a query the server has left
 * unanswered that long (a network that died without a reset) has its connection destroyed, which
 * fails it as "Query read timeout" (DATABASE_UNAVAILABLE) and drops the connection from the pool.
 * One sweep a second per pool instead of pg's query_timeout, whose timer per query kept each result
 * reachable until V8 promoted it to the old generation (bench shape c: 3 MB promoted per scavenge,
 * 0.07 MB without).
 */
function watchReadDeadline(pool: pg.Pool, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  const clients = new Set<pg.PoolClient>();
  // Each client's running query, and since when the sweep has seen it running.
  const running = new WeakMap<pg.PoolClient, { query: object; since: number }>();
  pool.on('connect', (client) => clients.add(client));
  pool.on('remove', (client) => clients.delete(client));
  const sweep = setInterval(
    () => {
      if (pool.ended) return clearInterval(sweep);
      const now = Date.now();
      for (const client of clients) {
        // pg's accessor of the query on the wire (the public `activeQuery` is deprecated).
        const query = (client as unknown as { _getActiveQuery(): object | null })._getActiveQuery();
        const seen = running.get(client);
        if (!query) running.delete(client);
        else if (seen?.query !== query) running.set(client, { query, since: now });
        else if (now - seen.since >= timeoutMs) {
          clients.delete(client);
          (client as unknown as { connection: { stream: { destroy(error: Error): void } } }).connection.stream.destroy(new Error('Query read timeout'));
        }
      }
    },
    Math.min(1_000, Math.max(10, timeoutMs / 4)),
  );
  sweep.unref();
}

/**
 * A pool of the gateway's connections; `settings` are added to every connection's startup options.
 * Behind a transaction pooler each transaction may run on another server connection, so nothing
 * may live in the session: no statement is named (a name prepared on one server connection is
 * unknown or already taken on the next) and no startup options are sent (PgBouncer refuses them;
 * the role's settings stand in, see `poolerSettingsWarning`).
 */
function createPool(url: string, options: DatabaseOptions, settings = ''): pg.Pool {
  const statementTimeout = options.statementTimeoutMs ?? 15_000;
  const direct = options.pooler !== 'transaction';
  const pool = new (direct ? PreparingPool : TracedPool)({
    connectionString: url,
    max: options.poolSize ?? 10,
    // JIT turned 3 ms nested queries into 400 ms on freshly migrated tables.
    options: direct ? `-c jit=off -c statement_timeout=${statementTimeout}${settings}` : undefined,
    application_name: 'pg-graphql-gateway',
    // A connect that hangs, or a wait for a free connection, fails the request instead of piling it up.
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // TCP keep-alive probes after 10 s idle, so a connection whose network died silently is noticed.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client that errors (e.g. the server restarted) must not crash the process.
  pool.on('error', (error) => logger().child({ component: 'db' }).warn({ error: error.message }, 'idle client error'));
  // Nor one that is checked out (pg-pool listens only while it is idle): its request fails and reports it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  watchReadDeadline(pool, options.queryTimeoutMs ?? statementTimeout + 5_000);
  return pool;
}

/**
 * Compiled reads get connections of their own that always use a prepared statement's generic plan:
 * their parameters are IDs and times (a page size is written into the text), so one plan serves
 * every request, and planning the deep ones each time cost more than running them
 * (bench shape f: 7.4 ms of database CPU a request planned each time, 2.1 ms with the generic plan).
 * The engine's statements keep PostgreSQL's default choice. A text search is planned with its pattern
 * (`planEachTime`) on connections that always make a custom plan: still prepared, so its text is
 * parsed once per connection (bench shape h unprepared: 5.9 ms of database CPU a request, prepared
 * 3.5 ms, as the raw server's); the generic plan of an ILIKE is blind to how common its word is
 * (a channel search for a common word: 18 ms generic, 3 ms custom).
 */
const COMPILED_SETTINGS = ' -c plan_cache_mode=force_generic_plan';
const PLANNED_EACH_TIME_SETTINGS = ' -c plan_cache_mode=force_custom_plan';

function openPostgres(url: string, options: DatabaseOptions): DatabaseHandle {
  const pool = createPool(url, options);
  let compiledPool: pg.Pool | undefined;
  const compiled = () => (compiledPool ??= createPool(url, options, COMPILED_SETTINGS));
  let plannedPool: pg.Pool | undefined;
  const plannedEachTime = () => (plannedPool ??= createPool(url, options, PLANNED_EACH_TIME_SETTINGS));
  const db = drizzlePg({ client: pool, relations, logger: options.logger }) as unknown as Database;
  db.transaction = poolTransactions(pool, options.logger);
  const handle: DatabaseHandle = {
    db,
    kind: 'postgres',
    pool,
    listenConfig: { ...pool.options, connectionString: options.listenUrl ?? url },
    poolStats: () => [...poolStats('engine', pool), ...poolStats('compiled', compiledPool), ...poolStats('compiled_search', plannedPool)],
    retryAfterSeconds: options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    scriptTransaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(async (sqlText) => {
          await client.query(sqlText);
        });
        committed(await client.query('commit'));
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      await Promise.all([pool.end(), compiledPool?.end(), plannedPool?.end()]);
    },
    queryText: async (text, params, { planEachTime = false } = {}) => {
      options.logger?.logQuery(text, params);
      const target = planEachTime ? plannedEachTime() : compiled();
      const started = performance.now();
      try {
        const result: pg.QueryArrayResult = await target.query({ text, values: params, rowMode: 'array' });
        return (result.rows[0]?.[0] as string | undefined) ?? null;
      } finally {
        handle.onStatement?.((performance.now() - started) / 1000, true);
      }
    },
  };
  pool.query = timedWhenAsked(pool.query.bind(pool) as (...args: unknown[]) => unknown, () => handle) as typeof pool.query;
  return handle;
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  // A directory on disk is this process's alone while open (memory:// and dumps need no lock).
  const unlock = options.dataDir && !options.dataDir.includes('://') ? await lockDataDir(options.dataDir) : () => {};
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: PGLITE_EXTENSIONS,
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  tracePglite(pglite);
  // Compiled reads (queryText) run the untimed query: they time themselves.
  const query = pglite.query.bind(pglite);
  pglite.query = timedWhenAsked(query, () => handle) as PGlite['query'];
  const db = drizzlePglite({ client: pglite, relations, logger: options.logger }) as unknown as Database;
  const handle: DatabaseHandle = {
    db,
    kind: 'pglite',
    pglite,
    poolStats: () => [{ pool: 'pglite', total: 1 }],
    retryAfterSeconds: options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
    exec: async (sqlText) => {
      await pglite.exec(sqlText);
    },
    scriptTransaction: (work) =>
      pglite.transaction((tx) =>
        work(async (sqlText) => {
          await tx.exec(sqlText);
        }),
      ),
    close: async () => {
      await pglite.close();
      unlock();
    },
    queryText: async (text, params) => {
      options.logger?.logQuery(text, params);
      const started = performance.now();
      try {
        const result = await query<unknown[]>(text, params, { rowMode: 'array' });
        return (result.rows[0]?.[0] as string | undefined) ?? null;
      } finally {
        handle.onStatement?.((performance.now() - started) / 1000, true);
      }
    },
  };
  return handle;
}

/** The database the configuration names: PostgreSQL with DATABASE_URL, else PGlite in its data directory. */
export function openConfiguredDatabase(config: Config, logger?: Logger): Promise<DatabaseHandle> {
  return openDatabase({
    url: config.databaseUrl,
    pooler: config.databasePooler,
    listenUrl: config.databaseListenUrl,
    dataDir: config.databaseUrl ? undefined : config.pgliteDataDir,
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    queryTimeoutMs: config.queryTimeoutMs,
    retryAfterSeconds: config.retryAfterSeconds,
    logger,
  });
}

/** Names the database in logs without its credentials. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite at ${config.pgliteDataDir}`;
  const url = URL.canParse(config.databaseUrl) ? new URL(config.databaseUrl) : undefined;
  const where = url ? `PostgreSQL ${url.host}${url.pathname}` : 'PostgreSQL';
  return config.databasePooler === 'transaction' ? `${where} through a transaction pooler (DATABASE_URL; LISTEN on DATABASE_LISTEN_URL)` : `${where} (DATABASE_URL)`;
}

/**
 * Behind a transaction pooler the connections send no startup options, so the statement timeout
 * and `jit = off` must be the role's or the database's own settings: what is missing, or null.
 */
export async function poolerSettingsWarning(handle: DatabaseHandle, statementTimeoutMs: number): Promise<string | null> {
  if (!handle.pool) return null;
  // current_setting shows a timeout in its largest whole unit (15000 ms is '15s'), which reads as an interval.
  const { rows } = await handle.pool.query<{ role: string; timeout: string; timeoutSet: boolean; jit: string }>(
    `select current_user as role, current_setting('statement_timeout') as timeout, current_setting('jit') as jit,
       current_setting('statement_timeout')::interval = $1::int * interval '1 millisecond' as "timeoutSet"`,
    [statementTimeoutMs],
  );
  const { role, timeout, timeoutSet, jit } = rows[0]!;
  if (timeoutSet && jit === 'off') return null;
  return (
    `[db] behind a transaction pooler the server's settings apply: statement_timeout is ${timeout} (DATABASE_STATEMENT_TIMEOUT_MS: ${statementTimeoutMs}), jit is ${jit} (the gateway wants off); ` +
    `set them with: alter role "${role}" set statement_timeout = ${statementTimeoutMs}; alter role "${role}" set jit = off`
  );
}
