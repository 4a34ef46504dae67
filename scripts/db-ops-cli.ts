import { BackupError } from '../src/db/ops/backup-file.js';

/** One line on stderr (the code first, for scripts), exit code 1: no stack trace. */
export function failed(what: string): (error: unknown) => void {
  return (error) => {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof BackupError ? `[${error.code}] ` : '';
    console.error(`${what} failed: ${code}${message.replace(/\s+/g, ' ')}`);
    process.exitCode = 1;
  };
}
