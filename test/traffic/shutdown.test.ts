import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryWrittenRequestAnswered, freshDatabase, loadWithSignal, startGateway, type Database, type GatewayProcess } from './process.js';

/**
 * SIGTERM under load: the gateway as its own process (node with the TypeScript loader, as
 * `npm start` runs it), 200 requests over 8 keep-alive connections, the signal after 100 answers.
 */
let database: Database;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  database = await freshDatabase('shutdown');
});

afterAll(async () => {
  if (gateway && gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
  await database.drop();
});

describe('SIGTERM under load', () => {
  it('answers every request sent before the signal or on a connection still open, then exits 0', async () => {
    gateway = await startGateway(process.execPath, ['--import', 'tsx', 'src/main.ts'], database.env);
    const started = gateway;
    const { records, signalAt } = await loadWithSignal(started.url, { total: 200, connections: 8, signalAfter: 100, signal: () => started.child.kill('SIGTERM') });
    expect(signalAt).not.toBeNull();
    // 100 had been answered when the signal went; more had been sent, so some were in flight.
    expect(expectEveryWrittenRequestAnswered(records, signalAt!).length).toBeGreaterThan(100);
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(/SIGTERM: answering the requests already received[\s\S]*\[gateway\] stopped/);
  }, 150_000);
});
