import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ZodPlugin from '@pothos/plugin-zod';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Context } from './context.js';
import type { Upload } from './files/upload-request.js';
import { denied } from './auth/guards.js';
import { decodeGlobalID, validationErrorToGraphQL } from './errors.js';
import { relations } from './db/relations.js';
import { visibleNodeOf, visibleNodesOf } from './schema/core/node-visibility.js';

/** The largest page any connection returns; `first`/`last` above it are refused. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PothosTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
  AuthScopes: {
    authenticated: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    UUID: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    EmailAddress: { Input: string; Output: string };
    URL: { Input: URL | string; Output: URL | string };
    Locale: { Input: string; Output: string };
    Upload: { Input: Upload; Output: never };
  };
  DefaultFieldNullability: false;
}

// nodes(ids) loads each ID through relay's resolveNodes, which needs the builder being defined here.
let relayBuilder: Parameters<typeof resolveNodes>[0];

export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ZodPlugin, RelayPlugin, DataloaderPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  drizzle: {
    // The client comes from the context, so one schema serves PGlite and PostgreSQL alike.
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    decodeGlobalID,
    nodeQueryOptions: { resolve: (_root, args, ctx, info, resolveNode) => visibleNodeOf(ctx, info, args.id.typename, () => resolveNode(args.id)) },
    nodesQueryOptions: {
      resolve: (_root, args, ctx, info) => visibleNodesOf(ctx, info, args.ids, (ids) => resolveNodes(relayBuilder, ctx, info, ids)),
    },
    // Pages larger than the maximum are refused, not silently shortened.
    firstArgOptions: { validate: { int: true, min: 0, max: MAX_PAGE_SIZE } },
    lastArgOptions: { validate: { int: true, min: 0, max: MAX_PAGE_SIZE } },
  },
  scopeAuth: {
    authScopes: (ctx) => ({ authenticated: ctx.viewer !== null }),
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx) => denied(ctx),
  },
  errors: { defaultTypes: [] },
  zod: { validationError: validationErrorToGraphQL },
});

relayBuilder = builder as never;

builder.queryType({});
builder.mutationType({});
