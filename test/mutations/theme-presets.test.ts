import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { actorRunner, auditRows, gid, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// Theme presets: anyone reads; createThemePreset, updateThemePreset, deleteThemePreset need
// settings.themes.manage (admin holds it; alice, a manager, does not). Happy paths, validation,
// forbidden actors, conflicts (taken key, the default), audit rows, nothing half-written.

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

const PRESET = '... on ThemePresetPayload { themePreset { id key name nameTranslations description tokens isDark isDefault sortOrder } }';
const CREATE = mutation('createThemePreset', 'CreateThemePresetInput', PRESET);
const UPDATE = mutation('updateThemePreset', 'UpdateThemePresetInput', PRESET);
const DELETE = mutation('deleteThemePreset', 'ThemePresetInput', PRESET);
const TABLES = ['platform.theme_presets', 'platform.desktop_configurations', 'platform.audit_logs'];
const name = (en: string, hu?: string) => [{ locale: 'en', text: en }, ...(hu ? [{ locale: 'hu', text: hu }] : [])];
const tokens = { background: '#101010', foreground: '#fafafa', primary: '#ff8800' };
const defaultKey = async () => (await sqlRows<{ key: string }>(gateway, 'select key from platform.theme_presets where is_default')).map((row) => row.key);

describe('reads', () => {
  it.each<Actor>(['anonymous', 'gina', 'admin'])('%s lists every preset by sortOrder, names localized', async (actor) => {
    const response = await run(actor, '{ themePresets(first: 10) { totalCount nodes { key name(locale: "hu") isDark isDefault } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data.themePresets).toEqual({
      totalCount: 3,
      nodes: [
        { key: 'light', name: 'Világos', isDark: false, isDefault: true },
        { key: 'dark', name: 'Sötét', isDark: true, isDefault: false },
        { key: 'high-contrast', name: 'Nagy kontraszt', isDark: true, isDefault: false },
      ],
    });
  });

  it('where and orderBy like every connection', async () => {
    const response = await run('anonymous', '{ themePresets(where: { isDark: { eq: true } }, orderBy: [{ field: KEY, direction: DESC }]) { nodes { key } } }');
    expect(response.data.themePresets.nodes).toEqual([{ key: 'high-contrast' }, { key: 'dark' }]);
  });
});

describe('createThemePreset', () => {
  it('a manager of themes adds one, audited, read back', async () => {
    const response = await run('admin', CREATE, { input: { key: 'sunset', name: name('Sunset', 'Naplemente'), tokens, isDark: true, sortOrder: 40 } });
    expect(outcomeOf(response, 'createThemePreset')).toBe('ThemePresetPayload');
    expect(response.data.createThemePreset.themePreset).toMatchObject({ key: 'sunset', name: 'Sunset', nameTranslations: { en: 'Sunset', hu: 'Naplemente' }, tokens, isDark: true, isDefault: false, sortOrder: 40 });
    expect((await auditRows(gateway, 'theme_preset.create')).at(-1)).toMatchObject({ resource_type: 'theme_preset', actor_id: demoUsers.admin, new_values: { key: 'sunset', tokens } });
  });

  it.each<[string, Actor, Record<string, unknown>, string]>([
    ['a taken key', 'admin', { key: 'dark', name: name('Dark 2'), tokens }, 'ConflictError'],
    ['a malformed key', 'admin', { key: 'Bad Key', name: name('X'), tokens }, 'ValidationError'],
    ['a name without the default locale', 'admin', { key: 'nodefault', name: [{ locale: 'hu', text: 'Csak' }], tokens }, 'ValidationError'],
    ['tokens without primary', 'admin', { key: 'noprimary', name: name('X'), tokens: { background: '#000000', foreground: '#ffffff' } }, 'ValidationError'],
    ['a token that is not a colour', 'admin', { key: 'badcolour', name: name('X'), tokens: { ...tokens, accent: 'blue' } }, 'ValidationError'],
    ['a manager without settings.themes.manage', 'alice', { key: 'mine', name: name('Mine'), tokens }, 'ForbiddenError'],
    ['the bot', 'bot', { key: 'mine', name: name('Mine'), tokens }, 'ForbiddenError'],
    ['anonymous', 'anonymous', { key: 'mine', name: name('Mine'), tokens }, 'UNAUTHENTICATED'],
  ])('refuses %s, changing nothing', async (_name, actor, input, expected) => {
    const before = await snapshot(gateway, TABLES);
    expect(outcomeOf(await run(actor, CREATE, { input }), 'createThemePreset')).toBe(expected);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });

  it('a new default takes the flag from the old one (at most one default)', async () => {
    const response = await run('admin', CREATE, { input: { key: 'ocean', name: name('Ocean'), tokens, isDefault: true } });
    expect(response.data.createThemePreset.themePreset.isDefault).toBe(true);
    expect(await defaultKey()).toEqual(['ocean']);
  });
});

describe('updateThemePreset', () => {
  it('changes names, tokens and order; isDefault: true moves the default back; audited', async () => {
    const response = await run('admin', UPDATE, { input: { id: themeId('light'), isDefault: true, sortOrder: 5, tokens: { ...tokens, accent: '#123456cc' }, description: null } });
    expect(response.data.updateThemePreset.themePreset).toMatchObject({ key: 'light', isDefault: true, sortOrder: 5, description: null, tokens: { ...tokens, accent: '#123456cc' } });
    expect(await defaultKey()).toEqual(['light']);
    expect((await auditRows(gateway, 'theme_preset.update')).at(-1)).toMatchObject({ old_values: { isDefault: false, sortOrder: 10 }, new_values: { isDefault: true, sortOrder: 5 } });
  });

  it('an update naming only the preset answers it unchanged', async () => {
    const response = await run('admin', UPDATE, { input: { id: themeId('high-contrast') } });
    expect(response.data.updateThemePreset.themePreset).toMatchObject({ key: 'high-contrast', isDark: true, sortOrder: 30 });
  });

  it.each<[string, Actor, () => Record<string, unknown>, string]>([
    ['unflagging the default', 'admin', () => ({ id: themeId('light'), isDefault: false }), 'ConflictError'],
    ['a null name', 'admin', () => ({ id: themeId('dark'), name: null }), 'ValidationError'],
    ['tokens that are not an object of colours', 'admin', () => ({ id: themeId('dark'), tokens: { background: 1 } }), 'ValidationError'],
    ['an unknown preset', 'admin', () => ({ id: gid('ThemePreset', '00000000-0000-4000-8000-000000000000') }), 'NotFoundError'],
    ['alice (no permission)', 'alice', () => ({ id: themeId('dark'), sortOrder: 1 }), 'ForbiddenError'],
    ['anonymous', 'anonymous', () => ({ id: themeId('dark'), sortOrder: 1 }), 'UNAUTHENTICATED'],
  ])('refuses %s, changing nothing', async (_name, actor, input, expected) => {
    const before = await snapshot(gateway, TABLES);
    expect(outcomeOf(await run(actor, UPDATE, { input: input() }), 'updateThemePreset')).toBe(expected);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });
});

describe('deleteThemePreset', () => {
  it.each<[string, Actor, () => string, string]>([
    ['the default', 'admin', () => themeId('light'), 'ConflictError'],
    ['alice (no permission)', 'alice', () => themeId('dark'), 'ForbiddenError'],
    ['the bot', 'bot', () => themeId('dark'), 'ForbiddenError'],
    ['anonymous', 'anonymous', () => themeId('dark'), 'UNAUTHENTICATED'],
  ])('refuses %s, changing nothing', async (_name, actor, id, expected) => {
    const before = await snapshot(gateway, TABLES);
    expect(outcomeOf(await run(actor, DELETE, { input: { id: id() } }), 'deleteThemePreset')).toBe(expected);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });

  it('deletes one; desktops that chose it go back to the default theme; audited with how many', async () => {
    // alice chose dark (demo seeds).
    const response = await run('admin', DELETE, { input: { id: themeId('dark') } });
    expect(outcomeOf(response, 'deleteThemePreset')).toBe('ThemePresetPayload');
    expect(response.data.deleteThemePreset.themePreset).toBeNull();
    expect((await run('alice', '{ viewer { desktopConfiguration { themePreset { key } } } defaultThemePreset { key } }')).data).toEqual({
      viewer: { desktopConfiguration: { themePreset: null } },
      defaultThemePreset: { key: 'light' },
    });
    expect((await auditRows(gateway, 'theme_preset.delete')).at(-1)).toMatchObject({ old_values: { key: 'dark', desktops: 1 } });
    expect(outcomeOf(await run('admin', DELETE, { input: { id: themeId('dark') } }), 'deleteThemePreset')).toBe('NotFoundError');
  });
});
