import { errorLogger, logger } from '../observe/logger.js';
import type { RealtimeEvent } from './events.js';
import type { LogPoint } from './log.js';

/**
 * In-process fan-out: the event log's follower (and the LISTEN connection, for typing) hands every event to `publish`, which
 * passes it to the subscriptions of its topic. Each subscription prepares events one at a time, in
 * arrival order (e.g. checks the subscriber may still see the row), and keeps a bounded buffer for a
 * slow reader: a stream further behind ends with a last value saying so (never a silent gap).
 * Everything a subscription holds is released by `return()` (the client went away).
 */

/** A last value: delivered, then the subscription ends (e.g. the subscriber's session was revoked). */
export class EndAfter<T> {
  constructor(readonly value: T) {}
}

/** Turns an event into what the subscriber gets, or null to skip it (e.g. the row is hidden from them). */
export type PrepareEvent<T> = (event: RealtimeEvent) => Promise<T | EndAfter<T> | null>;

export interface HubStats {
  /** Topics with at least one subscription. */
  topics: number;
  /** Live subscriptions, all topics together. */
  subscriptions: number;
  /** Events waiting in subscriptions' buffers or being prepared. */
  pending: number;
  /** Subscriptions opened since the start (a counter, for monitoring). */
  opened: number;
  /** Events handed to the hub since the start. */
  received: number;
  /** Events offered to subscriptions since the start (one per subscription of the event's topic). */
  fannedOut: number;
}

/** Events a subscription may hold unread (or being prepared) by default; one more ends it as too slow. */
export const DEFAULT_BUFFER_LIMIT = 256;

export interface SubscribeOptions<T> {
  /** The last value of a stream that fell more than the buffer limit behind (e.g. a SUBSCRIBER_TOO_SLOW error). */
  tooSlow: () => T;
}

const finished = <T>(): IteratorResult<T> => ({ value: undefined, done: true });

/** One subscriber's stream: an async iterator whose `return()` resolves at once, even while a `next()` waits. */
class Subscription<T> implements AsyncIterableIterator<T> {
  private buffer: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private chain: Promise<void> = Promise.resolve();
  private preparing = 0;
  /** No more events are taken; what is buffered is still read, then the stream ends. */
  private ending = false;
  done = false;

  /** Past its buffer limit: takes no more events; what it holds is still delivered, then the too-slow value. */
  private overflowed = false;

  constructor(
    private readonly prepare: PrepareEvent<T>,
    private readonly release: (subscription: Subscription<T>) => void,
    private readonly logError: (error: unknown) => void,
    private readonly limit: number,
    private readonly tooSlow: () => T,
  ) {}

  get pending(): number {
    return this.buffer.length + this.preparing;
  }

  /** Queued behind the previous event, so a subscriber sees events in the order they committed. */
  offer(event: RealtimeEvent): void {
    if (this.overflowed) return;
    if (this.pending >= this.limit) return this.overflow();
    this.preparing++;
    this.chain = this.chain
      .then(async () => {
        if (this.done || this.ending) return;
        const value = await this.prepare(event);
        if (value instanceof EndAfter) this.endAfter(value.value);
        else if (value !== null) this.deliver(value);
      })
      // A failed check skips the event rather than ending a subscription over a transient error.
      .catch(this.logError)
      .finally(() => this.preparing--);
  }

  private deliver(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
      return;
    }
    this.buffer.push(value);
  }

  /** Ends the stream after what it already holds, with the too-slow value: the client resumes or refetches. */
  private overflow(): void {
    this.overflowed = true;
    this.release(this);
    this.chain = this.chain.then(() => {
      if (!this.done && !this.ending) this.endAfter(this.tooSlow());
    });
  }

  private endAfter(value: T): void {
    this.deliver(value);
    this.ending = true;
    this.release(this); // takes no more events from now on; the next read after this value ends the stream
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift()!, done: false });
    if (this.ending) void this.return();
    if (this.done) return Promise.resolve(finished<T>());
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.buffer = [];
      this.release(this);
      this.waiting?.(finished<T>());
      this.waiting = null;
    }
    return Promise.resolve(finished<T>());
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

export class RealtimeHub {
  private readonly byTopic = new Map<string, Set<Subscription<unknown>>>();
  private opened = 0;
  private received = 0;
  private fannedOut = 0;
  /** How far the event log has been published (src/realtime/follower.ts): a resuming subscription replays up to there. */
  follower: { readonly point: LogPoint | null } | null = null;
  /** The most events a resuming subscription replays; more missed: EVENTS_EXPIRED (src/realtime/subscribe.ts). */
  replayLimit = 1_000;

  constructor(
    private readonly logError: (error: unknown) => void = errorLogger(logger()),
    /** Events one subscription may hold unread (SUBSCRIPTION_BUFFER_LIMIT). */
    private readonly bufferLimit = DEFAULT_BUFFER_LIMIT,
  ) {}

  /** Hands an event to every subscription of its topic. */
  publish(event: RealtimeEvent): void {
    this.received++;
    const subscriptions = this.byTopic.get(event.topic);
    if (!subscriptions) return;
    this.fannedOut += subscriptions.size;
    for (const subscription of subscriptions) subscription.offer(event);
  }

  /** Subscribes at once (events committed from now on are seen), before the first `next()`. */
  subscribe<T>(topic: string, prepare: PrepareEvent<T>, options: SubscribeOptions<T>): AsyncIterableIterator<T> {
    const release = (ended: Subscription<T>) => this.remove(topic, ended as Subscription<unknown>);
    const subscription = new Subscription<T>(prepare, release, this.logError, this.bufferLimit, options.tooSlow);
    let subscriptions = this.byTopic.get(topic);
    if (!subscriptions) this.byTopic.set(topic, (subscriptions = new Set()));
    subscriptions.add(subscription as Subscription<unknown>);
    this.opened++;
    return subscription;
  }

  /** Live subscriptions of one topic. */
  subscriptionCount(topic: string): number {
    return this.byTopic.get(topic)?.size ?? 0;
  }

  stats(): HubStats {
    let subscriptions = 0;
    let pending = 0;
    for (const set of this.byTopic.values()) {
      subscriptions += set.size;
      for (const subscription of set) pending += subscription.pending;
    }
    return { topics: this.byTopic.size, subscriptions, pending, opened: this.opened, received: this.received, fannedOut: this.fannedOut };
  }

  /** Ends every subscription (shutdown): their streams complete. */
  closeAll(): void {
    for (const set of [...this.byTopic.values()]) for (const subscription of [...set]) void subscription.return();
  }

  private remove(topic: string, subscription: Subscription<unknown>): void {
    const subscriptions = this.byTopic.get(topic);
    if (!subscriptions) return;
    subscriptions.delete(subscription);
    // An empty topic is forgotten, so topics come and go with their subscribers.
    if (subscriptions.size === 0) this.byTopic.delete(topic);
  }
}

/**
 * Something computed once per event and shared by every subscription that receives that event
 * (e.g. the loader that judges all their viewers in one statement); a new event starts afresh.
 */
const perEventValues = new WeakMap<RealtimeEvent, Map<string, unknown>>();

export function perEvent<T>(event: RealtimeEvent, key: string, create: () => T): T {
  let values = perEventValues.get(event);
  if (!values) perEventValues.set(event, (values = new Map()));
  if (!values.has(key)) values.set(key, create());
  return values.get(key) as T;
}

/** Events judged together (a subscription's replay): they share one set of per-event values, so each check runs once. */
export function judgedTogether(events: readonly RealtimeEvent[]): void {
  const values = new Map<string, unknown>();
  for (const event of events) perEventValues.set(event, values);
}
