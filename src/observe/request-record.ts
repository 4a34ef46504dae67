import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { StatementCounter } from '../db/counting.js';

/** How the request came: plain HTTP, a subscription's event stream (SSE, multipart), an operation over a WebSocket. */
export type Transport = 'http' | 'sse' | 'multipart' | 'websocket';

/**
 * What one request did, filled by whichever path answers it (the compiled front door, yoga's
 * plugins, the WebSocket transport) and read once when it ends: by the access log and the metrics
 * (src/observe/observer.ts), and by anything else that wants it (tracing). One small object per
 * request; nothing here allocates until a field is set.
 */
export class RequestRecord implements StatementCounter {
  readonly started = performance.now();
  operationName: string | null = null;
  operationType: string | null = null;
  viewerId: string | null = null;
  /** Answered by one compiled statement, or by the GraphQL engine. */
  compiled = false;
  /** SQL statements run for it (the credential lookup, shared between paths and cached, is not counted). */
  statements = 0;
  /** The `extensions.code`s of its errors, each once. */
  errorCodes: string[] | null = null;
  status = 0;
  transport: Transport = 'http';
  /** A subscription whose stream started (its line is written when the stream ends). */
  streaming = false;

  constructor(readonly id: string) {}

  addCode(code: unknown): void {
    const text = typeof code === 'string' ? code : 'UNCODED';
    if (!this.errorCodes) this.errorCodes = [text];
    else if (!this.errorCodes.includes(text)) this.errorCodes.push(text);
  }

  /** The codes of a result's (or an error list's) errors. */
  addErrors(errors: readonly { extensions?: { code?: unknown } | Record<string, unknown> }[] | undefined): void {
    if (errors) for (const error of errors) this.addCode(error.extensions?.code);
  }

  get durationMs(): number {
    return Math.round((performance.now() - this.started) * 100) / 100;
  }
}

/** A client's request id is kept when it is short and plain (log lines stay parseable); else one is made. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdFrom(header: string | string[] | null | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

export const REQUEST_ID_HEADER = 'x-request-id';

// Each request's record, reachable from every object that stands for it: node's request, its RequestHead, yoga's Request.
const records = new WeakMap<object, RequestRecord>();

export function attachRecord(holder: object, record: RequestRecord): void {
  records.set(holder, record);
}

export function recordOf(holder: object | undefined | null): RequestRecord | undefined {
  return holder ? records.get(holder) : undefined;
}
