import type { IncomingMessage } from 'node:http';
import { getOperationAST, type ExecutionArgs, type GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { acceptsMultipartSubscription } from '../http/multipart-subscriptions.js';
import { QUIET_PATHS, type RequestObserver } from './observer.js';
import { attachRecord, recordOf, REQUEST_ID_HEADER, type RequestRecord } from './request-record.js';

/** The operation, its type and the viewer, once the engine knows them. */
function noteOperation(args: ExecutionArgs): RequestRecord | undefined {
  const context = args.contextValue as Context;
  const record = recordOf(context.request);
  if (!record) return undefined;
  const operation = getOperationAST(args.document, args.operationName);
  record.operationType = operation?.operation ?? null;
  record.operationName = operation?.name?.value ?? args.operationName ?? null;
  record.viewerId = context.viewer?.userId ?? null;
  return record;
}

/**
 * Fills the request's record on the engine path (src/observe/request-record.ts): the record node's
 * request got (src/observe/observer.ts), or, for a request handed to yoga without node (yoga.fetch),
 * one made and finished here.
 */
export function useRequestRecords(observer: RequestObserver): Plugin<Context> {
  const ownRecords = new WeakMap<Request, RequestRecord>();
  return {
    onRequest({ request, url, serverContext }) {
      if (QUIET_PATHS.has(url.pathname)) return;
      let record = recordOf((serverContext as { req?: IncomingMessage }).req);
      if (!record) ownRecords.set(request, (record = observer.start(request.headers.get(REQUEST_ID_HEADER))));
      attachRecord(request, record);
    },
    onParams({ params, request }) {
      const record = recordOf(request);
      if (record && typeof params.operationName === 'string') record.operationName = params.operationName;
    },
    // The operation as soon as the document parses, so a request refused by validation is named too.
    onParse({ context }) {
      const { request, params } = context as { request?: Request; params?: { operationName?: string | null } };
      const record = recordOf(request);
      if (!record) return;
      return ({ result }) => {
        if (!result || result instanceof Error || !('kind' in result)) return;
        const operation = getOperationAST(result, params?.operationName);
        record.operationType = operation?.operation ?? null;
        record.operationName = operation?.name?.value ?? params?.operationName ?? null;
      };
    },
    onExecute({ args }) {
      noteOperation(args);
    },
    onSubscribe({ args }) {
      const record = noteOperation(args);
      if (!record) return;
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return record.addErrors(result.errors);
          // Over HTTP: graphql-sse's endpoint or an Accept asking for a stream; WebSocket records say so already.
          if (record.transport === 'http') record.transport = acceptsMultipartSubscription((args.contextValue as Context).request?.headers.get('accept') ?? null) ? 'multipart' : 'sse';
          observer.streaming(record);
        },
      };
    },
    onResultProcess({ request, result }) {
      const record = recordOf(request);
      if (!record || isAsyncIterable(result)) return;
      for (const each of Array.isArray(result) ? result : [result]) record.addErrors((each as { errors?: readonly GraphQLError[] }).errors);
    },
    onResponse({ request, response }) {
      const record = ownRecords.get(request);
      if (!record) return;
      response.headers.set(REQUEST_ID_HEADER, record.id);
      record.status = response.status;
      observer.finish(record);
    },
  };
}
