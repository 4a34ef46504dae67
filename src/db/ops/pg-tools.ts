import { spawn, type ChildProcess } from 'node:child_process';
import { BackupError } from './backup-file.js';

/** The PostgreSQL client programs the backup scripts run, found on PATH. */
export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

/**
 * libpq's environment for `url`: the URL without its password goes on the command line (other
 * users of the machine can read that), the password in PGPASSWORD.
 */
export function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export interface ToolRun {
  child: ChildProcess;
  /** Resolves when the program has exited 0; rejects with its last words otherwise. */
  done: Promise<void>;
}

/** Starts `tool` (stdout piped when `stdout` is 'pipe'); a missing program is TOOL_MISSING, a failure TOOL_FAILED with its stderr. */
export function startTool(tool: PgTool, args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: 'pipe' | 'ignore'; stdout?: 'pipe' | 'ignore' } = {}): ToolRun {
  const child = spawn(tool, args, { env: { ...process.env, ...options.env }, stdio: [options.stdin ?? 'ignore', options.stdout ?? 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(new BackupError('TOOL_MISSING', `${tool} was not found on PATH: install the PostgreSQL client programs (pg_dump, pg_restore, psql) of the server's major version or newer, e.g. apt-get install postgresql-client`));
      } else reject(new BackupError('TOOL_FAILED', `${tool} could not start: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new BackupError('TOOL_FAILED', `${tool} failed (${signal ?? `exit code ${code}`}): ${stderr.trim().replace(/\s+/g, ' ') || 'no message'}`));
    });
  });
  return { child, done };
}

/** Runs `tool` to its end. */
export async function runTool(tool: PgTool, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  await startTool(tool, args, { env }).done;
}
