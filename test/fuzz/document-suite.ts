import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDS, DocumentBuilder, type BuiltRequest, type IdPool } from './document-builder.js';
import { describeRequest, FUZZ_SEED, openFuzzGateway, sendAndJudge, type FuzzGateway, type FuzzRequest } from './oracle.js';

/**
 * Random documents built from the real schema (read by introspection, as a client would), signed in
 * as a demo person, as the bot, anonymously and with a refused token. A fifth of the queries are
 * asked twice: the second request of a document the engine has run is answered by the compiled
 * path when it can be. Sizes are bounded (BOUNDS in document-builder.ts) until the request limits
 * are merged. `FUZZ_SURVEY=1` lists every failing case instead of stopping at the first.
 */

const ACTORS = ['anonymous', 'alice', 'alice', 'bot', 'refused'] as const;
type Actor = (typeof ACTORS)[number];

export interface DocumentSuite {
  name: string;
  runs: number;
  /** Mutations, subscriptions and damaged documents instead of queries. */
  writes: boolean;
  /** Cases found earlier, kept as fixed examples: asked twice, signed in and anonymously. */
  regressions: BuiltRequest[];
}

export function documentFuzzSuite({ name, runs, writes, regressions }: DocumentSuite): void {
  let fuzz: FuzzGateway;
  let schema: GraphQLSchema;
  let ids: IdPool;

  async function post(body: object, headers: Record<string, string> = {}) {
    const response = await fuzz.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  }

  beforeAll(async () => {
    fuzz = await openFuzzGateway();
    const introspection = await post({ query: getIntrospectionQuery() });
    schema = buildClientSchema(introspection.data as IntrospectionQuery);
    // Real rows to point IDs at, as two actors who see different parts of the demo data.
    const found = new Set<string>();
    for (const headers of [fuzz.headers.alice, fuzz.headers.bot]) {
      const response = await post(
        {
          query: `{ organizations { nodes { id members(first: 5) { nodes { id } } } } users(first: 30) { nodes { id } } apps(first: 20) { nodes { id } }
            channels(first: 50) { nodes { id messages(first: 5) { nodes { id } } } } }`,
        },
        headers,
      );
      expect(response.errors).toBeUndefined();
      for (const [, id] of JSON.stringify(response.data).matchAll(/"id":"([^"]+)"/g)) found.add(id!);
    }
    const real = [...found].sort();
    const typenames = [...new Set(real.map((id) => Buffer.from(id, 'base64').toString().split(':')[0]!))].sort();
    ids = { real, typenames };
  });
  afterAll(() => fuzz.close());

  function toRequest(built: BuiltRequest, actor: Actor, accept: string): FuzzRequest {
    const headers: Record<string, string> =
      actor === 'refused' ? { authorization: 'Bearer gw_s_refused-token-000000000000000000000000' } : { ...fuzz.headers[actor] };
    return {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', accept, ...headers },
      body: JSON.stringify({ query: built.query, variables: built.variables, operationName: built.operationName }),
    };
  }

  describe(`${name} (fuzz, fixed seed)`, () => {
    if (regressions.length) it.each(regressions.map((built) => [built.query.slice(0, 100), built] as const))('regression: %s', async (_name, built) => {
      for (const actor of ['alice', 'anonymous'] as const) {
        const request = toRequest(built, actor, 'application/json');
        // Twice: the engine, then (when it compiles) the compiled path.
        expect(await sendAndJudge(fuzz, request)).toEqual([]);
        expect(await sendAndJudge(fuzz, request)).toEqual([]);
      }
    });

    it(`${runs} generated documents answer data or coded client errors, never a 5xx, stack trace or SQL`, async () => {
      const survey: string[] = [];
      const outcomes = new Map<string, number>();
      let asked = 0;
      await fc.assert(
        fc.asyncProperty(fc.gen(), fc.constantFrom(...ACTORS), fc.nat(99), async (g, actor, roll) => {
          const built = new DocumentBuilder(g, schema, ids).build(writes);
          const accept = built.kind === 'subscription' && roll < 50 ? 'text/event-stream' : roll < 10 ? 'application/graphql-response+json' : 'application/json';
          const request = toRequest(built, actor, accept);
          // An event stream stays open for events: it is read briefly.
          const limitMs = built.kind === 'subscription' ? 100 : 5_000;
          const problems = await sendAndJudge(fuzz, request, limitMs, (outcome) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1));
          asked++;
          if (!problems.length && built.kind === 'query' && roll < 20) {
            problems.push(...(await sendAndJudge(fuzz, request, limitMs)));
            asked++;
          }
          if (problems.length && process.env.FUZZ_SURVEY) {
            survey.push(`${problems.join('; ')}\n${describeRequest(request)}`);
            return;
          }
          if (problems.length) throw new Error(`${problems.join('; ')}\n${describeRequest(request)}`);
        }),
        { seed: FUZZ_SEED + (writes ? 1 : 0), numRuns: runs, endOnFailure: true },
      );
      if (survey.length) console.log(survey.join('\n\n'));
      expect(survey).toEqual([]);
      console.log(`${name}: ${runs} cases, ${asked} requests, outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}, bounds ${JSON.stringify(BOUNDS)}`);
      // The generator reaches execution (data, or an error from a resolver), not only parse and validation errors.
      const refusedEarly = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE'];
      const executed = [...outcomes].filter(([outcome]) => !refusedEarly.includes(outcome)).reduce((sum, [, count]) => sum + count, 0);
      expect(executed).toBeGreaterThan(runs / 10);
    }, 300_000);

    it('still answers a plain request afterwards', async () => {
      expect(await post({ query: '{ __typename }' })).toEqual({ data: { __typename: 'Query' } });
    });
  });
}
