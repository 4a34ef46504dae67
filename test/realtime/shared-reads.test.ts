import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { channels, users } from '../../src/db/schema/index.js';
import { canSeeChannel } from '../../src/policies/channel.js';
import { canReadMessage } from '../../src/policies/message.js';
import { canSeeUser } from '../../src/policies/user.js';
import { sharedReads } from '../../src/realtime/shared-reads.js';
import { openSeededDatabase, type StatementCounter } from '../gateway.js';
import { demoUsers, viewerOf, type DemoUser } from '../policies.js';

/**
 * The merged reads of subscription events (src/realtime/shared-reads.ts): statements issued together
 * that differ only in the viewer's id run as one, and each caller gets exactly what its own
 * statement returns alone, in its order.
 */

const statements: StatementCounter = {
  count: 0,
  log: [],
  reset() {
    this.count = 0;
    this.log = [];
  },
};
let handle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ handle, drop } = await openSeededDatabase(statements));
});
afterAll(async () => drop?.());

const people = (Object.keys(demoUsers) as DemoUser[]).filter((user) => user !== 'bot').map((user) => viewerOf(user));

describe('shared reads', () => {
  it('answers each viewer as its own statement would, in one statement per text, lists in their order and relations included', async () => {
    const reads = [
      (db: typeof handle.db, viewer: (typeof people)[number]) =>
        db.query.channels.findMany({
          columns: { id: true, name: true },
          with: { organization: { columns: { slug: true } } },
          where: { RAW: (table) => canSeeChannel.where(viewer, table) },
          orderBy: { name: 'desc' },
        }),
      (db: typeof handle.db, viewer: (typeof people)[number]) =>
        db.query.messages.findMany({ columns: { id: true, content: true }, where: { RAW: (table) => canReadMessage.where(viewer, table) }, orderBy: { createdAt: 'asc' }, limit: 5 }),
      (db: typeof handle.db, viewer: (typeof people)[number]) =>
        db.select({ id: users.id, name: users.displayName }).from(users).where(canSeeUser.where(viewer, users)).orderBy(users.displayName),
    ];
    for (const read of reads) {
      const alone = [];
      for (const viewer of people) alone.push(await read(handle.db, viewer));
      statements.reset();
      const together = await Promise.all(people.map((viewer) => read(sharedReads(handle.db), viewer)));
      expect(together).toEqual(alone);
      expect(statements.count).toBe(1);
      // The viewers see different rows, so the merged statement kept them apart.
      expect(new Set(alone.map((rows) => JSON.stringify(rows))).size).toBeGreaterThan(1);
    }
  });

  it('keeps statements apart when other values differ, and leaves quoted text alone', async () => {
    const viewer = viewerOf('alice');
    const read = (db: typeof handle.db, name: string) =>
      db.select({ literal: sql<string>`'$1 stays'`, id: channels.id }).from(channels).where(and(eq(channels.name, name), canSeeChannel.where(viewer, channels)));
    statements.reset();
    const [general, random] = await Promise.all([read(sharedReads(handle.db), 'general'), read(sharedReads(handle.db), 'random')]);
    expect(statements.count).toBe(2);
    expect(general).toEqual(await read(handle.db, 'general'));
    expect(random).toEqual(await read(handle.db, 'random'));
    expect(general[0]?.literal).toBe('$1 stays');
  });
});
