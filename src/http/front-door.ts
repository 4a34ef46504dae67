import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getCORSHeadersByRequestAndOptions } from '@whatwg-node/server';
import type { Answer, CompiledReads } from '../compiled/fast-path.js';
import { answeredMediaType, paramsOfJsonBody, paramsOfSearch, readableJsonPost, type GraphQLParams } from '../compiled/transport.js';
import { passGates, refusedResponse, type Gate, type Passage } from '../limits/gate.js';
import { corsOptions, varyWithOrigin, type CorsPolicy } from './cors.js';
import { markAdmitted, nodeRequestHead, type RequestHead } from './request-head.js';
import { attachRecord, recordOf } from '../observe/request-record.js';

/**
 * The compiled front door: a read whose template is known is answered on node's request, before
 * yoga turns it into a Fetch Request and back (measured on bench shape a: a quarter of the CPU of a
 * compiled read). It passes the same gates as yoga's first plugins, in their order (rate limits,
 * then the client's slot), computes CORS with yoga's own function and options, and asks the same
 * compiled reads (src/compiled/fast-path.ts). Everything else goes on to yoga untouched; a request
 * admitted here and then left to the engine is marked so yoga's plugins do not count it again.
 */
export interface FrontDoor {
  reads: CompiledReads;
  /** Yoga's gates, first to last. */
  gates: Gate[];
  cors: CorsPolicy;
  /** The body limit (QueryLimits.bodyBytes): a larger body is yoga's to refuse. */
  maxBodyBytes: number;
}

export function withFrontDoor(next: RequestListener, door: FrontDoor): RequestListener {
  const cors = corsOptions(door.cors);

  function write(res: ServerResponse, head: RequestHead, answer: Answer): void {
    // The request's deadline may have answered first (src/limits/request-deadline.ts).
    if (res.headersSent || res.writableEnded) return;
    const headers: Record<string, string> = { ...answer.headers };
    for (const [name, value] of Object.entries(getCORSHeadersByRequestAndOptions(head as Request, cors(head)) ?? {})) headers[name.toLowerCase()] = value;
    headers['vary'] = varyWithOrigin(headers['vary']);
    headers['content-length'] = String(Buffer.byteLength(answer.body));
    res.writeHead(answer.status, headers).end(answer.body);
  }

  /** The gates' passage; a slot is held until the response is sent, whoever writes it. */
  async function admit(head: RequestHead, req: IncomingMessage, res: ServerResponse): Promise<Passage> {
    const aborted = new AbortController();
    res.once('close', () => aborted.abort());
    const passage = await passGates(door.gates, head, req.socket.remoteAddress, aborted.signal);
    if (!passage.refused) res.once('close', passage.release);
    return passage;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, head: RequestHead, params: GraphQLParams | null, mediaType: string): Promise<void> {
    if (!params || !door.reads.knows(params)) return next(req, res);
    let passage: Passage;
    try {
      passage = door.gates.length > 0 ? await admit(head, req, res) : {};
    } catch {
      return next(req, res); // yoga runs its gates again and reports what failed
    }
    if (passage.refused) {
      recordOf(req)?.addCode(passage.refused.error.extensions.code);
      return write(res, head, refusedResponse(passage.refused));
    }
    markAdmitted(req);
    const answer = await door.reads.respond(head, params, mediaType).catch(() => null);
    if (answer) write(res, head, answer);
    else next(req, res);
  }

  return (req, res) => {
    const url = req.url ?? '';
    const search = url.indexOf('?');
    const path = search === -1 ? url : url.slice(0, search);
    if (path !== '/graphql') return next(req, res);
    const head = nodeRequestHead(req);
    // Compiled reads fill the request's record through its head.
    const record = recordOf(req);
    if (record) attachRecord(head, record);
    const mediaType = answeredMediaType(head.headers.get('accept'));
    if (mediaType && req.method === 'GET') return void serve(req, res, head, paramsOfSearch(search === -1 ? '' : url.slice(search + 1)), mediaType);
    const length = head.headers.get('content-length');
    if (!mediaType || req.method !== 'POST' || !readableJsonPost(head.headers.get('content-type'), length) || Number(length) > door.maxBodyBytes) return next(req, res);
    const chunks: Buffer[] = [];
    // A client gone mid-body: nothing to answer (its response closes with the socket).
    req.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const body = Buffer.concat(chunks);
      // Yoga's node adapter reads a body already read from here, should the engine answer.
      (req as IncomingMessage & { body?: Buffer }).body = body;
      let params: GraphQLParams | null = null;
      try {
        params = paramsOfJsonBody(body.toString('utf8')).params;
      } catch {
        // malformed JSON: the engine answers its 400
      }
      void serve(req, res, head, params, mediaType);
    });
  };
}
