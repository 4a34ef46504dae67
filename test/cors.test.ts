import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { allowsOrigin, parseCorsOrigins } from '../src/http/cors.js';
import { createYogaApp, type Yoga } from '../src/server.js';
import { openSeededDatabase } from './gateway.js';

/** CORS from configuration: only listed (or, in development, loopback) origins get CORS headers; nothing is reflected. */

const LISTED = 'https://app.example.com';
const FOREIGN = 'https://evil.example.net';

let yoga: Yoga;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await openSeededDatabase();
  drop = database.drop;
  yoga = createYogaApp({ handle: database.handle, logError: () => undefined, cors: parseCorsOrigins(`${LISTED}, https://admin.example.com:8443`, true) });
});

afterAll(async () => {
  await yoga?.dispose();
  await drop?.();
});

const corsHeaders = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));

function post(origin: string | null, query = '{ organizations { totalCount } }') {
  return yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ query }),
  });
}

function preflight(origin: string) {
  return yoga.fetch('http://gateway.test/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

describe('CORS_ORIGINS', () => {
  it('a listed origin gets its own origin back, with credentials, on the engine and the compiled path alike', async () => {
    const engine = await post(LISTED);
    const compiled = await post(LISTED);
    expect(await compiled.text()).toContain('" : '); // the second time, the compiled statement answered
    for (const response of [engine, compiled]) {
      expect(response.status).toBe(200);
      expect(corsHeaders(response)).toMatchObject({ 'access-control-allow-origin': LISTED, 'access-control-allow-credentials': 'true' });
      expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
    }
    expect(corsHeaders(await post('https://admin.example.com:8443'))['access-control-allow-origin']).toBe('https://admin.example.com:8443');
  });

  it('another origin gets no CORS header at all (no reflection), though the request itself is answered', async () => {
    for (const origin of [FOREIGN, 'https://app.example.com.evil.net', 'http://app.example.com', 'null']) {
      const response = await post(origin);
      expect(response.status).toBe(200);
      expect(corsHeaders(response)).toEqual({});
    }
    expect(corsHeaders(await post(null))).toEqual({});
  });

  it('answers a preflight: the allowed methods and headers for a listed origin, nothing for another', async () => {
    const listed = await preflight(LISTED);
    expect(listed.status).toBe(204);
    expect(corsHeaders(listed)).toEqual({
      'access-control-allow-origin': LISTED,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
    });
    const foreign = await preflight(FOREIGN);
    expect(foreign.status).toBe(204);
    expect(corsHeaders(foreign)).toEqual({});
  });

  it('never lets another origin read the playground page, a listed one included', async () => {
    const page = await yoga.fetch('http://gateway.test/graphql', { headers: { accept: 'text/html', origin: LISTED } });
    expect(page.status).toBe(200);
    expect(corsHeaders(page)).toEqual({});
  });
});

describe('the CORS_ORIGINS setting', () => {
  it('defaults to loopback origins in development and to none in production', () => {
    const development = loadConfig({});
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'https://localhost']) {
      expect(allowsOrigin(development.cors, origin)).toBe(true);
    }
    for (const origin of ['http://localhost.evil.net', 'http://127.0.0.2:3000', FOREIGN, 'null', 'http://localhost:5173/']) {
      expect(allowsOrigin(development.cors, origin)).toBe(false);
    }
    const production = loadConfig({ NODE_ENV: 'production' });
    expect(allowsOrigin(production.cors, 'http://localhost:5173')).toBe(false);
  });

  it('lists exact origins, replacing the default; empty allows none', () => {
    const listed = loadConfig({ CORS_ORIGINS: `${LISTED},https://b.example.com` });
    expect(listed.cors).toEqual({ origins: [LISTED, 'https://b.example.com'], loopback: false });
    expect(allowsOrigin(listed.cors, 'http://localhost:5173')).toBe(false);
    expect(loadConfig({ CORS_ORIGINS: '' }).cors).toEqual({ origins: [], loopback: false });
  });

  it('refuses a wildcard, a path or anything that is not an origin, at start', () => {
    for (const value of ['*', 'https://app.example.com/', 'https://app.example.com/path', 'app.example.com', 'https://*.example.com', 'ftp://x.example.com']) {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS must list exact origins/);
    }
  });
});
