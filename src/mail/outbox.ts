import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';
import type { Logger } from '../observe/logger.js';
import type { MailSender } from './senders.js';
import { isMailKind, renderMail } from './templates.js';

/**
 * Drains platform.mail_outbox: claims due rows (FOR UPDATE SKIP LOCKED, then a lease in
 * `claimed_until`, so several processes share the work without sending a row twice and no
 * transaction stays open during a delivery), sends each, and marks it sent, or due again after a
 * backoff, or failed for good. A row's params (which may hold a reset link) are cleared once it is
 * sent or has failed for good, so the secret lives in the table only while it is in flight.
 */
export interface DrainOptions {
  /** Deliveries tried before a mail is failed for good. */
  maxAttempts: number;
  /** The wait after the first failed delivery; doubled after each further one. */
  backoffMs: number;
  /** Rows claimed at once. */
  batch?: number;
  /** How long a claim holds (a process that died mid-delivery releases its rows after it). */
  claimMs?: number;
  log?: Logger;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

/** The delivery error as stored: its message only, bounded (a server's reply never holds the mail). */
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** One pass over the due mail; answers what became of the rows this process claimed. */
export async function drainOutbox(db: Database, sender: MailSender, options: DrainOptions): Promise<DrainResult> {
  const { maxAttempts, backoffMs, batch = 20, claimMs = 300_000, log } = options;
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, sql`now()`), or(isNull(mailOutbox.claimedUntil), lte(mailOutbox.claimedUntil, sql`now()`))))
    .orderBy(mailOutbox.nextAttemptAt, mailOutbox.createdAt)
    .limit(batch)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(mailOutbox)
    .set({ claimedUntil: sql`now() + make_interval(secs => ${claimMs / 1000})`, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(inArray(mailOutbox.id, due))
    .returning({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      to: mailOutbox.toAddress,
      locale: mailOutbox.locale,
      params: mailOutbox.params,
      attempts: mailOutbox.attempts,
      expired: sql<boolean>`coalesce(${mailOutbox.expiresAt} <= now(), false)`,
    });
  const result: DrainResult = { sent: 0, retried: 0, failed: 0 };
  for (const row of claimed) {
    const finished = { claimedUntil: null, params: null };
    if (row.expired || !isMailKind(row.kind) || !row.params) {
      const reason = row.expired ? 'expired before it could be sent' : `cannot be rendered (kind ${row.kind})`;
      await db.update(mailOutbox).set({ ...finished, status: 'failed', lastError: reason }).where(eq(mailOutbox.id, row.id));
      log?.warn({ mailId: row.id, kind: row.kind }, `mail ${row.id} not sent: ${reason}`);
      result.failed++;
      continue;
    }
    try {
      await sender.send({ to: row.to, ...(await renderMail(db, row.kind, row.locale, row.params)) });
      await db.update(mailOutbox).set({ ...finished, status: 'sent', sentAt: sql`now()`, lastError: null }).where(eq(mailOutbox.id, row.id));
      log?.info({ mailId: row.id, kind: row.kind, sender: sender.name }, `mail ${row.id} sent`);
      result.sent++;
    } catch (error) {
      const lastError = errorText(error);
      if (row.attempts >= maxAttempts) {
        await db.update(mailOutbox).set({ ...finished, status: 'failed', lastError }).where(eq(mailOutbox.id, row.id));
        log?.error({ mailId: row.id, kind: row.kind, attempts: row.attempts, error: lastError }, `mail ${row.id} failed for good after ${row.attempts} attempts`);
        result.failed++;
      } else {
        const waitMs = backoffMs * 2 ** (row.attempts - 1);
        await db
          .update(mailOutbox)
          .set({ claimedUntil: null, lastError, nextAttemptAt: sql`now() + make_interval(secs => ${waitMs / 1000})` })
          .where(eq(mailOutbox.id, row.id));
        log?.warn({ mailId: row.id, kind: row.kind, attempts: row.attempts, error: lastError }, `mail ${row.id} not sent, retrying in ${waitMs} ms`);
        result.retried++;
      }
    }
  }
  return result;
}

export interface Mailer {
  /** Drain now (after a change wrote mail), besides the regular interval. */
  wake(): void;
  /** Stops the interval, after the pass under way. */
  stop(): Promise<void>;
}

// The mailer of this process, woken by mutations that wrote mail so it leaves at once, not at the next tick.
let current: Mailer | null = null;

/** Tells this process's mailer that mail is waiting (no-op without one; the interval still finds it elsewhere). */
export const mailWritten = (): void => current?.wake();

/** Drains every `intervalMs` and when woken; one pass at a time in this process, SKIP LOCKED between processes. */
export function startMailer(db: Database, sender: MailSender, options: DrainOptions & { intervalMs: number }): Mailer {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let again = false;
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = drainOutbox(db, sender, options)
      .catch((error: unknown) => options.log?.error({ error: errorText(error) }, 'mail outbox pass failed'))
      .finally(() => {
        busy = false;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  const timer = setInterval(pass, options.intervalMs);
  timer.unref();
  const mailer: Mailer = {
    wake: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (current === mailer) current = null;
      await running;
      await sender.close();
    },
  };
  current = mailer;
  pass();
  return mailer;
}
