import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoUsers, type DemoUser } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import {
  ACME,
  GLOBEX,
  channelMutationSuite,
  expectNoLeak,
  gid,
  makeChannel,
  orgGid,
  runMutation,
  userGid,
  type MutationOutcome,
} from '../mutations/channel-helpers.js';

// The channel and channel-member writes of DOMAIN.md ("Who may do what"), entity × action × actor,
// through the GraphQL API: allow, NOT_FOUND when the actor may not see the target, FORBIDDEN when
// they see it but may not act, UNAUTHENTICATED without a viewer. The reads: channels.test.ts.

const suite = channelMutationSuite();

/** The demo people, the anonymous caller, and the bot with different scopes. */
type Actor = DemoUser | 'anonymous' | 'bot+channels' | 'bot-read';
type Expected = 'allow' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const A = 'allow';
const N = 'NOT_FOUND';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';

const BOT_SCOPES: Partial<Record<Actor, string[]>> = {
  bot: ['messages:read', 'messages:write'],
  'bot+channels': ['messages:read', 'messages:write', 'channels:write'],
  'bot-read': ['messages:read'],
};

/** What the outcome amounts to: a payload is an allow; a typed error or a top-level code is a deny. */
function verdict(outcome: MutationOutcome): string {
  const name = outcome.result?.__typename as string | undefined;
  if (name === 'ChannelPayload' || name === 'ChannelMemberPayload') return A;
  if (name === 'NotFoundError') return N;
  if (name === 'ForbiddenError') return F;
  return String(name ?? outcome.codes[0]);
}

type Setup = () => Promise<Record<string, unknown>>;
const channel = (type: 'public' | 'private' | 'direct', members: DemoUser[]) => async () => (await makeChannel(suite.gateway, type, members)).gid;
const freshName = () => `m-${randomUUID().slice(0, 8)}`;

/** A fresh message by alice in a fresh channel with these members. */
async function freshMessage(type: 'public' | 'private', members: DemoUser[]): Promise<string> {
  const fixture = await makeChannel(suite.gateway, type, members);
  const id = randomUUID();
  await suite.gateway.handle.exec(`insert into chat.messages (id, channel_id, author_id, content) values ('${id}', '${fixture.id}', '${demoUsers.alice}', 'Start here')`);
  return gid('Message', id);
}

const EVERYONE: DemoUser[] = ['alice', 'bob', 'carol', 'dave', 'bot'];

// [rule, mutation, input of a fresh target, actor -> expected]
const MATRIX: [string, string, Setup, Partial<Record<Actor, Expected>>][] = [
  [
    'Channel create in acme (members may)',
    'createChannel',
    async () => ({ organizationId: orgGid(ACME), name: freshName() }),
    { anonymous: U, gina: F, admin: F, dave: A, bob: A, alice: A, bot: F, 'bot+channels': A },
  ],
  [
    'Channel create in globex (admins only)',
    'createChannel',
    async () => ({ organizationId: orgGid(GLOBEX), name: freshName() }),
    { gina: N, bob: N, judit: F, carol: F, istvan: A, hanna: A },
  ],
  [
    'direct Channel create with carol',
    'createDirectChannel',
    async () => ({ organizationId: orgGid(ACME), participantIds: [userGid('carol')] }),
    { anonymous: U, gina: F, admin: F, dave: A, bob: A, alice: A, bot: F, 'bot+channels': A },
  ],
  [
    'direct Channel create with someone outside the organization',
    'createDirectChannel',
    async () => ({ organizationId: orgGid(ACME), participantIds: [userGid('hanna')] }),
    { dave: F, bob: F, alice: F },
  ],
  [
    'thread create from a public channel message',
    'createThread',
    async () => ({ messageId: await freshMessage('public', []) }),
    { anonymous: U, gina: N, admin: N, dave: A, bob: A, alice: A, bot: A, 'bot-read': F, istvan: N },
  ],
  [
    'thread create from a private channel message',
    'createThread',
    async () => ({ messageId: await freshMessage('private', ['alice', 'dave']) }),
    { dave: A, alice: A, bob: N, carol: N },
  ],
  [
    'Channel update of a public channel',
    'updateChannel',
    async () => ({ id: await channel('public', ['carol'])(), topic: 'New' }),
    { anonymous: U, gina: N, admin: N, dave: F, bob: A, alice: A, bot: F, 'bot+channels': F, istvan: N },
  ],
  [
    'Channel update of a private channel',
    'updateChannel',
    async () => ({ id: await channel('private', ['alice', 'dave'])(), topic: 'New' }),
    { dave: F, alice: A, bob: N, carol: N },
  ],
  [
    'Channel rename of a direct channel',
    'updateChannel',
    async () => ({ id: await channel('direct', ['alice', 'bob'])(), name: 'renamed' }),
    { alice: F, bob: F, dave: N },
  ],
  [
    'Channel delete of a public channel',
    'deleteChannel',
    async () => ({ id: await channel('public', ['carol'])() }),
    { anonymous: U, gina: N, admin: N, dave: F, bob: A, alice: A, bot: F, 'bot+channels': F, hanna: N },
  ],
  [
    'Channel delete of a private channel',
    'deleteChannel',
    async () => ({ id: await channel('private', ['alice', 'dave'])() }),
    { dave: F, alice: A, bob: N },
  ],
  [
    'ChannelMember join self, public channel',
    'joinChannel',
    async () => ({ channelId: await channel('public', [])() }),
    { anonymous: U, gina: N, admin: N, dave: A, bob: A, alice: A, bot: F, 'bot+channels': A, carol: A, judit: N },
  ],
  [
    'ChannelMember join self, private channel',
    'joinChannel',
    async () => ({ channelId: await channel('private', ['alice'])() }),
    { alice: F, bob: N, dave: N },
  ],
  [
    'ChannelMember leave (remove self)',
    'leaveChannel',
    async () => ({ channelId: await channel('public', EVERYONE)() }),
    { anonymous: U, gina: N, admin: N, dave: A, bob: A, alice: A, bot: F, 'bot+channels': A },
  ],
  [
    'ChannelMember add carol, public channel of dave and the bot',
    'addChannelMember',
    async () => ({ channelId: await channel('public', ['dave', 'bot'])(), userId: userGid('carol') }),
    { anonymous: U, gina: N, admin: N, dave: A, bob: A, alice: A, bot: F, 'bot+channels': A, carol: F },
  ],
  [
    'ChannelMember add carol, private channel',
    'addChannelMember',
    async () => ({ channelId: await channel('private', ['alice', 'dave'])(), userId: userGid('carol') }),
    { dave: A, alice: A, bob: N },
  ],
  [
    'ChannelMember add someone outside the organization',
    'addChannelMember',
    async () => ({ channelId: await channel('public', ['dave'])(), userId: userGid('judit') }),
    { dave: F, alice: F },
  ],
  [
    'ChannelMember remove carol, public channel',
    'removeChannelMember',
    async () => ({ channelId: await channel('public', ['carol', 'dave', 'bot'])(), userId: userGid('carol') }),
    { anonymous: U, gina: N, admin: N, dave: F, bob: A, alice: A, bot: F, 'bot+channels': F, carol: A },
  ],
  [
    'ChannelMember remove carol, private channel',
    'removeChannelMember',
    async () => ({ channelId: await channel('private', ['alice', 'carol', 'dave'])(), userId: userGid('carol') }),
    { dave: F, alice: A, carol: A, bob: N },
  ],
  [
    'ChannelMember own preferences',
    'updateChannelPreferences',
    async () => ({ channelId: await channel('public', EVERYONE)(), isMuted: true }),
    { anonymous: U, gina: N, admin: N, dave: A, bob: A, alice: A, bot: F, 'bot+channels': A },
  ],
  [
    'ChannelMember own preferences, private channel',
    'updateChannelPreferences',
    async () => ({ channelId: await channel('private', ['alice', 'dave'])(), isFavorite: true }),
    { dave: A, bob: N },
  ],
  [
    'ChannelMember preferences in a public channel one is not in',
    'updateChannelPreferences',
    async () => ({ channelId: await channel('public', ['alice'])(), isHidden: true }),
    { dave: N, bob: N },
  ],
];

const cases = MATRIX.flatMap(([rule, mutation, setup, expectations]) =>
  Object.entries(expectations).map(([actor, expected]) => [rule, actor as Actor, expected, mutation, setup] as const),
);

describe('channel writes: entity × action × actor', () => {
  it.each(cases)('%s: %s → %s', async (_rule, actor, expected, mutation, setup) => {
    const input = await setup();
    const scopes = BOT_SCOPES[actor];
    if (scopes) await setBotScopes(suite.gateway, scopes);
    try {
      const headers = await suite.as(scopes ? 'bot' : (actor as DemoUser | 'anonymous'));
      const outcome = await runMutation(suite.gateway, headers, mutation, input);
      expectNoLeak(outcome);
      expect(verdict(outcome)).toBe(expected);
    } finally {
      if (scopes) await setBotScopes(suite.gateway, BOT_SCOPES.bot!);
    }
  });
});
