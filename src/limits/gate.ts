import type { IncomingMessage } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { admittedAtFrontDoor, type RequestHead } from '../http/request-head.js';
import { recordOf } from '../observe/request-record.js';

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

/**
 * Every gate in order, as yoga's plugins pass them: the first refusal ends it, and a gate that
 * throws rethrows; either way what the gates before it took is given back. Otherwise one release of
 * all of it, for when the answer is there (the front door, each WebSocket operation).
 */
export async function passGates(gates: readonly Gate[], request: RequestHead, socketAddress: string | undefined, signal: AbortSignal): Promise<{ refused: Refused } | { refused?: undefined; release: () => void }> {
  const releases: (() => void)[] = [];
  const release = () => releases.splice(0).forEach((done) => done());
  try {
    for (const gate of gates) {
      const passage = await gate.pass(request, socketAddress, signal);
      if (passage.refused) {
        release();
        return { refused: passage.refused };
      }
      if (passage.release) releases.push(passage.release);
    }
  } catch (error) {
    release();
    throw error;
  }
  return { release };
}

/**
 * A gate as yoga's onRequest: probes and requests the front door admitted pass untouched, a refusal
 * is the answer, and a release goes to `keep` (the client's slot, given back when handling settles).
 */
export function gateOnRequest(gate: Gate, keep?: (request: Request, release: () => void) => void): NonNullable<Plugin['onRequest']> {
  return ({ request, url, serverContext, endResponse, fetchAPI }) => {
    if (UNLIMITED_PATHS.has(url.pathname) || admittedAtFrontDoor(serverContext)) return;
    const req = (serverContext as { req?: IncomingMessage }).req;
    return gate.pass(request, req?.socket?.remoteAddress, request.signal).then((passage) => {
      if (passage.refused) {
        recordOf(request)?.addCode(passage.refused.error.extensions.code);
        const { status, headers, body } = refusedResponse(passage.refused);
        return endResponse(new fetchAPI.Response(body, { status, headers }));
      }
      if (passage.release) keep?.(request, passage.release);
    });
  };
}
