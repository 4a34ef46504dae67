import { describe, expect, it } from 'vitest';
import { demoUsers, globalId } from '../policies.js';
import { ACME, CHANNEL, GLOBEX, MEMBER, message, useNotificationGateway } from './helpers.js';

// Who gets a notification and who does not, kind by kind (README, "Notifications"). The rows are
// written by triggers, so some writes here go through the API and some are plain SQL.
describe('notifications created by the database', () => {
  const t = useNotificationGateway();

  describe('mentions', () => {
    it('notify each mentioned member who can read the message, once, never the author', async () => {
      await t.send('bob', CHANNEL.general, 'Hi @Carol Schmidt and @dave davis! (@Bob Baker, @Nobody, mail@Alice Anderson.io)');
      expect(await t.recipients()).toEqual({ carol: ['mention'], dave: ['mention'] });
      const [carol] = await t.rows();
      expect(carol).toMatchObject({
        organization_id: ACME,
        resource_type: 'message',
        data: { actorId: demoUsers.bob, channelId: CHANNEL.general },
      });
    });

    it('not for a mentioned user who may not read the channel (private, another organization, no organization)', async () => {
      // #design is private to alice, carol and dave: bob is an admin of acme but not in it.
      await t.send('carol', CHANNEL.design, 'Ping @Bob Baker, @Nagy Judit, @Gina Guest and @Dave Davis');
      expect(await t.recipients()).toEqual({ dave: ['mention'] });
    });

    it('not in a channel the recipient muted', async () => {
      await t.send('bob', CHANNEL.random, '@Alice Anderson @Dave Davis lunch?'); // alice muted #random
      expect(await t.recipients()).toEqual({ dave: ['mention'] });
    });

    it('not for a kind the recipient switched off in settings.notifications, nor for any with "all": false', async () => {
      await t.act('dave', 'updateProfile', 'UpdateProfileInput', { settings: { notifications: { mention: false } } }, 'UserPayload');
      await t.act('carol', 'updateProfile', 'UpdateProfileInput', { settings: { notifications: { all: false } } }, 'UserPayload');
      await t.send('bob', CHANNEL.general, '@Dave Davis @Carol Schmidt @Alice Anderson');
      expect(await t.recipients()).toEqual({ alice: ['mention'] });
      // A reply to dave that mentions him: the reply, which he did not switch off, is what he gets.
      await t.sql('delete from platform.notifications');
      await t.send('bob', CHANNEL.general, 'Right, @Dave Davis', { replyToId: globalId('Message', message(3)) });
      expect(await t.recipients()).toEqual({ dave: ['reply'] });
      await t.act('dave', 'updateProfile', 'UpdateProfileInput', { settings: { notifications: null } }, 'UserPayload');
      await t.act('carol', 'updateProfile', 'UpdateProfileInput', { settings: { notifications: null } }, 'UserPayload');
    });

    it('a mention entity among the embeds (a User ID or uuid) mentions as the text does', async () => {
      const embeds = [{ type: 'mention', userId: globalId('User', demoUsers.carol) }, { type: 'mention', userId: demoUsers.dave }, { type: 'mention', userId: 'not an id' }];
      await t.send('bob', CHANNEL.general, 'Look at this', { embeds });
      expect(await t.recipients()).toEqual({ carol: ['mention'], dave: ['mention'] });
    });

    it('a mention anywhere in a long text is found; only the first 50 @ of a text are read', async () => {
      await t.send('bob', CHANNEL.general, `${'lorem ipsum '.repeat(320)}@carol schmidt.`);
      expect(await t.recipients()).toEqual({ carol: ['mention'] });
      await t.sql('delete from platform.notifications');
      await t.send('bob', CHANNEL.general, `${'@x '.repeat(50)}@Carol Schmidt`);
      expect(await t.recipients()).toEqual({});
    });

    it('not for bots (machine users) nor deleted users', async () => {
      await t.sql(`update auth.users set deleted_at = now() where id = '${demoUsers.dave}'`);
      try {
        await t.send('bob', CHANNEL.general, '@Helper Bot @Dave Davis @Carol Schmidt');
        expect(await t.recipients()).toEqual({ carol: ['mention'] });
      } finally {
        await t.sql(`update auth.users set deleted_at = null where id = '${demoUsers.dave}'`);
      }
    });
  });

  describe('replies and threads', () => {
    it('a reply notifies the author of the message replied to; a mention in it gives one notification, the mention', async () => {
      await t.send('bob', CHANNEL.general, 'Agreed', { replyToId: globalId('Message', message(3)) }); // coffee, by dave
      expect(await t.recipients()).toEqual({ dave: ['reply'] });
      await t.sql('delete from platform.notifications');
      await t.send('bob', CHANNEL.general, 'Agreed, @Dave Davis', { replyToId: globalId('Message', message(3)) });
      expect(await t.recipients()).toEqual({ dave: ['mention'] });
      await t.sql('delete from platform.notifications');
      await t.send('dave', CHANNEL.general, 'Replying to myself', { replyToId: globalId('Message', message(3)) });
      expect(await t.recipients()).toEqual({});
    });

    it("a message in a thread notifies its participants (starter, writers, followers), not its author", async () => {
      await t.send('carol', CHANNEL.q1Thread, 'Count me in');
      expect(await t.recipients()).toEqual({ alice: ['thread_reply'], bob: ['thread_reply'], dave: ['thread_reply'] });
      await t.sql('delete from platform.notifications');
      // Now carol took part too; muting the parent channel silences the thread for alice.
      await t.sql(`update chat.channel_members set is_muted = true where channel_id = '${CHANNEL.general}' and user_id = '${demoUsers.alice}'`);
      try {
        await t.send('dave', CHANNEL.q1Thread, 'Great');
        expect(await t.recipients()).toEqual({ bob: ['thread_reply'], carol: ['thread_reply'] });
      } finally {
        await t.sql(`update chat.channel_members set is_muted = false where channel_id = '${CHANNEL.general}' and user_id = '${demoUsers.alice}'`);
      }
    });
  });

  describe('direct messages', () => {
    it('notify the other participants, once even with a mention', async () => {
      await t.send('alice', CHANNEL.aliceCarol, 'Hi @Carol Schmidt, got a minute?');
      expect(await t.recipients()).toEqual({ carol: ['direct_message'] });
      const [row] = await t.rows();
      expect(row!.resource_id).toBeTruthy();
    });

    it('not when the recipient muted the conversation', async () => {
      await t.sql(`update chat.channel_members set is_muted = true where channel_id = '${CHANNEL.aliceCarol}' and user_id = '${demoUsers.carol}'`);
      try {
        await t.send('alice', CHANNEL.aliceCarol, 'Are you there?');
        expect(await t.recipients()).toEqual({});
      } finally {
        await t.sql(`update chat.channel_members set is_muted = false where channel_id = '${CHANNEL.aliceCarol}' and user_id = '${demoUsers.carol}'`);
      }
    });
  });

  describe('memberships', () => {
    it('being added to a channel by someone else, not joining it oneself', async () => {
      await t.act('alice', 'addChannelMember', 'AddChannelMemberInput', { channelId: globalId('Channel', CHANNEL.design), userId: globalId('User', demoUsers.bob) }, 'ChannelMemberPayload');
      await t.act('carol', 'joinChannel', 'JoinChannelInput', { channelId: globalId('Channel', CHANNEL.random) }, 'ChannelMemberPayload');
      expect(await t.recipients()).toEqual({ bob: ['channel_added'] });
      expect((await t.rows())[0]).toMatchObject({ resource_type: 'channel', resource_id: CHANNEL.design, data: { actorId: demoUsers.alice } });
      // Adding again changes nothing, so notifies nobody.
      await t.act('alice', 'addChannelMember', 'AddChannelMemberInput', { channelId: globalId('Channel', CHANNEL.design), userId: globalId('User', demoUsers.bob) }, 'ChannelMemberPayload');
      expect(await t.rows()).toHaveLength(1);
    });

    it('being added to an organization by someone else, not joining it oneself', async () => {
      await t.act('hanna', 'addOrganizationMember', 'AddOrganizationMemberInput', { organizationId: globalId('Organization', GLOBEX), userId: globalId('User', demoUsers.dave) }, 'OrganizationMemberPayload');
      await t.act('gina', 'joinOrganization', 'JoinOrganizationInput', { organizationId: globalId('Organization', ACME) }, 'OrganizationMemberPayload');
      expect(await t.recipients()).toEqual({ dave: ['organization_added'] });
      expect((await t.rows())[0]).toMatchObject({ organization_id: GLOBEX, resource_type: 'organization', resource_id: GLOBEX, data: { actorId: demoUsers.hanna, role: 'member' } });
    });

    it('a role changed by someone else, not by oneself; with SQL (no known actor) too', async () => {
      const change = (actor: 'alice' | 'bob', memberId: string, role: string) =>
        t.act(actor, 'changeOrganizationMemberRole', 'ChangeOrganizationMemberRoleInput', { memberId: globalId('OrganizationMember', memberId), role }, 'OrganizationMemberPayload');
      await change('alice', MEMBER.daveInAcme, 'ADMIN');
      await change('alice', MEMBER.bobInAcme, 'OWNER');
      await change('bob', MEMBER.bobInAcme, 'ADMIN'); // his own: no notification
      expect(await t.recipients()).toEqual({ bob: ['role_changed'], dave: ['role_changed'] });
      expect((await t.rows()).find((row) => row.user_id === demoUsers.dave)).toMatchObject({ data: { actorId: demoUsers.alice, role: 'admin', previousRole: 'member' } });
      await t.sql('delete from platform.notifications');
      await t.sql(`update chat.organization_members set role = 'member' where id = '${MEMBER.daveInAcme}'`);
      expect(await t.recipients()).toEqual({ dave: ['role_changed'] });
      expect((await t.rows())[0]!.data).not.toHaveProperty('actorId');
    });
  });

  describe('every writer', () => {
    it('a message inserted with SQL notifies like one sent through the API; a bulk load can switch it off', async () => {
      await t.sql(`insert into chat.messages (channel_id, author_id, content) values ('${CHANNEL.general}', '${demoUsers.bot}', 'Digest for @Carol Schmidt')`);
      expect(await t.recipients()).toEqual({ carol: ['mention'] });
      await t.sql('delete from platform.notifications');
      await t.gateway().handle.scriptTransaction(async (exec) => {
        await exec(`set local gateway.notifications = 'off'`);
        await exec(`insert into chat.messages (channel_id, author_id, content) values ('${CHANNEL.general}', '${demoUsers.bob}', 'Imported: @Carol Schmidt')`);
      });
      await t.gateway().handle.scriptTransaction(async (exec) => {
        await exec(`set local gateway.realtime = 'off'`);
        await exec(`insert into chat.messages (channel_id, author_id, content) values ('${CHANNEL.general}', '${demoUsers.bob}', 'Imported: @Carol Schmidt')`);
      });
      expect(await t.recipients()).toEqual({});
    });

    it('a rolled-back write leaves no notification', async () => {
      await expect(
        t.gateway().handle.scriptTransaction(async (exec) => {
          await exec(`insert into chat.messages (channel_id, author_id, content) values ('${CHANNEL.general}', '${demoUsers.bob}', '@Carol Schmidt')`);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await t.recipients()).toEqual({});
    });
  });

  it('settings.notifications is validated: an unknown kind or a non-boolean is a ValidationError', async () => {
    for (const notifications of [{ mentions: false }, { mention: 'no' }, ['mention'], 'off']) {
      const response = await t.run('dave', 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }', {
        input: { settings: { notifications } },
      });
      expect(response.data?.updateProfile).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['settings', 'notifications'] }] });
    }
  });
});
