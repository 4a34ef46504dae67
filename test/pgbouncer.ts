import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's package (`apt-get install -y pgbouncer`); .ci/run installs it when missing. */
export const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((path) => existsSync(path));

export interface PgBouncer {
  /** A URL of the database `alias` through PgBouncer. */
  url(alias: string): string;
  /** What PgBouncer logged so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface PgBouncerDatabase {
  /** The database's name on PostgreSQL. */
  dbname: string;
  /** More `key=value` settings of this entry, e.g. `pool_size=2`. */
  settings?: string;
}

/** A free loopback port (PgBouncer cannot be told to pick one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * PgBouncer in transaction mode on a free loopback port, in front of the PostgreSQL of `serverUrl`
 * (trust authentication, as the test server has), serving each of `databases` under its alias.
 * A child process in the foreground, stopped by `stop()`; its ini, socket and log live in a temp
 * directory removed then. PgBouncer refuses to run as root, so as root it runs as `postgres` (-u).
 */
export async function startPgBouncer(serverUrl: string, databases: Record<string, PgBouncerDatabase>): Promise<PgBouncer> {
  if (!PGBOUNCER) throw new Error('pgbouncer is not installed (apt-get install -y pgbouncer)');
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || 'postgres');
  const directory = mkdtempSync(join(tmpdir(), 'pgbouncer-'));
  // Readable and writable by the user PgBouncer drops to.
  chmodSync(directory, 0o777);
  const target = `host=${server.hostname} port=${server.port || 5432} user=${user}${server.password ? ` password=${decodeURIComponent(server.password)}` : ''}`;
  const entries = Object.entries(databases).map(([alias, { dbname, settings = '' }]) => `${alias} = ${target} dbname=${dbname} ${settings}`);
  const logfile = join(directory, 'pgbouncer.log');
  const readLog = () => (existsSync(logfile) ? readFileSync(logfile, 'utf8') : '');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const ini = join(directory, 'pgbouncer.ini');
    writeFileSync(
      ini,
      [
        '[databases]',
        ...entries,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        `unix_socket_dir = ${directory}`,
        'auth_type = trust',
        `auth_file = ${join(directory, 'users.txt')}`,
        'pool_mode = transaction',
        'max_client_conn = 500',
        `logfile = ${logfile}`,
        'pidfile =',
        '',
      ].join('\n'),
    );
    writeFileSync(join(directory, 'users.txt'), `"${user}" ""\n`);
    const child: ChildProcess = spawn(PGBOUNCER, [...(process.getuid?.() === 0 ? ['-u', 'postgres'] : []), ini], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let running = true;
    void exited.then(() => (running = false));
    const deadline = Date.now() + 10_000;
    while (running && Date.now() < deadline && !(await accepts(port))) await new Promise((resolve) => setTimeout(resolve, 50));
    if (running && (await accepts(port))) {
      return {
        url: (alias) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${alias}`,
        log: readLog,
        async stop() {
          child.kill('SIGTERM');
          await exited;
          rmSync(directory, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    await exited;
    // Another process may have taken the port in between: try another one.
    if (attempt === 3) {
      const log = readLog();
      rmSync(directory, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start:\n${log}`);
    }
  }
}
