import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long a connection with no request may stay after the signal: a request may already be on its way in it. */
export const IDLE_GRACE_MS = 1_000;
const SWEEP_INTERVAL_MS = 50;

interface SocketState {
  /** Requests received on it and not yet answered. */
  active: number;
  /** When it last became idle (its last response ended, or it opened). */
  idleSince: number;
}

/**
 * Graceful shutdown of one HTTP server. Node's `server.close()` also closes idle keep-alive
 * connections at once, which resets a request the client had already written into one (it is
 * still in the kernel's buffer). Instead: stop accepting; answer every request received, with
 * `Connection: close`; close a connection once it has been idle for IDLE_GRACE_MS; at the
 * deadline close whatever is left.
 */
export class ConnectionDrain {
  private readonly sockets = new Map<Socket, SocketState>();
  private readonly unanswered = new Set<ServerResponse>();
  private stoppingSince: number | null = null;
  private drained: Promise<{ forced: number }> | null = null;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.set(socket, { active: 0, idleSince: Date.now() });
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** Call for every request before it is handled. */
  track(req: IncomingMessage, res: ServerResponse): void {
    const state = this.sockets.get(req.socket);
    if (state) state.active++;
    if (this.stoppingSince !== null) res.setHeader('connection', 'close');
    this.unanswered.add(res);
    // 'close' follows 'finish', and also comes when the connection dies first.
    res.once('close', () => {
      this.unanswered.delete(res);
      if (state) {
        state.active--;
        state.idleSince = Date.now();
      }
    });
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Stops accepting at once; resolves when every connection is closed, `forced` counting those cut at the deadline. */
  shutdown(timeoutMs: number): Promise<{ forced: number }> {
    if (this.drained) return this.drained;
    const since = (this.stoppingSince = Date.now());
    for (const res of this.unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
    // net's close stops listening only; http's would also drop idle keep-alive connections at once.
    NetServer.prototype.close.call(this.server);
    this.drained = new Promise((resolve) => {
      const finish = (forced: number) => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve({ forced });
      };
      const sweep = setInterval(() => {
        const now = Date.now();
        for (const [socket, state] of this.sockets) {
          if (state.active === 0 && now - Math.max(state.idleSince, since) >= IDLE_GRACE_MS) socket.destroy();
        }
        if (this.sockets.size === 0) finish(0);
      }, SWEEP_INTERVAL_MS);
      const deadline = setTimeout(() => {
        const forced = this.sockets.size;
        for (const socket of this.sockets.keys()) socket.destroy();
        finish(forced);
      }, timeoutMs);
    });
    return this.drained;
  }
}
