import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import type { SignInSettings } from '../src/config.js';
import type { FilesOptions } from '../src/files/service.js';
import type { QueryLimits } from '../src/limits/limits.js';
import type { RateLimitOptions } from '../src/limits/rate-limit-plugin.js';
import type { Logger } from '../src/observe/logger.js';
import { createYogaApp, type Yoga } from '../src/server.js';
import { adminQuery, withDatabase } from './global-setup.js';

export interface StatementCounter {
  count: number;
  /** The SQL text of each statement since the last reset. */
  log: string[];
  reset(): void;
}

export interface GraphQLResponse {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  handle: DatabaseHandle;
  yoga: Yoga;
  statements: StatementCounter;
  /** Headers every `execute` sends unless overridden, e.g. a signed-in actor's. */
  defaultHeaders: Record<string, string>;
  execute(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
  /** The raw HTTP response, for status and header checks. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** A seeded database of its own (a PGlite copy, or a PostgreSQL database made from the template). */
export async function openSeededDatabase(statements?: StatementCounter): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const logger = statements ? { logQuery: (query: string) => (statements.count++, statements.log.push(query)) } : undefined;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `gateway_test_${randomUUID().replaceAll('-', '')}`;
    await adminQuery(adminUrl, `create database "${name}" template "${inject('seededTemplateDatabase')}"`);
    const handle = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 4, logger });
    return {
      handle,
      drop: async () => {
        await handle.close();
        await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
      },
    };
  }
  const dump = new File([readFileSync(inject('seededDumpPath'))], 'seeded.tar');
  const handle = await openDatabase({ loadDataDir: dump, logger });
  return { handle, drop: () => handle.close() };
}

/** The whole gateway over a freshly seeded database, exercised through HTTP requests in memory. */
export async function createTestGateway(options: { authCacheTtlMs?: number; compiledReads?: boolean; limits?: QueryLimits; signIn?: SignInSettings; integrationSecretKey?: Buffer; logger?: Logger; logError?: (error: unknown) => void; rateLimits?: RateLimitOptions; files?: FilesOptions } = {}): Promise<TestGateway> {
  const statements: StatementCounter = {
    count: 0,
    log: [],
    reset() {
      this.count = 0;
      this.log = [];
    },
  };
  const { handle, drop } = await openSeededDatabase(statements);
  // No credential cache unless asked: tests change sessions with SQL and expect the change at once.
  const yoga = createYogaApp({ handle, logError: options.logError ?? (() => undefined), authCacheTtlMs: options.authCacheTtlMs ?? 0, compiledReads: options.compiledReads, limits: options.limits, signIn: options.signIn, integrationSecretKey: options.integrationSecretKey, logger: options.logger, rateLimits: options.rateLimits, files: options.files });
  const fetch = (path: string, init?: RequestInit) => Promise.resolve(yoga.fetch(`http://gateway.test${path}`, init as never));
  const gateway: TestGateway = {
    handle,
    yoga,
    statements,
    fetch,
    defaultHeaders: {},
    async execute(query, variables, headers = {}) {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...gateway.defaultHeaders, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      return (await response.json()) as GraphQLResponse;
    },
    close: async () => {
      await yoga.dispose();
      await drop();
    },
  };
  return gateway;
}

/**
 * The answer with its errors in path order. The engine resolves sibling fields concurrently and
 * lists each error when its field fails: on PostgreSQL (a pool of connections) two runs of the same
 * request listed the same errors in different orders (PGlite, one connection, kept one order).
 * GraphQL leaves that order open, so errors are compared in path order.
 */
export function inPathOrder(json: GraphQLResponse): GraphQLResponse {
  if (!json.errors) return json;
  const key = (error: NonNullable<GraphQLResponse['errors']>[number]) => JSON.stringify([error.path ?? [], error.message, error]);
  return { ...json, errors: [...json.errors].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}
