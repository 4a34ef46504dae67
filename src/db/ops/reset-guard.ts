import { basename, resolve } from 'node:path';
import type { Config } from '../../config.js';

/** The switch that lets `db:reset` (or `db:seed -- --reset`) empty a production database: `--yes-really-reset=<database name>`. */
export const RESET_OVERRIDE = 'yes-really-reset';

/**
 * The name a reset override must repeat: PostgreSQL's database (the path of DATABASE_URL; without
 * one, libpq's default, the user), else the embedded data directory's last folder (`/data`: `data`).
 */
export function databaseName(config: Pick<Config, 'databaseUrl' | 'pgliteDataDir'>): string {
  if (config.databaseUrl) {
    const url = URL.canParse(config.databaseUrl) ? new URL(config.databaseUrl) : undefined;
    return decodeURIComponent(url?.pathname.slice(1) || url?.username || 'postgres');
  }
  if (config.pgliteDataDir.includes('://')) return config.pgliteDataDir.replace(/:\/\/.*$/, '');
  return basename(resolve(config.pgliteDataDir));
}

/**
 * Why a reset (every table of auth, platform and chat truncated) may not run, or null when it may:
 * in production mode (NODE_ENV=production, src/config.ts) only with the override naming this very
 * database, so neither a stray flag nor a command copied from another environment empties it.
 */
export function resetRefusal(config: Pick<Config, 'production' | 'databaseUrl' | 'pgliteDataDir'>, override: string | undefined): string | null {
  const name = databaseName(config);
  if (override !== undefined && override !== name) return `--${RESET_OVERRIDE}=${override} names another database than this one ("${name}"): nothing was reset`;
  if (!config.production || override === name) return null;
  return `reset refused: NODE_ENV=production, and a reset empties every table of database "${name}". To reset it anyway pass --${RESET_OVERRIDE}=${name}`;
}
