import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors.js';
import { recordOf } from '../observe/request-record.js';

export const REQUEST_TIMEOUT = 'REQUEST_TIMEOUT' satisfies ErrorCode;

/**
 * A deadline for answering each request: when it passes before the response has started, the
 * client gets a 503 with a coded GraphQL error and the late answer is dropped (yoga does not
 * write to an ended response). An event stream has started its response and goes on; a body
 * still arriving is left to node's requestTimeout (408, connection closed).
 */
export function withDeadline(handler: RequestListener, timeoutMs: number): RequestListener {
  if (timeoutMs <= 0) return handler;
  const body = JSON.stringify({ errors: [{ message: `The request was not answered within ${timeoutMs} ms.`, extensions: { code: REQUEST_TIMEOUT } }] });
  return (req: IncomingMessage, res: ServerResponse) => {
    const timer = setTimeout(() => {
      if (!req.complete || res.headersSent || res.writableEnded) return;
      recordOf(req)?.addCode(REQUEST_TIMEOUT);
      // Retryable like a database fault: the next attempt may meet a less busy database.
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' }).end(body);
    }, timeoutMs);
    res.once('close', () => clearTimeout(timer));
    handler(req, res);
  };
}
