import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listen, type RunningGateway, type Yoga } from '../../src/server.js';

/**
 * The drain of listen().shutdown() over raw keep-alive sockets: what a client that already sent
 * its request sees. The handler stands in for yoga; `/slow` answers after 300 ms, `/never` never.
 */
function handler(req: IncomingMessage, res: ServerResponse) {
  req.resume();
  if (req.url === '/never') return;
  setTimeout(() => res.end('done'), req.url === '/slow' ? 300 : 0);
}

async function serve(): Promise<{ gateway: RunningGateway; port: number }> {
  const gateway = await listen(handler as unknown as Yoga, 0, '127.0.0.1');
  return { gateway, port: Number(new URL(gateway.url).port) };
}

/** A keep-alive client on one socket that collects what the server writes and notices when it closes. */
class RawClient {
  readonly socket: Socket;
  received = '';
  readonly closed: Promise<void>;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (chunk) => (this.received += chunk.toString()));
    this.socket.on('error', (error) => (this.received += `[${error.message}]`));
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
  }

  send(path: string) {
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
  }

  /** Resolves once `count` responses have arrived in full. */
  async responses(count: number): Promise<string[]> {
    while ((this.received.match(/\r\n\r\ndone/g) ?? []).length < count && !this.socket.destroyed) await new Promise((r) => setTimeout(r, 10));
    return this.received.split(/(?=HTTP\/1\.1 )/);
  }
}

describe('graceful shutdown of the HTTP server', () => {
  it('answers a request in flight with Connection: close, then closes the connection', async () => {
    const { gateway, port } = await serve();
    const client = new RawClient(port);
    client.send('/slow');
    await new Promise((r) => setTimeout(r, 100));
    const drained = gateway.shutdown(5_000);
    const [response] = await client.responses(1);
    expect(response).toMatch(/^HTTP\/1\.1 200[\s\S]*connection: close[\s\S]*\r\n\r\ndone$/i);
    await client.closed;
    expect(await drained).toEqual({ forced: 0 });
  });

  it('does not drop an idle keep-alive connection at once: a request sent into it just after the signal is answered', async () => {
    const { gateway, port } = await serve();
    const client = new RawClient(port);
    client.send('/');
    await client.responses(1);
    const drained = gateway.shutdown(5_000);
    // http.Server#close() would have closed this idle connection already, resetting this request.
    client.send('/');
    const responses = await client.responses(2);
    expect(responses).toHaveLength(2);
    expect(responses[1]).toMatch(/^HTTP\/1\.1 200[\s\S]*connection: close[\s\S]*\r\n\r\ndone$/i);
    expect(await drained).toEqual({ forced: 0 });
  });

  it('closes an idle connection after the grace period, refuses new connections, and cuts what is left at the deadline', async () => {
    const { gateway, port } = await serve();
    const idle = new RawClient(port);
    idle.send('/');
    await idle.responses(1);
    const stuck = new RawClient(port);
    stuck.send('/never');
    await new Promise((r) => setTimeout(r, 100));
    const drained = gateway.shutdown(3_000);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    await idle.closed;
    // The idle one went during the drain; the unanswered one only at the deadline.
    expect(stuck.socket.destroyed).toBe(false);
    expect(await drained).toEqual({ forced: 1 });
    await stuck.closed;
  });
});
