import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/context.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { canSeeChannel } from '../../src/policies/channel.js';
import { canSeeNotification } from '../../src/policies/notification.js';
import { canReadOrganizationDetails } from '../../src/policies/organization.js';
import type { Rule } from '../../src/policies/rule.js';
import { allowedViewers, ruleAllows } from '../../src/realtime/subscribe.js';
import { canReadChannelMessages } from '../../src/schema/realtime/subscriptions.js';
import { openSeededDatabase } from '../gateway.js';
import { demoUsers, viewerOf, type DemoUser } from '../policies.js';

/**
 * Every event judges all its subscribers' viewers in one statement (a rule evaluated over a list of
 * user ids). Here that answer must equal the rule asked for each viewer alone, for every row.
 */

let handle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase());
});
afterAll(async () => drop?.());

const viewers: Viewer[] = [
  ...(Object.keys(demoUsers) as DemoUser[]).map((user) => viewerOf(user)),
  viewerOf('bot', ['messages:write']), // the same user with other scopes: a group of its own
];

const RULES: Rule[] = [canReadChannelMessages, canSeeChannel, canReadOrganizationDetails, canSeeNotification] as unknown as Rule[];

describe('batched rule checks', () => {
  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s: the batch answers as each viewer alone', async (_name, rule) => {
    const ids = (await handle.db.select({ id: rule.table.id }).from(rule.table as never)).map((row) => String(row.id));
    const answers: boolean[] = [];
    for (const id of ids) {
      const batched = await allowedViewers(handle.db, viewers, rule, id);
      const alone = await Promise.all(viewers.map((viewer) => ruleAllows(handle.db, viewer, rule, id)));
      expect(batched, `${rule.name} ${id}`).toEqual(alone);
      answers.push(...alone);
    }
    // The demo data gives each rule both answers, so the comparison means something.
    expect(new Set(answers)).toEqual(new Set([true, false]));
  });
});
