import type { Logger } from 'drizzle-orm';
import type { Database } from './client.js';

/** What counts one request's statements (src/observe/request-record.ts). */
export interface StatementCounter {
  statements: number;
}

const ROOT = Symbol('the database a counting view shows');

/** The shared database behind a counting view (caches keyed by the database use it: the credential cache, the locale catalog). */
export function rootDatabase(db: Database): Database {
  return (db as Database & { [ROOT]?: Database })[ROOT] ?? db;
}

interface Internals {
  session: { logger: Logger };
  _: Record<string, unknown>;
  query: Record<string, object>;
}

/**
 * The database as one request sees it: every statement it runs (drizzle's queries, plugin-drizzle's,
 * transactions) is counted into `counter` through drizzle's logger. The same pool and driver; only
 * the session's logger differs, so a view costs a few small objects, made once per engine request,
 * and no AsyncLocalStorage (which, once used, slows every promise of a Node 20 process: measured 3x
 * on an await loop). Drizzle's builders read `this.session`, so the view hands them the counting one.
 */
export function countingDatabase(db: Database, counter: StatementCounter): Database {
  const target = db as unknown as Database & Internals;
  const logger = target.session.logger;
  const countingLogger: Logger = {
    logQuery(query, params) {
      counter.statements++;
      logger.logQuery(query, params);
    },
  };
  const session = Object.create(target.session, { logger: { value: countingLogger } }) as Internals['session'];
  let query: Record<string, object> | undefined;
  return new Proxy(target, {
    get(object, key, receiver) {
      switch (key) {
        case ROOT:
          return object;
        case 'session':
          return session;
        case '_':
          return { ...object._, session };
        case 'query':
          return (query ??= countingQueries(object.query, session));
        case 'transaction':
          // The transaction's statements run on a database of its own (a pooled connection's): counted too.
          return ((work, config) => object.transaction((tx) => work(countingDatabase(tx as Database, counter) as never), config)) satisfies Database['transaction'];
        default:
          return Reflect.get(object, key, receiver);
      }
    },
  });
}

/** `db.query.<table>` builders bound to the counting session, made when first asked for. */
function countingQueries(queries: Record<string, object>, session: object): Record<string, object> {
  const made = new Map<string | symbol, object>();
  return new Proxy(queries, {
    get(object, key) {
      let builder = made.get(key);
      if (!builder) {
        const shared = Reflect.get(object, key) as object | undefined;
        if (!shared) return shared;
        made.set(key, (builder = Object.create(shared, { session: { value: session } }) as object));
      }
      return builder;
    },
  });
}
