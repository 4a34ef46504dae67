import { parse, validate } from 'graphql';
import { openDatabase } from '../../src/db/client.js';
import { schema } from '../../src/schema/index.js';
import { loadConfig } from '../../src/config.js';
import { createYogaApp } from '../../src/server.js';
import { gatewayRequests } from './requests.js';
import type { Shape, ShapeParams } from './shapes.js';

/** Why the gateway's schema refuses a shape's operation (e.g. a mutation not built yet), or null. */
export function schemaProblem(shape: Shape): string | null {
  try {
    const errors = validate(schema, parse(shape.query));
    return errors.length ? errors.map((error) => error.message).join('; ') : null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface StatementCount {
  statements: number;
  /** The SQL of each statement, for the results file. */
  log: string[];
  errors: unknown[] | undefined;
}

/**
 * SQL statements per request, counted with a drizzle logger around the gateway running in this
 * process against the same database. The second of two identical requests is counted, so
 * per-process warm-ups (the cached locale catalog, the accepted token) are not charged to the shape.
 */
export async function countStatements(url: string, shapes: Shape[], params: ShapeParams, poolSize: number): Promise<Map<string, StatementCount>> {
  const log: string[] = [];
  const handle = await openDatabase({ url, poolSize, logger: { logQuery: (query) => void log.push(query) } });
  // The same credential cache as the benchmarked process, so the count is what a request there costs.
  const yoga = createYogaApp({ handle, logError: () => undefined, authCacheTtlMs: loadConfig().authCacheTtlMs });
  // The shape's own request (its transport and actor); for rotating documents, the first one.
  const execute = async (shape: Shape) => {
    const { method, path, headers, body } = gatewayRequests(shape, params)[0]!;
    const response = await yoga.fetch(`http://bench.local${path}`, { method, headers, body });
    return (await response.json()) as { errors?: unknown[] };
  };
  const counts = new Map<string, StatementCount>();
  try {
    for (const shape of shapes) {
      await execute(shape);
      log.length = 0;
      const { errors } = await execute(shape);
      counts.set(shape.key, { statements: log.length, log: [...log], errors });
    }
  } finally {
    await yoga.dispose();
    await handle.close();
  }
  return counts;
}
