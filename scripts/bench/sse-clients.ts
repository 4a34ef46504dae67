import { setTimeout as sleep } from 'node:timers/promises';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The subscribers of `npm run bench:sse` (scripts/bench-sse.ts): graphql-sse clients in distinct
 * connections mode (one HTTP stream per subscription, a browser tab each), graphql-sse in single
 * connection mode (/graphql/stream, many subscriptions on one stream) or GraphQL over WebSocket,
 * all on loopback. In the multiplexed modes a connection carries the subscriptions of one viewer.
 */

export type Mode = 'distinct' | 'single' | 'ws';

const SUBSCRIPTION = `subscription ($channel: ID!) {
  channelEvents(channel: $channel) { kind message { id content createdAt author { displayName } } }
}`;

/** What the subscribers saw: per phase and message number, the latency of each delivery. */
export class Deliveries {
  readonly latencies = { paced: new Map<number, number[]>(), burst: new Map<number, number[]>() };
  /** Subscriptions (by index) that received a warm-up event. */
  readonly warmed = new Set<number>();
  errors = 0;
  /** Set before the clients close, so their own aborts are not counted as errors. */
  closing = false;

  record(subscription: number, content: string | undefined): void {
    const match = /^(bench|burst) (-?\d+) (\d+)$/.exec(content ?? '');
    if (!match) return;
    const seq = Number(match[2]);
    if (seq < 0) {
      this.warmed.add(subscription);
      return;
    }
    const phase = match[1] === 'bench' ? this.latencies.paced : this.latencies.burst;
    const list = phase.get(seq) ?? [];
    list.push(Date.now() - Number(match[3]));
    phase.set(seq, list);
  }

  count(phase: 'paced' | 'burst'): number {
    let total = 0;
    for (const list of this.latencies[phase].values()) total += list.length;
    return total;
  }
}

export interface SubscriberPlan {
  mode: Mode;
  subscribers: number;
  /** Connections in the multiplexed modes (distinct: one per subscriber). */
  connections: number;
  baseUrl: string;
  channel: string;
}

/** Opens the connections 20 at a time (each batch connected before the next: no connection storm); returns their closers. */
export async function openSubscribers(plan: SubscriberPlan, sessions: Record<string, string>[], deliveries: Deliveries): Promise<(() => void)[]> {
  const connections = plan.mode === 'distinct' ? plan.subscribers : plan.connections;
  const closers: (() => void)[] = [];
  let connected = 0;
  let next = 0;
  for (let c = 0; c < connections; c++) {
    // Subscriptions spread evenly over the connections.
    const count = Math.floor(plan.subscribers / connections) + (c < plan.subscribers % connections ? 1 : 0);
    const indexes = Array.from({ length: count }, () => next++);
    closers.push(openConnection(plan, sessions[c % sessions.length]!, indexes, deliveries, () => connected++));
    if ((c + 1) % 20 !== 0 && c + 1 < connections) continue;
    const deadline = Date.now() + 60_000;
    while (connected < closers.length) {
      if (Date.now() > deadline) throw new Error(`only ${connected} of ${closers.length} connections opened within 60 s`);
      await sleep(20);
    }
  }
  return closers;
}

function openConnection(plan: SubscriberPlan, headers: Record<string, string>, indexes: number[], deliveries: Deliveries, onConnected: () => void): () => void {
  const sink = (index: number) => ({
    next: (result: { data?: unknown; errors?: unknown }) => {
      if (result.errors) deliveries.errors++;
      deliveries.record(index, (result.data as any)?.channelEvents?.message?.content);
    },
    error: (error: unknown) => {
      if (deliveries.closing) return;
      deliveries.errors++;
      console.error(`a subscription failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    },
    complete: () => undefined,
  });
  const payload = { query: SUBSCRIPTION, variables: { channel: plan.channel } };
  if (plan.mode === 'ws') {
    const client = createWsClient({
      url: plan.baseUrl.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: headers,
      lazy: false,
      retryAttempts: 0,
      on: { connected: onConnected },
    });
    indexes.forEach((index) => client.subscribe(payload, sink(index)));
    return () => void client.dispose();
  }
  const single = plan.mode === 'single';
  // Its own headers object: a single-connection client writes its stream token into it.
  const client = createSseClient({
    url: single ? `${plan.baseUrl}/graphql/stream` : `${plan.baseUrl}/graphql`,
    singleConnection: single,
    headers: { ...headers },
    retryAttempts: 0,
    on: single ? { connected: onConnected } : undefined,
  } as never);
  const subscribe = client.subscribe as (...args: unknown[]) => void;
  indexes.forEach((index) => subscribe(payload, sink(index), single ? undefined : { connected: onConnected }));
  return () => client.dispose();
}
