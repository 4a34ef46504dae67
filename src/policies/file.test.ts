import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../context.js';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, demoUsers, viewerOf, type DemoUser } from '../../test/policies.js';
import { canDeleteFile, canSeeFile } from './file.js';
import type { Rule } from './rule.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const { handle, drop: dropDatabase } = await openSeededDatabase();
  ({ db } = handle);
  drop = dropDatabase;
  // The seeds have no file reached only through a message of a public channel, nor one on a deleted message.
  await handle.exec(`insert into platform.files (id, owner_id, organization_id, channel_id, message_id, scope, file_name, mime_type, size_bytes, storage_key, status) values
    ('${demoId(70, 7)}', '${demoUsers.dave}', '${demoId(20, 1)}', '${demoId(30, 1)}', '${demoId(40, 3)}', 'user', 'coffee.jpg', 'image/jpeg', 1000, 'test/coffee.jpg', 'ready'),
    ('${demoId(70, 8)}', '${demoUsers.bob}', '${demoId(20, 1)}', '${demoId(30, 1)}', '${demoId(40, 11)}', 'user', 'oops.txt', 'text/plain', 10, 'test/oops.txt', 'ready')`);
});
afterAll(() => drop());

// 1 alice, scope user
// 2 alice, acme, scope organization
// 3 carol, acme, scope organization, attached to message 33 in private #design (alice, carol, dave)
// 4 carol, acme, scope user, attached to message 43 in the alice-carol direct channel
// 5 judit, globex, scope organization, in private #penzugy, no message
// 6 bob, scope shared
// added here: 7 dave, scope user, attached to message 3 in public #general; 8 bob, scope user, attached to deleted message 11
const ids = (...numbers: number[]) => numbers.map((n) => demoId(70, n)).sort();

type Actor = DemoUser | 'anonymous' | 'bot without messages:read';
function viewer(actor: Actor): Viewer | null {
  if (actor === 'anonymous') return null;
  if (actor === 'bot without messages:read') return viewerOf('bot', ['messages:write']);
  return viewerOf(actor);
}

describe.each<[string, Rule, [Actor, number[]][]]>([
  // read: owner, or attached to a message the viewer reads, or (shared and Auth, or organization scope and M(org)),
  // the latter, for a file posted in a channel, only if the viewer sees that channel
  [
    'canSeeFile',
    canSeeFile,
    [
      ['anonymous', []],
      ['gina', [6]],
      ['admin', [6]],
      ['alice', [1, 2, 3, 4, 6, 7]], // 4 and 7 only through their messages; not 8: its message is deleted
      ['carol', [2, 3, 4, 5, 6, 7]],
      ['dave', [2, 3, 6, 7]], // not 4: he does not read the alice-carol channel
      ['bob', [2, 6, 7, 8]], // not 3: organization-scoped, but posted in #design, which he does not see
      ['istvan', [6]], // not 5: organization-scoped, but posted in #penzugy, which he does not see
      ['hanna', [5, 6]], // 5 by its organization scope: she sees #penzugy
      ['judit', [5, 6]], // owner of 5
      ['bot', [2, 6, 7]], // not 3: the bot is not in #design
      ['bot without messages:read', [2, 6]], // 7 is reached only through a message
    ],
  ],
  // delete: the owner
  [
    'canDeleteFile',
    canDeleteFile,
    [
      ['anonymous', []],
      ['alice', [1, 2]],
      ['carol', [3, 4]],
      ['judit', [5]],
      ['bob', [6, 8]],
      ['dave', [7]],
      ['istvan', []],
      ['admin', []],
    ],
  ],
])('%s', (_name, rule, cases) => {
  it.each(cases)('%s: %j', async (actor, expected) => {
    expect(await allowedIds(db, rule, viewer(actor))).toEqual(ids(...expected));
  });
});
