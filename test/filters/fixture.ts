import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { demoId, demoUsers } from '../policies.js';

/**
 * Rows a filter across a relation could leak through, added to the demo data: Aaron Zed, who left
 * acme (so no acme member may see him), wrote a message in #general, created #general and invited
 * Dave; a message in #general replies to one in private #design (which Bob may not read).
 */
export const ZED = '10000000-0000-4000-8000-0000000000f1';
export const DESIGN_MESSAGE = '40000000-0000-4000-8000-000000000030';
export const DESIGN_TEXT = 'The first draft of the new logo is ready for feedback.';

export async function addHiddenRelations(db: Database): Promise<void> {
  const acme = demoId(20, 1);
  const general = demoId(30, 1);
  // One statement each: a prepared statement holds one command.
  const statements = `
    insert into auth.users (id, email, display_name, last_name, created_at) values ('${ZED}', 'zed@example.com', 'Aaron Zed', 'Zed', '2026-01-02T08:00:00Z');
    insert into chat.organization_members (organization_id, user_id, role, joined_at, deleted_at) values ('${acme}', '${ZED}', 'member', '2026-01-02T08:00:00Z', '2026-01-05T00:00:00Z');
    insert into chat.messages (channel_id, author_id, content, created_at) values ('${general}', '${ZED}', 'zed was here', '2026-01-04T12:00:00Z');
    insert into chat.messages (channel_id, author_id, content, reply_to_message_id, created_at) values ('${general}', '${demoUsers.alice}', 'replying across channels', '${DESIGN_MESSAGE}', '2026-01-04T12:05:00Z');
    update chat.organization_members set invited_by = '${ZED}' where organization_id = '${acme}' and user_id = '${demoUsers.dave}';
    update chat.channels set created_by = '${ZED}' where id = '${general}'`;
  for (const statement of statements.split(';\n')) await db.execute(sql.raw(statement));
}
