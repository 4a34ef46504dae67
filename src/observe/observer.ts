import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.js';
import type { GatewayMetrics } from './metrics.js';
import { attachRecord, RequestRecord, requestIdFrom, REQUEST_ID_HEADER } from './request-record.js';

/** Paths that get no access-log line nor request metrics: probes and the scrape, called every few seconds. */
export const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/** A client's operation name in a log line is cut here (the metrics bound theirs differently). */
const MAX_LOGGED_NAME = 200;

/** Where finished requests go: one access-log line each, and the metrics. */
export interface RequestObserver {
  readonly metrics: GatewayMetrics | null;
  /** A record for a new request (`x-request-id` honoured when sane). */
  start(requestIdHeader: string | string[] | null | undefined): RequestRecord;
  finish(record: RequestRecord): void;
  /** A subscription of this request started streaming. */
  streaming(record: RequestRecord): void;
}

export function createRequestObserver(log: Logger, metrics: GatewayMetrics | null): RequestObserver {
  const access = log.child({ component: 'access' });
  return {
    metrics,
    start: (header) => new RequestRecord(requestIdFrom(header)),
    finish(record) {
      metrics?.finished(record);
      if (!access.isLevelEnabled('info')) return;
      access.info(
        {
          requestId: record.id,
          transport: record.transport,
          operationType: record.operationType,
          operationName: record.operationName && record.operationName.slice(0, MAX_LOGGED_NAME),
          viewerId: record.viewerId,
          durationMs: record.durationMs,
          path: record.compiled ? 'compiled' : 'engine',
          statements: record.statements,
          errorCodes: record.errorCodes ?? [],
          // A WebSocket operation has no status of its own.
          status: record.transport === 'websocket' ? null : record.status,
        },
        'request',
      );
    },
    streaming(record) {
      if (record.streaming) return;
      record.streaming = true;
      metrics?.subscriptionStarted(record.transport);
    },
  };
}

/**
 * Starts the record of a request node received (every path: the front door, yoga, the deadline's
 * answer) and finishes it when its response closes, i.e. when an event stream ends for a
 * subscription. Its id is echoed in `x-request-id`.
 */
export function observeNodeRequest(observer: RequestObserver, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  if (QUIET_PATHS.has(query === -1 ? url : url.slice(0, query))) return;
  const record = observer.start(req.headers[REQUEST_ID_HEADER]);
  attachRecord(req, record);
  res.setHeader(REQUEST_ID_HEADER, record.id);
  res.once('close', () => {
    record.status = res.statusCode;
    observer.finish(record);
  });
}
