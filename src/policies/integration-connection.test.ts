import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { openSeededDatabase } from '../../test/gateway.js';
import { allowedIds, demoId, viewerOf, type DemoUser } from '../../test/policies.js';
import { canConnectIntegrationIn, canManageIntegrationConnection } from './integration-connection.js';

let db: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ handle: { db }, drop } = await openSeededDatabase());
  // The demo bot is a plain member of acme; as an admin it shows that its scopes still bound it.
  await db.execute(sql`update chat.organization_members set role = 'admin' where user_id = '10000000-0000-4000-8000-000000000020'`);
});
afterAll(() => drop());

type Actor = DemoUser | 'anonymous' | 'bot+organizations:write';
const viewer = (actor: Actor) =>
  actor === 'anonymous' ? null : actor === 'bot+organizations:write' ? viewerOf('bot', ['messages:read', 'organizations:write']) : viewerOf(actor);

// Connections (seeds/integrations.sql): acme 1 GitHub, 2 webhook; globex 3 Jira.
const connections = (...numbers: number[]) => numbers.map((n) => demoId(23, n)).sort();
// Organizations: acme 1, globex 2.
const organizationIds = (...numbers: number[]) => numbers.map((n) => demoId(20, n)).sort();

describe('canManageIntegrationConnection: read and write, A(o); a bot only within organizations:write', () => {
  it.each<[Actor, number[]]>([
    ['anonymous', []],
    ['alice', [1, 2]], // acme owner
    ['bob', [1, 2]], // acme admin
    ['carol', []], // member of both
    ['dave', []], // acme member
    ['gina', []], // in no organization
    ['admin', []], // platform administrator, in no organization: no platform permission opens it
    ['hanna', [3]], // globex owner
    ['istvan', [3]], // globex admin
    ['judit', []], // globex member
    ['bot', []], // acme admin here, without organizations:write
    ['bot+organizations:write', [1, 2]],
  ])('%s: %j', async (actor, expected) => {
    expect(await allowedIds(db, canManageIntegrationConnection, viewer(actor))).toEqual(connections(...expected));
  });

  it('a soft-deleted organization has no admins: its connections are nobody\'s', async () => {
    await db.execute(sql`update chat.organizations set deleted_at = now() where id = ${demoId(20, 2)}`);
    try {
      expect(await allowedIds(db, canManageIntegrationConnection, viewerOf('hanna'))).toEqual([]);
    } finally {
      await db.execute(sql`update chat.organizations set deleted_at = null where id = ${demoId(20, 2)}`);
    }
  });
});

describe('canConnectIntegrationIn: add a connection to o, A(o); a bot only within organizations:write', () => {
  it.each<[Actor, number[]]>([
    ['anonymous', []],
    ['alice', [1]],
    ['bob', [1]],
    ['carol', []],
    ['admin', []],
    ['hanna', [2]],
    ['istvan', [2]],
    ['judit', []],
    ['bot', []],
    ['bot+organizations:write', [1]],
  ])('%s: %j', async (actor, expected) => {
    const allowed = (await allowedIds(db, canConnectIntegrationIn, viewer(actor))).filter((id) => id.startsWith('20'));
    expect(allowed).toEqual(organizationIds(...expected));
  });
});
