import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client.js';

/**
 * The event log's cleanup job: rows older than `maxAgeHours`, and all but the newest `maxRows`,
 * are deleted every `intervalMs`. Rows go in the log's reading order (src/realtime/log.ts), so a
 * cursor whose row is still there has everything after it too (else: EVENTS_EXPIRED). Every
 * process runs the job; a transaction-level advisory lock lets one of them work at a time.
 */
export interface RetentionOptions {
  maxAgeHours: number;
  maxRows: number;
  intervalMs: number;
  log?: (message: string) => void;
}

/** pg_try_advisory_xact_lock key of the job ("event_log" in ASCII). */
const RETENTION_LOCK = 0x6576656e745f6c6fn;

/** One cleanup: how many rows were deleted, or null when another process holds the job. */
export async function trimEventLog(handle: DatabaseHandle, { maxAgeHours, maxRows }: Pick<RetentionOptions, 'maxAgeHours' | 'maxRows'>): Promise<number | null> {
  return handle.db.transaction(async (tx) => {
    const locked = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK.toString()}::bigint) as locked`);
    const rows = (locked as unknown as { rows?: { locked: boolean }[] }).rows ?? (locked as unknown as { locked: boolean }[]);
    if (!rows[0]?.locked) return null;
    // The last row to go: the newest one past the age, or the one just beyond the newest maxRows.
    const deleted = await tx.execute(sql`
      with last_to_go as (
        (select xid, position from platform.event_log where created_at < now() - make_interval(hours => ${maxAgeHours}::int) order by xid desc, position desc limit 1)
        union all
        (select xid, position from platform.event_log order by xid desc, position desc offset ${maxRows}::bigint limit 1)
      ), boundary as (select xid, position from last_to_go order by xid desc, position desc limit 1)
      delete from platform.event_log e using boundary b where (e.xid, e.position) <= (b.xid, b.position)`);
    return (deleted as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (deleted as unknown as { affectedRows?: number }).affectedRows ?? 0;
  });
}

/** Runs the cleanup now and every `intervalMs`; the returned function stops it (after a run under way). */
export function startRetention(handle: DatabaseHandle, options: RetentionOptions): () => Promise<void> {
  const log = options.log ?? console.warn;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = trimEventLog(handle, options).catch((error: unknown) => log(`[realtime] event log cleanup failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
