import { BENCH_VIEWER, tokenHash } from '../bench/fixtures.js';
import type { LargeDataset } from './generate.js';
import type { Queryable } from './table.js';

/** The signed-in user of every benchmark request: administrator, member of every organization, one session. */
export async function insertViewer(pool: Queryable): Promise<void> {
  const v = BENCH_VIEWER;
  const at = '2024-12-01T00:00:00Z';
  await pool.query(
    `insert into auth.users (id, email, display_name, first_name, last_name, locale, created_at, updated_at)
     values ($1, $2, $3, 'Bench', 'Viewer', 'en', $4, $4)`,
    [v.id, v.email, v.displayName, at],
  );
  await pool.query(`insert into auth.user_roles (user_id, role_id, created_at) select $1, id, $3 from auth.roles where key = $2`, [v.id, v.roleKey, at]);
  await pool.query(`insert into auth.user_groups (user_id, group_id, created_at) select $1, id, $3 from auth.groups where key = $2`, [v.id, v.groupKey, at]);
  await pool.query(
    `insert into chat.organization_members (id, organization_id, user_id, role, joined_at)
     select md5('bench-viewer:' || o.id)::uuid, o.id, $1, 'member', $2 from chat.organizations o`,
    [v.id, at],
  );
  await pool.query(
    `insert into auth.sessions (id, user_id, token_hash, expires_at, created_at) values ($1, $2, $3, '2100-01-01T00:00:00Z', $4)`,
    [v.sessionId, v.id, tokenHash(v.token), at],
  );
}

/** Tables in foreign-key order. */
export const loadOrder: (keyof LargeDataset)[] = ['users', 'organizations', 'organizationMembers', 'channels', 'channelMembers', 'messages', 'reactions'];
