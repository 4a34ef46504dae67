import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers, type DemoUser } from '../policies.js';
import { actorRunner, auditRows, failAuditOf, gid, mutation, outcomeOf, snapshot, sqlRows, userGid, type Actor } from './platform-helpers.js';

// updateProfile: own profile, another's with users.users.update (audited), validation, forbidden
// actors, missing or hidden targets, concurrent merges, atomicity.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
});
afterAll(() => gateway.close());

const UPDATE = mutation('updateProfile', 'UpdateProfileInput', '... on UserPayload { user { id displayName firstName lastName avatarUrl locale timezone email settings } }');
const update = (actor: Actor, input: Record<string, unknown>) => run(actor, UPDATE, { input });
const userRow = (user: DemoUser) =>
  sqlRows<Record<string, unknown>>(gateway, `select display_name, first_name, last_name, avatar_url, locale, timezone, settings from auth.users where id = '${demoUsers[user]}'`).then((rows) => rows[0]);

describe('updateProfile', () => {
  it("updates the viewer's own profile, normalizing what it stores, without an audit row", async () => {
    const response = await update('dave', {
      displayName: '  Dave D. ',
      firstName: '',
      avatarUrl: 'https://avatars.example.com/dave.png',
      locale: 'HU',
      timezone: 'europe/budapest',
      settings: { theme: 'dark', sidebar: { width: 240 } },
    });
    expect(response.data.updateProfile).toEqual({
      __typename: 'UserPayload',
      user: {
        id: userGid('dave'),
        displayName: 'Dave D.',
        firstName: null,
        lastName: 'Davis',
        avatarUrl: 'https://avatars.example.com/dave.png',
        locale: 'hu',
        timezone: 'Europe/Budapest',
        email: 'dave@example.com',
        settings: { theme: 'dark', sidebar: { width: 240 } },
      },
    });
    expect(await auditRows(gateway, 'user.update')).toEqual([]);
  });

  it('merges settings by key; a null value removes its key; absent fields stay', async () => {
    await update('dave', { settings: { theme: null, compact: true } });
    expect(await userRow('dave')).toMatchObject({ display_name: 'Dave D.', locale: 'hu', settings: { sidebar: { width: 240 }, compact: true } });
  });

  it('two concurrent setting changes both land (the row is locked, no update is lost)', async () => {
    await Promise.all([update('judit', { settings: { a: 1 } }), update('judit', { settings: { b: 2 } })]);
    expect((await userRow('judit'))!.settings).toEqual({ a: 1, b: 2 });
  });

  it("updates another user's profile with users.users.update, and audits old and new values", async () => {
    const response = await update('admin', { userId: userGid('carol'), displayName: 'Carol S.', timezone: null });
    expect(response.data.updateProfile.user).toMatchObject({ displayName: 'Carol S.', timezone: null, email: 'carol@example.com' });
    expect(await auditRows(gateway, 'user.update')).toMatchObject([
      {
        actor_id: demoUsers.admin,
        resource_type: 'user',
        resource_id: demoUsers.carol,
        old_values: { displayName: 'Carol Schmidt', timezone: 'Europe/Berlin' },
        new_values: { displayName: 'Carol S.', timezone: null },
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty display name', { displayName: '   ' }, 'displayName'],
    ['a null display name', { displayName: null }, 'displayName'],
    ['a display name with a NUL', { displayName: 'a\u0000b' }, 'displayName'],
    ['a 101-character first name', { firstName: 'x'.repeat(101) }, 'firstName'],
    ['a javascript: avatar', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
    ['a locale the platform does not offer', { locale: 'fr' }, 'locale'],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['an offset instead of a zone', { timezone: '+01:00' }, 'timezone'],
    ['null settings', { settings: null }, 'settings'],
    ['settings above 16 KiB', { settings: { blob: 'x'.repeat(17_000) } }, 'settings'],
    ['settings with a NUL', { settings: { text: 'a\u0000b' } }, 'settings'],
    ['settings nested too deep', { settings: { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: { k: 1 } } } } } } } } } } } }, 'settings'],
  ])('refuses %s (ValidationError on that field) and changes nothing', async (_name, input, field) => {
    const before = await userRow('gina');
    const response = await update('gina', input);
    expect(outcomeOf(response, 'updateProfile')).toBe('ValidationError');
    expect(response.data.updateProfile.fieldErrors.map((error: { path: string[] }) => error.path[0])).toEqual([field]);
    expect(await userRow('gina')).toEqual(before);
  });

  it.each<[string, Actor, DemoUser, string]>([
    ['seeing but not holding users.users.update', 'alice', 'dave', 'ForbiddenError'],
    ['a member editing a fellow member', 'bob', 'dave', 'ForbiddenError'],
    ['a bot editing itself (its creator edits it with updateBot)', 'bot', 'bot', 'ForbiddenError'],
    ['someone who cannot see the user', 'gina', 'dave', 'NotFoundError'],
    ['anonymous', 'anonymous', 'dave', 'UNAUTHENTICATED'],
  ])('refuses %s: %s', async (_name, actor, target, expected) => {
    const before = await userRow(target);
    expect(outcomeOf(await update(actor, { userId: userGid(target), displayName: 'Hacked' }), 'updateProfile')).toBe(expected);
    expect(await userRow(target)).toEqual(before);
  });

  it('an unknown user is NOT_FOUND; an ID of another type is BAD_USER_INPUT', async () => {
    expect(outcomeOf(await update('admin', { userId: gid('User', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d'), displayName: 'X' }), 'updateProfile')).toBe('NotFoundError');
    expect(outcomeOf(await update('admin', { userId: gid('Role', demoUsers.carol), displayName: 'X' }), 'updateProfile')).toBe('BAD_USER_INPUT');
  });

  it('an update that fails at its audit row leaves the user as it was', async () => {
    const tables = ['auth.users', 'platform.audit_logs'];
    const before = await snapshot(gateway, tables);
    const restore = await failAuditOf(gateway, 'user.update');
    try {
      expect(outcomeOf(await update('admin', { userId: userGid('istvan'), displayName: 'Changed', settings: { x: 1 } }), 'updateProfile')).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await restore();
    }
    expect(await snapshot(gateway, tables)).toBe(before);
  });
});
