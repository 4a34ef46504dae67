import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { resultWithoutInternals } from './result-json.js';

/**
 * Subscriptions over HTTP multipart, as Apollo Client sends them (its HttpLink, for a subscription,
 * asks `Accept: multipart/mixed;boundary=graphql;subscriptionSpec=1.0, ...`), in the format of
 * Apollo's "multipart HTTP protocol for GraphQL subscriptions": one part per event, each
 * `{"payload": <result>}`; `{}` heartbeats so proxies keep an idle stream open; a failure of the
 * stream itself as `{"payload": null, "errors": [...]}`; the closing boundary when the
 * subscription ends. yoga 5 answers 406 here: it serves subscriptions as SSE only (its multipart
 * result processor is for @defer/@stream, whose parts carry no `payload`).
 * Everything before the stream (parse, validation, limits, credentials) is yoga's, so an error
 * refusing the subscription up front is a plain JSON answer (Apollo also accepts JSON).
 */

/** Apollo Router's interval; Apollo Client skips `{}` parts. */
export const MULTIPART_HEARTBEAT_MS = 5_000;
const BOUNDARY = 'graphql';

/** Whether the request asks for Apollo's multipart subscription protocol (any `subscriptionSpec`). */
export function acceptsMultipartSubscription(accept: string | null): boolean {
  if (!accept) return false;
  return accept
    .toLowerCase()
    .split(',')
    .some((range) => {
      const [type, ...params] = range.split(';').map((part) => part.trim());
      return type === 'multipart/mixed' && params.some((param) => param.startsWith('subscriptionspec='));
    });
}

function multipartResponse(events: AsyncIterable<ExecutionResult>, fetchAPI: typeof globalThis, heartbeatMs: number): Response {
  const encoder = new fetchAPI.TextEncoder();
  const part = (json: unknown) => encoder.encode(`\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(json)}\r\n--${BOUNDARY}`);
  const iterator = events[Symbol.asyncIterator]();
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  const stop = () => {
    closed = true;
    clearInterval(heartbeat);
  };
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      // A first (empty) part at once: the client sees the subscription is open before any event.
      controller.enqueue(encoder.encode(`\r\n--${BOUNDARY}`));
      controller.enqueue(part({}));
      heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(part({}));
      }, heartbeatMs);
    },
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (closed) return;
        if (!done) return controller.enqueue(part({ payload: resultWithoutInternals(value) }));
      } catch {
        // A broken event source (not an event's own errors, which are in its payload): a transport error.
        if (closed) return;
        controller.enqueue(part({ payload: null, errors: [{ message: 'The subscription stream failed.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      }
      stop();
      controller.enqueue(encoder.encode('--\r\n'));
      controller.close();
    },
    async cancel() {
      // The client went away: release the subscription at once.
      stop();
      await iterator.return?.();
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    headers: { 'content-type': `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="1.0"`, 'cache-control': 'no-cache' },
  });
}

/** Serves a subscription's stream in Apollo's multipart format when the request asks for it. */
export function useMultipartSubscriptions({ heartbeatMs = MULTIPART_HEARTBEAT_MS }: { heartbeatMs?: number } = {}): Plugin {
  return {
    // After yoga's own processors (SSE, JSON): a request accepting Apollo's protocol gets it for a stream.
    onResultProcess({ request, result, setResultProcessor }) {
      if (!isAsyncIterable(result) || !acceptsMultipartSubscription(request.headers.get('accept'))) return;
      setResultProcessor((events, fetchAPI) => multipartResponse(events as AsyncIterable<ExecutionResult>, fetchAPI as unknown as typeof globalThis, heartbeatMs), 'multipart/mixed');
    },
  };
}
