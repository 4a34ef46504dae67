import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
