import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import { canAddChannelMember, canJoinChannel, canManageChannel, canPinInChannel, canSeeChannel } from './channel.js';
import { canSeeChannelMember } from './channel-member.js';
import { canSeeFile } from './file.js';
import { canDeleteMessage, canEditMessage, canPostInChannel, canReadMessage, canUnpinMessage } from './message.js';
import { canSeeBot } from './bot.js';
import { canSeeUser } from './user.js';
import {
  canAddOrganizationMember,
  canChangeMemberRole,
  canDeleteOrganization,
  canJoinOrganization,
  canReadOrganizationDetails,
  canSeeOrganization,
  canSeeOrganizationMember,
  canUpdateOrganization,
} from './organization.js';
import type { Rule } from './rule.js';
import { canManageSection, canSeeSection } from './section.js';

// A soft-deleted organization has no members for any rule, and its public flag no longer shows it:
// nothing of it is visible or manageable through the rules. Here acme (public) is soft-deleted;
// globex is untouched, so carol (in both) keeps exactly her globex part.
let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  const { handle, drop: dropDatabase } = await openSeededDatabase();
  ({ db } = handle);
  drop = dropDatabase;
  await handle.exec(`update chat.organizations set deleted_at = '2026-02-01T00:00:00Z' where id = '${demoId(20, 1)}'`);
});
afterAll(() => drop());

type Actor = DemoUser | 'anonymous';
type Cases = [Actor, number[]][];
const viewer = (actor: Actor) => (actor === 'anonymous' ? null : viewerOf(actor));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// The former acme members: alice (owner), bob (admin), dave, the bot; carol is also in globex.
describe.each<[string, number, Rule, Cases]>([
  // organizations: 1 acme (public, soft-deleted), 2 globex (private)
  ['canSeeOrganization', 20, canSeeOrganization, [['anonymous', []], ['gina', []], ['alice', []], ['dave', []], ['bot', []], ['carol', [2]], ['judit', [2]]]],
  ['canReadOrganizationDetails', 20, canReadOrganizationDetails, [['alice', []], ['dave', []], ['bot', []], ['carol', [2]]]],
  ['canUpdateOrganization', 20, canUpdateOrganization, [['alice', []], ['bob', []], ['hanna', [2]], ['istvan', [2]]]],
  ['canDeleteOrganization', 20, canDeleteOrganization, [['alice', []], ['hanna', [2]]]],
  ['canJoinOrganization', 20, canJoinOrganization, [['anonymous', []], ['gina', []], ['judit', []], ['hanna', []]]], // acme was the public one
  ['canAddOrganizationMember', 20, canAddOrganizationMember, [['alice', []], ['bob', []], ['istvan', [2]]]],
  // organization members: acme 1-4 and 9, globex 5-8
  ['canSeeOrganizationMember', 21, canSeeOrganizationMember, [['alice', []], ['dave', []], ['bot', []], ['carol', [5, 6, 7, 8]]]],
  ['canChangeMemberRole(member)', 21, canChangeMemberRole('member'), [['alice', []], ['bob', []], ['istvan', [6, 7, 8]]]],
  // sections: acme 1, 2; globex 3, 4
  ['canSeeSection', 22, canSeeSection, [['alice', []], ['dave', []], ['carol', [3, 4]]]],
  ['canManageSection', 22, canManageSection, [['alice', []], ['bob', []], ['hanna', [3, 4]]]],
  // channels: acme 1-5, globex 11-14 (12 private: hanna, judit, carol; 13 direct hanna-istvan)
  ['canSeeChannel', 30, canSeeChannel, [['anonymous', []], ['alice', []], ['bob', []], ['dave', []], ['bot', []], ['carol', [11, 12, 14]]]],
  ['canManageChannel', 30, canManageChannel, [['alice', []], ['bob', []], ['istvan', [11, 12, 13, 14]]]],
  ['canJoinChannel', 30, canJoinChannel, [['alice', []], ['dave', []], ['carol', [11]]]],
  ['canPinInChannel', 30, canPinInChannel, [['alice', []], ['dave', []], ['bot', []], ['carol', [11, 12, 14]]]],
  ['canPostInChannel', 30, canPostInChannel, [['alice', []], ['dave', []], ['bot', []], ['carol', [11, 12, 14]]]],
  // channel members: acme 1-15 and 40, globex 21-31 (25-27 in #penzugy, 28-29 in hanna-istvan)
  ['canSeeChannelMember', 31, canSeeChannelMember, [['alice', []], ['bob', []], ['dave', []], ['bot', []], ['carol', [...range(21, 27), 30, 31]]]],
  // messages: acme 1-53, globex 60-92 (70-73 in #penzugy, 80-82 in hanna-istvan)
  [
    'canReadMessage',
    40,
    canReadMessage,
    [
      ['anonymous', []],
      ['alice', []],
      ['bob', []],
      ['dave', []],
      ['bot', []],
      ['carol', [...range(60, 67), ...range(70, 73), ...range(90, 92)]],
    ],
  ],
  // files: 2 is acme's organization-scoped handbook (owner alice), 6 is shared (owner bob)
  ['canSeeFile', 70, canSeeFile, [['anonymous', []], ['dave', [6]], ['bob', [6]]]],
  // channel membership alone no longer lets a former member add people; carol is in globex 11 and 12
  ['canAddChannelMember', 30, canAddChannelMember, [['alice', []], ['dave', []], ['bot', []], ['carol', [11, 12]], ['istvan', [11, 12, 13, 14]]]],
  // authors and pinners lose their own messages with the organization
  ['canEditMessage', 40, canEditMessage, [['alice', []], ['bob', []], ['dave', []], ['bot', []]]],
  ['canDeleteMessage', 40, canDeleteMessage, [['alice', []], ['bob', []], ['dave', []]]],
  ['canUnpinMessage', 40, canUnpinMessage, [['alice', []], ['bob', []]]],
  // users: a shared deleted organization shares nothing; carol still shares globex with 7, 8, 9
  ['canSeeUser', 10, canSeeUser, [['dave', [5]], ['carol', [4, 7, 8, 9]]]], // alice and bob hold users.users.view (manager, staff)
  ['canSeeBot', 50, canSeeBot, [['dave', []], ['bob', []]]],
])('%s', (_name, prefix, rule, cases) => {
  it.each(cases)('%s: %j', async (actor, expected) => {
    expect(await allowedIds(db, rule, viewer(actor))).toEqual(expected.map((n) => demoId(prefix, n)).sort());
  });
});
