import { stat } from 'node:fs/promises';
import pg from 'pg';
import type { Config } from '../../config.js';
import { BackupError, backupFormat, type BackupFormat } from './backup-file.js';
import { backupPglite, restorePglite } from './pglite-backup.js';
import { backupPostgres, restorePostgres } from './postgres-backup.js';
import { resetRefusal } from './reset-guard.js';

type BackupConfig = Pick<Config, 'databaseUrl' | 'databasePooler' | 'databaseListenUrl' | 'pgliteDataDir' | 'production'>;

/** PostgreSQL itself: behind a transaction pooler pg_dump and psql (session state, one snapshot) go to DATABASE_LISTEN_URL. */
function directUrl(config: BackupConfig): string | undefined {
  return config.databasePooler === 'transaction' ? config.databaseListenUrl : config.databaseUrl;
}

/** `npm run db:backup -- <file>`: PostgreSQL with `pg_dump -Fc`, the embedded database as PGlite's data-directory dump. */
export async function backupDatabase(config: BackupConfig, file: string, options: { force?: boolean } = {}): Promise<{ format: BackupFormat; bytes: number }> {
  const url = directUrl(config);
  if (url) await backupPostgres(url, file, options);
  else await backupPglite(config.pgliteDataDir, file, options);
  return { format: url ? 'postgres' : 'pglite', bytes: (await stat(file)).size };
}

export interface RestoreOptions {
  /** Replace what the target holds (refused otherwise when it is not empty). */
  clean?: boolean;
  /** In production, `clean` also needs the database's name repeated (--yes-really-reset, as db:reset). */
  resetOverride?: string;
}

/**
 * `npm run db:restore -- <file>`: the backup into the configured database, which must be of the
 * backup's kind and empty (or `clean`). Every table, row and function of the source comes back;
 * run `npm run db:init` afterwards when the backup predates the gateway's migrations.
 */
export async function restoreDatabase(config: BackupConfig, file: string, options: RestoreOptions = {}): Promise<BackupFormat> {
  const format = await backupFormat(file);
  const url = directUrl(config);
  if (url && format === 'pglite') throw new BackupError('WRONG_DATABASE_KIND', `${file} is a dump of an embedded database (PGlite): restore it without DATABASE_URL, into PGLITE_DATA_DIR`);
  if (!url && format === 'postgres') throw new BackupError('WRONG_DATABASE_KIND', `${file} is a pg_dump archive of PostgreSQL: restore it with DATABASE_URL set to an empty database`);
  // --clean throws away what the target holds: in production only with the database named, like a reset.
  const refusal = options.clean ? resetRefusal(config, options.resetOverride) : null;
  if (refusal) throw new BackupError('REFUSED_IN_PRODUCTION', refusal.replace(/^reset refused/, '--clean refused'));
  if (!url) {
    await restorePglite(file, config.pgliteDataDir, options);
    return format;
  }
  await restorePostgres(file, url, options);
  // pg_restore brings no planner statistics: gathered now rather than by the first slow queries.
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('analyze').finally(() => client.end());
  return format;
}
