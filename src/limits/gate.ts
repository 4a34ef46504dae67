import type { RequestHead } from '../http/request-head.js';

/** A refusal: HTTP 429 with Retry-After and this coded GraphQL error (a WebSocket operation gets the error alone). */
export interface Refused {
  retryAfterSeconds: number;
  error: { message: string; extensions: Record<string, unknown> };
}

/** The HTTP answer to a refusal, on every path alike. */
export function refusedResponse({ retryAfterSeconds, error }: Refused): { status: number; headers: Record<string, string>; body: string } {
  return { status: 429, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds) }, body: JSON.stringify({ errors: [error] }) };
}

/** Let through (`release` once answered, when given), or refused. */
export type Passage = { refused: Refused } | { refused?: undefined; release?: () => void };

/**
 * A check every request passes before anything reads it (rate limits, the client's slot). Yoga's
 * plugins and the compiled front door (src/http/front-door.ts) call the same gates, once per request.
 */
export interface Gate {
  pass(request: RequestHead, socketAddress: string | undefined, signal: AbortSignal): Promise<Passage>;
}

/** Paths probes call; never limited (yoga answers /health before any plugin). */
export const UNLIMITED_PATHS = new Set(['/health', '/ready']);
