import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/passwords.js';
import { openTestDatabase, queryRows, type TestDatabase } from '../../../test/database.js';
import { FIRST_ADMIN_ID, runSeeds, type RunSeedsOptions } from './runner.js';

/** Production seeding: base data, the first administrator if absent, and re-runs that leave run-time changes alone. */
describe('seeds in production mode', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase({ prefix: 'seedprod' });
  }, 120_000);

  afterAll(async () => {
    await database?.cleanup();
  });

  const rows = <T = Record<string, unknown>>(sqlText: string) => queryRows<T>(database.handle, sqlText);
  const one = async <T>(sqlText: string) => (await rows<T>(sqlText))[0]!;
  const admins = async () =>
    (
      await rows<{ email: string }>(`select u.email from auth.users u join auth.user_roles ur on ur.user_id = u.id
        join auth.roles r on r.id = ur.role_id where r.key = 'administrator' order by 1`)
    ).map((row) => row.email);

  it('loads no person without ADMIN_USER_EMAIL, and only the administrator with it', async () => {
    const first = await runSeeds(database.handle, { reset: true });
    expect(first.administrator).toBeNull();
    expect(await one(`select count(*)::int as n from auth.users`)).toEqual({ n: 0 });

    const second = await runSeeds(database.handle, { adminEmail: 'root@corp.example' });
    expect(second.administrator).toMatchObject({ outcome: 'created', email: 'root@corp.example' });
    const password = second.administrator?.outcome === 'created' ? second.administrator.generatedPassword : null;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const account = await one<{ password_hash: string }>(`select password_hash from auth.accounts where user_id = '${FIRST_ADMIN_ID}'`);
    expect(await verifyPassword(account.password_hash, password!)).toBe(true);
    expect(await verifyPassword(account.password_hash, 'demo-password-2026')).toBe(false);
    expect(await admins()).toEqual(['root@corp.example']);
    const groups = await rows(`select g.key from auth.user_groups ug join auth.groups g on g.id = ug.group_id where ug.user_id = '${FIRST_ADMIN_ID}' order by 1`);
    expect(groups).toEqual([{ key: 'administrators' }, { key: 'everyone' }]);
    expect(await one(`select count(*)::int as n from auth.users`)).toEqual({ n: 1 });
  });

  it('runs twice after run-time changes (admin email and password, profiles, soft deletes, revoked role, bot token, read marks, reactions) and changes none of them', async () => {
    const options: RunSeedsOptions = { reset: true, demo: true, adminEmail: 'root@corp.example', adminPassword: 'chosen-password-1' };
    await runSeeds(database.handle, options);
    await database.handle.exec(`
      update auth.users set email = 'new-root@corp.example', display_name = 'Root' where id = '${FIRST_ADMIN_ID}';
      update auth.accounts set password_hash = 'changed-hash', failed_login_attempts = 3 where user_id = '${FIRST_ADMIN_ID}';
      update auth.accounts a set password_hash = 'alice-new-hash' from auth.users u where u.id = a.user_id and u.email = 'alice@example.com';
      update auth.users set display_name = 'Bobby', settings = '{"theme": "solarized"}' where email = 'bob@example.com';
      update auth.users set deleted_at = now() where email = 'dave@example.com';
      delete from auth.user_roles ur using auth.users u where u.id = ur.user_id and u.email = 'carol@example.com';
      update chat.bots set token_hash = 'rotated', scopes = '{messages:read}';
      update chat.organizations set name = 'Acme Inc.' where slug = 'acme';
      update chat.organization_members set deleted_at = now() where nickname = 'Pisti';
      update chat.channels set topic = 'changed' where name = 'general';
      update chat.messages set content = 'edited at run time', edited_at = now() where content like 'Welcome to the Acme%';
      update chat.messages set deleted_at = null where deleted_at is not null;
      update chat.channel_members set last_read_message_id = null, is_muted = true;
      delete from chat.message_reactions where emoji = '🎉';
      update platform.notifications set read_at = null;
      update platform.files set file_name = 'renamed.txt', deleted_at = now();
    `);
    const userOwned = `select
      (select json_agg(u order by u.id) from auth.users u) as users,
      (select json_agg(a order by a.id) from auth.accounts a) as accounts,
      (select json_agg(ur order by ur.user_id, ur.role_id) from auth.user_roles ur) as user_roles,
      (select json_agg(ug order by ug.user_id, ug.group_id) from auth.user_groups ug) as user_groups,
      (select json_agg(b order by b.id) from chat.bots b) as bots,
      (select json_agg(o order by o.id) from chat.organizations o) as organizations,
      (select json_agg(m order by m.id) from chat.organization_members m) as organization_members,
      (select json_agg(c order by c.id) from chat.channels c) as channels,
      (select json_agg(cm order by cm.id) from chat.channel_members cm) as channel_members,
      (select json_agg(m order by m.id) from chat.messages m) as messages,
      (select json_agg(r order by r.message_id, r.user_id, r.emoji) from chat.message_reactions r) as reactions,
      (select json_agg(n order by n.id) from platform.notifications n) as notifications,
      (select json_agg(f order by f.id) from platform.files f) as files`;
    const before = await one(userOwned);

    // Production mode (base data) with the variable set again, then with demo data on request.
    const again = await runSeeds(database.handle, { adminEmail: 'root@corp.example', adminPassword: 'another-password-2' });
    expect(again.administrator).toEqual({ outcome: 'exists', email: 'new-root@corp.example' });
    await runSeeds(database.handle, { demo: true, adminEmail: 'root@corp.example' });
    expect(await one(userOwned)).toEqual(before);

    expect(await admins()).toEqual(['new-root@corp.example']);
    expect(await one(`select password_hash from auth.accounts where user_id = '${FIRST_ADMIN_ID}'`)).toEqual({ password_hash: 'changed-hash' });
    expect(await one(`select count(*)::int as n from auth.users where email = 'root@corp.example'`)).toEqual({ n: 0 });
    expect(await one(`select deleted_at is not null as deleted from auth.users where email = 'dave@example.com'`)).toEqual({ deleted: true });
    expect(await one(`select token_hash from chat.bots`)).toEqual({ token_hash: 'rotated' });
  });

  it('brings catalog rows back to the shipped values (they are the code\'s, not the users\')', async () => {
    await database.handle.exec(`update auth.roles set name = '{"en": "Renamed"}' where key = 'manager';
      update auth.groups set is_default = false where key = 'everyone'`);
    await runSeeds(database.handle, {});
    expect(await one(`select name->>'en' as name from auth.roles where key = 'manager'`)).toEqual({ name: 'Manager' });
    expect(await rows(`select key from auth.groups where is_default`)).toEqual([{ key: 'everyone' }]);
  });

  it('does not promote an existing user whose email is ADMIN_USER_EMAIL', async () => {
    await runSeeds(database.handle, { reset: true });
    await database.handle.exec(`insert into auth.users (email, display_name) values ('Taken@Corp.example', 'Early bird')`);
    const run = await runSeeds(database.handle, { adminEmail: 'taken@corp.example' });
    expect(run.administrator).toEqual({ outcome: 'emailInUse', email: 'taken@corp.example' });
    expect(await admins()).toEqual([]);
  });

  it('refuses an administrator password shorter than a sign-up allows', async () => {
    await expect(runSeeds(database.handle, { adminEmail: 'root@corp.example', adminPassword: 'short' })).rejects.toThrow(/at least 8 characters/);
  });
});
