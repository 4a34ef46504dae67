import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { sessions } from '../src/db/schema/index.js';
import { loadConfig } from '../src/config.js';
import { parseCorsOrigins } from '../src/http/cors.js';
import { playgroundSessionHeaders, playgroundSessionRefusal } from '../src/http/playground-session.js';
import { createYogaApp, type Yoga } from '../src/server.js';
import { openSeededDatabase } from './gateway.js';

/** The signed-in playground: only on loopback, only to loopback host names, never cross-origin, never in production. */

const development = { playgroundUser: 'alice@example.com', host: '127.0.0.1', production: false };

let yoga: Yoga;
let drop: () => Promise<void>;
let headers: Record<string, string> | undefined;
let db: Database;

beforeAll(async () => {
  const database = await openSeededDatabase();
  drop = database.drop;
  db = database.handle.db;
  headers = await playgroundSessionHeaders(database.handle.db, development);
  // Loopback origins allowed, as in development: the page must still not be readable by them.
  yoga = createYogaApp({ handle: database.handle, logError: () => undefined, playgroundHeaders: headers, cors: parseCorsOrigins(undefined, false) });
});

afterAll(async () => {
  await yoga?.dispose();
  await drop?.();
});

const page = (url: string, extra: Record<string, string> = {}) => yoga.fetch(url, { headers: { accept: 'text/html', ...extra } });
const embedsSession = (html: string) => /Bearer gw_s_/.test(html);

describe('the playground session', () => {
  it('is made only when the server is bound to loopback, outside production, for a demo user', () => {
    expect(headers?.Authorization).toMatch(/^Bearer gw_s_/);
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.1.1']) expect(playgroundSessionRefusal({ ...development, host })).toBeNull();
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'gateway.example.com']) {
      expect(playgroundSessionRefusal({ ...development, host })).toMatch(/not a loopback address/);
    }
    expect(playgroundSessionRefusal({ ...development, production: true })).toBe('NODE_ENV=production');
    expect(playgroundSessionRefusal({ ...development, playgroundUser: '' })).toBe('PLAYGROUND_USER is empty');
  });

  it('is never made in production or on 0.0.0.0 (no session row, nothing embedded)', async () => {
    const playgroundSessions = async () => (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userAgent, 'playground'))).length;
    const before = await playgroundSessions();
    expect(await playgroundSessionHeaders(db, { ...development, production: true })).toBeUndefined();
    expect(await playgroundSessionHeaders(db, { ...development, host: '0.0.0.0' })).toBeUndefined();
    expect(await playgroundSessions()).toBe(before);
  });

  it('listens on loopback by default in development, on every interface in production', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND_USER: 'alice@example.com' }).playgroundUser).toBe('');
  });

  it('is embedded in a page addressed to a loopback host name, same-origin only and never cached', async () => {
    for (const url of ['http://localhost:4000/graphql', 'http://127.0.0.1:4000/graphql', 'http://[::1]:4000/graphql']) {
      const response = await page(url);
      expect(embedsSession(await response.text())).toBe(true);
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('is left out of a page addressed to another host name (a DNS-rebinding page is same-origin to itself)', async () => {
    const response = await page('http://attacker.example:4000/graphql');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Workspace GraphQL gateway');
    expect(embedsSession(html)).toBe(false);
  });

  it('carries no CORS header for any origin, an allowed loopback one included', async () => {
    for (const origin of ['http://localhost:5173', 'https://evil.example.net']) {
      const response = await page('http://localhost:4000/graphql', { origin });
      const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
  });
});
