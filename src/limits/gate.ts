import type { RequestHead } from '../http/request-head.js';

/** A refusal sent as it is: status, headers (Retry-After) and a coded GraphQL error body. */
export interface Refused {
  status: number;
  headers: Record<string, string>;
  body: string;
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
