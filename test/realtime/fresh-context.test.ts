import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useFreshContextPerEvent } from '../../src/realtime/fresh-context.js';

/**
 * Each subscription event is resolved with a context of its own (STACK.md: caches on a shared
 * context answer later events from earlier ones). A tiny schema reports, per event, whether its
 * resolver saw a context that an earlier event (or the subscribe call) had already used.
 */

function server(plugins: Plugin[]) {
  const seen = new WeakSet<object>();
  const schema = createSchema<{ subscribed?: boolean }>({
    typeDefs: 'type Query { ok: Boolean } type Subscription { tick: String }',
    resolvers: {
      Subscription: {
        tick: {
          subscribe: async function* (_root, _args, ctx: object) {
            seen.add(ctx);
            yield 1;
            yield 2;
            yield 3;
          },
          resolve: (_payload: unknown, _args: unknown, ctx: object) => {
            const answer = seen.has(ctx) ? 'reused' : 'fresh';
            seen.add(ctx);
            return answer;
          },
        },
      },
    },
  });
  return createYoga({ schema, plugins });
}

/** The `tick` of every event of one subscription, read from yoga's SSE response to its end. */
async function ticks(yoga: ReturnType<typeof server>): Promise<string[]> {
  const response = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { tick }' }),
  });
  const text = await response.text();
  return [...text.matchAll(/"tick":"(\w+)"/g)].map((match) => match[1]!);
}

describe('useFreshContextPerEvent', () => {
  it('resolves every event with a new context', async () => {
    expect(await ticks(server([useFreshContextPerEvent((ctx: object) => ({ ...ctx }))]))).toEqual(['fresh', 'fresh', 'fresh']);
  });

  it('is needed: without it every event shares the subscription context', async () => {
    expect(await ticks(server([]))).toEqual(['reused', 'reused', 'reused']);
  });
});
