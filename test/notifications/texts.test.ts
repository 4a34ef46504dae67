import { describe, expect, it } from 'vitest';
import { demoUsers, globalId } from '../policies.js';
import { headersFor } from '../sign-in.js';
import { CHANNEL, GLOBEX, MEMBER, useNotificationGateway } from './helpers.js';

// Titles and bodies come from the `notifications` translation namespace, in the recipient's locale
// (then its base language, the organization's default, the platform default), with en always
// stored for the CHECK every localized column has.
describe('notification texts', () => {
  const t = useNotificationGateway();
  const latestOf = (user: keyof typeof demoUsers) =>
    t.run(user, `{ viewer { notifications(first: 1) { nodes { type title titleLocale body bodyLocale titleTranslations } } } }`, {});

  it('in the recipient locale: hu for a Hungarian reader, whatever the request asks', async () => {
    await t.send('istvan', CHANNEL.altalanos, 'Szia @Horváth Hanna!');
    const response = await t.gateway().execute(
      `{ viewer { notifications(first: 1) { nodes { type title titleLocale body titleTranslations } } } }`,
      {},
      { ...(await headersFor(t.gateway(), 'hanna')), 'accept-language': 'en' },
    );
    expect(response.data.viewer.notifications.nodes[0]).toEqual({
      type: 'mention',
      title: 'Kovács István megemlített téged',
      titleLocale: 'hu',
      body: '#altalanos csatorna, Globex Kft.',
      titleTranslations: { hu: 'Kovács István megemlített téged', en: 'Kovács István mentioned you' },
    });
  });

  it('falls back along the chain: de where translated, else the organization default, else en', async () => {
    await t.send('bob', CHANNEL.general, '@Carol Schmidt @Dave Davis');
    const carol = (await latestOf('carol')).data.viewer.notifications.nodes[0];
    // carol reads German: the title is translated, the body is not (acme's default is en).
    expect(carol).toMatchObject({ title: 'Bob Baker hat Sie erwähnt', titleLocale: 'de', body: 'In #general, Acme Corporation', bodyLocale: 'en' });
    expect(carol.titleTranslations).toEqual({ de: 'Bob Baker hat Sie erwähnt', en: 'Bob Baker mentioned you' });
    const dave = (await latestOf('dave')).data.viewer.notifications.nodes[0];
    expect(dave).toMatchObject({ title: 'Bob Baker mentioned you', titleLocale: 'en', titleTranslations: { en: 'Bob Baker mentioned you' } });
  });

  it('localized placeholders (the role) are in the text language; a user without a locale reads the organization default', async () => {
    await t.act('hanna', 'changeOrganizationMemberRole', 'ChangeOrganizationMemberRoleInput', { memberId: globalId('OrganizationMember', MEMBER.juditInGlobex), role: 'ADMIN' }, 'OrganizationMemberPayload');
    const [judit] = await t.rows();
    expect(judit!.title).toEqual({ hu: 'Megváltozott a szerepköröd itt: Globex Kft.', en: 'Your role in Globex Kft. changed' });
    expect(judit!.body).toEqual({ hu: 'Horváth Hanna módosította a szerepkörödet: adminisztrátor', en: 'Horváth Hanna made you admin' });
    await t.sql('delete from platform.notifications');
    await t.sql(`update auth.users set locale = null where id = '${demoUsers.dave}'`);
    try {
      await t.act('hanna', 'addOrganizationMember', 'AddOrganizationMemberInput', { organizationId: globalId('Organization', GLOBEX), userId: globalId('User', demoUsers.dave) }, 'OrganizationMemberPayload');
      expect((await t.rows())[0]!.body).toEqual({ hu: 'Horváth Hanna felvett, szerepköröd: tag', en: 'Horváth Hanna added you as member' });
    } finally {
      await t.sql(`update auth.users set locale = 'en' where id = '${demoUsers.dave}'`);
    }
  });

  it('with Hungarian as the platform default, a notification stores the hu text (what every localized column needs) and the message is sent', async () => {
    const makeDefault = (code: string) => t.sql(`begin; update platform.locales set is_default = false where is_default; update platform.locales set is_default = true where code = '${code}'; commit`);
    await makeDefault('hu');
    try {
      await t.send('bob', CHANNEL.general, '@Dave Davis');
      const [dave] = await t.rows();
      expect(dave!.title).toEqual({ hu: 'Bob Baker megemlített téged', en: 'Bob Baker mentioned you' });
    } finally {
      await makeDefault('en');
    }
  });

  it('a placeholder inside a name stays as written; a text without any translation is its key', async () => {
    await t.sql(`update auth.users set display_name = 'Bob {channel}' where id = '${demoUsers.bob}'`);
    await t.sql(`delete from platform.translations where namespace = 'notifications' and key = 'mention.body'`);
    try {
      await t.send('bob', CHANNEL.general, '@Dave Davis');
      const [dave] = await t.rows();
      expect(dave!.title).toEqual({ en: 'Bob {channel} mentioned you' });
      expect(dave!.body).toEqual({ en: 'notifications.mention.body' });
    } finally {
      await t.sql(`update auth.users set display_name = 'Bob Baker' where id = '${demoUsers.bob}'`);
    }
  });
});
