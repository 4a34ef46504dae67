import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../src/db/seed/runner.js';
import { openTestDatabase, queryRows, type TestDatabase } from '../test/database.js';
import { fingerprint as fingerprintOf, type Fingerprint } from '../test/fingerprint.js';
import { seeds } from './config.js';

describe('demo seeds', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase({ prefix: 'seedtest' });
  }, 120_000);

  afterAll(async () => {
    await database?.cleanup();
  });

  const rows = <T = Record<string, unknown>>(sqlText: string) => queryRows<T>(database.handle, sqlText);
  const count = async (fromClause: string): Promise<number> => {
    const [row] = await rows<{ n: number }>(`select count(*)::int as n ${fromClause}`);
    return row!.n;
  };

  const fingerprint = () => fingerprintOf(database.handle);

  const counts = (print: Fingerprint) =>
    Object.fromEntries(Object.entries(print).map(([table, { count: rowCount }]) => [table, rowCount]));

  it('--only=messages on an empty database pulls in what messages depend on', async () => {
    const { ran } = await runSeeds(database.handle, { only: ['messages'], demo: true });
    expect(ran).toEqual(['locales', 'rbac', 'admin', 'users', 'organizations', 'channels', 'bots', 'messages']);
    expect(await count('from chat.messages')).toBeGreaterThanOrEqual(40);
    expect(await count('from platform.apps')).toBe(0);
    expect(await count('from platform.notifications')).toBe(0);
  });

  it('runs the full set, and a second run changes no row of any table', async () => {
    const { ran } = await runSeeds(database.handle, { demo: true });
    expect(ran).toEqual(seeds.map((seed) => seed.name));
    const first = await fingerprint();
    expect(Object.keys(first).length).toBeGreaterThanOrEqual(25);

    await runSeeds(database.handle, { demo: true });
    expect(await fingerprint()).toEqual(first);
  });

  it('gives the same row counts after a reset', async () => {
    const before = counts(await fingerprint());
    await runSeeds(database.handle, { reset: true, demo: true });
    expect(counts(await fingerprint())).toEqual(before);
  });

  it('makes the given email the first administrator only on a database without one, and keeps it', async () => {
    const adminEmails = async () => {
      const admins = await rows<{ email: string }>(
        `select u.email from auth.users u join auth.user_roles ur on ur.user_id = u.id
         join auth.roles r on r.id = ur.role_id where r.key = 'administrator'`,
      );
      return admins.map((admin) => admin.email);
    };

    await runSeeds(database.handle, { reset: true, only: ['users'], demo: true, adminEmail: 'root@corp.example', adminPassword: 'root-password-1' });
    expect(await adminEmails()).toEqual(['root@corp.example']);
    expect(await count(`from auth.users where email = 'admin@example.com'`)).toBe(0);

    // Without the variable, or with another email, the administrator stays who they are.
    await runSeeds(database.handle, { only: ['users'], demo: true });
    await runSeeds(database.handle, { only: ['users'], demo: true, adminEmail: 'other@corp.example' });
    expect(await adminEmails()).toEqual(['root@corp.example']);
    await runSeeds(database.handle, { reset: true, demo: true });
    expect(await adminEmails()).toEqual(['admin@example.com']);
  });

  it('refuses a demo data set without demo, and loads only the base sets by default', async () => {
    await expect(runSeeds(database.handle, { only: ['messages'] })).rejects.toThrow('Seed "users" is demo data');
    const { ran } = await runSeeds(database.handle, { reset: true });
    expect(ran).toEqual(seeds.filter((seed) => seed.kind !== 'demo').map((seed) => seed.name));
    expect(await count('from auth.users')).toBe(0);
    expect(await count('from chat.organizations')).toBe(0);
    expect(await count('from chat.bots')).toBe(0);
    expect(await count('from auth.permissions')).toBeGreaterThanOrEqual(15);
    expect(await rows(`select key from auth.groups where is_default`)).toEqual([{ key: 'everyone' }]);
    await runSeeds(database.handle, { reset: true, demo: true });
  });

  describe('holds at least what DOMAIN.md lists', () => {
    it('locales en, hu and de with en the only default', async () => {
      expect(await rows(`select code, is_default from platform.locales where is_active order by code`)).toEqual([
        { code: 'de', is_default: false },
        { code: 'en', is_default: true },
        { code: 'hu', is_default: false },
      ]);
    });

    it('the four system roles and groups, localized, de partial', async () => {
      const keys = async (table: string) => {
        const found = await rows<{ key: string }>(
          `select key from auth.${table} where is_system and name ? 'hu' order by key`,
        );
        return found.map((row) => row.key);
      };
      expect(await keys('roles')).toEqual(['administrator', 'guest', 'manager', 'user']);
      expect(await keys('groups')).toEqual(['administrators', 'everyone', 'guests', 'staff']);
      expect(await count(`from auth.roles where not name ? 'de'`)).toBeGreaterThan(0);
      expect(await count(`from auth.groups where not name ? 'de'`)).toBeGreaterThan(0);
    });

    it('the permission catalog, granted through roles and groups', async () => {
      const keys = (await rows<{ key: string }>(`select key from auth.permissions`)).map((row) => row.key);
      const expected = ['users.users.view', 'users.users.update', 'users.permissions.view', 'users.permissions.assign'];
      for (const entity of ['roles', 'groups']) {
        expected.push(...['view', 'create', 'update', 'delete'].map((action) => `users.${entity}.${action}`));
      }
      expected.push('translations.manage', 'log.activity.view', 'apps.manage');
      expect(keys).toEqual(expect.arrayContaining(expected));
      expect(await count(`from auth.role_permissions`)).toBeGreaterThanOrEqual(keys.length);
      expect(await count(`from auth.group_permissions`)).toBeGreaterThan(0);
    });

    it('apps with localized names, one inactive, some public, access rows', async () => {
      expect(await count(`from platform.apps where name ? 'hu'`)).toBeGreaterThanOrEqual(6);
      expect(await count(`from platform.apps where not is_active`)).toBe(1);
      expect(await count(`from platform.apps where is_public and is_active`)).toBeGreaterThan(0);
      expect(await count(`from platform.role_app_access`)).toBeGreaterThan(0);
      expect(await count(`from platform.group_app_access`)).toBeGreaterThan(0);
    });

    it('a plugin catalog (en and hu names, one inactive), polls enabled in acme, system log entries', async () => {
      expect(await count(`from platform.plugins where name ? 'en' and name ? 'hu'`)).toBe(4);
      expect(await count(`from platform.plugins where not is_active`)).toBe(1);
      expect(await rows(`select o.slug, p.key from platform.organization_plugins op join chat.organizations o on o.id = op.organization_id
        join platform.plugins p on p.id = op.plugin_id`)).toEqual([{ slug: 'acme', key: 'polls' }]);
      expect(await count(`from platform.system_logs`)).toBe(3);
    });

    it('two organizations with an owner, an admin and a member each, and a platform admin', async () => {
      const roles = await rows(
        `select o.slug, array_agg(distinct m.role::text order by m.role::text) as roles
         from chat.organizations o join chat.organization_members m on m.organization_id = o.id
         group by o.slug order by o.slug`,
      );
      expect(roles).toEqual([
        { slug: 'acme', roles: ['admin', 'member', 'owner'] },
        { slug: 'globex', roles: ['admin', 'member', 'owner'] },
      ]);
      expect(await count(`from auth.users where user_type = 'human'`)).toBeGreaterThanOrEqual(8);
      const administrators = await count(
        `from auth.user_roles ur join auth.roles r on r.id = ur.role_id where r.key = 'administrator'`,
      );
      expect(administrators).toBeGreaterThanOrEqual(1);
    });

    it('public, private, direct and thread channels in each organization', async () => {
      const types = await rows(
        `select o.slug, array_agg(distinct c.type::text order by c.type::text) as types
         from chat.channels c join chat.organizations o on o.id = c.organization_id
         group by o.slug order by o.slug`,
      );
      const all = ['direct', 'private', 'public', 'thread'];
      expect(types).toEqual([
        { slug: 'acme', types: all },
        { slug: 'globex', types: all },
      ]);
      // A direct channel has exactly its two participants as members.
      const directsOfOtherSize = await count(`from chat.channels c where c.type = 'direct'
        and (select count(*) from chat.channel_members m where m.channel_id = c.id) <> 2`);
      expect(directsOfOtherSize).toBe(0);
      // Every thread hangs off a message of its parent channel.
      const orphanThreads = await count(`from chat.channels t where t.type = 'thread' and not exists (
        select 1 from chat.messages m where m.thread_channel_id = t.id and m.channel_id = t.parent_channel_id)`);
      expect(orphanThreads).toBe(0);
    });

    it('messages with replies, a thread, reactions, pins and a soft delete', async () => {
      expect(await count(`from chat.messages`)).toBeGreaterThanOrEqual(40);
      expect(await count(`from chat.messages where reply_to_message_id is not null`)).toBeGreaterThan(0);
      const inThreads = await count(
        `from chat.messages m join chat.channels c on c.id = m.channel_id where c.type = 'thread'`,
      );
      expect(inThreads).toBeGreaterThan(0);
      expect(await count(`from chat.message_reactions`)).toBeGreaterThan(0);
      const pinned = await count(`from chat.messages where pinned_at is not null and pinned_by is not null`);
      expect(pinned).toBeGreaterThan(0);
      expect(await count(`from chat.messages where deleted_at is not null`)).toBe(1);
    });

    it('a bot installed in an organization through its machine user', async () => {
      const installed = await count(`from chat.bots b
        join auth.users u on u.id = b.user_id and u.user_type = 'machine'
        join chat.organization_members m on m.user_id = b.user_id and m.deleted_at is null`);
      expect(installed).toBe(1);
    });

    it('notifications for every human user, localized, some read', async () => {
      const usersWithout = await count(`from auth.users u where u.user_type = 'human'
        and not exists (select 1 from platform.notifications n where n.user_id = u.id)`);
      expect(usersWithout).toBe(0);
      expect(await count(`from platform.notifications where read_at is not null`)).toBeGreaterThan(0);
      expect(await count(`from platform.notifications where not title ? 'hu'`)).toBe(0);
    });

    it('translations in three namespaces (notifications among them), en and hu complete, de partial', async () => {
      const perNamespace = await rows<{ namespace: string; en: number; hu: number }>(
        `select namespace, count(*) filter (where locale = 'en')::int as en,
           count(*) filter (where locale = 'hu')::int as hu
         from platform.translations group by namespace order by namespace`,
      );
      expect(perNamespace.map((row) => row.namespace)).toEqual(['chat', 'common', 'notifications']);
      for (const row of perNamespace) {
        expect(row.en).toBeGreaterThanOrEqual(8);
        expect(row.hu).toBe(row.en);
      }
      const missingInDe = await count(`from platform.translations en where en.locale = 'en' and not exists (
        select 1 from platform.translations de
        where de.locale = 'de' and de.namespace = en.namespace and de.key = en.key)`);
      expect(missingInDe).toBeGreaterThan(0);
      expect(await count(`from platform.translations where locale = 'de'`)).toBeGreaterThan(0);
    });

    it('integration connections in both organizations, one paused, none with credentials (SQL cannot seal them)', async () => {
      expect(await count(`from chat.integration_connections`)).toBe(3);
      expect(await count(`from chat.integration_connections where status = 'paused'`)).toBe(1);
      expect(await count(`from chat.integration_connections where has_credentials`)).toBe(0);
      expect(await count(`from (select distinct organization_id from chat.integration_connections) o`)).toBe(2);
    });

    it('theme presets light (the one default), dark and high contrast in en, hu and de; a desktop configuration for every user, some filled', async () => {
      expect(await rows(`select key, is_default from platform.theme_presets order by sort_order`)).toEqual([
        { key: 'light', is_default: true },
        { key: 'dark', is_default: false },
        { key: 'high-contrast', is_default: false },
      ]);
      expect(await count(`from platform.theme_presets where not (name ?& array['en', 'hu', 'de'])`)).toBe(0);
      expect(await count(`from auth.users u where not exists (select 1 from platform.desktop_configurations d where d.user_id = u.id)`)).toBe(0);
      expect(await count(`from platform.desktop_configurations where pinned_apps <> '[]' and theme_preset_id is not null`)).toBeGreaterThanOrEqual(3);
    });

    it('files and audit log entries', async () => {
      expect(await count(`from platform.files`)).toBeGreaterThanOrEqual(3);
      expect(await count(`from platform.files where message_id is not null`)).toBeGreaterThan(0);
      expect(await count(`from platform.audit_logs`)).toBeGreaterThanOrEqual(3);
    });
  });
});
