import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { organizationPlugins, plugins } from '../db/schema/index.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import { canManageOrganizationPlugins, canSeeOrganizationPlugin, canSeePlugin } from './plugin.js';

let db: Database;
let drop: () => Promise<void>;
let every: string[];
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  every = (await db.select({ id: plugins.id }).from(plugins)).map((row) => row.id).sort();
});
afterAll(() => drop());

const acme = demoId(20, 1);
const globex = demoId(20, 2);
type Actor = DemoUser | 'anonymous';
const viewer = (user: Actor) => (user === 'anonymous' ? null : viewerOf(user));

describe('canSeePlugin: Auth', () => {
  it('the catalog holds four plugins (one inactive)', () => expect(every).toHaveLength(4));

  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['gina', true], // a guest in no organization
    ['carol', true],
    ['bot', true],
    ['admin', true],
  ])('%s reads the catalog: %s', async (user, sees) => {
    expect(await allowedIds(db, canSeePlugin, viewer(user))).toEqual(sees ? every : []);
  });
});

describe('canManageOrganizationPlugins: A(o)', () => {
  it.each<[Actor, string[]]>([
    ['anonymous', []],
    ['alice', [acme]], // owner
    ['bob', [acme]], // admin
    ['carol', []], // member of both
    ['dave', []],
    ['hanna', [globex]],
    ['istvan', [globex]],
    ['judit', []],
    ['admin', []], // platform administrator, in no organization
    ['bot', []], // an acme member, not an admin
  ])('%s manages the plugins of %j', async (user, expected) => {
    expect(await allowedIds(db, canManageOrganizationPlugins, viewer(user))).toEqual(expected.sort());
  });
});

describe('canSeeOrganizationPlugin: M(o)', () => {
  // seeds/plugins-demo.sql: polls enabled in acme.
  it.each<[Actor, boolean]>([
    ['anonymous', false],
    ['alice', true],
    ['carol', true],
    ['dave', true],
    ['bot', true],
    ['hanna', false],
    ['judit', false],
    ['gina', false],
    ['admin', false],
  ])('%s sees acme\'s enabled plugins: %s', async (user, sees) => {
    const rows = await db
      .select({ organizationId: organizationPlugins.organizationId })
      .from(organizationPlugins)
      .where(canSeeOrganizationPlugin(viewer(user), organizationPlugins));
    expect(rows.map((row) => row.organizationId)).toEqual(sees ? [acme] : []);
  });
});
