import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerAdapter } from '@whatwg-node/server';
import { createYoga } from 'graphql-yoga';
import { afterAll, describe, expect, it } from 'vitest';
import { serveMetrics, useMetricsEndpoint } from '../../src/observe/endpoints.js';
import { createMetrics } from '../../src/observe/metrics.js';
import { parsePrometheusText } from './prometheus-text.js';

/**
 * Who may read /metrics (src/observe/endpoints.ts): without METRICS_TOKEN only a loopback client
 * that no proxy forwarded; with it, whoever sends the bearer token; METRICS_PORT serves them alone.
 */

const metrics = createMetrics({ processMetrics: false });
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** A bare yoga with the endpoint, on 127.0.0.1 (a loopback peer). */
async function served(token?: string) {
  const yoga = createYoga({ plugins: [useMetricsEndpoint(metrics.registry, { token })], logging: false });
  const server = createServer(createServerAdapter(yoga));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

describe('/metrics access', () => {
  it('without a token: a loopback client reads them, a forwarded one does not', async () => {
    const url = await served();
    const local = await fetch(url);
    expect(local.status).toBe(200);
    expect(parsePrometheusText(await local.text()).some((sample) => sample.name === 'gateway_subscriptions_active')).toBe(true);
    expect((await fetch(url, { headers: { 'x-forwarded-for': '198.51.100.7' } })).status).toBe(403);
  });

  it('with a token: only with it, whoever asks', async () => {
    const url = await served('s3cret-token');
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token!' } })).status).toBe(403);
    expect((await fetch(url, { headers: { authorization: 'Bearer s3cret-token', 'x-forwarded-for': '198.51.100.7' } })).status).toBe(200);
  });

  it('on a port of its own (METRICS_PORT): /metrics only, the token checked when set', async () => {
    const { server, port } = await serveMetrics(metrics.registry, 0, '127.0.0.1', { token: 'other-token' });
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/metrics`)).status).toBe(403);
    const scraped = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer other-token' } });
    expect(scraped.status).toBe(200);
    parsePrometheusText(await scraped.text());
    expect((await fetch(`${base}/graphql`)).status).toBe(404);
  });
});
