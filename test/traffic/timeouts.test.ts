import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { listen, type RunningGateway, type Yoga } from '../../src/server.js';

/**
 * Node's server limits as listen() sets them, over raw sockets on loopback. The handler stands in
 * for yoga (listen takes any request handler); what is checked is what the server does around it.
 */
const running: RunningGateway[] = [];
afterAll(async () => {
  for (const gateway of running) await gateway.close();
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(handler: Handler, limits: Parameters<typeof listen>[3]): Promise<number> {
  const gateway = await listen(handler as unknown as Yoga, 0, '127.0.0.1', limits);
  running.push(gateway);
  return Number(new URL(gateway.url).port);
}

/** An echo of the body, once it has all arrived. */
const echo: Handler = (req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => res.end(body));
};

interface Trickle {
  received: string;
  /** How many of the bytes the client meant to send it did send before the server closed. */
  sent: number;
}

/** Sends `head`, then one byte of `rest` every `everyMs` while the connection lasts; resolves when the server closes it. */
function trickle(port: number, head: string, rest: string, everyMs: number): Promise<Trickle> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let received = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < rest.length && !socket.destroyed) socket.write(rest[sent++]!);
    }, everyMs);
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ received, sent });
    });
    socket.write(head);
  });
}

describe('server time limits', () => {
  it('cuts a client that sends its body too slowly (408) once the request timeout has passed', async () => {
    const port = await serve(echo, { headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    // 40 bytes at one per 250 ms would take 10 s; the server closes the connection well before.
    const body = '{"query":"{ __typename }"}'.padEnd(40, ' ');
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const result = await trickle(port, head, body, 250);
    expect(result.received).toMatch(/^HTTP\/1\.1 408/);
    expect(result.sent).toBeLessThan(body.length);
  });

  it('cuts a client that sends its headers too slowly (408)', async () => {
    const port = await serve(echo, { headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const head = 'GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: ' + 'a'.repeat(40) + '\r\n\r\n';
    const result = await trickle(port, 'G', head.slice(1), 100);
    expect(result.received).toMatch(/^HTTP\/1\.1 408/);
    expect(result.sent).toBeLessThan(head.length - 1);
  });

  it('answers a request still unanswered at the deadline with 503 and REQUEST_TIMEOUT; a started stream goes on', async () => {
    const port = await serve(
      (req, res) => {
        req.resume();
        if (req.url === '/stream') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(': open\n\n');
          setTimeout(() => res.end('event: complete\ndata:\n\n'), 1_500);
        }
        // Anything else is never answered by the handler.
      },
      { requestTimeoutMs: 500 },
    );
    const stuck = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' });
    expect(stuck.status).toBe(503);
    expect(await stuck.json()).toEqual({ errors: [{ message: 'The request was not answered within 500 ms.', extensions: { code: 'REQUEST_TIMEOUT' } }] });
    const stream = await fetch(`http://127.0.0.1:${port}/stream`);
    expect(stream.status).toBe(200);
    expect(await stream.text()).toBe(': open\n\nevent: complete\ndata:\n\n');
  });
});
