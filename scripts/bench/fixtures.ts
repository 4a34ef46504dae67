import { createHash } from 'node:crypto';

/**
 * What the large data set and the benchmark agree on: the database, the signed-in viewer and the
 * rows each shape asks for. The seed writes them; the runner and the raw server read them.
 */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gateway_bench';

export const benchDatabaseUrl = (env: NodeJS.ProcessEnv = process.env) => env.DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;

/** A member of every organization holding the administrator role, so access rules hide nothing the shapes read. */
export const BENCH_VIEWER = {
  id: '0be0c000-0000-4000-8000-000000000001',
  email: 'bench.viewer@bench.example.com',
  displayName: 'Bench Viewer',
  roleKey: 'administrator',
  groupKey: 'administrators',
  sessionId: '0be0c000-0000-4000-8000-000000000002',
  // Session-token shape of src/auth/tokens.ts (`gw_s_` + 32..128 base64url characters).
  token: 'gw_s_benchmark-viewer-token-000000000000000000',
} as const;

/** SHA-256 hex of a bearer token: what auth.sessions stores (src/auth/tokens.ts hashToken). */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A plain seeded user (no platform role, so no users.users.view) who belongs to private channels:
 * the shapes that need the access rules to hide something sign in as them. The runner gives them a
 * session (scripts/bench/actors.ts), so data sets seeded before this actor existed work too.
 */
export const BENCH_MEMBER = {
  email: 'user00045@bench.example.com',
  sessionId: '0be0c000-0000-4000-8000-000000000003',
  token: 'gw_s_benchmark-member-token-000000000000000000',
} as const;

/** Who sends a shape's requests. */
export type Actor = 'viewer' | 'member';

const TOKENS: Record<Actor, string> = { viewer: BENCH_VIEWER.token, member: BENCH_MEMBER.token };

/** The Authorization header of an actor's requests. */
export const authorizationFor = (actor: Actor = 'viewer') => ({ authorization: `Bearer ${TOKENS[actor]}` });

/** The Authorization header every benchmark request of the viewer carries. */
export const authorizationHeader = authorizationFor('viewer');

/** Parameters of the shapes, found by stable keys (emails, slugs, names), never by generated ids. */
export const SHAPE_TARGETS = {
  /** Shape a reads this user. */
  userEmail: 'user00042@bench.example.com',
  /** Shape d reads this organization. */
  organizationSlug: 'bench-org-001',
  /** Shape m writes here: a channel no read shape lists, so repeated runs leave the reads unchanged. */
  sandboxChannelName: 'zz-bench-sandbox',
  /** Shape h: a word of the seed's vocabulary (scripts/seed-large/words.ts), so many messages contain it. */
  searchWord: 'deploy',
  /** Shape h: part of generated names (scripts/seed-large/words.ts) that matches a few dozen users. */
  userSearch: 'ann',
} as const;
