import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { authenticateRequest, type Context } from '../context.js';
import type { Database } from '../db/client.js';
import { clientAddress, isLoopback } from './client-address.js';
import { ConcurrencyLimiter, type Admission, type ConcurrencyRule, type Release } from './concurrency.js';
import { RATE_LIMITED } from './rate-limit-plugin.js';

export interface ConcurrencyOptions extends ConcurrencyRule {
  /** Proxies in front whose X-Forwarded-For entry is believed (TRUST_PROXY, as for the rate limits). */
  trustProxy: number;
  /** Loopback clients take no slot (this host, or an undeclared proxy on it: see isLoopback). */
  exemptLoopback?: boolean;
  /** The limiter; tests pass one to look inside. */
  limiter?: ConcurrencyLimiter;
}

/** Paths probes call; never limited. */
const UNLIMITED_PATHS = new Set(['/health', '/ready']);
/** A refused request may try again in a second: a slot frees when any of the client's requests ends. */
const RETRY_AFTER_SECONDS = 1;

/** The key a request is counted under: its signed-in viewer, else its client address. */
async function clientKey(db: Database, request: Request, address: string): Promise<string> {
  if (!request.headers.has('authorization')) return `address:${address}`;
  // Memoized per request (the rate limits and the context ask too); refused or failing credentials count by address.
  const authentication = await authenticateRequest(db, request).catch(() => null);
  return authentication?.viewer ? `viewer:${authentication.viewer.userId}` : `address:${address}`;
}

/**
 * Per-client concurrency (src/limits/concurrency.ts), after the rate limits and before the query
 * limits and the compiled fast path, so every request of a client takes a slot. The slot is taken
 * in onRequest and given back when the request's handling settles (the `request` instrumentation
 * wraps all of it: every plugin's hooks, the engine, an error, an abort); an event stream settles
 * once its response starts, so a subscription holds no slot while it streams.
 */
export function useClientConcurrency(db: Database, options: ConcurrencyOptions): Plugin<Context> {
  return createClientConcurrency(db, options).plugin;
}

/** Refused: the client has too many requests running and waiting. */
export interface ConcurrencyRefusal {
  message: string;
  extensions: { code: typeof RATE_LIMITED; limit: 'concurrency'; retryAfter: number };
}

export interface ClientConcurrency {
  /** The yoga plugin (HTTP requests). */
  plugin: Plugin<Context>;
  /** A slot for one operation arriving otherwise (GraphQL over WebSocket), by the same key and limiter: its release, a refusal, or null (exempt). */
  acquire(request: Request, peerAddress: string | undefined, signal?: AbortSignal): Promise<Release | ConcurrencyRefusal | null>;
}

/** One limiter for every transport: see useClientConcurrency. */
export function createClientConcurrency(db: Database, options: ConcurrencyOptions): ClientConcurrency {
  const limiter = options.limiter ?? new ConcurrencyLimiter(options);
  const refusal = (refused: Extract<Admission, { refused: unknown }>['refused']): ConcurrencyRefusal => ({
    message:
      refused === 'queue-full'
        ? `Too many requests of this client at once (${options.perClient} running, ${options.queue} waiting); retry after ${RETRY_AFTER_SECONDS} s.`
        : `No slot for this client's request within ${options.maxWaitMs} ms; retry after ${RETRY_AFTER_SECONDS} s.`,
    extensions: { code: RATE_LIMITED, limit: 'concurrency', retryAfter: RETRY_AFTER_SECONDS },
  });
  async function acquire(request: Request, address: string, signal?: AbortSignal): Promise<Release | ConcurrencyRefusal | null> {
    if (options.exemptLoopback && isLoopback(address)) return null;
    const admission = await limiter.acquire(await clientKey(db, request, address), signal);
    return 'release' in admission ? admission.release : refusal(admission.refused);
  }
  const releases = new WeakMap<Request, Release>();
  const release = (request: Request) => {
    releases.get(request)?.();
    releases.delete(request);
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
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (UNLIMITED_PATHS.has(url.pathname)) return;
      const req = (serverContext as { req?: IncomingMessage }).req;
      const address = clientAddress(req?.socket?.remoteAddress, request.headers.get('x-forwarded-for'), options.trustProxy) ?? 'unknown';
      return acquire(request, address, request.signal).then((admission) => {
        if (admission === null) return;
        if (typeof admission === 'function') return void releases.set(request, admission);
        const body = JSON.stringify({ errors: [admission] });
        endResponse(new fetchAPI.Response(body, { status: 429, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS) } }));
      });
    },
  };
  return {
    plugin,
    acquire: (request, peerAddress, signal) => acquire(request, clientAddress(peerAddress, request.headers.get('x-forwarded-for'), options.trustProxy) ?? 'unknown', signal),
  };
}
