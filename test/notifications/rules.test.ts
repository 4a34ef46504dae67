import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { canSeeChannel } from '../../src/policies/channel.js';
import { allowedAmong } from '../../src/policies/rule.js';
import { queryRows } from '../database.js';
import { openSeededDatabase } from '../gateway.js';
import { demoUsers, viewerOf, type DemoUser } from '../policies.js';
import { CHANNEL, GLOBEX } from './helpers.js';

// The triggers judge a recipient with platform.user_sees_channel, SQL written in the migration;
// the API judges readers with seesChannel (src/policies/channel.ts). They must agree for every user
// and channel, including the cases that hide a channel: deleted, in a deleted organization, left.
describe('platform.user_sees_channel is the channel read rule', () => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ handle, drop } = await openSeededDatabase());
    // Make the hiding cases: a private channel with a thread, a deleted channel, a member who left
    // a private channel, and a deleted organization with a channel.
    await handle.exec(`
      insert into chat.channels (id, organization_id, type, name, parent_channel_id) values
        ('30000000-0000-4000-8000-0000000000a1', '${GLOBEX}', 'thread', 'private thread', '30000000-0000-4000-8000-000000000012'),
        ('30000000-0000-4000-8000-0000000000a2', '20000000-0000-4000-8000-000000000001', 'public', 'gone', null);
      update chat.channels set deleted_at = now() where id = '30000000-0000-4000-8000-0000000000a2';
      update chat.channel_members set deleted_at = now() where channel_id = '${CHANNEL.design}' and user_id = '${demoUsers.dave}';
      insert into chat.organizations (id, slug, name, is_public, deleted_at) values ('20000000-0000-4000-8000-0000000000a3', 'closed', 'Closed', true, now());
      insert into chat.organization_members (organization_id, user_id, role) values ('20000000-0000-4000-8000-0000000000a3', '${demoUsers.alice}', 'owner');
      insert into chat.channels (id, organization_id, type, name) values ('30000000-0000-4000-8000-0000000000a4', '20000000-0000-4000-8000-0000000000a3', 'public', 'closed');
    `);
  });
  afterAll(() => drop?.());

  it('for every demo user and every channel', async () => {
    const channelIds = (await queryRows<{ id: string }>(handle, 'select id from chat.channels order by id')).map((row) => row.id);
    expect(channelIds.length).toBeGreaterThan(10);
    for (const user of Object.keys(demoUsers) as DemoUser[]) {
      const byRule = await allowedAmong(handle.db, viewerOf(user), canSeeChannel, channelIds);
      const bySql = await queryRows<{ id: string }>(
        handle,
        `select id from chat.channels where platform.user_sees_channel('${demoUsers[user]}', id) order by id`,
      );
      expect(bySql.map((row) => row.id), user).toEqual(channelIds.filter((id) => byRule.has(id)));
    }
  });
});
