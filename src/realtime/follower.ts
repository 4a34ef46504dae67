import type { Database } from '../db/client.js';
import { logStart, pointOf, readLog, type LogPoint, type LoggedEvent } from './log.js';

/**
 * Follows the event log for one process: reads what became final since its last point after every
 * wake-up (a notification, the LISTEN connection coming back, a poll while rows wait behind a
 * running transaction) and hands each event to `publish` once, in log order. Reads never overlap,
 * and a batch is published and the point moved in one synchronous step, so a subscription that
 * starts between two batches can replay exactly up to `point` and take the rest live.
 */
export interface FollowerOptions {
  /** Events read per statement; a full batch is followed at once by the next. */
  batchSize?: number;
  /** First delay before reading again while rows wait behind a running transaction, or after a failed read; doubled up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  log?: (message: string) => void;
}

export class LogFollower {
  /** Every event up to here has been published. */
  point: LogPoint | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private delayMs: number;
  private failing = false;
  private readonly options: Required<FollowerOptions>;

  constructor(
    private readonly db: Database,
    private readonly publish: (event: LoggedEvent) => void,
    options: FollowerOptions = {},
  ) {
    this.options = { batchSize: 1_000, minDelayMs: 20, maxDelayMs: 2_000, log: console.warn, ...options };
    this.delayMs = this.options.minDelayMs;
  }

  /** Starts from the log's current end: nothing before it has a subscriber yet. */
  async start(): Promise<void> {
    this.stopped = false;
    this.point = await logStart(this.db);
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.reading ?? Promise.resolve();
  }

  /** Reads what became final; a wake-up during a read is followed by one more read. */
  wake(): void {
    if (this.stopped || !this.point) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.reading = this.readAll()
      // Never an unhandled rejection (it would end the process): said, and the next wake-up reads again.
      .catch((error: unknown) => this.options.log(`[realtime] following the event log failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.reading = null));
  }

  private async readAll(): Promise<void> {
    do {
      this.again = false;
      let pending: boolean;
      try {
        const batch = await readLog(this.db, this.point!, this.options.batchSize);
        if (this.stopped) return;
        for (const event of batch.events) this.publish(event);
        if (batch.events.length > 0) this.point = pointOf(batch.events.at(-1)!)!;
        if (batch.events.length === this.options.batchSize) this.again = true;
        pending = batch.pending;
        this.failing = false;
      } catch (error) {
        // The database is away: keep the point and try again (a reconnect wakes us sooner); said once per outage.
        if (!this.failing) this.options.log(`[realtime] reading the event log failed (${error instanceof Error ? error.message : String(error)}); retrying`);
        this.failing = true;
        pending = true;
      }
      if (pending && !this.again) this.retryLater();
      else if (!pending) this.delayMs = this.options.minDelayMs;
    } while (this.again && !this.stopped);
  }

  private retryLater(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, this.delayMs);
    this.timer.unref();
    this.delayMs = Math.min(this.options.maxDelayMs, this.delayMs * 2);
  }
}
