import { isIPv4 } from 'node:net';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Plugin } from 'graphql-yoga';
import { createSession } from '../auth/sessions.js';
import { isPlaygroundPage } from './cors.js';
import type { Database } from '../db/client.js';
import { accounts, users } from '../db/schema/index.js';

/**
 * The signed-in playground: GraphiQL opens with a demo user's session (alice: owner, manager), so
 * its default query shows data on the first run. Whoever reads that page holds the session, so it
 * is embedded only where nobody else can read it:
 * - never with NODE_ENV=production;
 * - only when the server listens on loopback (HOST 127.0.0.1, localhost or ::1, the development
 *   default); bound to 0.0.0.0 or a LAN address, the page is served without a session;
 * - only to requests addressed to a loopback host name (a DNS-rebinding page, whose Host is its
 *   own name, gets the page without the session);
 * - never readable by another origin: no CORS header on the page (src/http/cors.ts), and
 *   `Cross-Origin-Resource-Policy: same-origin`, `Cache-Control: no-store` on it.
 */

export interface PlaygroundSessionSettings {
  /** PLAYGROUND_USER: the demo user's email; empty for an anonymous playground. */
  playgroundUser: string;
  host: string;
  production: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

/** A loopback host name or address: localhost, 127.0.0.0/8, ::1 (bracketed or not). */
export const isLoopbackHost = (host: string) => LOOPBACK_NAMES.has(host.toLowerCase()) || (isIPv4(host) && host.startsWith('127.'));

/** Why the playground must not be signed in with these settings, or null when it may. */
export function playgroundSessionRefusal({ playgroundUser, host, production }: PlaygroundSessionSettings): string | null {
  if (production) return 'NODE_ENV=production';
  if (!playgroundUser) return 'PLAYGROUND_USER is empty';
  if (!isLoopbackHost(host)) return `HOST=${host} is not a loopback address, and anyone who can reach it could read the session`;
  return null;
}

/**
 * Signs the playground in as the demo user when the settings allow it (see above); only a user with
 * a password account (the demo data has them).
 */
export async function playgroundSessionHeaders(db: Database, settings: PlaygroundSessionSettings): Promise<Record<string, string> | undefined> {
  if (playgroundSessionRefusal(settings) !== null) return undefined;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.provider, 'password')))
    .where(and(sql`lower(${users.email}) = lower(${settings.playgroundUser})`, isNull(users.deletedAt)))
    .limit(1);
  if (!user) return undefined;
  const session = await createSession(db, user.id, { ip: null, userAgent: 'playground' });
  return { Authorization: `Bearer ${session.token}` };
}

/** GraphiQL's `headers` option for this request: the session only for a page addressed to a loopback host name. */
export function playgroundHeadersFor(request: Request, headers: Record<string, string> | undefined): string | undefined {
  if (!headers || !isLoopbackHost(new URL(request.url).hostname)) return undefined;
  return JSON.stringify(headers, null, 2);
}

/** The playground page stays in its own origin and in no cache. */
export const playgroundPageHeaders: Plugin = {
  onResponse({ request, response }) {
    if (!isPlaygroundPage(request) || !response.headers.get('content-type')?.startsWith('text/html')) return;
    response.headers.set('cross-origin-resource-policy', 'same-origin');
    response.headers.set('cache-control', 'no-store');
    response.headers.set('referrer-policy', 'no-referrer');
  },
};
