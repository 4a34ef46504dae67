import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** pino's levels, and `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface CreateLoggerOptions {
  level?: LogLevel;
  /** JSON lines (NODE_ENV=production); otherwise readable lines for a terminal. */
  json?: boolean;
  /** Where lines go (tests capture them); default stdout. */
  destination?: DestinationStream;
}

/** One line per access in development: `200 query Name 3.2 ms compiled 1 sql viewer=… [CODE] id=…`. */
function readableMessage(log: Record<string, unknown>, messageKey: string): string {
  const prefix = typeof log.component === 'string' ? `[${log.component}] ` : '';
  if (log.requestId === undefined) return `${prefix}${String(log[messageKey] ?? '')}`;
  const codes = Array.isArray(log.errorCodes) && log.errorCodes.length > 0 ? ` [${log.errorCodes.join(',')}]` : '';
  const viewer = log.viewerId ? ` viewer=${String(log.viewerId)}` : '';
  const operation = `${String(log.operationType ?? '-')} ${String(log.operationName ?? '-')}`;
  return `${prefix}${String(log.status)} ${String(log.transport)} ${operation} ${String(log.durationMs)} ms ${String(log.path)} ${String(log.statements)} sql${viewer}${codes} id=${String(log.requestId)}`;
}

/** Fields a readable line shows in its own way. */
const SHOWN = new Set(['time', 'level', 'msg', 'component', 'err']);

const LEVEL_NAMES: Record<string, string> = { fatal: 'FATAL', error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG', trace: 'TRACE' };

/** One readable line from pino's JSON line: `[12:00:00.000] INFO: [access] 200 http query …`, then an error's stack. */
function readableLine(json: string): string {
  const log = JSON.parse(json) as Record<string, unknown>;
  const time = typeof log.time === 'string' ? log.time.slice(11, 23) : '';
  const level = LEVEL_NAMES[String(log.level)] ?? String(log.level);
  const err = log.err as { stack?: string; message?: string } | undefined;
  // Other fields of a non-access line (e.g. a signal, a count) follow as key=value.
  let fields = '';
  if (log.requestId === undefined) for (const key in log) if (!SHOWN.has(key)) fields += ` ${key}=${JSON.stringify(log[key])}`;
  const stack = err ? `\n    ${err.stack ?? err.message ?? ''}` : '';
  return `[${time}] ${level}: ${readableMessage(log, 'msg')}${fields}${stack}\n`;
}

/**
 * The process's logger (pino): JSON lines in production, one readable line each otherwise. Both
 * are written asynchronously through pino's buffered destination (flushed at exit): a synchronous
 * write per access line, and pino-pretty's reparsing of it, cost ~30 µs of every request.
 */
export function createLogger({ level = 'info', json = false, destination }: CreateLoggerOptions = {}): Logger {
  const options: LoggerOptions = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } };
  const out = destination ?? buffered();
  if (json) return pino(options, out);
  return pino(options, { write: (line: string) => out.write(readableLine(line)) });
}

/**
 * stdout through a buffer written in blocks of 4 KiB or every 200 ms, flushed when the process
 * exits: one write per access line (each an fs.write through libuv's thread pool) cost ~8% of a
 * compiled read's CPU; a line now waits at most 200 ms (a SIGKILL loses that much).
 */
function buffered(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 200 });
  process.once('exit', () => stream.flushSync());
  return stream;
}

let processLogger: Logger | undefined;

/** The one logger of this process: set by `npm start` from its configuration, else made from LOG_LEVEL and NODE_ENV. */
export function logger(): Logger {
  // An invalid LOG_LEVEL is reported by the configuration; the line saying so still needs a logger.
  const level = (LOG_LEVELS as readonly string[]).includes(process.env.LOG_LEVEL?.toLowerCase() ?? '') ? (process.env.LOG_LEVEL!.toLowerCase() as LogLevel) : 'info';
  return (processLogger ??= createLogger({ level, json: process.env.NODE_ENV === 'production' }));
}

export function setProcessLogger(chosen: Logger): void {
  processLogger = chosen;
}

/** LOG_LEVEL, checked (default info). */
export function logLevel(raw: string | undefined): LogLevel {
  const value = (raw || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return value as LogLevel;
}

/**
 * Where unexpected errors go (src/errors.ts maskError): once, at error level, with the stack; the
 * client only ever sees a coded message.
 */
export function errorLogger(log: Logger): (error: unknown) => void {
  return (error) => log.error({ err: error instanceof Error ? error : new Error(String(error)) }, 'unexpected error');
}

/** A logger that writes nothing (tests, scripts that print their own lines). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
