import { isDeepStrictEqual } from 'node:util';
import type { Target } from './load.js';

/** The response body of one request (fails on a non-2xx status). */
export async function fetchBody(target: Target): Promise<string> {
  const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${target.method} ${target.url}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/** The first place two JSON values differ, as a path like `data.channels.nodes[3].name`. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 200)} != ${JSON.stringify(b)?.slice(0, 200)}`;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${path}: ${a.length} items != ${b.length} items`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const childPath = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], childPath);
    if (found) return found;
  }
  return null;
}

/** Nodes in every list of a response: a check that a shape really returns data. */
export function countNodes(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((sum: number, item) => sum + countNodes(item), 0);
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, item) => sum + countNodes(item), 0);
  return 0;
}

/**
 * Both servers must return the same JSON for a shape, with data, and without errors unless the shape
 * expects some (then both must answer the same errors); throws with the first difference. The
 * gateway is asked twice: its first answer comes from the GraphQL engine, the next from the compiled
 * statement (src/compiled/), and both must match. Answers the exact steady-state bodies, which every
 * measured response must repeat.
 */
export async function verifySameData(
  shapeKey: string,
  gateway: Target,
  raw: Target,
  expectsErrors = false,
): Promise<{ gatewayBody: string; rawBody: string; nodes: number }> {
  const [firstBody, rawBody] = await Promise.all([fetchBody(gateway), fetchBody(raw)]);
  const gatewayBody = await fetchBody(gateway);
  const fromRaw = JSON.parse(rawBody) as unknown;
  const fromGateway = JSON.parse(gatewayBody) as { data?: unknown; errors?: unknown };
  for (const [answer, parsed] of [['first answer', JSON.parse(firstBody) as { errors?: unknown }], ['answer', fromGateway]] as const) {
    if (Boolean(parsed.errors) !== expectsErrors) {
      const found = parsed.errors ? `has errors: ${JSON.stringify(parsed.errors).slice(0, 500)}` : 'has no errors, though the shape is built to get some';
      throw new Error(`shape ${shapeKey}: the gateway's ${answer} ${found}`);
    }
    const difference = firstDifference(parsed, fromRaw);
    if (difference) throw new Error(`shape ${shapeKey}: the gateway's ${answer} and the raw server differ at ${difference}`);
  }
  const nodes = countNodes(fromGateway.data);
  const hasData = Object.values((fromGateway.data ?? {}) as Record<string, unknown>).every((value) => value !== null);
  if (!hasData) throw new Error(`shape ${shapeKey}: no data (is the large data set loaded, and the viewer allowed?)`);
  return { gatewayBody, rawBody, nodes };
}
