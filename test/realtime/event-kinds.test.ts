import { beforeAll, describe, expect, it } from 'vitest';
import { topics } from '../../src/realtime/index.js';
import { CHANNEL, channelGid, channelId } from '../mutations/message-helpers.js';
import { demoId, demoUsers, type DemoUser } from '../policies.js';
import { MODES, globalId, useLiveGateway, waitFor, type LiveGateway } from './harness.js';

/** Every kind of event of every subscription field, written through the API (and SQL where no mutation exists). */

const acme = demoId(20, 1);
const acmeGid = globalId('Organization', acme);
const getGateway = useLiveGateway();
let gateway: LiveGateway;
let run: (user: DemoUser, mutation: string, input: Record<string, unknown>, select?: string) => Promise<any>;

beforeAll(() => {
  gateway = getGateway();
  const sessions = new Map<DemoUser, Promise<Record<string, string>>>();
  // `mutation` is "name:InputType"; `select` picks fields of the payload type.
  run = async (user, mutation, input, select = '') => {
    if (!sessions.has(user)) sessions.set(user, gateway.headersFor(user));
    const [name, inputType] = mutation.split(':') as [string, string];
    const text = `mutation ($input: ${inputType}!) { result: ${name}(input: $input) { __typename ... on Error { errorMessage: message } ${select} } }`;
    const response = await gateway.execute(text, { input }, await sessions.get(user)!);
    if (!response.data?.result) throw new Error(`${name}: ${JSON.stringify(response)}`);
    return response.data.result;
  };
});

const kinds = (results: { data?: any }[], field: string) => results.map((result) => result.data?.[field]?.kind);

describe.each(MODES)('event kinds (%s mode)', (mode) => {
  it('channel events: created, edited, pinned, reactions added and removed, unpinned', async () => {
    const query = `subscription ($channel: ID!) { channelEvents(channel: $channel) {
      kind messageId message { content pinnedAt } reaction { emoji user { displayName } } } }`;
    const bob = await gateway.subscribe(mode, 'bob', query, { channel: channelGid(CHANNEL.general) }, topics.channel(channelId(CHANNEL.general)));
    const sent = await run('alice', 'sendMessage:SendMessageInput', { channelId: channelGid(CHANNEL.general), content: 'first draft' }, '... on MessagePayload { chatMessage { id } }');
    const id = sent.chatMessage.id as string;
    await run('alice', 'editMessage:EditMessageInput', { id, content: 'second draft' });
    await run('alice', 'pinMessage:MessageIdInput', { id });
    await run('bob', 'addReaction:ReactionInput', { messageId: id, emoji: '🎉' });
    await run('bob', 'removeReaction:ReactionInput', { messageId: id, emoji: '🎉' });
    await run('alice', 'unpinMessage:MessageIdInput', { id });

    await bob.result(5);
    expect(kinds(bob.results, 'channelEvents')).toEqual([
      'MESSAGE_CREATED',
      'MESSAGE_EDITED',
      'MESSAGE_PINNED',
      'REACTION_ADDED',
      'REACTION_REMOVED',
      'MESSAGE_UNPINNED',
    ]);
    const events = bob.data('channelEvents');
    expect(events.every((event) => event.messageId === id)).toBe(true);
    // Each event is resolved when it is delivered: the edit shows the new text.
    expect(events[1].message.content).toBe('second draft');
    expect(events[3].reaction).toEqual({ emoji: '🎉', user: { displayName: expect.any(String) } });
    expect(events[4].reaction.emoji).toBe('🎉');
    bob.close();
  });

  it('organization events: channels (only those the subscriber sees) and members', async () => {
    const query = `subscription ($organization: ID!) { organizationEvents(organization: $organization) {
      kind channelId channel { name } member { role user { displayName } } } }`;
    const dave = await gateway.subscribe(mode, 'dave', query, { organization: acmeGid }, topics.organization(acme));
    const created = await run('alice', 'createChannel:CreateChannelInput', { organizationId: acmeGid, name: `rt-public-${mode}` }, '... on ChannelPayload { channel { id } }');
    await run('alice', 'createChannel:CreateChannelInput', { organizationId: acmeGid, name: `rt-private-${mode}`, isPrivate: true });
    await run('alice', 'updateChannel:UpdateChannelInput', { id: created.channel.id, name: `rt-renamed-${mode}` });
    await run('alice', 'deleteChannel:DeleteChannelInput', { id: created.channel.id });
    const joined = await run('gina', 'joinOrganization:JoinOrganizationInput', { organizationId: acmeGid }, '... on OrganizationMemberPayload { member { id } }');
    await run('alice', 'changeOrganizationMemberRole:ChangeOrganizationMemberRoleInput', { memberId: joined.member.id, role: 'ADMIN' });
    await run('gina', 'leaveOrganization:LeaveOrganizationInput', { organizationId: acmeGid });

    await dave.result(5).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(dave.results)}`);
    });
    // The private channel is news to its members only: dave never hears of it.
    expect(kinds(dave.results, 'organizationEvents')).toEqual([
      'CHANNEL_CREATED',
      'CHANNEL_UPDATED',
      'CHANNEL_DELETED',
      'MEMBER_JOINED',
      'MEMBER_ROLE_CHANGED',
      'MEMBER_LEFT',
    ]);
    const events = dave.data('organizationEvents');
    expect(events[0].channel.name).toBe(`rt-public-${mode}`);
    expect(events[1].channel.name).toBe(`rt-renamed-${mode}`);
    expect(events[2]).toMatchObject({ channelId: created.channel.id, channel: null });
    expect(events[3].member).toMatchObject({ role: 'MEMBER', user: { displayName: expect.stringContaining('Gina') } });
    expect(events[4].member.role).toBe('ADMIN');
    dave.close();
  });

  it("notification events: the viewer's own, created, read and deleted", async () => {
    const query = 'subscription { notificationEvents { kind notificationId notification { title isRead } } }';
    const bob = await gateway.subscribe(mode, 'bob', query, {}, topics.user(demoUsers.bob));
    const insert = (user: string, title: string) =>
      gateway.handle.exec(`insert into platform.notifications (user_id, type, title) values ('${user}', 'mention', '{"en": "${title}"}')`);
    await insert(demoUsers.carol, `for carol (${mode})`);
    await insert(demoUsers.bob, `for bob (${mode})`);
    const created = (await bob.result(0)).data!.notificationEvents;
    expect(created).toMatchObject({ kind: 'CREATED', notification: { title: `for bob (${mode})`, isRead: false } });
    await run('bob', 'markNotificationRead:NotificationInput', { id: created.notificationId });
    expect((await bob.result(1)).data!.notificationEvents).toMatchObject({ kind: 'UPDATED', notification: { isRead: true } });
    await gateway.handle.exec(`delete from platform.notifications where user_id = '${demoUsers.bob}' and title ->> 'en' = 'for bob (${mode})'`);
    expect((await bob.result(2)).data!.notificationEvents).toEqual({ kind: 'DELETED', notificationId: created.notificationId, notification: null });
    expect(JSON.stringify(bob.results)).not.toContain('for carol');
    bob.close();
  });

  it('typing indicators: published by setTyping to the others, nothing stored, refused where the viewer may not post', async () => {
    const query = 'subscription ($channel: ID!) { typingIndicators(channel: $channel) { userId isTyping user { displayName } } }';
    const topic = topics.typing(channelId(CHANNEL.general));
    const bob = await gateway.subscribe(mode, 'bob', query, { channel: channelGid(CHANNEL.general) }, topic);
    const carol = await gateway.subscribe(mode, 'carol', query, { channel: channelGid(CHANNEL.general) }, topic);
    expect((await run('carol', 'setTyping:SetTypingInput', { channelId: channelGid(CHANNEL.general) })).__typename).toBe('SetTypingPayload');
    await run('carol', 'setTyping:SetTypingInput', { channelId: channelGid(CHANNEL.general), isTyping: false });
    expect((await run('bob', 'setTyping:SetTypingInput', { channelId: channelGid(CHANNEL.design) })).__typename).toBe('NotFoundError');
    expect((await run('gina', 'setTyping:SetTypingInput', { channelId: channelGid(CHANNEL.general) })).__typename).toBe('NotFoundError');

    await bob.result(1);
    expect(bob.data('typingIndicators')).toEqual([
      { userId: globalId('User', demoUsers.carol), isTyping: true, user: { displayName: expect.any(String) } },
      { userId: globalId('User', demoUsers.carol), isTyping: false, user: { displayName: expect.any(String) } },
    ]);
    // Her own typing is not echoed back to carol.
    await waitFor(() => gateway.realtime.hub.stats().pending === 0, 'the events to be judged');
    expect(carol.results).toEqual([]);
    bob.close();
    carol.close();
  });
});
