import { DEFAULT_LIMITS, type QueryLimits } from './limits/limits.js';

/** Every setting the gateway reads from the environment, parsed once. */
export interface Config {
  port: number;
  host: string;
  /** A real PostgreSQL; without it the gateway runs on embedded PGlite. */
  databaseUrl: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory. */
  pgliteDataDir: string;
  poolSize: number;
  statementTimeoutMs: number;
  migrateOnStart: boolean;
  seedOnStart: boolean;
  maxPageSize: number;
  logQueries: boolean;
  /** How long accepted credentials are reused without a lookup; 0 looks every token up. */
  authCacheTtlMs: number;
  /** A demo user whose session the playground opens with (empty: anonymous); never in production. */
  playgroundUser: string;
  /** Answer validated reads with one compiled statement (src/compiled/). */
  compiledReads: boolean;
  /** What one request may ask for before it runs (src/limits/, README "Limits"). */
  limits: QueryLimits;
}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function flag(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', 4000, env),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDataDir: env.PGLITE_DATA_DIR || './.data',
    poolSize: integer('DATABASE_POOL_SIZE', 10, env),
    statementTimeoutMs: integer('DATABASE_STATEMENT_TIMEOUT_MS', 15_000, env),
    migrateOnStart: flag('MIGRATE_ON_START', true, env),
    seedOnStart: flag('SEED_ON_START', true, env),
    maxPageSize: integer('MAX_PAGE_SIZE', 100, env),
    logQueries: flag('LOG_QUERIES', false, env),
    authCacheTtlMs: integer('AUTH_CACHE_TTL_MS', 5_000, env),
    playgroundUser: env.NODE_ENV === 'production' ? '' : (env.PLAYGROUND_USER ?? 'alice@example.com'),
    compiledReads: flag('COMPILED_READS', true, env),
    limits: {
      bodyBytes: integer('LIMIT_BODY_BYTES', DEFAULT_LIMITS.bodyBytes, env),
      queryLength: integer('LIMIT_QUERY_LENGTH', DEFAULT_LIMITS.queryLength, env),
      tokens: integer('LIMIT_TOKENS', DEFAULT_LIMITS.tokens, env),
      depth: integer('LIMIT_DEPTH', DEFAULT_LIMITS.depth, env),
      aliases: integer('LIMIT_ALIASES', DEFAULT_LIMITS.aliases, env),
      directives: integer('LIMIT_DIRECTIVES', DEFAULT_LIMITS.directives, env),
      cost: integer('LIMIT_COST', DEFAULT_LIMITS.cost, env),
      passwordHashes: integer('LIMIT_PASSWORD_HASHES', DEFAULT_LIMITS.passwordHashes, env),
    },
  };
}
