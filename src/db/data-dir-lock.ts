import { mkdirSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';

/** The socket a process listens on while it has the data directory open (inside it, so every container sharing the volume sees it). */
export const LOCK_NAME = '.gateway.lock';

/**
 * PGlite takes no lock of its own: a second process on the same data directory (a second gateway,
 * `db:seed` or `db:studio` beside `npm start`) would open it too and both would write its files.
 * Held as a listening Unix socket: the kernel closes it when the holder dies, so a crash leaves no
 * stale lock (a connect to a dead socket is refused, and the next opener takes it over).
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(resolve(dataDir), LOCK_NAME);
  let server: Server;
  try {
    server = await listenOn(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return () => {}; // a filesystem without sockets: no lock
    if (await answers(path)) throw new Error(`the embedded database in ${dataDir} is open in another process (a running gateway, db:seed or db:studio): stop it first, or use DATABASE_URL`);
    rmSync(path, { force: true }); // left by a process that died
    server = await listenOn(path);
  }
  server.unref();
  return () => server.close();
}

function listenOn(path: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
