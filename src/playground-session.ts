import { and, eq, isNull, sql } from 'drizzle-orm';
import { createSession } from './auth/sessions.js';
import type { Database } from './db/client.js';
import { accounts, users } from './db/schema/index.js';

/**
 * Signs the playground in as a demo user, so that its default query shows data on the first run.
 * Only for a user with a password account (the demo data has them); never when NODE_ENV=production.
 */
export async function playgroundSessionHeaders(db: Database, email: string): Promise<Record<string, string> | undefined> {
  if (!email) return undefined;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.provider, 'password')))
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.deletedAt)))
    .limit(1);
  if (!user) return undefined;
  const session = await createSession(db, user.id, { ip: null, userAgent: 'playground' });
  return { Authorization: `Bearer ${session.token}` };
}
