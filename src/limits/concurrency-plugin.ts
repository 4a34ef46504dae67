import type { Plugin } from 'graphql-yoga';
import { authenticateRequest, type Context } from '../context.js';
import type { RequestHead } from '../http/request-head.js';
import type { Database } from '../db/client.js';
import { clientAddress, isLoopback } from './client-address.js';
import { ConcurrencyLimiter, type ConcurrencyRule, type Release } from './concurrency.js';
import { gateOnRequest, type Gate } from './gate.js';
import { RATE_LIMITED } from './rate-limit-plugin.js';

export interface ConcurrencyOptions extends ConcurrencyRule {
  /** Proxies in front whose X-Forwarded-For entry is believed (TRUST_PROXY, as for the rate limits). */
  trustProxy: number;
  /** Loopback clients take no slot (this host, or an undeclared proxy on it: see isLoopback). */
  exemptLoopback?: boolean;
  /** The limiter; tests pass one to look inside. */
  limiter?: ConcurrencyLimiter;
}

/** A refused request may try again in a second: a slot frees when any of the client's requests ends. */
const RETRY_AFTER_SECONDS = 1;

/** The key a request is counted under: its signed-in viewer, else its client address. */
async function clientKey(db: Database, request: RequestHead, address: string): Promise<string> {
  if (!request.headers.has('authorization')) return `address:${address}`;
  // Memoized per request (the rate limits and the context ask too); refused or failing credentials count by address.
  const authentication = await authenticateRequest(db, request).catch(() => null);
  return authentication?.viewer ? `viewer:${authentication.viewer.userId}` : `address:${address}`;
}

/**
 * Per-client concurrency (src/limits/concurrency.ts), the gate after the rate limits and before the
 * query limits and the compiled fast path, so every request of a client takes a slot. In yoga the
 * slot is taken in onRequest and given back when the request's handling settles (the `request`
 * instrumentation wraps all of it: every plugin's hooks, the engine, an error, an abort); an event
 * stream settles once its response starts, so a subscription holds no slot while it streams.
 */
export function createClientConcurrency(db: Database, options: ConcurrencyOptions): { gate: Gate; plugin: Plugin<Context> } {
  const limiter = options.limiter ?? new ConcurrencyLimiter(options);
  const releases = new WeakMap<Request, Release>();
  const release = (request: Request) => {
    releases.get(request)?.();
    releases.delete(request);
  };

  const gate: Gate = {
    async pass(request, socketAddress, signal) {
      const address = clientAddress(socketAddress, request.headers.get('x-forwarded-for'), options.trustProxy) ?? 'unknown';
      if (options.exemptLoopback && isLoopback(address)) return {};
      const admission = await limiter.acquire(await clientKey(db, request, address), signal);
      if ('release' in admission) return { release: admission.release };
      const message =
        admission.refused === 'queue-full'
          ? `Too many requests of this client at once (${options.perClient} running, ${options.queue} waiting); retry after ${RETRY_AFTER_SECONDS} s.`
          : `No slot for this client's request within ${options.maxWaitMs} ms; retry after ${RETRY_AFTER_SECONDS} s.`;
      return { refused: { retryAfterSeconds: RETRY_AFTER_SECONDS, error: { message, extensions: { code: RATE_LIMITED, limit: 'concurrency', retryAfter: RETRY_AFTER_SECONDS } } } };
    },
  };

  const plugin: Plugin<Context> = {
    instrumentation: {
      request({ request }, wrapped) {
        let done: Promise<void> | void;
        try {
          done = wrapped();
        } catch (error) {
          release(request);
          throw error;
        }
        if (done) return done.finally(() => release(request));
        release(request);
      },
    },
    onRequest: gateOnRequest(gate, (request, slot) => releases.set(request, slot)),
  };
  return { gate, plugin };
}
