import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import { CloseCode, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer, type WebSocket } from 'ws';
import type { CredentialsError } from '../auth/authenticate.js';
import { authenticateRequest, type Context } from '../context.js';
import type { Database } from '../db/client.js';
import type { GraphQLParams } from '../compiled/transport.js';
import type { QueryLimits } from '../limits/limits.js';
import { queryLengthRefusal } from '../limits/plugin.js';
import { passGates, type Gate } from '../limits/gate.js';
import type { RequestObserver } from '../observe/observer.js';
import { attachRecord, type RequestRecord } from '../observe/request-record.js';
import { persistedDocumentOf, type PersistedDocuments } from './persisted.js';
import { errorWithoutInternals, resultWithoutInternals } from './result-json.js';

/**
 * GraphQL over WebSocket (the graphql-ws protocol, subprotocol `graphql-transport-ws`) on the
 * HTTP server's /graphql, run by the same yoga instance (`yoga.getEnveloped`): the same context
 * factory (so the same authentication and policies), parse and validation limits, cost guard,
 * subscription root rule, refused-credentials rule, error masking and fresh context per event.
 * What yoga does only for HTTP requests is done here by the same functions: the gates (rate
 * limits, the client's slot: per operation, as per request), the query length and body size
 * limits, persisted documents.
 *
 * Credentials: `authorization` in the ConnectionInit payload (`{ "authorization": "Bearer <token>" }`),
 * else the upgrade request's Authorization header. Refused credentials close the connection with
 * 4401 and the reason (never served as anonymous); each operation is authenticated again, as each
 * HTTP request is, so a session revoked later stops new operations.
 */

export const WEBSOCKET_PATH = '/graphql';
/** Refused credentials: the code graphql-ws clients treat as fatal (no reconnect with the same token). */
export const CLOSE_UNAUTHENTICATED = CloseCode.Unauthorized;
export const CLOSE_RATE_LIMITED = 4429;
/** Server shutdown (SIGTERM): "going away", which clients retry (another instance, or this one restarted). */
export const CLOSE_GOING_AWAY = 1001;
/** graphql-ws pings this often and drops a connection whose pong does not come back. */
const KEEP_ALIVE_MS = 12_000;

/** Headers of the upgrade request that an operation's context reads (locale, address behind a proxy, agent). */
const FORWARDED_HEADERS = ['authorization', 'accept-language', 'x-forwarded-for', 'user-agent', 'origin'];

const REFUSAL_REASONS: Record<CredentialsError, string> = {
  invalid: 'Unauthenticated: the access token is not valid.',
  expired: 'Unauthenticated: the session has expired; sign in again.',
  revoked: 'Unauthenticated: the session has been signed out; sign in again.',
};

export interface WebSocketTransport {
  yoga: YogaServerInstance<Record<string, unknown>, Context>;
  db: Database;
  persisted: PersistedDocuments;
  limits: QueryLimits;
  /** The gates every HTTP request passes first (rate limits, then the client's slot), in that order. */
  gates: Gate[];
  /** The gateway's error masking (logs what is unexpected; database faults get their code). */
  maskError: (error: unknown) => GraphQLError;
  /** Each operation's record: one access-log line when it completes (a subscription: when its stream ends). */
  observer: RequestObserver;
}

export interface GraphQLWebSockets {
  /** Open connections. */
  readonly count: number;
  /** Shutdown: refuse new upgrades and close every connection with `code` (their subscriptions end). */
  close(code?: number, reason?: string): void;
  /** Tests, close(): drop every connection at once. */
  terminate(): Promise<void>;
}

type Enveloped = ReturnType<WebSocketTransport['yoga']['getEnveloped']>;

/** The ConnectionInit payload's `authorization` (any case): a string, absent (undefined), or not a string (null). */
function initAuthorization(params: Readonly<Record<string, unknown>> | undefined): string | null | undefined {
  const key = params && Object.keys(params).find((name) => name.toLowerCase() === 'authorization');
  if (key === undefined) return undefined;
  const value = params![key];
  return typeof value === 'string' ? value : null;
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachGraphQLWebSockets(server: Server, { yoga, db, persisted, limits, gates, maskError, observer }: WebSocketTransport): GraphQLWebSockets {
  // A message larger than a request body may be is refused by ws (close 1009), unread.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.bodyBytes });
  let closing = false;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WEBSOCKET_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (closing) return refuseUpgrade(socket, '503 Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  // Per connection: the headers every operation's request is built from, and a signal aborted when it closes.
  const connections = new WeakMap<object, { headers: Headers; closed: AbortSignal }>();
  // Per operation: the enveloped yoga that built its context, to execute with, and its gates' release.
  const envelopes = new WeakMap<object, Enveloped>();
  const slots = new WeakMap<object, () => void>();
  // Per connection: the record of each operation running, by its id.
  const records = new WeakMap<object, Map<string, RequestRecord>>();
  const finish = (ctx: object, id: string) => {
    const record = records.get(ctx)?.get(id);
    if (!record) return;
    records.get(ctx)!.delete(id);
    observer.finish(record);
  };
  /** Runs the operation in its slot, given back once its result (or its event stream) is there, as over HTTP. */
  const inSlot = async <T>(contextValue: object, run: (enveloped: Enveloped) => T | Promise<T>): Promise<T> => {
    try {
      return await run(envelopes.get(contextValue)!);
    } finally {
      slots.get(contextValue)?.();
    }
  };
  // POST: what an HTTP request able to carry any operation is (yoga refuses mutations of a GET).
  const requestFor = (headers: Headers) => new Request(`http://localhost${WEBSOCKET_PATH}`, { method: 'POST', headers });

  /** The execution arguments of one subscribe message, or the errors refusing it. */
  async function operationArgs(ctx: object & { extra: { request: IncomingMessage } }, payload: SubscribePayload & { documentId?: unknown }, record: RequestRecord): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const { headers, closed } = connections.get(ctx)!;
    // A new request per operation: authenticated (and rate limited) like an HTTP request.
    const request = requestFor(headers);
    attachRecord(request, record);
    // A connection that closes stops waiting for a slot, as an aborted HTTP request does.
    const passage = await passGates(gates, request, ctx.extra.request.socket.remoteAddress, closed);
    if (passage.refused) return [new GraphQLError(passage.refused.error.message, { extensions: passage.refused.error.extensions })];
    try {
      const args = await checkedArgs(request, ctx, payload);
      if ('schema' in args) slots.set(args.contextValue as object, passage.release);
      else passage.release();
      return args;
    } catch (error) {
      passage.release();
      throw error;
    }
  }

  /** Past the gates: the document (persisted or sent), its limits and validation, and the context. */
  async function checkedArgs(request: Request, ctx: { extra: { request: IncomingMessage } }, payload: SubscribePayload & { documentId?: unknown }): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const params: GraphQLParams = {
      query: payload.query || undefined,
      operationName: payload.operationName ?? null,
      variables: payload.variables ?? null,
      extensions: payload.extensions ?? null,
      documentId: typeof payload.documentId === 'string' ? payload.documentId : undefined,
    };
    const tooLong = queryLengthRefusal(params.query, limits);
    if (tooLong) return [tooLong];
    const query = persistedDocumentOf(persisted, params);
    if (query instanceof GraphQLError) return [query];
    const enveloped = yoga.getEnveloped({ request, req: ctx.extra.request, params: { ...params, query } });
    let document;
    try {
      // GraphQL Armor's limits stop the parser or validation with a coded error, as yoga reports over HTTP.
      document = enveloped.parse(query);
      const errors = enveloped.validate(enveloped.schema, document);
      if (errors.length > 0) return errors;
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
    const contextValue = await enveloped.contextFactory();
    envelopes.set(contextValue, enveloped);
    return { schema: enveloped.schema, document, contextValue, variableValues: params.variables, operationName: params.operationName } satisfies ExecutionArgs;
  }

  const disposable = useServer(
    {
      async onConnect(ctx) {
        const upgrade = ctx.extra.request;
        const headers = new Headers();
        for (const name of FORWARDED_HEADERS) {
          const value = upgrade.headers[name];
          if (typeof value === 'string') headers.set(name, value);
        }
        const authorization = initAuthorization(ctx.connectionParams);
        if (authorization === null) return void ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, REFUSAL_REASONS.invalid), false;
        if (authorization !== undefined) headers.set('authorization', authorization);
        const closing = new AbortController();
        ctx.extra.socket.once('close', () => closing.abort());
        connections.set(ctx, { headers, closed: closing.signal });
        const request = requestFor(headers);
        // The connection passes the gates like a request (counted once; a slot only while it is judged).
        const passage = await passGates(gates, request, upgrade.socket.remoteAddress, closing.signal);
        if (passage.refused) return void ctx.extra.socket.close(CLOSE_RATE_LIMITED, `Too many requests; retry after ${passage.refused.retryAfterSeconds} s.`), false;
        const { credentialsError } = await authenticateRequest(db, request).finally(passage.release);
        if (credentialsError) return void ctx.extra.socket.close(CLOSE_UNAUTHENTICATED, REFUSAL_REASONS[credentialsError]), false;
        return true;
      },
      async onSubscribe(ctx, id, payload: SubscribePayload & { documentId?: unknown }) {
        const record = observer.start(null);
        record.transport = 'websocket';
        record.operationName = typeof payload.operationName === 'string' ? payload.operationName : null;
        let operations = records.get(ctx);
        if (!operations) records.set(ctx, (operations = new Map()));
        operations.set(id, record);
        let refused: GraphQLError[];
        try {
          const args = await operationArgs(ctx, payload, record);
          if ('schema' in args) return args;
          // Refusals get their code as over HTTP (yoga masks validation errors too).
          refused = args.map((error) => maskError(error));
        } catch (error) {
          // A database fault while authenticating, say: the operation's coded error, as over HTTP; the connection stays.
          refused = [maskError(error)];
        }
        record.addErrors(refused);
        finish(ctx, id);
        return refused;
      },
      execute: (args) => inSlot(args.contextValue as object, (enveloped) => enveloped.execute(args)),
      subscribe: (args) => inSlot(args.contextValue as object, (enveloped) => enveloped.subscribe(args)),
      // As yoga writes results and errors over HTTP: no `extensions.http` (e.g. of a refusal) on the wire.
      onNext: (ctx, id, _payload, _args, result) => {
        records.get(ctx)?.get(id)?.addErrors(result.errors);
        return resultWithoutInternals(result);
      },
      onError: (ctx, id, _payload, errors) => {
        records.get(ctx)?.get(id)?.addErrors(errors);
        return errors.map(errorWithoutInternals);
      },
      onComplete: (ctx, id) => finish(ctx, id),
      // Whatever fails outside an operation closes with 4500, never with the error's own message.
      isProd: true,
    },
    wss,
    KEEP_ALIVE_MS,
  );

  return {
    get count() {
      return wss.clients.size;
    },
    close(code = CLOSE_GOING_AWAY, reason = 'The server is shutting down.') {
      closing = true;
      for (const client of wss.clients) client.close(code, reason);
    },
    async terminate() {
      closing = true;
      for (const client of wss.clients) (client as WebSocket).terminate();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
