import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import {
  asChannelWrite,
  canAddChannelMember,
  canCreateChannel,
  canCreateDirectChannel,
  canCreateThread,
  canJoinChannel,
  canManageChannel,
  canPinInChannel,
  canSeeChannel,
} from './channel.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle: { db }, drop } = await openSeededDatabase()));
afterAll(() => drop());

const channel = (n: number) => demoId(30, n);
// acme: 1 #general (public), 2 #random (public), 3 #design (private: alice, carol, dave), 4 alice-carol (direct), 5 thread of #general
// globex: 11 #altalanos (public), 12 #penzugy (private: hanna, judit, carol), 13 hanna-istvan (direct), 14 thread of #altalanos
const ids = (...numbers: number[]) => numbers.map(channel).sort();

describe('canSeeChannel: See(c)', () => {
  it.each<[DemoUser | 'anonymous', number[]]>([
    ['anonymous', []],
    ['gina', []],
    ['admin', []],
    ['alice', [1, 2, 3, 4, 5]],
    ['bob', [1, 2, 5]], // an org admin does not read a private channel or a direct message he is not in
    ['carol', [1, 2, 3, 4, 5, 11, 12, 14]],
    ['istvan', [11, 13, 14]],
    ['bot', [1, 2, 5]],
  ])('%s sees %j', async (user, expected) => {
    expect(await allowedIds(db, canSeeChannel, user === 'anonymous' ? null : viewerOf(user))).toEqual(ids(...expected));
  });
});

describe('channel management', () => {
  it('update and delete: A(o) only', async () => {
    expect(await allowedIds(db, canManageChannel, viewerOf('bob'))).toEqual(ids(1, 2, 3, 4, 5));
    expect(await allowedIds(db, canManageChannel, viewerOf('dave'))).toEqual([]);
  });

  it('join self: public channels of the own organizations', async () => {
    expect(await allowedIds(db, canJoinChannel, viewerOf('dave'))).toEqual(ids(1, 2));
    expect(await allowedIds(db, canJoinChannel, viewerOf('gina'))).toEqual([]);
  });

  it('add another member: a channel member or A(o)', async () => {
    expect(await allowedIds(db, canAddChannelMember, viewerOf('dave'))).toEqual(ids(1, 2, 3, 5)); // dave follows the thread too
    expect(await allowedIds(db, canAddChannelMember, viewerOf('bob'))).toEqual(ids(1, 2, 3, 4, 5));
  });

  it('pin: See(c) and, in a private channel, membership', async () => {
    expect(await allowedIds(db, canPinInChannel, viewerOf('bob'))).toEqual(ids(1, 2, 5));
    expect(await allowedIds(db, canPinInChannel, viewerOf('carol'))).toEqual(ids(1, 2, 3, 4, 5, 11, 12, 14));
  });
});

describe('canPinInChannel: a bot also needs messages:write', () => {
  it.each<[string, string[], number[]]>([
    ['messages:read and messages:write', ['messages:read', 'messages:write'], [1, 2, 5]], // the channels it sees
    ['messages:write', ['messages:write'], [1, 2, 5]],
    ['messages:read', ['messages:read'], []],
    ['no scope', [], []],
  ])('a bot with %s', async (_name, scopes, expected) => {
    expect(await allowedIds(db, canPinInChannel, viewerOf('bot', scopes))).toEqual(ids(...expected));
  });
});

describe('channel creation', () => {
  const organizations = (...numbers: number[]) => numbers.map((n) => demoId(20, n)).sort();

  it.each<[DemoUser | 'anonymous', number[]]>([
    ['anonymous', []],
    ['gina', []],
    ['alice', [1]],
    ['dave', [1]], // acme lets members create channels (settings.membersCanCreateChannels)
    ['judit', []], // globex does not
    ['istvan', [2]], // but its admins may
    ['carol', [1]],
    ['bot', []], // no channels:write scope
  ])('create a public or private channel: %s may in %j', async (user, expected) => {
    expect(await allowedIds(db, canCreateChannel, user === 'anonymous' ? null : viewerOf(user))).toEqual(organizations(...expected));
  });

  it('create a channel: a bot with channels:write may, as the member it is', async () => {
    expect(await allowedIds(db, canCreateChannel, viewerOf('bot', ['channels:write']))).toEqual(organizations(1));
  });

  it('start a direct channel: M(o) (and channels:write for a bot)', async () => {
    expect(await allowedIds(db, canCreateDirectChannel, viewerOf('judit'))).toEqual(organizations(2));
    expect(await allowedIds(db, canCreateDirectChannel, viewerOf('carol'))).toEqual(organizations(1, 2));
    expect(await allowedIds(db, canCreateDirectChannel, viewerOf('gina'))).toEqual([]);
    expect(await allowedIds(db, canCreateDirectChannel, viewerOf('bot'))).toEqual([]);
  });

  it('start a thread: from a message of a channel the viewer sees (messages:write for a bot)', async () => {
    const design = demoId(40, 30); // #design, private
    const general = demoId(40, 2);
    expect(await allowedIds(db, canCreateThread, viewerOf('bob'))).toContain(general);
    expect(await allowedIds(db, canCreateThread, viewerOf('bob'))).not.toContain(design);
    expect(await allowedIds(db, canCreateThread, viewerOf('dave'))).toContain(design);
    expect(await allowedIds(db, canCreateThread, viewerOf('bot'))).toContain(general);
    expect(await allowedIds(db, canCreateThread, viewerOf('bot', ['messages:read']))).toEqual([]);
  });
});

describe('asChannelWrite: a bot changes channels only with channels:write', () => {
  it('keeps the rule for people and adds the scope for a bot', async () => {
    const canJoin = asChannelWrite(canJoinChannel);
    expect(await allowedIds(db, canJoin, viewerOf('dave'))).toEqual(ids(1, 2));
    expect(await allowedIds(db, canJoin, viewerOf('bot'))).toEqual([]);
    expect(await allowedIds(db, canJoin, viewerOf('bot', ['channels:write']))).toEqual(ids(1, 2));
  });
});
