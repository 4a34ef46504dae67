import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerCount } from '../src/cluster.js';
import { loadConfig } from '../src/config.js';
import { emptyDatabase, spawnGateway, stopGateway, type EmptyDatabase, type GatewayProcess } from './gateway-process.js';
import { DEMO_PASSWORD } from './sign-in.js';

describe('WORKERS', () => {
  it('is a count from 1 to 64 or auto, and above 1 needs DATABASE_URL', () => {
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount('3')).toBe(3);
    expect(workerCount('auto')).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '65', '1.5', 'two']) expect(() => workerCount(bad)).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://x@127.0.0.1/y' }).workers).toBe(2);
  });
});

/** Pids of the primary's node children: its workers (tsx's esbuild service is a child too). */
const workersOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-x', 'node', '-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/** An SSE subscription read as `next` events' data. */
function subscribe(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const received: unknown[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(url, { method: 'POST', signal: controller.signal, headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: next') && data) received.push(JSON.parse(data.slice(6)));
      }
    }
  })().catch(() => undefined);
  return { received, close: () => controller.abort(), done };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a cluster of gateway processes (WORKERS=2, PostgreSQL)', () => {
  let database: EmptyDatabase;
  let gateway: GatewayProcess;
  beforeAll(async () => {
    database = await emptyDatabase('cluster');
    gateway = await spawnGateway({ ...database.env, WORKERS: '2', METRICS_PORT: '0' }, { timeoutMs: 180_000 });
  }, 200_000);
  afterAll(async () => {
    if (gateway) await stopGateway(gateway, 30_000).catch(() => undefined);
    await database?.drop();
  });

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(gateway.url, { method: 'POST', signal: AbortSignal.timeout(15_000), headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };

  it('serves from every worker, delivers each event once to subscribers on either, replaces a killed worker, and stops on SIGTERM', async () => {
    // Both workers up (the URL line comes from the first).
    for (let waited = 0; workersOf(gateway.child.pid!).length < 2 && waited < 60_000; waited += 250) await sleep(250);
    const [first] = workersOf(gateway.child.pid!);
    expect(workersOf(gateway.child.pid!)).toHaveLength(2);

    const signIn = await post('mutation ($input: SignInInput!) { signIn(input: $input) { ... on SessionPayload { token } } }', { input: { email: 'alice@example.com', password: DEMO_PASSWORD } });
    const token = signIn.data.signIn.token as string;
    const channels = await post('{ channels(first: 1, type: PUBLIC) { nodes { id } } }', {}, token);
    const channel = channels.data.channels.nodes[0].id as string;

    // Eight streams on fresh connections: the primary hands connections to the workers in turn.
    const streams = Array.from({ length: 8 }, () => subscribe(gateway.url, token, 'subscription ($channel: ID!) { channelEvents(channel: $channel) { kind message { content } } }', { channel }));
    await sleep(2_000);
    const sent = await post('mutation ($input: SendMessageInput!) { sendMessage(input: $input) { __typename } }', { input: { channelId: channel, content: 'to every worker' } }, token);
    expect(sent.data.sendMessage.__typename).toBe('MessagePayload');
    for (let waited = 0; streams.some((stream) => stream.received.length < 1) && waited < 20_000; waited += 100) await sleep(100);
    await sleep(500);
    for (const stream of streams) expect(stream.received).toEqual([{ data: { channelEvents: { kind: 'MESSAGE_CREATED', message: { content: 'to every worker' } } } }]);
    streams.forEach((stream) => stream.close());

    // METRICS_PORT is the primary's: the sum of every worker's registry.
    const port = /metrics of all workers on port (\d+)/.exec(gateway.output())?.[1];
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(15_000) })).text();
    const requests = [...metrics.matchAll(/^gateway_requests_total\{[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(requests).toBeGreaterThanOrEqual(3);

    // A worker that dies is replaced; the port keeps answering meanwhile.
    const exitedLines = () => gateway.output().match(/worker \d+ exited/g)?.length ?? 0;
    process.kill(first!, 'SIGKILL');
    // Until the primary has seen the exit, a new connection can be handed to the dead worker and is then never answered (Node's round robin).
    for (let waited = 0; exitedLines() === 0 && waited < 30_000; waited += 50) await sleep(50);
    expect(exitedLines()).toBe(1);
    // A kept-alive connection to the killed worker is reset (a client retries that); a new one is served.
    const answered = async (tries = 20): Promise<unknown> => post('{ __typename }').then((answer) => answer.data, (error: unknown) => (tries > 1 ? sleep(250).then(() => answered(tries - 1)) : Promise.reject(error)));
    expect(await answered()).toEqual({ __typename: 'Query' });
    let now = workersOf(gateway.child.pid!);
    for (let waited = 0; !(now.length === 2 && !now.includes(first!)) && waited < 60_000; waited += 250) {
      await sleep(250);
      now = workersOf(gateway.child.pid!);
    }
    expect(now).toHaveLength(2);
    expect(now).not.toContain(first);

    const workers = workersOf(gateway.child.pid!);
    expect(await stopGateway(gateway, 30_000)).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 240_000);
});
