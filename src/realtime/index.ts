import { forgetCredentials, setInvalidationListening } from '../auth/credential-cache.js';
import type { DatabaseHandle } from '../db/client.js';
import { credentialsChangedFor, parseEvent } from './events.js';
import { RealtimeHub, type HubStats } from './hub.js';
import { createPgliteListener, createPostgresListener, type NotificationListener, type PostgresListenerOptions } from './listener.js';

export { topics, type RealtimeEvent } from './events.js';
export { EndAfter, RealtimeHub, perEvent, type HubStats } from './hub.js';

/**
 * The realtime side of one gateway process: one LISTEN connection feeding the in-process hub.
 * `npm start` starts it before serving and stops it first on shutdown (which ends every stream).
 */
export interface Realtime {
  hub: RealtimeHub;
  listener: NotificationListener;
  start(): Promise<void>;
  /** Stops listening and completes every subscription, so open streams end and the server can close. */
  stop(): Promise<void>;
  stats(): HubStats & { listening: boolean; reconnects: number };
}

export interface RealtimeOptions extends PostgresListenerOptions {
  logError?: (error: unknown) => void;
}

export function createRealtime(handle: DatabaseHandle, options: RealtimeOptions = {}): Realtime {
  const hub = new RealtimeHub(options.logError);
  const onPayload = (payload: string | undefined) => {
    const event = parseEvent(payload);
    if (!event) return;
    // A credential change: this process forgets the user's cached credentials (and so their compiled statements).
    const changedUser = credentialsChangedFor(event);
    if (changedUser) forgetCredentials(handle.db, changedUser);
    else hub.publish(event);
  };
  // While the LISTEN is down, revocations would go unheard: the credential cache is bypassed until it is back.
  const onListening = (listening: boolean) => setInvalidationListening(handle.db, listening);
  const listener = handle.pglite
    ? createPgliteListener(handle.pglite, onPayload, onListening)
    : // The pool's own settings (TLS, options) at DATABASE_LISTEN_URL, on a connection of its own.
      createPostgresListener(handle.listenConfig!, onPayload, { onListening, ...options });
  return {
    hub,
    listener,
    start: () => listener.start(),
    async stop() {
      await listener.stop();
      hub.closeAll();
    },
    stats: () => ({ ...hub.stats(), listening: listener.listening, reconnects: listener.reconnects }),
  };
}
