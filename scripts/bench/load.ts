import autocannon from 'autocannon';
import type { GatewayRequest } from './requests.js';
import { cpuMs, postgresCpuSince, postgresCpuSnapshot } from './processes.js';

/** One HTTP request, repeated by every connection. */
export interface Target {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** The body every response must have (reads only): responses with other JSON are counted as mismatches. */
  expectBody?: string;
  /** Requests sent in turn by each connection instead of the one above (paths relative to `url`'s origin). */
  rotation?: GatewayRequest[];
}

export interface LoadOptions {
  connections: number;
  /** Seconds of the measured run. */
  duration: number;
  /** Seconds of load before it, not measured (JIT, pools, plan caches). */
  warmup: number;
  /** Waits until the previous run's requests have left the database, so they do not slow this one. */
  settle?: () => Promise<void>;
}

export interface RunStats {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, connection errors and timeouts, and bodies that differ from the expected one. */
  failures: number;
  serverCpuMs: number;
  databaseCpuMs: number;
}

/**
 * A body is wrong only when it is other JSON than expected: the same data may come as other bytes
 * (the GraphQL engine's answer to a document seen for the first time, before a compiled statement
 * answers it), so bytes are compared first and parsed only when they differ.
 */
function sameJson(expected: string): (body: string | Buffer | undefined) => boolean {
  let canonical: string | undefined;
  return (body) => {
    const text = body?.toString() ?? '';
    if (text === expected) return true;
    canonical ??= JSON.stringify(JSON.parse(expected));
    try {
      return JSON.stringify(JSON.parse(text)) === canonical;
    } catch {
      return false;
    }
  };
}

function fire(target: Target, connections: number, duration: number): Promise<autocannon.Result> {
  const verifyBody = target.expectBody === undefined ? undefined : sameJson(target.expectBody);
  const common = { connections, duration, timeout: 30, verifyBody };
  const { rotation } = target;
  if (!rotation) return autocannon({ ...common, url: target.url, method: target.method, headers: target.headers, body: target.body });
  // One counter for all connections, so that they walk the documents together instead of each from the first.
  let next = 0;
  const setupRequest = (request: autocannon.Request) => {
    const { method, path, headers, body } = rotation[next++ % rotation.length]!;
    return { ...request, method, path, headers: { ...request.headers, ...headers }, body };
  };
  return autocannon({ ...common, url: new URL(target.url).origin, requests: [{ setupRequest }] });
}

/** Warms up, then measures throughput, latency and the CPU the server and PostgreSQL spent on it. */
export async function measure(target: Target, serverPid: number, options: LoadOptions): Promise<RunStats> {
  await options.settle?.();
  if (options.warmup > 0) {
    await fire(target, options.connections, options.warmup);
    await options.settle?.();
  }
  const serverBefore = cpuMs(serverPid);
  const databaseBefore = postgresCpuSnapshot();
  const result = await fire(target, options.connections, options.duration);
  const serverCpu = cpuMs(serverPid) - serverBefore;
  const databaseCpu = postgresCpuSince(databaseBefore);
  const requests = result['2xx'];
  if (result.non2xx + result.errors + result.mismatches) {
    console.warn(`  failures: ${result.non2xx} non-2xx, ${result.errors} connection errors (${result.timeouts} timeouts), ${result.mismatches} other bodies`);
  }
  return {
    requests,
    seconds: result.duration,
    reqPerSec: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.mismatches,
    serverCpuMs: serverCpu,
    databaseCpuMs: databaseCpu,
  };
}

/** Several rounds of one server and shape as one line: totals for rates, means for latencies. */
export function combine(rounds: RunStats[]): RunStats {
  const sum = (pick: (run: RunStats) => number) => rounds.reduce((total, run) => total + pick(run), 0);
  const requests = sum((run) => run.requests);
  const seconds = sum((run) => run.seconds);
  return {
    requests,
    seconds,
    reqPerSec: requests / seconds,
    p50: sum((run) => run.p50) / rounds.length,
    p99: sum((run) => run.p99) / rounds.length,
    failures: sum((run) => run.failures),
    serverCpuMs: sum((run) => run.serverCpuMs),
    databaseCpuMs: sum((run) => run.databaseCpuMs),
  };
}
