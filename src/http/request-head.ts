import type { IncomingMessage } from 'node:http';

/**
 * What the checks ahead of the engine read of a request: its method and headers. A Fetch Request
 * (yoga's) is one; the compiled front door (src/http/front-door.ts) makes one from node's request,
 * so authentication, rate limits, the client's slot and CORS are the same functions on both paths.
 */
export interface RequestHead {
  readonly method: string;
  readonly headers: { get(name: string): string | null; has(name: string): boolean };
}

/** Node's request headers read as Fetch reads them: a repeated header joined with ", ". */
class NodeHeaders {
  constructor(private readonly req: IncomingMessage) {}

  get(name: string): string | null {
    const value = this.req.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.req.headers[name.toLowerCase()] !== undefined;
  }
}

/** Node's request as a RequestHead (a class, not closures: one is made per request). */
export function nodeRequestHead(req: IncomingMessage): RequestHead {
  return { method: req.method ?? 'GET', headers: new NodeHeaders(req) };
}

const ADMITTED = Symbol('admitted at the front door');

/** Marks a request the front door has admitted (rate limits, the client's slot) and asked compiled reads about. */
export function markAdmitted(req: IncomingMessage): void {
  (req as IncomingMessage & { [ADMITTED]?: true })[ADMITTED] = true;
}

/** Whether yoga's request (its server context holds node's) was admitted at the front door: its plugins do not count or ask it again. */
export function admittedAtFrontDoor(serverContext: unknown): boolean {
  const req = (serverContext as { req?: IncomingMessage & { [ADMITTED]?: true } } | undefined)?.req;
  return req?.[ADMITTED] === true;
}
