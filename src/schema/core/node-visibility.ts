import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import { mayReadNode } from './guards.js';

/**
 * `node` / `nodes` load rows by primary key, past every list filter. A row that does not exist,
 * is soft-deleted, or that its type's read rule hides from the viewer is answered with null,
 * never with an error, so existence does not leak. An ID whose type is no node type of the schema
 * was never issued by this API: like a malformed ID it is BAD_USER_INPUT (the schema is public, so
 * this leaks nothing).
 */
const isMissingRow = (error: unknown) => error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message);

const isSoftDeleted = (node: object) => (node as { deletedAt?: unknown }).deletedAt != null;

function requireNodeType(info: GraphQLResolveInfo, typename: string): void {
  const type = info.schema.getType(typename);
  if (!isObjectType(type) || !type.getInterfaces().some((implemented) => implemented.name === 'Node')) {
    throw badInput(`Invalid global ID: ${typename} is not a node type.`);
  }
}

async function visibleNode(ctx: Context, typename: string, load: unknown): Promise<unknown> {
  try {
    const node = await load;
    if (typeof node !== 'object' || node === null || isSoftDeleted(node)) return null;
    return (await mayReadNode(ctx, typename, node)) ? node : null;
  } catch (error) {
    if (isMissingRow(error)) return null;
    throw error;
  }
}

/** node(id): the type is checked before anything is loaded. */
export function visibleNodeOf(ctx: Context, info: GraphQLResolveInfo, typename: string, load: () => unknown): Promise<unknown> {
  requireNodeType(info, typename);
  return visibleNode(ctx, typename, load());
}

/**
 * nodes(ids): each ID is loaded on its own (in the same tick, so the loader still batches them into
 * one statement per type), so a missing row is null for its entry instead of failing the list.
 */
export function visibleNodesOf<Id extends { typename: string }>(ctx: Context, info: GraphQLResolveInfo, ids: readonly Id[], load: (ids: Id[]) => Promise<unknown[]>) {
  for (const id of ids) requireNodeType(info, id.typename);
  return ids.map((id) => visibleNode(ctx, id.typename, load([id]).then((nodes) => nodes[0])));
}
