import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningGateway } from '../../src/server.js';
import { FUZZ_SEED, openFuzzGateway, type FuzzGateway } from './oracle.js';

/**
 * Malformed HTTP on a real socket (what yoga.fetch cannot send): bad request lines, bad chunked
 * encoding, lengths that do not match the body, huge or broken headers. Node's parser or the
 * gateway must answer each with a 4xx (or close the connection), never a 5xx, a stack trace or a
 * dead process; the gateway keeps serving.
 */

const RUNS = 80;

let fuzz: FuzzGateway;
let running: RunningGateway;
let port: number;
beforeAll(async () => {
  fuzz = await openFuzzGateway();
  running = await listen(fuzz.yoga, 0, '127.0.0.1');
  port = Number(new URL(running.url).port);
});
afterAll(async () => {
  await running.close();
  await fuzz.close();
});

/** Writes `raw`, half-closes, and collects what comes back until the server closes or 1.5 s pass. */
function exchange(raw: Buffer | string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, 1_500);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(raw, () => socket.end());
  });
}

const BODY = JSON.stringify({ query: '{ __typename }' });

const requestLineArb = fc.constantFrom(
  'POST /graphql HTTP/1.1',
  'POST /graphql HTTP/1.1',
  'GET /graphql?query=%7B__typename%7D HTTP/1.1',
  'GARBAGE',
  'POST /graphql HTTP/9.9',
  'POST /graphql HTTP/1.1 extra',
  'POST  /graphql HTTP/1.1',
  'post /graphql HTTP/1.1',
  `GET /graphql?query=${'a'.repeat(20_000)} HTTP/1.1`,
  'GET /gra\u0000phql HTTP/1.1',
  'PRI * HTTP/2.0',
  'POST /graphql HTTP/1.0',
  '',
);

const headerArb = fc.constantFrom(
  'Content-Type: application/json',
  'Content-Type: application/json',
  'Accept: application/json',
  'Accept: text/event-stream',
  'Transfer-Encoding: chunked',
  'Transfer-Encoding: gzip, chunked',
  'Transfer-Encoding: identity',
  'Content-Length: 5',
  'Content-Length: 100000',
  'Content-Length: -1',
  'Content-Length: abc',
  'Content-Length: 5\r\nContent-Length: 6',
  'Expect: 100-continue',
  'Connection: keep-alive',
  'Header-Without-Colon',
  'X-Nul: a\u0000b',
  ' folded: continuation',
  `X-Big: ${'b'.repeat(20_000)}`,
  'Authorization: Bearer \u00ff\u00fe',
  'Content-Encoding: gzip',
);

const bodyArb = fc.oneof(
  fc.constant(BODY),
  fc.constant(`${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n`), // well-formed chunks
  fc.constant(`zz\r\n${BODY}\r\n0\r\n\r\n`), // a chunk size that is not hex
  fc.constant(`ffffffffffffffff\r\n${BODY}`), // a chunk size that overflows
  fc.constant(`5\r\n${BODY}\r\n0\r\n\r\n`), // a chunk longer than its size
  fc.constant(`${BODY.length.toString(16)}\r\n${BODY}`), // no last chunk
  fc.constant(BODY.slice(0, 7)),
  fc.string({ maxLength: 100 }),
  fc.constant(''),
);

const rawArb = fc
  .record({
    line: requestLineArb,
    host: fc.boolean(),
    headers: fc.uniqueArray(headerArb, { maxLength: 4 }),
    body: bodyArb,
    pipelined: fc.boolean(),
  })
  .map(({ line, host, headers, body, pipelined }) => {
    const head = [line, ...(host ? ['Host: 127.0.0.1'] : []), ...headers].join('\r\n');
    const request = `${head}\r\n\r\n${body}`;
    // A second request behind the first on the same connection.
    return pipelined ? `${request}GET /health HTTP/1.1\r\nHost: x\r\n\r\n` : request;
  });

const REGRESSIONS: string[] = [];

async function problemsOf(raw: string): Promise<string[]> {
  const loggedBefore = fuzz.logged.length;
  const answer = await exchange(Buffer.from(raw, 'latin1'));
  const problems: string[] = [];
  for (const [, status] of answer.matchAll(/HTTP\/1\.[01] (\d{3})/g)) {
    if (Number(status) >= 500) problems.push(`HTTP ${status}`);
  }
  if (/\bat\s+\S*\.(?:ts|js):\d+/.test(answer)) problems.push('a stack trace');
  if (/Unexpected error|INTERNAL_SERVER_ERROR/.test(answer)) problems.push('a masked internal error');
  if (fuzz.logged.length > loggedBefore) problems.push(`logged as unexpected: ${String(fuzz.logged.at(-1)).slice(0, 300)}`);
  return problems;
}

describe('malformed HTTP on a socket (fuzz, fixed seed)', () => {
  if (REGRESSIONS.length) it.each(REGRESSIONS)('regression: %s', async (raw) => expect(await problemsOf(raw)).toEqual([]));

  it(`${RUNS} raw requests get a 4xx or a closed connection, and the gateway keeps serving`, async () => {
    await fc.assert(
      fc.asyncProperty(rawArb, async (raw) => {
        const problems = await problemsOf(raw);
        if (problems.length) throw new Error(`${problems.join('; ')}\n${JSON.stringify(raw.slice(0, 600))}`);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  }, 300_000);
});
