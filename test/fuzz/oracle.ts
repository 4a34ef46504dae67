import { createRealtime } from '../../src/realtime/index.js';
import { createYogaApp, type Yoga } from '../../src/server.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { headersFor } from '../sign-in.js';
import { silentLogger } from '../../src/observe/logger.js';

/**
 * What every fuzzed answer must be (issue 11): no HTTP 5xx but the documented 503
 * (DATABASE_UNAVAILABLE), a JSON (or SSE / multipart) body whose errors all carry
 * `extensions.code`, no stack trace, no SQL text and no masked internal error for bad input.
 */

/** Fixed seed: every run generates the same cases; a failure prints the case and its path to replay. */
export const FUZZ_SEED = 20_261_206;

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzGateway {
  gateway: TestGateway;
  yoga: Yoga;
  /** Errors maskError would log as unexpected (their details never reach the client). */
  logged: unknown[];
  headers: { anonymous: Record<string, string>; alice: Record<string, string>; bot: Record<string, string> };
  close(): Promise<void>;
}

export async function openFuzzGateway(): Promise<FuzzGateway> {
  const gateway = await createTestGateway();
  const logged: unknown[] = [];
  // The gateway as served (with subscriptions), except that what it would log is kept for the oracle.
  const realtime = createRealtime(gateway.handle, { log: silentLogger(), logError: (error) => logged.push(error) });
  await realtime.start();
  const yoga = createYogaApp({ handle: gateway.handle, realtime, logError: (error) => logged.push(error) });
  const headers = { anonymous: {}, alice: await headersFor(gateway, 'alice'), bot: await headersFor(gateway, 'bot') };
  return {
    gateway,
    yoga,
    logged,
    headers,
    close: async () => {
      await realtime.stop();
      await yoga.dispose();
      await gateway.close();
    },
  };
}

const STACK_TRACE = /\bat\s+(?:\S+\s+\()?(?:file:\/\/)?\/?[^\s"()]*\.(?:ts|js|mjs|cjs):\d+/;
// SQL as PostgreSQL or drizzle would show it ("must select only one top level field" is GraphQL's own).
const SQL_TEXT = /\bselect\b[^.]*\bfrom\b|from\s+"|syntax error at or near|relation\s+"|\binsert into\b|violates .* constraint/i;
// Everything a body may carry that is not data: error messages and extensions.
const ALLOWED_5XX = 'DATABASE_UNAVAILABLE';

/** Reads at most `limitMs` of a body: an event stream of a subscription never ends by itself. */
async function readBody(response: Response, limitMs: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + limitMs;
  try {
    for (;;) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining)));
      const chunk = await Promise.race([reader.read(), timeout]);
      clearTimeout(timer);
      if (chunk === 'timeout' || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      if (text.length > 5_000_000) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

/** The JSON payloads of a body: one for JSON, one per `data:` event for SSE, one per part for multipart. */
function payloads(contentType: string, text: string): unknown[] {
  if (contentType.includes('text/event-stream')) {
    return text
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .filter((data) => data !== '')
      .map((data) => JSON.parse(data));
  }
  if (contentType.includes('multipart/mixed')) {
    return text
      .split(/\r\n\r\n/)
      .slice(1)
      .map((part) => part.split(/\r\n--/)[0]!.trim())
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part));
  }
  return [JSON.parse(text)];
}

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** The problems with one answer; empty when it passes every oracle. */
export async function judge(response: Response, request: FuzzRequest, limitMs = 300, outcome?: (kind: string) => void): Promise<string[]> {
  const problems: string[] = [];
  const text = await readBody(response, limitMs);
  const contentType = response.headers.get('content-type') ?? '';
  // GraphiQL, for a client that asked for HTML: its inlined bundle holds GraphiQL's own error texts, so it is not scanned.
  const page = contentType.startsWith('text/html') && /text\/html/.test(request.headers.accept ?? '');
  if (!page && STACK_TRACE.test(text)) problems.push('a stack trace in the body');
  if (!page && /Unexpected error/.test(text)) problems.push('a masked internal error');
  let bodies: unknown[] = [];
  // Health, readiness and unknown paths answer a status alone; HEAD and 204 have no body.
  const graphqlPath = /^\/graphql(\/stream)?\/?(\?|$)/.test(request.path);
  const noBody = text === '' && (!graphqlPath || request.method === 'HEAD' || response.status === 204 || response.status === 404 || response.status === 405 || response.status === 406 || response.status === 415);
  if (!noBody && !page) {
    try {
      bodies = payloads(contentType, text);
    } catch {
      problems.push(`HTTP ${response.status}, a body that is not JSON (${contentType}): ${text.slice(0, 200)}`);
    }
  }
  for (const body of bodies) {
    if (body === null || typeof body !== 'object') {
      problems.push('a JSON body that is not an object');
      continue;
    }
    const errors = ((body as { errors?: unknown }).errors ?? []) as GraphQLErrorShape[];
    const data = (body as { data?: unknown }).data;
    outcome?.(data !== undefined && data !== null ? 'data' : Array.isArray(errors) ? String(errors[0]?.extensions?.code) : 'other');
    if (!Array.isArray(errors)) problems.push('errors that are not a list');
    for (const error of Array.isArray(errors) ? errors : []) {
      const code = error?.extensions?.code;
      if (typeof code !== 'string') problems.push(`an error without a code: ${JSON.stringify(error).slice(0, 200)}`);
      if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${String(error.message).slice(0, 200)}`);
      if (SQL_TEXT.test(JSON.stringify(error))) problems.push(`SQL text in an error: ${JSON.stringify(error).slice(0, 300)}`);
      if (response.status >= 500 && code !== ALLOWED_5XX) problems.push(`HTTP ${response.status} with ${String(code)}`);
    }
    if (response.status >= 500 && errors.length === 0) problems.push(`HTTP ${response.status} without errors`);
  }
  if (response.status >= 500 && bodies.length === 0) problems.push(`HTTP ${response.status}: ${text.slice(0, 200)}`);
  return problems;
}

/** Sends one request through the in-process gateway (yoga.fetch, no socket) and judges the answer. */
export async function sendAndJudge(fuzz: FuzzGateway, request: FuzzRequest, limitMs?: number, outcome?: (kind: string) => void): Promise<string[]> {
  const loggedBefore = fuzz.logged.length;
  let response: Response;
  try {
    response = await fuzz.yoga.fetch(`http://gateway.test${request.path}`, {
      method: request.method,
      // A copy: the fetch implementation adds content-length to the object it is given.
      headers: { ...request.headers },
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
    });
  } catch (error) {
    return [`the request itself threw: ${String(error).slice(0, 300)}`];
  }
  const problems = await judge(response, request, limitMs, outcome);
  if (fuzz.logged.length > loggedBefore) problems.push(`logged as unexpected: ${String(fuzz.logged.at(-1)).slice(0, 300)}`);
  return problems;
}

/** For a failing case: what to show, short enough to read. */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body && request.body.length > 600 ? `${request.body.slice(0, 600)}… (${request.body.length} chars)` : request.body;
  return JSON.stringify({ ...request, body });
}
