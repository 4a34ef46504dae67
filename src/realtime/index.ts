import { forgetCredentials, setInvalidationListening } from '../auth/credential-cache.js';
import type { DatabaseHandle } from '../db/client.js';
import { invalidateLocaleCatalog } from '../i18n/catalog.js';
import { credentialsChangedFor, isLocalesChanged, isWakeUp, parseEvent } from './events.js';
import { LogFollower, type FollowerOptions } from './follower.js';
import { RealtimeHub, type HubStats } from './hub.js';
import { createPgliteListener, createPostgresListener, type NotificationListener, type PostgresListenerOptions } from './listener.js';
import { startRetention, type RetentionOptions } from './retention.js';
import { logger } from '../observe/logger.js';

export { topics, type RealtimeEvent } from './events.js';
export { EndAfter, RealtimeHub, perEvent, type HubStats } from './hub.js';

/**
 * The realtime side of one gateway process: one LISTEN connection whose notifications wake the
 * follower of the event log, which feeds the in-process hub; typing, credential and locale changes come
 * in the notifications themselves. `npm start` starts it before serving and stops it first on
 * shutdown (which ends every stream).
 */
export interface Realtime {
  hub: RealtimeHub;
  listener: NotificationListener;
  follower: LogFollower;
  start(): Promise<void>;
  /** Stops listening and completes every subscription, so open streams end and the server can close. */
  stop(): Promise<void>;
  stats(): HubStats & { listening: boolean; reconnects: number };
}

export interface RealtimeOptions extends PostgresListenerOptions {
  logError?: (error: unknown) => void;
  follower?: FollowerOptions;
  /** The most events a resuming subscription replays (default 1,000); more missed: EVENTS_EXPIRED. */
  replayLimit?: number;
  /** The log's cleanup job (src/realtime/retention.ts); without it the log is not trimmed by this process. */
  retention?: RetentionOptions;
  /** Events one subscription may hold unread before it ends with SUBSCRIBER_TOO_SLOW (SUBSCRIPTION_BUFFER_LIMIT). */
  bufferLimit?: number;
}

export function createRealtime(handle: DatabaseHandle, options: RealtimeOptions = {}): Realtime {
  const hub = new RealtimeHub(options.logError, options.bufferLimit);
  // The follower's and the cleanup job's lines (their text names them) go where the listener's go.
  const warn = (message: string) => (options.log ?? logger()).warn(message);
  const follower = new LogFollower(handle.db, (event) => hub.publish(event), { log: warn, ...options.follower });
  hub.follower = follower;
  if (options.replayLimit !== undefined) hub.replayLimit = options.replayLimit;
  const onPayload = (payload: string | undefined) => {
    if (isWakeUp(payload)) return follower.wake();
    // A locale added, changed or made the default: the next request reloads the catalog.
    if (isLocalesChanged(payload)) return invalidateLocaleCatalog(handle.db);
    const event = parseEvent(payload);
    if (!event) return;
    // A credential change: this process forgets the user's cached credentials (and so their compiled statements).
    const changedUser = credentialsChangedFor(event);
    if (changedUser) forgetCredentials(handle.db, changedUser);
    // Typing is the only event not kept in the log; any other topic here is not ours to publish.
    else if (event.topic.startsWith('typing:')) hub.publish(event);
  };
  const onListening = (listening: boolean) => {
    // While the LISTEN is down, revocations would go unheard: the credential cache is bypassed until it is back.
    setInvalidationListening(handle.db, listening);
    // Back: whatever was committed meanwhile is read from the log now, and the locales again.
    if (listening) {
      invalidateLocaleCatalog(handle.db);
      follower.wake();
    }
  };
  const listener = handle.pglite
    ? createPgliteListener(handle.pglite, onPayload, onListening)
    : // The pool's own settings (TLS, options) at DATABASE_LISTEN_URL, on a connection of its own.
      createPostgresListener(handle.listenConfig!, onPayload, { onListening, ...options });
  let stopRetention: (() => Promise<void>) | null = null;
  return {
    hub,
    listener,
    follower,
    async start() {
      // The starting point first: everything committed after it is read once the LISTEN is in place.
      await follower.start();
      await listener.start();
      if (options.retention) stopRetention = startRetention(handle, { log: warn, ...options.retention });
    },
    async stop() {
      await stopRetention?.();
      await listener.stop();
      await follower.stop();
      hub.closeAll();
    },
    stats: () => ({ ...hub.stats(), listening: listener.listening, reconnects: listener.reconnects }),
  };
}
