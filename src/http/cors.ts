import type { Plugin } from 'graphql-yoga';
import type { RequestHead } from './request-head.js';

/**
 * Which web origins may call the gateway from a browser (CORS). Exact origins from CORS_ORIGINS;
 * without it, in development, any loopback origin (a front end on http://localhost:5173 works out
 * of the box), and none in production. An origin not allowed gets no CORS header at all: never a
 * reflection of whatever Origin was sent.
 */
export interface CorsPolicy {
  /** Exact origins, e.g. `https://app.example.com` (scheme, host and port; no path). */
  origins: readonly string[];
  /** Also any http(s) origin on localhost, 127.0.0.1 or [::1], whatever its port. */
  loopback: boolean;
}

/** No cross-origin caller: the default of a server built without a policy (tests, embedding). */
export const NO_CROSS_ORIGIN: CorsPolicy = { origins: [], loopback: false };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An origin exactly as a browser sends it (`new URL(x).origin === x`), or null. */
function exactOrigin(value: string): string | null {
  if (value.includes('*')) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value ? value : null;
  } catch {
    return null;
  }
}

/** CORS_ORIGINS: comma-separated exact origins. Unset: loopback origins in development, none in production; empty: none. */
export function parseCorsOrigins(raw: string | undefined, production: boolean): CorsPolicy {
  if (raw === undefined) return { origins: [], loopback: !production };
  const origins = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const origin of origins) {
    // A wildcard with credentials would let every web page use the API as its visitor.
    if (exactOrigin(origin) === null) {
      throw new Error(`CORS_ORIGINS must list exact origins such as https://app.example.com (no wildcard, path or trailing slash), got "${origin}"`);
    }
  }
  return { origins, loopback: false };
}

export function allowsOrigin(policy: CorsPolicy, origin: string): boolean {
  if (policy.origins.includes(origin)) return true;
  if (!policy.loopback || exactOrigin(origin) === null) return false;
  return LOOPBACK_HOSTS.has(new URL(origin).hostname);
}

/** Whether yoga answers this request with the GraphiQL page (yoga's own test: a GET accepting HTML). */
export const isPlaygroundPage = (request: RequestHead) => request.method === 'GET' && (request.headers.get('accept')?.includes('text/html') ?? false);

/**
 * yoga's `cors` option: the allowed origin itself (with credentials) or no CORS headers at all.
 * The playground page never gets them: it may carry a session (src/http/playground-session.ts).
 */
export function corsOptions(policy: CorsPolicy) {
  return (request: RequestHead) => {
    const origin = request.headers.get('origin');
    if (origin === null || isPlaygroundPage(request) || !allowsOrigin(policy, origin)) return false as const;
    return { origin: [origin], credentials: true, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 };
  };
}

/** Every response depends on the request's Origin: shared caches must keep them apart. */
export const varyOnOrigin: Plugin = {
  onResponse({ response }) {
    response.headers.set('vary', varyWithOrigin(response.headers.get('vary')));
  },
};

/** A Vary header that names Origin. */
export function varyWithOrigin(vary: string | null | undefined): string {
  if (vary?.split(',').some((name) => name.trim().toLowerCase() === 'origin')) return vary;
  return vary ? `${vary}, Origin` : 'Origin';
}
