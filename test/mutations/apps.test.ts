import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { actorRunner, auditRows, catalogIds, gid, mutation, outcomeOf, snapshot, sqlRows, type Actor } from './platform-helpers.js';

// Apps: createApp, updateApp, retireApp (P(apps.manage)): happy path, validation, forbidden actors,
// conflicts, audit, nothing half-written.

let gateway: TestGateway;
let run: ReturnType<typeof actorRunner>;
let id: (ref: string) => string;
beforeAll(async () => {
  gateway = await createTestGateway();
  run = actorRunner(gateway);
  id = await catalogIds(gateway);
});
afterAll(() => gateway.close());

const APP = '... on AppPayload { app { id key name nameTranslations description category icon isActive isPublic sortOrder window } }';
const CREATE = mutation('createApp', 'CreateAppInput', APP);
const UPDATE = mutation('updateApp', 'UpdateAppInput', APP);
const RETIRE = mutation('retireApp', 'AppInput', APP);
const TABLES = ['platform.apps', 'platform.audit_logs'];
const name = (en: string, hu?: string) => [{ locale: 'en', text: en }, ...(hu ? [{ locale: 'hu', text: hu }] : [])];

describe('createApp', () => {
  it('a manager adds an app, read back even though nobody may open it yet; audited', async () => {
    const input = { key: 'wiki', name: name('Wiki', 'Tudástár'), category: 'productivity', icon: 'book', sortOrder: 70, window: { width: 800 } };
    const response = await run('admin', CREATE, { input });
    expect(response.data.createApp.app).toMatchObject({
      key: 'wiki',
      name: 'Wiki',
      nameTranslations: { en: 'Wiki', hu: 'Tudástár' },
      description: null,
      category: 'productivity',
      icon: 'book',
      isActive: true,
      isPublic: false,
      sortOrder: 70,
      window: { width: 800 },
    });
    expect((await auditRows(gateway, 'app.create')).at(-1)).toMatchObject({ resource_type: 'app', new_values: { key: 'wiki', isPublic: false } });
    // Not public, granted to nobody: alice does not see it in the list.
    const listed = await run('alice', '{ apps(first: 50) { nodes { key } } }');
    expect(listed.data.apps.nodes.map((app: { key: string }) => app.key)).not.toContain('wiki');
  });

  it.each<[string, Actor, Record<string, unknown>, string]>([
    ['a taken key', 'admin', { key: 'chat', name: name('Chat 2') }, 'ConflictError'],
    ['a malformed key', 'admin', { key: 'Bad Key', name: name('X') }, 'ValidationError'],
    ['a name without the default locale', 'admin', { key: 'nodefault', name: [{ locale: 'hu', text: 'Csak magyar' }] }, 'ValidationError'],
    ['an inactive or unknown locale', 'admin', { key: 'unknown-locale', name: [...name('X'), { locale: 'fr', text: 'X' }] }, 'ValidationError'],
    ['a window too large', 'admin', { key: 'big', name: name('Big'), window: { blob: 'x'.repeat(5000) } }, 'ValidationError'],
    ['a category that is blank', 'admin', { key: 'blank', name: name('Blank'), category: ' ' }, 'ValidationError'],
    ['a manager without apps.manage', 'alice', { key: 'mine', name: name('Mine') }, 'ForbiddenError'],
    ['the bot', 'bot', { key: 'mine', name: name('Mine') }, 'ForbiddenError'],
    ['anonymous', 'anonymous', { key: 'mine', name: name('Mine') }, 'UNAUTHENTICATED'],
  ])('refuses %s, changing nothing', async (_name, actor, input, expected) => {
    const before = await snapshot(gateway, TABLES);
    expect(outcomeOf(await run(actor, CREATE, { input }), 'createApp')).toBe(expected);
    expect(await snapshot(gateway, TABLES)).toBe(before);
  });
});

describe('updateApp, retireApp', () => {
  it('changes only the fields given; null clears the description and icon, never the name', async () => {
    const files = gid('App', id('app:files'));
    const response = await run('admin', UPDATE, {
      input: { id: files, name: name('Files and folders', 'Fájlok és mappák'), isPublic: true, description: null, icon: null, sortOrder: 35 },
    });
    expect(response.data.updateApp.app).toMatchObject({ name: 'Files and folders', isPublic: true, description: null, icon: null, sortOrder: 35, category: 'productivity' });
    const [audit] = (await auditRows(gateway, 'app.update')).slice(-1);
    expect(audit).toMatchObject({ old_values: { isPublic: false, icon: 'folder' }, new_values: { isPublic: true, icon: null } });
    expect(outcomeOf(await run('admin', UPDATE, { input: { id: files, name: null } }), 'updateApp')).toBe('ValidationError');
    expect(outcomeOf(await run('admin', UPDATE, { input: { id: files, isActive: null } }), 'updateApp')).toBe('ValidationError');
    expect(outcomeOf(await run('admin', UPDATE, { input: { id: files, window: null } }), 'updateApp')).toBe('ValidationError');
  });

  it.each<[string, Actor, string]>([
    ['a user without apps.manage', 'carol', 'ForbiddenError'],
    ['anonymous', 'anonymous', 'UNAUTHENTICATED'],
  ])('refuses %s', async (_name, actor, expected) => {
    expect(outcomeOf(await run(actor, UPDATE, { input: { id: gid('App', id('app:chat')), isPublic: false } }), 'updateApp')).toBe(expected);
    expect(outcomeOf(await run(actor, RETIRE, { input: { id: gid('App', id('app:chat')) } }), 'retireApp')).toBe(expected);
  });

  it('an unknown app is NOT_FOUND', async () => {
    const unknown = gid('App', '2d1b1a7e-5c7a-4d0b-9d62-1f6c1a2b3c4d');
    expect(outcomeOf(await run('admin', UPDATE, { input: { id: unknown, isPublic: true } }), 'updateApp')).toBe('NotFoundError');
    expect(outcomeOf(await run('admin', RETIRE, { input: { id: unknown } }), 'retireApp')).toBe('NotFoundError');
  });

  it('retiring hides the app from everyone, keeps its grants, audits once; updateApp brings it back', async () => {
    const chat = gid('App', id('app:chat'));
    const retired = await run('admin', RETIRE, { input: { id: chat } });
    expect(retired.data.retireApp.app).toMatchObject({ key: 'chat', isActive: false });
    const again = await run('admin', RETIRE, { input: { id: chat } });
    expect(again.data.retireApp.app.isActive).toBe(false);
    expect(await auditRows(gateway, 'app.retire')).toHaveLength(1);
    expect((await run('carol', '{ apps(first: 50) { nodes { key } } }')).data.apps.nodes.map((app: { key: string }) => app.key)).not.toContain('chat');
    expect(await sqlRows(gateway, `select count(*)::int as n from platform.apps where key = 'chat'`)).toEqual([{ n: 1 }]);
    const back = await run('admin', UPDATE, { input: { id: chat, isActive: true } });
    expect(back.data.updateApp.app.isActive).toBe(true);
    expect((await run('carol', '{ apps(first: 50) { nodes { key } } }')).data.apps.nodes.map((app: { key: string }) => app.key)).toContain('chat');
  });
});
