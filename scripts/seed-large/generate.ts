import { SHAPE_TARGETS } from '../bench/fixtures.js';
import { createRandom, weightedPicker, type Random } from './random.js';
import { ColumnTable } from './table.js';
import { CHANNEL_TOPICS, COMPANY_WORDS, EMOJI, FIRST_NAMES, LAST_NAMES, LOCALES, TIMEZONES, WORDS } from './words.js';

/** Volumes at scale 1; every one grows linearly with --scale. */
export const PER_SCALE = { organizations: 20, users: 2_000, channelsPerOrganization: 20, messages: 200_000 } as const;

/** Everything is dated relative to this instant, never to now(), so two runs give equal rows. */
const START = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const MESSAGE_SPAN = 365 * DAY;

export interface LargeDataset {
  users: ColumnTable;
  organizations: ColumnTable;
  organizationMembers: ColumnTable;
  channels: ColumnTable;
  channelMembers: ColumnTable;
  messages: ColumnTable;
  reactions: ColumnTable;
}

interface Organization {
  id: string;
  ownerIndex: number;
  members: number[];
}

interface Channel {
  id: string;
  members: number[];
  /** Ids of this channel's messages so far, oldest first (replies point back into it). */
  messageIds: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Builds the whole data set in memory, deterministically from `seed`. */
export function generateDataset(scale: number, seed: number): LargeDataset {
  const random = createRandom(seed);
  const users = generateUsers(random, PER_SCALE.users * scale);
  const { organizations, organizationMembers, orgs } = generateOrganizations(random, PER_SCALE.organizations * scale, users.ids);
  const { channels, channelMembers, list } = generateChannels(random, orgs, users.ids);
  const { messages, reactions } = generateMessages(random, PER_SCALE.messages * scale, list, users.ids);
  return { users: users.table, organizations, organizationMembers, channels, channelMembers, messages, reactions };
}

function generateUsers(random: Random, count: number) {
  const table = new ColumnTable('auth.users', {
    id: 'uuid', email: 'text', display_name: 'text', first_name: 'text', last_name: 'text',
    locale: 'varchar', timezone: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
  });
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = random.uuid();
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const created = iso(START - random.int(30, 700) * DAY);
    table.add(id, `user${pad(i, 5)}@bench.example.com`, `${first} ${last}`, first, last, random.pick(LOCALES), random.pick(TIMEZONES), created, created);
    ids.push(id);
  }
  return { table, ids };
}

/** Organizations of skewed sizes: each user has a home organization, a quarter of them a second one. */
function generateOrganizations(random: Random, count: number, userIds: string[]) {
  const organizations = new ColumnTable('chat.organizations', {
    id: 'uuid', slug: 'text', name: 'text', is_public: 'bool', default_locale: 'varchar', created_at: 'timestamptz', updated_at: 'timestamptz',
  });
  const organizationMembers = new ColumnTable('chat.organization_members', {
    id: 'uuid', organization_id: 'uuid', user_id: 'uuid', role: 'chat.organization_role', joined_at: 'timestamptz',
  });
  const orgs: Organization[] = [];
  for (let i = 1; i <= count; i++) {
    const id = random.uuid();
    const name = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_WORDS)} ${pad(i, 3)}`;
    const created = iso(START - random.int(60, 900) * DAY);
    organizations.add(id, `bench-org-${pad(i, 3)}`, name, random.chance(0.3), random.chance(0.2) ? 'hu' : 'en', created, created);
    orgs.push({ id, ownerIndex: -1, members: [] });
  }
  const homeOf = weightedPicker(orgs.map((_, rank) => 1 / (rank + 1) ** 0.7), random);
  userIds.forEach((_, userIndex) => {
    const home = homeOf();
    orgs[home]!.members.push(userIndex);
    const second = random.int(0, orgs.length - 1);
    if (second !== home && random.chance(0.25)) orgs[second]!.members.push(userIndex);
  });
  for (const org of orgs) {
    org.ownerIndex = org.members[0]!;
    org.members.forEach((userIndex, position) => {
      const role = position === 0 ? 'owner' : position <= 3 ? 'admin' : 'member';
      organizationMembers.add(random.uuid(), org.id, userIds[userIndex], role, iso(START - random.int(1, 59) * DAY));
    });
  }
  return { organizations, organizationMembers, orgs };
}

type ChannelKind = 'public' | 'private' | 'direct';

/** Per organization: #general with everyone, public topic channels, a few private ones and direct messages. */
function channelKinds(count: number): ChannelKind[] {
  const direct = Math.max(1, Math.round(count / 10));
  const privateCount = Math.max(1, Math.round(count / 5));
  return Array.from({ length: count }, (_, i) => (i < count - direct - privateCount ? 'public' : i < count - direct ? 'private' : 'direct'));
}

function channelMembersFor(random: Random, kind: ChannelKind, position: number, org: Organization): number[] {
  if (position === 0) return [...org.members]; // #general
  if (kind === 'direct') return random.sample(org.members, 2);
  if (kind === 'private') return random.sample(org.members, random.int(3, 12));
  const share = 0.15 + random.next() * 0.45;
  const members = org.members.filter(() => random.chance(share));
  return members.length >= 2 ? members : random.sample(org.members, 2);
}

function generateChannels(random: Random, orgs: Organization[], userIds: string[]) {
  const channels = new ColumnTable('chat.channels', {
    id: 'uuid', organization_id: 'uuid', type: 'chat.channel_type', name: 'text', topic: 'text', created_by: 'uuid',
    created_at: 'timestamptz', updated_at: 'timestamptz',
  });
  const channelMembers = new ColumnTable('chat.channel_members', { id: 'uuid', channel_id: 'uuid', user_id: 'uuid', joined_at: 'timestamptz' });
  const list: Channel[] = [];
  const add = (org: Organization, kind: ChannelKind, name: string, members: number[]) => {
    const id = random.uuid();
    const created = iso(START - random.int(1, 50) * DAY);
    channels.add(id, org.id, kind, name, kind === 'public' ? `All about ${name}` : null, userIds[org.ownerIndex], created, created);
    for (const userIndex of members) channelMembers.add(random.uuid(), id, userIds[userIndex], created);
    list.push({ id, members, messageIds: [] });
  };
  for (const org of orgs) {
    const topics = ['general', ...random.sample(CHANNEL_TOPICS, PER_SCALE.channelsPerOrganization - 1)];
    channelKinds(PER_SCALE.channelsPerOrganization).forEach((kind, position) => {
      const members = channelMembersFor(random, kind, position, org);
      const name = kind === 'direct' ? `dm-${members.map((m) => pad(m + 1, 5)).join('-')}` : topics[position]!;
      add(org, kind, name, members);
    });
  }
  // Shape m (sending a message) posts here; it is not in `list`, so the generated messages never land in it.
  const lastOrg = orgs[orgs.length - 1]!;
  const sandbox = list.length;
  add(lastOrg, 'public', SHAPE_TARGETS.sandboxChannelName, [lastOrg.ownerIndex]);
  list.splice(sandbox, 1);
  return { channels, channelMembers, list };
}

/** A sentence of 4..20 words from a small vocabulary. */
function sentence(random: Random): string {
  const words = Array.from({ length: random.int(4, 20) }, () => random.pick(WORDS));
  return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
}

/** 1..3 reactions from distinct members, each with one emoji. */
function addReactions(random: Random, reactions: ColumnTable, messageId: string, channel: Channel, userIds: string[], at: number) {
  const reactors = new Set<number>();
  const wanted = Math.min(channel.members.length, random.int(1, 3));
  for (let tries = 0; reactors.size < wanted && tries < 10; tries++) reactors.add(random.pick(channel.members));
  for (const userIndex of reactors) reactions.add(messageId, userIds[userIndex], random.pick(EMOJI), iso(at + random.int(1, 3_600_000)));
}

/**
 * Messages skewed across channels (Zipf weights over a shuffled channel order). Each message
 * gets a distinct timestamp, so "newest first" has no ties; replies point to recent messages.
 */
function generateMessages(random: Random, count: number, list: Channel[], userIds: string[]) {
  const messages = new ColumnTable('chat.messages', {
    id: 'uuid', channel_id: 'uuid', author_id: 'uuid', content: 'text', reply_to_message_id: 'uuid',
    created_at: 'timestamptz', edited_at: 'timestamptz', deleted_at: 'timestamptz',
  });
  const reactions = new ColumnTable('chat.message_reactions', { message_id: 'uuid', user_id: 'uuid', emoji: 'varchar', created_at: 'timestamptz' });
  const ranks = random.sample(list.map((_, i) => i), list.length);
  const weights = new Array<number>(list.length);
  ranks.forEach((channelIndex, rank) => (weights[channelIndex] = 1 / (rank + 1)));
  const pickChannel = weightedPicker(weights, random);
  const step = Math.floor(MESSAGE_SPAN / count);
  for (let i = 0; i < count; i++) {
    const channel = list[pickChannel()]!;
    const id = random.uuid();
    const at = START + i * step + random.int(0, step - 1);
    const earlier = channel.messageIds;
    const replyTo = earlier.length > 0 && random.chance(0.08) ? earlier[earlier.length - 1 - random.int(0, Math.min(49, earlier.length - 1))] : null;
    const edited = random.chance(0.02) ? iso(at + 300_000) : null;
    const deleted = random.chance(0.005) ? iso(at + 600_000) : null;
    messages.add(id, channel.id, userIds[random.pick(channel.members)], sentence(random), replyTo, iso(at), edited, deleted);
    earlier.push(id);
    if (random.chance(0.15)) addReactions(random, reactions, id, channel, userIds, at);
  }
  return { messages, reactions };
}
