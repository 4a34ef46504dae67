import { createSourceEventStream, type ExecutionArgs } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { executeEvent } from './shared-execution.js';

/** Where an event's result keeps its event's cursor (a symbol: copied by spreads, never serialized). */
export const EVENT_ID = Symbol('eventId');

/** The cursor of the event a subscription result was made from (SSE `id:`), if it has one. */
export const eventIdOf = (result: unknown): string | undefined => (result as { [EVENT_ID]?: string } | null)?.[EVENT_ID];

/**
 * Resolves every subscription event with a context of its own. graphql-js would execute all the
 * events of a subscription with the one context it started with, so caches kept on it (Pothos
 * DataLoaders, rule loaders, the locale) would answer later events from earlier ones (STACK.md).
 * Here the source stream is created as graphql-js does, and each event is executed with
 * `eventContext(subscriptionContext)`. `return()` still reaches the source at once, so a client
 * that goes away releases its subscription. A result keeps its event's cursor (`eventIdOf`).
 */
export function useFreshContextPerEvent<Ctx extends object>(eventContext: (subscriptionContext: Ctx) => Ctx): Plugin<Ctx> {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        const executionArgs = args as ExecutionArgs;
        const source = await createSourceEventStream(executionArgs);
        // Refused up front: the errors are the answer. `data: null` because graphql-sse's handler
        // (single connection mode) only takes an object with a `data` key for a result (else: HTTP 400).
        if (!isAsyncIterable(source)) return { ...source, data: null };
        const subscriptionContext = executionArgs.contextValue as Ctx;
        return mapAsyncIterator(source, async (payload) => {
          const result = await executeEvent(executionArgs, payload, eventContext(subscriptionContext) as Partial<Context> as Context);
          // A payload with a `cursor` (a logged event) passes it on to its result, for the SSE id.
          const cursor = (payload as { cursor?: unknown } | null)?.cursor;
          return typeof cursor === 'string' ? Object.assign(result, { [EVENT_ID]: cursor }) : result;
        });
      });
    },
  };
}
