import { createSourceEventStream, execute, type ExecutionArgs } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';

/**
 * Resolves every subscription event with a context of its own. graphql-js would execute all the
 * events of a subscription with the one context it started with, so caches kept on it (Pothos
 * DataLoaders, rule loaders, the locale) would answer later events from earlier ones (STACK.md).
 * Here the source stream is created as graphql-js does, and each event is executed with
 * `eventContext(subscriptionContext)`. `return()` still reaches the source at once, so a client
 * that goes away releases its subscription.
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
        return mapAsyncIterator(source, (payload) =>
          execute({ ...executionArgs, rootValue: payload, contextValue: eventContext(subscriptionContext) }),
        );
      });
    },
  };
}
