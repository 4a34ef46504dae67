import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { DatabaseHandle } from '../db/client.js';
import { pendingMigrations } from '../db/migrate.js';
import { databaseFault } from '../errors.js';
import { bucketAddress, isLoopback } from '../limits/client-address.js';
import type { Registry } from 'prom-client';

/** How long /ready waits for the database before it answers 503 (orchestrators' probes time out at 1-5 s). */
export const READY_TIMEOUT_MS = 2_000;

export interface Readiness {
  /** `degraded`: ready, but the LISTEN connection is reconnecting (events wait in the log, nothing is lost). */
  status: 'ready' | 'degraded' | 'not ready';
  database: { reachable: boolean; latencyMs: number | null; pendingMigrations: number | null; error?: string };
  /** Present when the gateway serves subscriptions. */
  realtime?: { listening: boolean };
}

/** `promise`'s value, or `fallback` once `ms` have passed first. */
function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Ready: the database answers within READY_TIMEOUT_MS and every migration is applied. A LISTEN
 * connection that is down only degrades: events are replayed from the log once it is back, while
 * leaving the balancer would fail every read meanwhile.
 */
export async function readiness(handle: DatabaseHandle, listening?: () => boolean): Promise<Readiness> {
  const started = performance.now();
  const TIMED_OUT = Symbol('timed out');
  const pending = await withTimeout<number | typeof TIMED_OUT | { error: string }>(
    pendingMigrations(handle).catch((error: unknown) => ({ error: databaseFault(error) ?? 'DATABASE_ERROR' })),
    READY_TIMEOUT_MS,
    TIMED_OUT,
  );
  const latencyMs = Math.round((performance.now() - started) * 100) / 100;
  const database: Readiness['database'] =
    typeof pending === 'number'
      ? { reachable: true, latencyMs, pendingMigrations: pending }
      : { reachable: false, latencyMs: null, pendingMigrations: null, error: pending === TIMED_OUT ? 'DATABASE_TIMEOUT' : pending.error };
  const realtime = listening ? { listening: listening() } : undefined;
  const ready = database.reachable && database.pendingMigrations === 0;
  const status = !ready ? 'not ready' : realtime?.listening === false ? 'degraded' : 'ready';
  return { status, database, ...(realtime ? { realtime } : {}) };
}

const json = (fetchAPI: { Response: typeof Response }, status: number, body: unknown) =>
  new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

/** `/health`: the process answers (no database); `/ready`: see `readiness`, 200 when ready or degraded, else 503. */
export function useHealth(handle: DatabaseHandle, listening?: () => boolean): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/health') return endResponse(json(fetchAPI, 200, { status: 'ok' }));
      if (url.pathname !== '/ready') return;
      return readiness(handle, listening).then((ready) => endResponse(json(fetchAPI, ready.status === 'not ready' ? 503 : 200, ready)));
    },
  };
}

/** Who may read /metrics: anyone with the bearer token when one is set, else loopback clients not behind a proxy. */
export interface MetricsAccess {
  token?: string;
}

function allowed(access: MetricsAccess, authorization: string | null, peer: string | undefined, forwarded: boolean): boolean {
  if (access.token) {
    const expected = Buffer.from(`Bearer ${access.token}`);
    const given = Buffer.from(authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  // A proxy on this host makes every client look local: a forwarded request is not.
  return !forwarded && peer !== undefined && isLoopback(bucketAddress(peer));
}

const PROMETHEUS_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** `/metrics` on the gateway's own port. */
export function useMetricsEndpoint(registry: Registry, access: MetricsAccess): Plugin {
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') return;
      const peer = (serverContext as { req?: IncomingMessage }).req?.socket.remoteAddress;
      if (!allowed(access, request.headers.get('authorization'), peer, request.headers.has('x-forwarded-for'))) {
        return endResponse(new fetchAPI.Response('Forbidden\n', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
      }
      return registry.metrics().then((text) => endResponse(new fetchAPI.Response(text, { status: 200, headers: { 'content-type': PROMETHEUS_TYPE } })));
    },
  };
}

/** `/metrics` alone on a port of its own (METRICS_PORT), e.g. reachable only inside the cluster. */
export async function serveMetrics(registry: Registry, port: number, host: string, access: MetricsAccess): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if ((req.url ?? '').split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    const authorization = req.headers.authorization ?? null;
    // On its own port the operator chose who can reach it: only a token, if set, is checked.
    if (access.token && !allowed(access, authorization, undefined, false)) return void res.writeHead(403).end('Forbidden\n');
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': PROMETHEUS_TYPE }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
