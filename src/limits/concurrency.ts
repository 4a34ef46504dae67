/**
 * Per-client concurrency: at most `perClient` requests of one key (a viewer, a client address) run
 * at once; more wait in that key's queue, first come first served, bounded in length and in time;
 * beyond either bound the request is refused. A key exists only while it has requests running or
 * waiting, so memory follows the requests in flight, not the clients ever seen.
 */

export interface ConcurrencyRule {
  /** Requests of one client running at once; 0 turns the limit off. */
  perClient: number;
  /** Requests of one client waiting for a slot; more are refused at once. */
  queue: number;
  /** How long a request waits for a slot before it is refused. */
  maxWaitMs: number;
}

/** Gives the slot back; calling it again does nothing. */
export type Release = () => void;

export type Admission = { release: Release } | { refused: 'queue-full' | 'wait-timeout' | 'aborted' };

interface Waiter {
  grant: () => void;
}

interface Slots {
  running: number;
  waiting: Waiter[];
}

export const concurrencyEnabled = (rule: ConcurrencyRule) => rule.perClient > 0;

export class ConcurrencyLimiter {
  private readonly clients = new Map<string, Slots>();

  constructor(private readonly rule: ConcurrencyRule) {}

  /** Requests of `key` running now (0 for an unknown key). */
  running(key: string): number {
    return this.clients.get(key)?.running ?? 0;
  }

  /** Requests of `key` waiting now. */
  waiting(key: string): number {
    return this.clients.get(key)?.waiting.length ?? 0;
  }

  /** Keys with requests running or waiting. */
  get size(): number {
    return this.clients.size;
  }

  /** A slot now, a slot after waiting, or a refusal; `signal` (the client went away) takes a waiter out of the queue. */
  acquire(key: string, signal?: AbortSignal): Admission | Promise<Admission> {
    if (signal?.aborted) return { refused: 'aborted' };
    let slots = this.clients.get(key);
    if (!slots) this.clients.set(key, (slots = { running: 0, waiting: [] }));
    if (slots.running < this.rule.perClient) {
      slots.running++;
      return { release: this.releaser(key, slots) };
    }
    if (slots.waiting.length >= this.rule.queue) return { refused: 'queue-full' };
    const queued = slots;
    return new Promise<Admission>((resolve) => {
      const leave = (refused: 'wait-timeout' | 'aborted') => () => {
        const index = queued.waiting.indexOf(waiter);
        if (index < 0) return;
        queued.waiting.splice(index, 1);
        done();
        this.forgetIfIdle(key, queued);
        resolve({ refused });
      };
      const onAbort = leave('aborted');
      const timer = setTimeout(leave('wait-timeout'), this.rule.maxWaitMs);
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        // The slot passes from the releasing request to this one: `running` stays as it was.
        grant: () => {
          done();
          resolve({ release: this.releaser(key, queued) });
        },
      };
      queued.waiting.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaser(key: string, slots: Slots): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slots.waiting.shift();
      if (next) return next.grant();
      slots.running--;
      this.forgetIfIdle(key, slots);
    };
  }

  private forgetIfIdle(key: string, slots: Slots): void {
    if (slots.running === 0 && slots.waiting.length === 0 && this.clients.get(key) === slots) this.clients.delete(key);
  }
}
