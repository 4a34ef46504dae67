import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { logger, type Logger } from '../observe/logger.js';
import { NOTIFY_CHANNEL } from './events.js';

/**
 * The process's one LISTEN connection. On PostgreSQL it is a `pg.Client` of its own, outside the
 * pool (a pooled connection would be handed to queries and lose its LISTEN); when it drops (the
 * server restarted, `pg_terminate_backend`, a dead network) it reconnects with exponential backoff
 * and LISTENs again. A notification only wakes the reader of the event log, which catches up
 * after every reconnect (src/realtime/follower.ts): what was committed meanwhile is not lost.
 */
export interface NotificationListener {
  /** Connects and LISTENs; rejects when the first attempt fails (a bad URL should stop the start). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Whether the LISTEN is in place right now. */
  readonly listening: boolean;
  /** How many times it came back after a drop. */
  readonly reconnects: number;
}

export interface PostgresListenerOptions {
  /** First delay before reconnecting; doubled per failed attempt up to `maxDelayMs` (with jitter). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How often the idle connection is probed, so a silently dead one is noticed. */
  heartbeatMs?: number;
  /** Where its state changes go (lost: warn; restored: info); default the process logger. */
  log?: Logger;
  /** Told each time the LISTEN is in place (true) or gone (false), e.g. to trust the credential cache only while it is. */
  onListening?: (listening: boolean) => void;
}

const noteError = (error: unknown) => (error instanceof Error ? error.message : String(error));

class PostgresListener implements NotificationListener {
  private client: pg.Client | null = null;
  private started = false;
  private stopped = false;
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  listening = false;
  reconnects = 0;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onPayload: (payload: string | undefined) => void,
    private readonly options: Required<PostgresListenerOptions>,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.open();
    this.started = true;
    this.heartbeat = setInterval(() => this.probe(), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    this.setListening(false);
    await client?.end().catch(() => undefined);
  }

  private setListening(listening: boolean): void {
    if (this.listening === listening) return;
    this.listening = listening;
    this.options.onListening(listening);
  }

  private async open(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL) this.onPayload(message.payload);
    });
    // pg reports a terminated backend as 'error', then 'end'; either means the LISTEN is gone.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      throw error;
    }
    this.setListening(true);
    this.attempt = 0;
  }

  /** Forgets a dropped client (once) and, unless stopping, schedules the next attempt. */
  private lost(client: pg.Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.setListening(false);
    client.end().catch(() => undefined);
    if (!this.started || this.stopped) return;
    this.options.log.warn({ error: error ? noteError(error) : undefined }, 'LISTEN connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const { minDelayMs, maxDelayMs } = this.options;
    // Jitter, so the instances of a restarted server do not all reconnect at the same instant.
    const delay = Math.min(maxDelayMs, minDelayMs * 2 ** this.attempt++) * (0.5 + Math.random() / 2);
    this.retryTimer = setTimeout(() => void this.reconnect(), delay);
    this.retryTimer.unref();
  }

  private async reconnect(): Promise<void> {
    this.retryTimer = null;
    if (this.stopped) return;
    try {
      await this.open();
      this.reconnects++;
      this.options.log.info({ reconnects: this.reconnects }, 'LISTEN connection restored');
    } catch {
      // open() already called lost(), which scheduled the next attempt.
    }
  }

  /** A query on the idle connection: a dead socket fails it (or it times out) and the connection is replaced. */
  private probe(): void {
    const client = this.client;
    if (!client || !this.listening) return;
    const timeout = setTimeout(() => this.lost(client, new Error('heartbeat timed out')), this.options.heartbeatMs);
    client
      .query('select 1')
      .catch((error: unknown) => this.lost(client, error))
      .finally(() => clearTimeout(timeout));
  }
}

/** A LISTEN connection of its own, configured like the pool's connections. */
export function createPostgresListener(
  config: pg.ClientConfig,
  onPayload: (payload: string | undefined) => void,
  options: PostgresListenerOptions = {},
): NotificationListener {
  return new PostgresListener(
    { ...config, application_name: 'pg-graphql-gateway-listener', keepAlive: true },
    onPayload,
    { minDelayMs: 100, maxDelayMs: 5_000, heartbeatMs: 15_000, log: logger().child({ component: 'realtime' }), onListening: () => undefined, ...options },
  );
}

/** PGlite runs in this process: its `listen` is the LISTEN connection, and it cannot drop. */
export function createPgliteListener(
  pglite: PGlite,
  onPayload: (payload: string) => void,
  onListening: (listening: boolean) => void = () => undefined,
): NotificationListener {
  let unlisten: (() => Promise<void>) | null = null;
  return {
    async start() {
      unlisten = await pglite.listen(NOTIFY_CHANNEL, onPayload);
      onListening(true);
    },
    async stop() {
      const stopListening = unlisten;
      unlisten = null;
      onListening(false);
      if (stopListening && !pglite.closed) await stopListening();
    },
    get listening() {
      return unlisten !== null;
    },
    reconnects: 0,
  };
}
