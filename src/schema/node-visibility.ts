import type { Context } from '../context.js';
import { mayReadNode } from './guards.js';

/**
 * `node` / `nodes` load rows by primary key, past every list filter. A row that does not exist,
 * is soft-deleted, or that its type's read rule hides from the viewer is answered with null,
 * never with an error, so existence does not leak.
 */
const isMissingRow = (error: unknown) => error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message);

const isSoftDeleted = (node: object) => (node as { deletedAt?: unknown }).deletedAt != null;

export async function visibleNode(ctx: Context, typename: string, load: unknown): Promise<unknown> {
  try {
    const node = await load;
    if (typeof node !== 'object' || node === null || isSoftDeleted(node)) return null;
    return (await mayReadNode(ctx, typename, node)) ? node : null;
  } catch (error) {
    if (isMissingRow(error)) return null;
    throw error;
  }
}

export async function visibleNodes(ctx: Context, typenames: string[], loads: Promise<unknown[]> | unknown[]) {
  return (await loads).map((load, index) => visibleNode(ctx, typenames[index] ?? '', load));
}
