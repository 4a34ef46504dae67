import type { Server } from 'node:http';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { serveMetrics } from './endpoints.js';

/**
 * Metrics of a cluster (WORKERS > 1): each worker answers the primary with its registry, and the
 * primary serves their sum on METRICS_PORT (prom-client's AggregatorRegistry). /metrics on the
 * main port is still answered by whichever worker got the connection: that worker's alone.
 */
export function answerPrimary(registry: Registry): void {
  // The constructor installs the worker's answer to the primary's requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

export async function serveClusterMetrics(port: number, host: string, token: string | undefined): Promise<{ server: Server; port: number }> {
  const aggregator = new AggregatorRegistry();
  const summed = { metrics: () => aggregator.clusterMetrics() } as unknown as Registry;
  return serveMetrics(summed, port, host, { token });
}
