import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback between the gateway and PostgreSQL, with the faults of a network:
 * `cut()` resets every connection and refuses new ones (the listening socket is closed),
 * `hangNewConnections()` resets every connection and accepts new ones without ever forwarding a
 * byte, `silence()` stops forwarding on the open connections and keeps them open (a network that
 * died without a reset), `restore()` forwards again on the same port.
 */
export interface TcpProxy {
  readonly port: number;
  cut(): Promise<void>;
  hangNewConnections(): void;
  silence(): void;
  restore(): Promise<void>;
  /** Connections forwarded right now. */
  readonly open: number;
  close(): Promise<void>;
}

type Mode = 'forward' | 'cut' | 'hang';

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = 'forward';
  const pairs = new Set<[Socket, Socket]>();
  const held = new Set<Socket>();
  let server: Server;
  let port = 0;

  const accept = (socket: Socket) => {
    // A reset or a late error on either side must not reach the test process as an unhandled 'error'.
    socket.on('error', () => undefined);
    if (mode !== 'forward') {
      held.add(socket);
      socket.on('close', () => held.delete(socket));
      return;
    }
    const upstream = connect(target.port, target.host);
    upstream.on('error', () => undefined);
    const pair: [Socket, Socket] = [socket, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      socket.destroy();
      upstream.destroy();
    };
    socket.on('close', drop);
    upstream.on('close', drop);
    socket.pipe(upstream);
    upstream.pipe(socket);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer(accept);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port;
        resolve();
      });
    });

  /** Resets the gateway's side (it reads ECONNRESET) and closes PostgreSQL's. */
  const resetAll = () => {
    for (const [socket, upstream] of pairs) {
      socket.resetAndDestroy();
      upstream.destroy();
    }
    pairs.clear();
    for (const socket of held) socket.resetAndDestroy();
    held.clear();
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get open() {
      return pairs.size;
    },
    async cut() {
      mode = 'cut';
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        resetAll();
      });
    },
    hangNewConnections() {
      mode = 'hang';
      resetAll();
    },
    silence() {
      for (const [socket, upstream] of pairs) {
        socket.unpipe(upstream);
        upstream.unpipe(socket);
        // Read and drop: nothing reaches the other side, and nothing is reset.
        socket.on('data', () => undefined);
        upstream.on('data', () => undefined);
      }
    },
    async restore() {
      const wasCut = mode === 'cut';
      mode = 'forward';
      for (const socket of held) socket.resetAndDestroy();
      held.clear();
      if (wasCut) await listen();
    },
    async close() {
      mode = 'cut';
      resetAll();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
