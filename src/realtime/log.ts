import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { eventLog } from '../db/schema/index.js';
import type { RealtimeEvent } from './events.js';

/**
 * Reading the event log (platform.event_log, drizzle/*_event_log). Positions are given at insert,
 * but transactions commit in another order: reading "after the last position" would skip a lower
 * position that a transaction still running commits later. So the log is read in (xid, position)
 * order and only up to a safe point: rows whose transaction id is below the oldest transaction
 * still running (`pg_snapshot_xmin(pg_current_snapshot())`) are final, and any row that appears
 * later belongs to a transaction at or above that id, so it sorts after everything read so far.
 * The price: a write transaction that stays open holds back the events committed after it began
 * (delayed, never lost); the follower polls while committed rows wait behind one.
 */

/** A place in the log's reading order. */
export interface LogPoint {
  xid: bigint;
  position: bigint;
}

/** An event read from the log: its position is the client's cursor. */
export interface LoggedEvent extends RealtimeEvent {
  position: string;
  xid: string;
}

/** Where an event sits in the log; null for one that is not logged (typing). */
export const pointOf = (event: RealtimeEvent & { xid?: string }): LogPoint | null =>
  event.xid && event.position ? { xid: BigInt(event.xid), position: BigInt(event.position) } : null;

/** Negative, zero or positive as `a` comes before, at or after `b`. */
export function compareLog(a: LogPoint, b: LogPoint): number {
  if (a.xid !== b.xid) return a.xid < b.xid ? -1 : 1;
  return a.position === b.position ? 0 : a.position < b.position ? -1 : 1;
}

const rows = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[]));

const columns = {
  position: sql<string>`${eventLog.position}::text`,
  xid: sql<string>`${eventLog.xid}::text`,
  topic: eventLog.topic,
  kind: eventLog.kind,
  id: eventLog.subjectId,
  extra: eventLog.extra,
  /** Whether the row is still behind a running transaction (not safe to read past yet). */
  unsafe: sql<boolean>`${eventLog.xid} >= pg_snapshot_xmin(pg_current_snapshot())`,
};

type Row = { position: string; xid: string; topic: string; kind: string; id: string; extra: { userId?: string; emoji?: string } | null };

const toEvent = ({ position, xid, topic, kind, id, extra }: Row): LoggedEvent => ({ topic, kind, id, ...extra, position, xid });

const after = (point: LogPoint) => sql`(${eventLog.xid}, ${eventLog.position}) > (${point.xid.toString()}::xid8, ${point.position.toString()}::bigint)`;
const atMost = (point: LogPoint) => sql`(${eventLog.xid}, ${eventLog.position}) <= (${point.xid.toString()}::xid8, ${point.position.toString()}::bigint)`;

/** Where a process starts following: everything not yet final from now on (nothing before it has a subscriber). */
export async function logStart(db: Database): Promise<LogPoint> {
  const [row] = rows<{ xmin: string }>(await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`));
  return { xid: BigInt(row!.xmin), position: 0n };
}

/**
 * The final events after `from`, in order (at most `limit`), and whether committed rows wait
 * behind a running transaction (`pending`: read again soon, no notification may come for them).
 */
export async function readLog(db: Database, from: LogPoint, limit: number): Promise<{ events: LoggedEvent[]; pending: boolean }> {
  const found = await db
    .select(columns)
    .from(eventLog)
    .where(after(from))
    .orderBy(asc(eventLog.xid), asc(eventLog.position))
    .limit(limit);
  // Ordered by xid, so the unsafe rows (xid at or above the safe point) are the tail.
  const safe = found.findIndex((row) => row.unsafe);
  return { events: (safe === -1 ? found : found.slice(0, safe)).map(toEvent), pending: safe !== -1 };
}

/** The log point of a position a client holds, or null when the log no longer has it (or never had). */
export async function findPosition(db: Database, position: string): Promise<LogPoint | null> {
  const [row] = await db.select({ xid: columns.xid }).from(eventLog).where(sql`${eventLog.position} = ${position}::bigint`).limit(1);
  return row ? { xid: BigInt(row.xid), position: BigInt(position) } : null;
}

/** A topic's events in (`from`, `to`], in order, at most `limit`. */
export async function readTopic(db: Database, topic: string, from: LogPoint, to: LogPoint, limit: number): Promise<LoggedEvent[]> {
  const found = await db
    .select(columns)
    .from(eventLog)
    .where(and(eq(eventLog.topic, topic), after(from), atMost(to)))
    .orderBy(asc(eventLog.xid), asc(eventLog.position))
    .limit(limit);
  return found.map(toEvent);
}

