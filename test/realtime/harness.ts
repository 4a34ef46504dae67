import { createClient, type Client, type ExecutionResult } from 'graphql-sse';
import { afterAll, beforeAll } from 'vitest';
import { createSession } from '../../src/auth/sessions.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createRealtime, type Realtime, type RealtimeOptions } from '../../src/realtime/index.js';
import { createYogaApp, listen, type RunningGateway } from '../../src/server.js';
import { openSeededDatabase } from '../gateway.js';
import { demoUsers, globalId, type DemoUser } from '../policies.js';
import { silentLogger } from '../../src/observe/logger.js';

/**
 * The realtime tests' harness: a real gateway on 127.0.0.1 (port 0) with its own LISTEN
 * connection, graphql-sse clients in both modes, and subscribers whose every wait is bounded.
 */

export type Mode = 'distinct' | 'single';
export const MODES: Mode[] = ['distinct', 'single'];

export interface LiveGateway {
  handle: DatabaseHandle;
  realtime: Realtime;
  running: RunningGateway;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Headers of a demo person with a fresh session (no password hashing). */
  headersFor(user: DemoUser): Promise<Record<string, string>>;
  /** A graphql-sse client: distinct connections on /graphql, single connection on /graphql/stream. */
  client(mode: Mode, headers?: Record<string, string>): Client<boolean>;
  /** Subscribes and waits until the server holds the subscription (on `topic`), so no later event is missed. */
  subscribe(mode: Mode, user: DemoUser, query: string, variables: Record<string, unknown>, topic: string): Promise<Subscriber>;
  /** A GraphQL request over plain HTTP (mutations). */
  execute(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<ExecutionResult<any>>;
  close(): Promise<void>;
}

export async function startLiveGateway(handle: DatabaseHandle, options: RealtimeOptions & { authCacheTtlMs?: number } = {}): Promise<LiveGateway> {
  const { authCacheTtlMs, ...realtimeOptions } = options;
  const realtime = createRealtime(handle, { log: silentLogger(), ...realtimeOptions });
  await realtime.start();
  const yoga = createYogaApp({ handle, realtime, logError: () => undefined, authCacheTtlMs });
  const running = await listen(yoga, 0, '127.0.0.1');
  const origin = new URL(running.url).origin;
  const clients = new Set<Client<boolean>>();
  const gateway: LiveGateway = {
    handle,
    realtime,
    running,
    origin,
    async headersFor(user) {
      const session = await createSession(handle.db, demoUsers[user], { ip: null, userAgent: 'realtime test' });
      return { authorization: `Bearer ${session.token}` };
    },
    client(mode, headers = {}) {
      const url = mode === 'single' ? `${origin}/graphql/stream` : `${origin}/graphql`;
      // A copy: in single connection mode the client writes its stream token into the object it is given.
      const client = createClient({ url, singleConnection: mode === 'single', headers: { ...headers }, retryAttempts: 0 }) as Client<boolean>;
      // Tracked until disposed, so afterAll can close what a test left open (and nothing more is kept).
      clients.add(client);
      const dispose = client.dispose.bind(client);
      client.dispose = () => {
        clients.delete(client);
        dispose();
      };
      return client;
    },
    async subscribe(mode, user, query, variables, topic) {
      const opened = realtime.hub.stats().opened;
      const subscriber = new Subscriber(gateway.client(mode, await gateway.headersFor(user)), query, variables);
      // Subscriptions are opened one at a time in these tests: the next one opened on the topic is this one.
      await waitFor(() => (realtime.hub.stats().opened > opened && realtime.hub.subscriptionCount(topic) > 0) || subscriber.results.length > 0, 'the subscription to start');
      return subscriber;
    },
    async execute(query, variables, headers) {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as ExecutionResult<any>;
    },
    async close() {
      for (const client of clients) client.dispose();
      await realtime.stop();
      await running.close();
      await yoga.dispose();
    },
  };
  return gateway;
}

/** A live gateway over a seeded database of the test file's own, for the whole file. */
export function useLiveGateway(): () => LiveGateway {
  let gateway: LiveGateway | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await openSeededDatabase();
    drop = database.drop;
    gateway = await startLiveGateway(database.handle);
  });
  afterAll(async () => {
    await gateway?.close();
    await drop?.();
  });
  return () => gateway!;
}

/** Inserts a message with SQL, as psql would: no API involved. */
export async function insertMessageWithSql(handle: DatabaseHandle, channelId: string, authorId: string, content: string): Promise<void> {
  await handle.exec(`insert into chat.messages (channel_id, author_id, content) values ('${channelId}', '${authorId}', '${content.replaceAll("'", "''")}')`);
}

export { globalId };

/** Polls `condition` every 20 ms; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One subscription of a client: the results it received, in order, and bounded waits for more. */
export class Subscriber {
  readonly results: ExecutionResult<any>[] = [];
  completed = false;
  error: unknown = null;
  private readonly dispose: () => void;

  constructor(
    private readonly client: Client<boolean>,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    this.dispose = client.subscribe(
      { query, variables },
      {
        next: (result) => void this.results.push(result as ExecutionResult<any>),
        error: (error) => void (this.error = error),
        complete: () => void (this.completed = true),
      },
    );
  }

  /** The result number `index` (0-based), waiting for it. */
  async result(index: number, timeoutMs = 10_000): Promise<ExecutionResult<any>> {
    await waitFor(() => this.results.length > index || this.error !== null, `result #${index}`, timeoutMs);
    if (this.results.length <= index) throw new Error(`subscription failed: ${String(this.error)}`);
    return this.results[index]!;
  }

  /** The data of every result so far under `field`. */
  data(field: string): any[] {
    return this.results.map((result) => result.data?.[field]);
  }

  /** Unsubscribes and closes the client's connections, as a browser tab going away would. */
  close(): void {
    this.dispose();
    this.client.dispose();
  }
}
