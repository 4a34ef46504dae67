import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { eventIdOf } from '../realtime/fresh-context.js';
import { resultWithoutInternals } from './result-json.js';

/**
 * yoga's SSE on /graphql (graphql-sse's distinct connections mode) with an `id:` line per event
 * that has a cursor (src/realtime/fresh-context.ts), so an EventSource that reconnects sends it
 * back as `Last-Event-ID` and resumes after it (src/realtime/subscribe.ts). Otherwise as yoga
 * writes it: a `:` comment at once and every 12 s (300 ms under NODE_ENV=test, as yoga), each
 * result as `event: next`, and `event: complete` at the end. yoga 5 writes no ids.
 */
function sseResponse(result: AsyncIterable<ExecutionResult>, fetchAPI: typeof globalThis): Response {
  const pingMs = process.env.NODE_ENV === 'test' ? 300 : 12_000;
  const encoder = new fetchAPI.TextEncoder();
  const iterator = result[Symbol.asyncIterator]();
  let ping: NodeJS.Timeout | undefined;
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      // Some browsers wait for a first byte before they report the response.
      controller.enqueue(encoder.encode(':\n\n'));
      ping = setInterval(() => {
        if (controller.desiredSize === null) return clearInterval(ping);
        if (controller.desiredSize > 0) controller.enqueue(encoder.encode(':\n\n'));
      }, pingMs);
    },
    async pull(controller) {
      try {
        const { done, value } = await iterator.next();
        if (!done) {
          const id = eventIdOf(value);
          controller.enqueue(encoder.encode(`${id ? `id: ${id}\n` : ''}event: next\ndata: ${JSON.stringify(resultWithoutInternals(value))}\n\n`));
          return;
        }
        controller.enqueue(encoder.encode('event: complete\ndata:\n\n'));
        clearInterval(ping);
        controller.close();
      } catch (error) {
        clearInterval(ping);
        controller.error(error);
      }
    },
    async cancel() {
      // The client went away: release the subscription at once.
      clearInterval(ping);
      await iterator.return?.();
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream', connection: 'keep-alive', 'cache-control': 'no-cache', 'content-encoding': 'none' },
  });
}

export function useSseEventIds(): Plugin {
  const subscriptions = new WeakSet<Request>();
  return {
    onSubscribe({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request) subscriptions.add(request);
    },
    // After yoga's processors: for a subscription, the only one yoga can have chosen for a stream is its SSE.
    onResultProcess({ request, result, resultProcessor, setResultProcessor }) {
      if (!resultProcessor || !subscriptions.has(request) || !isAsyncIterable(result)) return;
      setResultProcessor((events, fetchAPI) => sseResponse(events as AsyncIterable<ExecutionResult>, fetchAPI as unknown as typeof globalThis), 'text/event-stream');
    },
  };
}
