import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, globalId } from '../policies.js';
import { describeRequest, FUZZ_SEED, openFuzzGateway, sendAndJudge, type FuzzGateway, type FuzzRequest } from './oracle.js';

/**
 * Malformed HTTP requests to the gateway, in process (yoga.fetch): bodies that are no JSON or the
 * wrong JSON, wrong types for query / variables / operationName / extensions, GET query strings,
 * and every media type and Accept header a client might send. Documents here are a few fixed ones;
 * test/fuzz/documents.test.ts builds them from the schema.
 */

const RUNS = 900;

let fuzz: FuzzGateway;
const survey: string[] = [];
beforeAll(async () => {
  fuzz = await openFuzzGateway();
});
afterAll(() => fuzz.close());

const GENERAL = globalId('Channel', demoId(30, 1));
const DOCUMENTS = [
  '{ __typename }',
  '{ viewer { id displayName } }',
  'query Q($s: String) { organizations(search: $s) { nodes { slug } } }',
  'query ($id: ID!) { channel(id: $id) { name messages(first: 2) { nodes { content } } } }',
  `{ node(id: "${GENERAL}") { id } }`,
  'query A { apps { nodes { key } } } query B { locales { code } }',
  'mutation { markAllNotificationsRead(input: {}) { __typename } }',
  `subscription { channelEvents(channel: "${GENERAL}") { kind } }`,
  '{ channels(first: 2) { nodes { name } } }',
  '{',
  'query { channel(id: ) }',
  '}{',
  '',
  '{ __schema { types { name } } }',
];

const anyJson = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'notjson', '{}', '[]', [], {}, 1e308, '\u0000'),
  fc.string({ maxLength: 20 }),
  fc.json({ maxDepth: 3 }).map((text) => JSON.parse(text) as unknown),
);

const variablesArb = fc.oneof(
  anyJson,
  fc.constantFrom({ s: 'ac' }, { s: null }, { id: GENERAL }, { id: 'garbage' }, { s: 'a\u0000' }, { id: 12 }, { s: ['x'] }, { s: { nested: 1 } }),
  fc.dictionary(fc.string({ maxLength: 5 }), anyJson, { maxKeys: 4 }),
);

/** A GraphQL request body: the right keys with wrong types, unknown keys, batches. */
const paramsArb = fc.record(
  {
    query: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DOCUMENTS) }, anyJson),
    variables: variablesArb,
    operationName: fc.oneof(fc.constantFrom('Q', 'A', 'B', 'Missing', null, ''), anyJson),
    extensions: fc.oneof(
      fc.constantFrom({}, { persistedQuery: { version: 1, sha256Hash: 'abc' } }, { persistedQuery: 'x' }, { clientLibrary: { name: 'x' } }),
      anyJson,
    ),
    id: fc.string({ maxLength: 5 }),
  },
  { requiredKeys: [] },
);

const jsonBodyArb = fc.oneof(
  { weight: 5, arbitrary: paramsArb.map((params) => JSON.stringify(params)) },
  fc.array(paramsArb, { maxLength: 3 }).map((batch) => JSON.stringify(batch)),
  anyJson.map((value) => JSON.stringify(value) ?? ''),
  // Malformed JSON: truncated, with garbage, duplicated keys, comments, BOM, deep nesting.
  fc.tuple(paramsArb, fc.nat()).map(([params, cut]) => {
    const text = JSON.stringify(params);
    return text.slice(0, cut % (text.length + 1));
  }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '{"query": "{ __typename }",}',
    '{"query": "{ __typename }" "variables": {}}',
    "{'query': '{ __typename }'}",
    '\uFEFF{"query": "{ __typename }"}',
    '{"query": "{ __typename }", "query": 1}',
    '/* c */ {"query": "{ __typename }"}',
    `{"query": "{ __typename }", "variables": ${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
    `${'['.repeat(10_000)}`,
    '{"query": "\\ud800"}',
    'null',
    '{"query": null}',
    '\u0000',
  ),
);

const formBodyArb = fc
  .record({ query: fc.constantFrom(...DOCUMENTS), variables: fc.oneof(fc.constantFrom('notjson', '{', '{}', '{"s":"ac"}', '[1]', '%%'), fc.string({ maxLength: 20 })) })
  .map(({ query, variables }) => new URLSearchParams({ query, variables }).toString());

const multipartBody = (document: string) =>
  [
    '--XYZ',
    'Content-Disposition: form-data; name="operations"',
    '',
    JSON.stringify({ query: document, variables: { file: null } }),
    '--XYZ',
    'Content-Disposition: form-data; name="map"',
    '',
    '{"0": ["variables.file"]}',
    '--XYZ',
    'Content-Disposition: form-data; name="0"; filename="a.txt"',
    'Content-Type: text/plain',
    '',
    'hello',
    '--XYZ--',
    '',
  ].join('\r\n');

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/graphql+json',
  'application/graphql-response+json',
  'application/graphql',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=XYZ',
  'multipart/form-data',
  'text/plain',
  'text/event-stream',
  'application/json, text/plain',
  'APPLICATION/JSON',
  '*/*',
  '',
  'garbage;;;=',
];

const ACCEPTS = [
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  'text/event-stream',
  'multipart/mixed',
  'multipart/mixed; subscriptionSpec=1.0',
  'multipart/mixed; deferSpec=20220824, application/json',
  'text/html',
  'application/xml',
  '*/*',
  '',
  ';;;',
  'application/json;q=0',
];

const AUTHORIZATIONS = ['anonymous', 'alice', 'bot', 'Bearer ', 'Bearer gw_s_nope', 'Basic YWxpY2U6cHc=', 'Bearer \u00ff', `Bearer ${'x'.repeat(5_000)}`, 'garbage'];

function authorization(name: string): Record<string, string> {
  if (name === 'anonymous' || name === 'alice' || name === 'bot') return fuzz.headers[name];
  return { authorization: name };
}

const getQueryArb = fc
  .record(
    {
      query: fc.oneof(fc.constantFrom(...DOCUMENTS), fc.string({ maxLength: 30 })),
      variables: fc.oneof(fc.constantFrom('notjson', '{', '{}', '{"s":"ac"}', '{"id":"garbage"}', 'null', '[]', '1', '%', '{"s":"a\\u0000"}'), fc.string({ maxLength: 20 })),
      operationName: fc.constantFrom('Q', 'A', '', 'x'),
      extensions: fc.constantFrom('notjson', '{}', '{"persistedQuery":{"version":1,"sha256Hash":"x"}}', '['),
      other: fc.string({ maxLength: 10 }),
    },
    { requiredKeys: [] },
  )
  .chain((params) =>
    fc.boolean().map((raw) => {
      const search = new URLSearchParams(params as Record<string, string>).toString();
      // Also a query string that is not valid percent-encoding.
      return raw ? `${search}&%zz=%&query=%E0%A4%A` : search;
    }),
  );

const requestArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
  // POST with a JSON-ish body and any media types.
  {
    weight: 6,
    arbitrary: fc.record({
      method: fc.constant('POST'),
      path: fc.constantFrom('/graphql', '/graphql', '/graphql', '/graphql/stream', '/graphql?query=%7B__typename%7D'),
      contentType: fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, fc.constantFrom(...CONTENT_TYPES)),
      accept: fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, fc.constantFrom(...ACCEPTS)),
      auth: fc.constantFrom(...AUTHORIZATIONS),
      body: jsonBodyArb,
    }),
  },
  // Form and multipart bodies.
  fc.record({
    method: fc.constant('POST'),
    path: fc.constant('/graphql'),
    contentType: fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=XYZ', 'multipart/form-data; boundary=other'),
    accept: fc.constantFrom(...ACCEPTS),
    auth: fc.constantFrom(...AUTHORIZATIONS),
    body: fc.oneof(formBodyArb, fc.constantFrom(...DOCUMENTS).map(multipartBody), fc.string({ maxLength: 100 })),
  }),
  // GET and other methods with query strings.
  {
    weight: 3,
    arbitrary: fc.record({
      method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      path: fc.tuple(fc.constantFrom('/graphql', '/graphql/stream', '/health', '/ready', '/nope', '/graphql/'), getQueryArb).map(([path, query]) => `${path}?${query}`),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      accept: fc.constantFrom(...ACCEPTS),
      auth: fc.constantFrom(...AUTHORIZATIONS),
      body: fc.constant(undefined),
    }),
  },
).map(({ method, path, contentType, accept, auth, body }) => {
  const headers: Record<string, string> = { ...authorization(auth) };
  if (contentType) headers['content-type'] = contentType;
  if (accept) headers.accept = accept;
  // A PUT or DELETE may carry a body too.
  return { method, path, headers, body: method === 'GET' || method === 'HEAD' ? undefined : (body ?? '{}') };
});

/** Cases the fuzzer found, kept as fixed examples (run first, on every run). */
const REGRESSIONS: FuzzRequest[] = [
  // GET with variables that are not JSON: was a masked INTERNAL_SERVER_ERROR (issue 12).
  { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}&variables=notjson`, headers: { accept: 'application/json' } },
  { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}&extensions=%7B`, headers: { accept: 'text/event-stream' } },
  { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: 'query=%7B__typename%7D&variables=notjson' },
  // graphql-sse's own errors on /graphql/stream carried no code: a request for an unknown stream, a body that is no JSON.
  { method: 'POST', path: '/graphql/stream', headers: { 'content-type': 'application/json', accept: 'application/json', authorization: 'Bearer ' }, body: '{"query":"{ __typename }"}' },
  { method: 'POST', path: '/graphql/stream', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: 'c5YYe[tz' },
];

describe('malformed HTTP requests (fuzz, fixed seed)', () => {
  it.each(REGRESSIONS.map((request) => [describeRequest(request).slice(0, 120), request] as const))('regression: %s', async (_name, request) => {
    expect(await sendAndJudge(fuzz, request)).toEqual([]);
  });

  it(`${RUNS} generated requests answer a coded client error or data, never a 5xx, stack trace or SQL`, async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (request) => {
        const problems = await sendAndJudge(fuzz, request);
        if (process.env.FUZZ_SURVEY && problems.length) {
          survey.push(`${problems.join('; ')}\n${describeRequest(request)}`);
          return;
        }
        if (problems.length) throw new Error(`${problems.join('; ')}\n${describeRequest(request)}`);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (survey.length) console.log(survey.join('\n\n'));
    expect(survey).toEqual([]);
  });

  it('still answers a plain request afterwards', async () => {
    const response = await fuzz.yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
