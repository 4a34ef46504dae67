import type { PgTable } from 'drizzle-orm/pg-core';
import type { Viewer } from '../src/context.js';
import type { Database } from '../src/db/client.js';
import type { Rule } from '../src/policies/rule.js';

/** Demo users of seeds/users.sql by first name (ids 10000000-…-0000000000NN). */
export const demoUsers = {
  admin: '10000000-0000-4000-8000-000000000001', // platform administrator, in no organization
  alice: '10000000-0000-4000-8000-000000000002', // acme owner
  bob: '10000000-0000-4000-8000-000000000003', // acme admin, not in private #design
  carol: '10000000-0000-4000-8000-000000000004', // acme member and globex member
  dave: '10000000-0000-4000-8000-000000000005', // acme member
  gina: '10000000-0000-4000-8000-000000000006', // guest, in no organization
  hanna: '10000000-0000-4000-8000-000000000007', // globex owner
  istvan: '10000000-0000-4000-8000-000000000008', // globex admin, not in private #penzugy
  judit: '10000000-0000-4000-8000-000000000009', // globex member
  bot: '10000000-0000-4000-8000-000000000020', // the helper bot's machine user (acme)
} as const;

export type DemoUser = keyof typeof demoUsers;

/** The gateway's global ID of a row: base64 of `Type:uuid` (src/errors.ts decodeGlobalID reads it back). */
export const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

/** A fixed demo id: `demoId(30, 3)` is channel 30000000-…-000000000003. */
export const demoId = (prefix: number, n: number) => `${prefix}000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The viewer a person or the bot would be after signing in; `scopes` overrides the bot's scopes. */
export function viewerOf(user: DemoUser, scopes?: string[]): Viewer {
  const isBot = user === 'bot';
  return {
    userId: demoUsers[user],
    userType: isBot ? 'machine' : 'human',
    scopes: isBot ? (scopes ?? ['messages:read', 'messages:write']) : null,
    sessionId: null,
    botId: isBot ? demoId(50, 1) : null,
  };
}

/** The ids of every row of the rule's table that the rule lets this viewer have, sorted. */
export async function allowedIds(db: Database, rule: Rule, viewer: Viewer | null): Promise<string[]> {
  const rows = await db
    .select({ id: rule.table.id })
    .from(rule.table as PgTable)
    .where(rule.where(viewer, rule.table));
  return rows.map((row) => String(row.id)).sort();
}
