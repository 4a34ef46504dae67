import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../src/auth/authenticate.js';
import { forgetCredentials } from '../src/auth/credential-cache.js';
import type { RequestHead } from '../src/http/request-head.js';
import { sharedReads } from '../src/realtime/shared-reads.js';
import { createTestGateway, type TestGateway } from './gateway.js';
import { signedInAs } from './sign-in.js';

// The gateway as `npm start` runs it: accepted credentials are reused for a few seconds.
let gateway: TestGateway;
beforeAll(async () => {
  gateway = await createTestGateway({ authCacheTtlMs: 60_000 });
});
afterAll(() => gateway.close());

const VIEWER = '{ viewer { displayName } }';

describe('credential cache', () => {
  it('spares the token lookup on later requests of the same session', async () => {
    const headers = await signedInAs(gateway, 'dave@example.com');
    gateway.statements.reset();
    await gateway.execute(VIEWER, {}, headers);
    const first = gateway.statements.count;
    gateway.statements.reset();
    const { data } = await gateway.execute(VIEWER, {}, headers);
    expect(data.viewer.displayName).toBeTruthy();
    expect(gateway.statements.count).toBe(first - 1);
    expect(gateway.statements.count).toBe(1);
  });

  it('refuses a signed-out token at once', async () => {
    const headers = await signedInAs(gateway, 'carol@example.com');
    await gateway.execute(VIEWER, {}, headers); // now cached
    const out = await gateway.execute('mutation { signOut { __typename } }', {}, headers);
    expect(out.data.signOut.__typename).toBe('SignOutPayload');
    const after = await gateway.execute(VIEWER, {}, headers);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('credential cache on subscription events', () => {
  // A short TTL, and no realtime listener: a revocation made in SQL is not heard, as when an invalidation is missed.
  let short: TestGateway;
  // An entry is stale from one TTL to two after it was cached: 3 s leaves a loaded machine 2.9 s between a sleep's end and the check.
  const TTL = 3_000;
  beforeAll(async () => {
    short = await createTestGateway({ authCacheTtlMs: TTL });
  });
  afterAll(() => short.close());

  const head = (headers: Record<string, string>) => ({ headers: new Headers(headers) }) as unknown as RequestHead;

  it('serves an event from the entry just past its TTL, looks it up again off the path, and refuses a revoked one at the next event', async () => {
    const headers = await signedInAs(short, 'dave@example.com');
    const db = short.handle.db;
    const request = head(headers);
    const events = sharedReads(db);
    expect((await authenticate(db, request, events)).viewer?.userId).toBeTruthy();
    await short.handle.db.execute(sql`update auth.sessions set revoked_at = now() where revoked_at is null and user_id = (select id from auth.users where email = 'dave@example.com')`);
    await sleep(TTL + 100);
    // A plain request never uses a stale entry: it looks the token up and is refused.
    expect((await authenticate(db, head(headers))).credentialsError).toBe('revoked');
    // (that refusal dropped the entry: sign in afresh for the event path)
    const again = await signedInAs(short, 'dave@example.com');
    const eventRequest = head(again);
    expect((await authenticate(db, eventRequest, events)).viewer).toBeTruthy();
    await short.handle.db.execute(sql`update auth.sessions set revoked_at = now() where revoked_at is null and user_id = (select id from auth.users where email = 'dave@example.com')`);
    await sleep(TTL + 100);
    short.statements.reset();
    const stale = await authenticate(db, eventRequest, events);
    expect(stale.viewer).toBeTruthy();
    expect(short.statements.count).toBe(0);
    for (let waited = 0; short.statements.count === 0 && waited < 5_000; waited += 20) await sleep(20);
    expect(short.statements.count).toBe(1);
    expect((await authenticate(db, eventRequest, events)).credentialsError).toBe('revoked');
  });

  it('never serves a forgotten (signed-out) credential stale', async () => {
    const headers = await signedInAs(short, 'carol@example.com');
    const db = short.handle.db;
    const request = head(headers);
    const viewer = (await authenticate(db, request, sharedReads(db))).viewer!;
    await short.handle.db.execute(sql`update auth.sessions set revoked_at = now() where user_id = ${viewer.userId}::uuid`);
    forgetCredentials(db, viewer.userId);
    await sleep(TTL + 100);
    expect((await authenticate(db, request, sharedReads(db))).credentialsError).toBe('revoked');
  });
});
