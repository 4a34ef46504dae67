import pg from 'pg';
import { BackupError, checkWritable, writeAtomically } from './backup-file.js';
import { connection, runTool, startTool } from './pg-tools.js';

/** `pg_dump -Fc` of the whole database at `url` into `file` (written whole or not at all). */
export async function backupPostgres(url: string, file: string, { force = false }: { force?: boolean } = {}): Promise<void> {
  await checkWritable(file, force);
  const { dbname, env } = connection(url);
  await writeAtomically(file, (temporary) => runTool('pg_dump', ['--format=custom', `--file=${temporary}`, `--dbname=${dbname}`], env));
}

/** What a target database holds beyond what `createdb` gives (named for the refusal). */
export async function postgresContents(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ what: string }>(`
      select 'schema ' || nspname as what from pg_namespace where nspname <> all (array['public', 'information_schema']) and nspname !~ '^pg_'
      union all select 'extension ' || extname from pg_extension where extname <> 'plpgsql'
      union all select 'public.' || relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p', 'v', 'm', 'f', 'S')
      union all select 'publication ' || pubname from pg_publication
      order by 1`);
    return rows.map((row) => row.what);
  } finally {
    await client.end();
  }
}

/**
 * What `--clean` runs first, in the restore's transaction: every schema but the system ones and
 * public, every extension but plpgsql, every publication, and what public holds, dropped; the
 * public schema itself stays (with its owner and grants).
 */
const CLEAN_SQL = `do $clean$
declare item record;
begin
  for item in select pubname from pg_publication loop execute format('drop publication %I', item.pubname); end loop;
  for item in select extname from pg_extension where extname <> 'plpgsql' loop execute format('drop extension if exists %I cascade', item.extname); end loop;
  for item in select nspname from pg_namespace where nspname <> all (array['public', 'information_schema']) and nspname !~ '^pg_' loop
    execute format('drop schema if exists %I cascade', item.nspname);
  end loop;
  for item in select relname, relkind from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p', 'v', 'm', 'f', 'S') loop
    execute format('drop %s if exists public.%I cascade',
      case item.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end, item.relname);
  end loop;
  for item in select oid::regprocedure as signature, prokind from pg_proc where pronamespace = 'public'::regnamespace loop
    execute format('drop %s if exists %s cascade', case item.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, item.signature);
  end loop;
  for item in select t.typname from pg_type t left join pg_class c on c.oid = t.typrelid
      where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'c', 'r', 'm') and (c.oid is null or c.relkind = 'c') loop
    execute format('drop type if exists public.%I cascade', item.typname);
  end loop;
end
$clean$;
`;

/**
 * Restores a `pg_dump -Fc` file into the database at `url`: refused when that database holds
 * anything unless `clean`. pg_restore writes the archive as SQL into psql, which runs it (after the
 * clean-up, if asked) in ONE transaction: a failure anywhere leaves the database as it was.
 * Objects are owned by the restoring user and carry no grants of the source (--no-owner
 * --no-privileges): the target's roles need not be the source's.
 */
export async function restorePostgres(file: string, url: string, { clean = false }: { clean?: boolean } = {}): Promise<void> {
  // The archive's table of contents first: a damaged file fails here, before anything else.
  await runTool('pg_restore', ['--list', file]).catch((error: BackupError) => {
    throw error.code === 'TOOL_FAILED' ? new BackupError('WRONG_FILE', `${file} is not a readable pg_dump archive: ${error.message}`) : error;
  });
  const contents = await postgresContents(url);
  if (contents.length > 0 && !clean) {
    const shown = contents.slice(0, 6).join(', ') + (contents.length > 6 ? `, and ${contents.length - 6} more` : '');
    throw new BackupError('TARGET_NOT_EMPTY', `the target database is not empty (${shown}): restore into an empty database (createdb), or pass --clean to drop what it holds and restore in its place`);
  }
  const { dbname, env } = connection(url);
  const psql = startTool('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', '--file=-', `--dbname=${dbname}`], { env, stdin: 'pipe' });
  psql.child.stdin!.on('error', () => undefined); // psql gone: its own failure is the one reported
  if (clean && contents.length > 0) psql.child.stdin!.write(CLEAN_SQL);
  const restore = startTool('pg_restore', ['--no-owner', '--no-privileges', '--file=-', file], { stdout: 'pipe' });
  // A psql that failed reads no more: pg_restore, blocked on a full pipe, is stopped.
  let psqlFailure: unknown = null;
  const psqlEnded = psql.done.then(
    () => null,
    (error: unknown) => {
      psqlFailure = error;
      restore.child.kill('SIGTERM');
      return error;
    },
  );
  // Not ended by pg_restore's end: psql commits at the end of its input, so a failed pg_restore must stop psql instead.
  restore.child.stdout!.pipe(psql.child.stdin!, { end: false });
  const restoreFailure = await restore.done.then(
    () => null,
    (error: unknown) => error,
  );
  if (psqlFailure) throw psqlFailure;
  if (restoreFailure) {
    psql.child.kill('SIGTERM'); // its connection closes and PostgreSQL rolls the transaction back
    await psqlEnded;
    throw restoreFailure;
  }
  psql.child.stdin!.end();
  const failure = await psqlEnded;
  if (failure) throw failure;
}
