import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, inPathOrder, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { actorRunner, gid, mutation, outcomeOf, snapshot, sqlRows, userGid, type Actor } from './platform-helpers.js';

// Desktop configurations (only its user) through GraphQL: the viewer's own, null on others, pins of
// apps the user may not open left out, the same answer compiled; updateDesktopConfiguration.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
let themeId: (key: string) => string;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  const presets = await sqlRows<{ key: string; id: string }>(gateway, 'select key, id from platform.theme_presets');
  themeId = (key) => gid('ThemePreset', presets.find((preset) => preset.key === key)!.id);
});
afterAll(() => gateway?.close());

const DESKTOP = 'desktopConfiguration { layout wallpaper pinnedApps themePreset { key name } }';
const VIEWER = `{ viewer { ${DESKTOP} } }`;
const UPDATE = mutation('updateDesktopConfiguration', 'UpdateDesktopConfigurationInput', `... on DesktopConfigurationPayload { ${DESKTOP} }`);
const TABLES = ['platform.desktop_configurations', 'platform.audit_logs'];
const isCompiled = (statement: string) => statement.startsWith('select json_build_object(');

describe('reads', () => {
  it("viewer.desktopConfiguration: the seeded desktop, without pins of apps the user may not open", async () => {
    const carol = await run('carol', VIEWER);
    expect(carol.errors).toBeUndefined();
    // carol pinned `users` (managers and administrators only): stored, not answered.
    expect(carol.data.viewer.desktopConfiguration).toEqual({
      layout: { iconSize: 'large' },
      wallpaper: { type: 'image', url: 'https://images.example.com/wallpapers/alps.jpg', fit: 'cover' },
      pinnedApps: ['chat', 'settings'],
      themePreset: { key: 'light', name: 'Hell' }, // carol's locale is de
    });
    const [stored] = await sqlRows<{ pinned_apps: string[] }>(gateway, `select pinned_apps from platform.desktop_configurations where user_id = '${demoUsers.carol}'`);
    expect(stored!.pinned_apps).toEqual(['chat', 'users', 'settings']);
  });

  it('a user who never changed it gets the defaults: empty layout, no wallpaper, no pins, the default theme', async () => {
    const gina = await run('gina', `{ viewer { ${DESKTOP} } defaultThemePreset { key } }`);
    expect(gina.data).toEqual({ viewer: { desktopConfiguration: { layout: {}, wallpaper: null, pinnedApps: [], themePreset: null } }, defaultThemePreset: { key: 'light' } });
  });

  it.each<[Actor, Actor]>([
    ['alice', 'bob'], // shares acme: sees bob, not his desktop
    ['admin', 'alice'], // every permission, still not another's desktop
    ['anonymous', 'alice'],
  ])("%s reads %s's profile but never their desktop (null)", async (reader, owner) => {
    const response = await run(reader, `query ($id: ID!) { node(id: $id) { ... on User { id desktopConfiguration { layout } } } user(id: $id) { desktopConfiguration { layout } } }`, { id: userGid(owner as 'alice') });
    expect(response.errors).toBeUndefined();
    expect(response.data.user?.desktopConfiguration ?? null).toBeNull();
    expect(response.data.node?.desktopConfiguration ?? null).toBeNull();
  });

  it('anonymous: viewer is null', async () => {
    expect((await run('anonymous', VIEWER)).data).toEqual({ viewer: null });
  });

  it.each<Actor>(['alice', 'bob', 'gina', 'anonymous'])('the same document asked twice as %s: the second answered compiled, the same answer', async (actor) => {
    const query = `query ($id: ID!) { viewer { displayName ${DESKTOP} } user(id: $id) { desktopConfiguration { pinnedApps } } themePresets(first: 5) { totalCount nodes { key name isDefault tokens } } defaultThemePreset { key } }`;
    const variables = { id: userGid('alice') };
    const first = await run(actor, query, variables);
    gateway.statements.reset();
    const second = await run(actor, query, variables);
    expect(gateway.statements.log.some(isCompiled)).toBe(true);
    expect(inPathOrder(second)).toEqual(inPathOrder(first));
    expect(first.errors).toBeUndefined();
  });
});

describe('updateDesktopConfiguration', () => {
  it('partial update: only the given fields change; the payload reads it back', async () => {
    const response = await run('alice', UPDATE, { input: { layout: { taskbarPosition: 'top', iconSize: 'small' }, themePresetId: themeId('high-contrast') } });
    expect(outcomeOf(response, 'updateDesktopConfiguration')).toBe('DesktopConfigurationPayload');
    expect(response.data.updateDesktopConfiguration.desktopConfiguration).toEqual({
      layout: { taskbarPosition: 'top', iconSize: 'small' },
      wallpaper: { type: 'color', color: '#1e3a8a' },
      pinnedApps: ['chat', 'files', 'users', 'activity-log'],
      themePreset: { key: 'high-contrast', name: 'High contrast' },
    });
    expect((await run('alice', VIEWER)).data.viewer.desktopConfiguration.layout).toEqual({ taskbarPosition: 'top', iconSize: 'small' });
  });

  it('null puts fields back to their defaults; pins in the given order', async () => {
    const response = await run('alice', UPDATE, { input: { layout: null, wallpaper: null, themePresetId: null, pinnedApps: ['users', 'chat'] } });
    expect(response.data.updateDesktopConfiguration.desktopConfiguration).toEqual({ layout: {}, wallpaper: null, pinnedApps: ['users', 'chat'], themePreset: null });
  });

  it('a bot keeps a desktop of its own', async () => {
    const response = await run('bot', UPDATE, { input: { wallpaper: { type: 'color', color: '#00ff00' } } });
    expect(response.data.updateDesktopConfiguration.desktopConfiguration.wallpaper).toEqual({ type: 'color', color: '#00ff00' });
  });

  it('a user whose row was removed by hand gets one again (upsert)', async () => {
    await gateway.handle.exec(`delete from platform.desktop_configurations where user_id = '${demoUsers.dave}'`);
    const response = await run('dave', UPDATE, { input: { pinnedApps: ['chat'] } });
    expect(response.data.updateDesktopConfiguration.desktopConfiguration).toMatchObject({ layout: {}, pinnedApps: ['chat'] });
  });

  it.each<[string, Actor, Record<string, unknown>, string, string[]?]>([
    ['an unknown layout key', 'bob', { layout: { colour: 'red' } }, 'ValidationError', ['layout']],
    ['a bad taskbar position', 'bob', { layout: { taskbarPosition: 'middle' } }, 'ValidationError', ['layout', 'taskbarPosition']],
    ['a wallpaper without type', 'bob', { wallpaper: { color: '#000000' } }, 'ValidationError'],
    ['a wallpaper colour that is not #RRGGBB', 'bob', { wallpaper: { type: 'color', color: 'red' } }, 'ValidationError', ['wallpaper', 'color']],
    ['an http wallpaper', 'bob', { wallpaper: { type: 'image', url: 'http://images.example.com/a.jpg' } }, 'ValidationError', ['wallpaper', 'url']],
    ['an app pinned twice', 'bob', { pinnedApps: ['chat', 'chat'] }, 'ValidationError', ['pinnedApps']],
    ['an unknown app', 'bob', { pinnedApps: ['chat', 'no-such-app'] }, 'ValidationError', ['pinnedApps', '1']],
    ['an app the user may not open', 'carol', { pinnedApps: ['users'] }, 'ValidationError', ['pinnedApps', '0']],
    ['a retired app', 'admin', { pinnedApps: ['legacy-reports'] }, 'ValidationError', ['pinnedApps', '0']],
    ['an unknown theme', 'bob', { themePresetId: gid('ThemePreset', '00000000-0000-4000-8000-000000000000') }, 'NotFoundError'],
    ['anonymous', 'anonymous', { layout: {} }, 'UNAUTHENTICATED'],
  ])('refuses %s, changing nothing', async (_name, actor, input, expected, path) => {
    const before = await snapshot(gateway, TABLES);
    const response = await run(actor, UPDATE, { input });
    expect(outcomeOf(response, 'updateDesktopConfiguration')).toBe(expected);
    if (path) expect(response.data.updateDesktopConfiguration.fieldErrors.map((error: { path: string[] }) => error.path)).toContainEqual(path);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });

  it('the database keeps the outline too: a pin that is not a string, a layout that is not an object', async () => {
    await expect(gateway.handle.exec(`update platform.desktop_configurations set pinned_apps = '[1]' where user_id = '${demoUsers.bob}'`)).rejects.toThrow(/desktop_configurations_pinned_apps_keys/);
    await expect(gateway.handle.exec(`update platform.desktop_configurations set layout = '[]' where user_id = '${demoUsers.bob}'`)).rejects.toThrow(/desktop_configurations_layout_object/);
    await expect(gateway.handle.exec(`update platform.desktop_configurations set wallpaper = '{}' where user_id = '${demoUsers.bob}'`)).rejects.toThrow(/desktop_configurations_wallpaper_object/);
  });

  it('a new user has a configuration from the start', async () => {
    const signUp = await run('anonymous', `mutation { signUp(input: { email: "newdesk@example.com", password: "a-long-password-2026", displayName: "New Desk" }) { __typename } }`);
    expect(signUp.errors).toBeUndefined();
    const [row] = await sqlRows<{ n: number }>(gateway, `select count(*)::int as n from platform.desktop_configurations d join auth.users u on u.id = d.user_id where u.email = 'newdesk@example.com'`);
    expect(row!.n).toBe(1);
  });
});
