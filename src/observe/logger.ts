import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { PrettyOptions, PrettyStream } from 'pino-pretty';

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

/** The fields of an access-log line (src/observe/request-record.ts) that the readable format shows in its message. */
const ACCESS_FIELDS = ['requestId', 'transport', 'operationType', 'operationName', 'viewerId', 'durationMs', 'path', 'statements', 'errorCodes', 'status'];

/** One line per access in development: `200 query Name 3.2 ms compiled 1 sql viewer=… [CODE] id=…`. */
function readableMessage(log: Record<string, unknown>, messageKey: string): string {
  const prefix = typeof log.component === 'string' ? `[${log.component}] ` : '';
  if (log.requestId === undefined) return `${prefix}${String(log[messageKey] ?? '')}`;
  const codes = Array.isArray(log.errorCodes) && log.errorCodes.length > 0 ? ` [${log.errorCodes.join(',')}]` : '';
  const viewer = log.viewerId ? ` viewer=${String(log.viewerId)}` : '';
  const operation = `${String(log.operationType ?? '-')} ${String(log.operationName ?? '-')}`;
  return `${prefix}${String(log.status)} ${String(log.transport)} ${operation} ${String(log.durationMs)} ms ${String(log.path)} ${String(log.statements)} sql${viewer}${codes} id=${String(log.requestId)}`;
}

/**
 * The process's logger (pino): JSON lines in production, one readable line each otherwise
 * (pino-pretty as a synchronous stream in this thread: no worker thread, nothing lost at exit).
 */
export function createLogger({ level = 'info', json = false, destination }: CreateLoggerOptions = {}): Logger {
  const options: LoggerOptions = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } };
  if (json) return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
  // Loaded only for readable lines: production (JSON) never loads pino-pretty.
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: PrettyOptions) => PrettyStream;
  const stream = pretty({
    sync: true,
    destination: destination ?? 1,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: ['pid', 'hostname', 'component', ...ACCESS_FIELDS].join(','),
    messageFormat: readableMessage,
  });
  return pino(options, stream);
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
