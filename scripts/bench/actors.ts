import pg from 'pg';
import { BENCH_MEMBER, tokenHash } from './fixtures.js';

/**
 * Gives the plain member actor (fixtures.ts) its session: idempotent, so it also serves data sets
 * seeded before this actor existed; the user is a generated one, found by email.
 */
export async function ensureMemberSession(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-runner' });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `insert into auth.sessions (id, user_id, token_hash, expires_at, created_at)
       select $1, u.id, $3, '2100-01-01T00:00:00Z', '2024-12-01T00:00:00Z' from auth.users u where u.email = $2 and u.deleted_at is null
       on conflict (id) do nothing`,
      [BENCH_MEMBER.sessionId, BENCH_MEMBER.email, tokenHash(BENCH_MEMBER.token)],
    );
    const { rows } = await client.query('select 1 from auth.sessions where id = $1', [BENCH_MEMBER.sessionId]);
    if (!rows[0]) throw new Error(`user "${BENCH_MEMBER.email}" not found: run \`npm run seed:large -- --scale 1\` first`);
    if (rowCount) console.log(`gave ${BENCH_MEMBER.email} a benchmark session`);
  } finally {
    await client.end();
  }
}
