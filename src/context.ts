import type { Database } from './db/client.js';

/** Who is asking; filled by authentication (anonymous until then). */
export interface Viewer {
  userId: string;
}

/** Everything a resolver may use for one request (or one subscription event). */
export interface Context {
  db: Database;
  viewer: Viewer | null;
  request?: Request;
}

export interface ContextFactoryOptions {
  db: Database;
}

export function createContextFactory({ db }: ContextFactoryOptions) {
  return async ({ request }: { request: Request }): Promise<Context> => ({ db, viewer: null, request });
}
