import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useGraphQLSSE } from '@graphql-yoga/plugin-graphql-sse';
import { createYoga, isAsyncIterable, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { useCredentialCache } from './auth/credential-cache.js';
import { useRefusedCredentials } from './auth/refused-credentials.js';
import { useCompiledReads } from './compiled/fast-path.js';
import { createContextFactory, createEventContext, type Context } from './context.js';
import type { DatabaseHandle } from './db/client.js';
import { pendingMigrationCount } from './db/migrate.js';
import { maskError, withInputCodes } from './errors.js';
import { playgroundQuery } from './playground.js';
import { useFreshContextPerEvent } from './realtime/fresh-context.js';
import type { Realtime } from './realtime/index.js';
import { schema } from './schema/index.js';

export interface GatewayOptions {
  handle: DatabaseHandle;
  /** Where unexpected errors go; their details never reach the client. */
  logError?: (error: unknown) => void;
  /** Reuse accepted credentials this long without a lookup (0: look every token up). */
  authCacheTtlMs?: number;
  /** Headers GraphiQL opens with, e.g. a demo user's session so the default query shows data. */
  playgroundHeaders?: Record<string, string>;
  /** Events for subscriptions (src/realtime/); without it subscriptions answer an error. */
  realtime?: Realtime;
  /** Answer validated reads with one compiled statement (src/compiled/); default on. */
  compiledReads?: boolean;
}

export type Yoga = YogaServerInstance<Record<string, unknown>, Context>;

/** Variable errors come back from execution without a code; they get BAD_USER_INPUT. */
const codeInputErrors: Plugin = {
  onExecute: () => ({
    onExecuteDone: ({ result, setResult }) => {
      if (!isAsyncIterable(result)) setResult(withInputCodes(result));
    },
  }),
};

/** The GraphQL HTTP handler: schema, per-request context, error masking, health and readiness. */
export function createYogaApp({ handle, logError = console.error, authCacheTtlMs = 0, playgroundHeaders, realtime, compiledReads = true }: GatewayOptions): Yoga {
  useCredentialCache(handle.db, authCacheTtlMs);
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: createContextFactory({ db: handle.db, realtime: realtime?.hub }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    maskedErrors: { maskError: (error) => maskError(error, logError) },
    // maskError logs what is unexpected; yoga would also log every client error it rewrites.
    logging: { debug: () => undefined, info: () => undefined, warn: console.warn, error: () => undefined },
    graphiql: {
      title: 'Workspace GraphQL gateway',
      defaultQuery: playgroundQuery,
      headers: playgroundHeaders ? JSON.stringify(playgroundHeaders, null, 2) : undefined,
    },
    plugins: [
      // Refused credentials (invalid, expired, revoked) answer UNAUTHENTICATED with HTTP 401, never anonymous data.
      useRefusedCredentials(),
      // Reads the normal engine has validated once are answered by one compiled statement.
      ...(compiledReads ? [useCompiledReads({ handle, schema, logError })] : []),
      codeInputErrors,
      // Subscriptions: SSE on /graphql (graphql-sse "distinct connections"), graphql-sse single connection on /graphql/stream.
      useGraphQLSSE({ endpoint: '/graphql/stream' }),
      useFreshContextPerEvent<Context>(createEventContext),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => (await pendingMigrationCount(handle)) === 0,
      }),
    ],
  });
}

export interface RunningGateway {
  server: Server;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

export async function listen(yoga: Yoga, port: number, host: string): Promise<RunningGateway> {
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        // Idle keep-alive sockets would hold close() open; busy ones finish their response first
        // and are closed once idle (e.g. an event stream that ended because its subscription did).
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
