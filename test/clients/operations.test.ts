import { print, type DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import * as documents from '../../clients/generated/graphql.js';
import { topics } from '../../src/realtime/index.js';
import { CHANNEL, channelGid, channelId, MESSAGE, messageGid } from '../mutations/message-helpers.js';
import { demoId, demoUsers, globalId } from '../policies.js';
import { useLiveGateway, type LiveGateway } from '../realtime/harness.js';

/**
 * Every operation of clients/operations, as codegen printed it (with __typename everywhere), runs
 * against a live gateway without errors; the subscriptions other than ChannelEvents (which the
 * example clients' tests cover) deliver an event over graphql-sse.
 */

const ACME = globalId('Organization', demoId(20, 1));
const GENERAL = channelGid(CHANNEL.general);
const text = (document: DocumentNode) => print(document);

const getGateway = useLiveGateway();
let gateway: LiveGateway;
let bob: Record<string, string>;
beforeAll(async () => {
  gateway = getGateway();
  bob = await gateway.headersFor('bob');
});

async function run(document: DocumentNode, variables: Record<string, unknown> = {}, headers = bob) {
  const response = await gateway.execute(text(document), variables, headers);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data;
}

describe('the operations of clients/operations', () => {
  it('reads: Viewer, Workspace, OrganizationMembers, ChannelPage (two pages), Notifications', async () => {
    expect((await run(documents.ViewerDocument)).viewer.id).toBe(globalId('User', demoUsers.bob));
    expect((await run(documents.WorkspaceDocument)).organizations.nodes.map((organization: { slug: string }) => organization.slug)).toContain('acme');
    expect((await run(documents.OrganizationMembersDocument, { slug: 'acme', first: 2 })).organization.members.nodes).toHaveLength(2);
    const first = (await run(documents.ChannelPageDocument, { id: GENERAL, first: 2 })).channel.messages;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await run(documents.ChannelPageDocument, { id: GENERAL, first: 2, after: first.pageInfo.endCursor })).channel.messages;
    expect(second.edges[0].node.id).not.toBe(first.edges[1].node.id);
    expect(new Date(second.edges[0].node.createdAt) <= new Date(first.edges[1].node.createdAt)).toBe(true);
    expect((await run(documents.NotificationsDocument, { unread: true })).viewer.notifications.nodes.every((notification: { isRead: boolean }) => !notification.isRead)).toBe(true);
  });

  it('message writes: send, edit, react, unreact, delete, typing', async () => {
    const sent = (await run(documents.SendMessageDocument, { input: { channelId: GENERAL, content: 'draft', replyToId: messageGid(MESSAGE.welcome) } })).sendMessage;
    expect(sent).toMatchObject({ __typename: 'MessagePayload', chatMessage: { content: 'draft', replyTo: { id: messageGid(MESSAGE.welcome) } } });
    const id = sent.chatMessage.id as string;
    expect((await run(documents.EditMessageDocument, { input: { id, content: 'final' } })).editMessage.chatMessage).toMatchObject({ content: 'final', editedAt: expect.any(String) });
    expect((await run(documents.AddReactionDocument, { input: { messageId: id, emoji: '👍' } })).addReaction.chatMessage.reactionCount).toBe(1);
    expect((await run(documents.RemoveReactionDocument, { input: { messageId: id, emoji: '👍' } })).removeReaction.chatMessage.reactionCount).toBe(0);
    expect((await run(documents.DeleteMessageDocument, { input: { id } })).deleteMessage.chatMessage).toMatchObject({ isDeleted: true, content: null });
    expect((await run(documents.SetTypingDocument, { input: { channelId: GENERAL } })).setTyping.__typename).toBe('SetTypingPayload');
  });

  it('desktop: Desktop, then UpdateDesktopConfiguration read back', async () => {
    const desktop = await run(documents.DesktopDocument);
    expect(desktop.viewer.desktopConfiguration).toMatchObject({ pinnedApps: ['chat', 'files'], themePreset: null });
    expect(desktop.defaultThemePreset.key).toBe('light');
    const dark = desktop.themePresets.nodes.find((preset: { key: string }) => preset.key === 'dark');
    const updated = (await run(documents.UpdateDesktopConfigurationDocument, { input: { themePresetId: dark.id, pinnedApps: ['files'] } })).updateDesktopConfiguration;
    expect(updated).toMatchObject({ __typename: 'DesktopConfigurationPayload', desktopConfiguration: { pinnedApps: ['files'], themePreset: { key: 'dark' } } });
  });

  it('notifications: one marked read, then all', async () => {
    await gateway.handle.exec(`insert into platform.notifications (user_id, type, title) values ('${demoUsers.bob}', 'mention', '{"en": "one"}'), ('${demoUsers.bob}', 'mention', '{"en": "two"}')`);
    const unread = (await run(documents.NotificationsDocument, { unread: true })).viewer.notifications.nodes;
    expect(unread.length).toBeGreaterThanOrEqual(2);
    expect((await run(documents.MarkNotificationReadDocument, { input: { id: unread[0].id } })).markNotificationRead.notification).toMatchObject({ isRead: true });
    expect((await run(documents.MarkAllNotificationsReadDocument, {})).markAllNotificationsRead.count).toBe(unread.length - 1);
  });

  it('SignOut ends the session it is sent with', async () => {
    const carol = await gateway.headersFor('carol');
    expect((await run(documents.SignOutDocument, {}, carol)).signOut).toEqual({ __typename: 'SignOutPayload', revokedSessionCount: 1 });
    expect((await gateway.execute(text(documents.ViewerDocument), {}, carol)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('OrganizationEvents, NotificationEvents and TypingIndicators deliver an event', async () => {
    const organization = await gateway.subscribe('distinct', 'dave', text(documents.OrganizationEventsDocument), { organization: ACME }, topics.organization(demoId(20, 1)));
    const notifications = await gateway.subscribe('single', 'bob', text(documents.NotificationEventsDocument), {}, topics.user(demoUsers.bob));
    const typing = await gateway.subscribe('distinct', 'bob', text(documents.TypingIndicatorsDocument), { channel: GENERAL }, topics.typing(channelId(CHANNEL.general)));
    await gateway.execute(text(documents.SetTypingDocument), { input: { channelId: GENERAL } }, await gateway.headersFor('carol'));
    await gateway.handle.exec(`insert into platform.notifications (user_id, type, title) values ('${demoUsers.bob}', 'mention', '{"en": "three"}')`);
    await gateway.execute('mutation ($input: JoinOrganizationInput!) { joinOrganization(input: $input) { __typename } }', { input: { organizationId: ACME } }, await gateway.headersFor('gina'));
    expect((await typing.result(0)).data?.typingIndicators).toMatchObject({ isTyping: true, user: { id: globalId('User', demoUsers.carol) } });
    expect((await notifications.result(0)).data?.notificationEvents).toMatchObject({ kind: 'CREATED', notification: { title: 'three' } });
    expect((await organization.result(0)).data?.organizationEvents).toMatchObject({ kind: 'MEMBER_JOINED', member: { role: 'MEMBER' } });
    organization.close();
    notifications.close();
    typing.close();
  });
});
