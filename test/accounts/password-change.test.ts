import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { DEMO_BOT_TOKEN, DEMO_PASSWORD, signedInAs } from '../sign-in.js';
import { auditRows, mutation, outcomeOf, sqlRows } from '../mutations/platform-helpers.js';

// changePassword: the current password is required (a wrong one counts toward the sign-in lock),
// the new one is hashed, every other session ends, this one stays.

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await createTestGateway();
});
afterAll(() => gateway.close());

const CHANGE = mutation('changePassword', 'ChangePasswordInput', '... on ChangePasswordPayload { revokedSessionCount user { user { id email } } } ... on AccountLockedError { lockedUntil }');
const change = (headers: Record<string, string>, input: Record<string, unknown>) => gateway.execute(CHANGE, { input }, headers);
const VIEWER = '{ viewer { id } }';
const NEW_PASSWORD = 'a-brand-new-password-17';
const signInOutcome = (email: string, password: string) =>
  gateway.execute('mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }', { input: { email, password } }).then((r) => r.data?.signIn?.__typename);

describe('changePassword', () => {
  it('changes the password, ends the other sessions and keeps this one; audited', async () => {
    const here = await signedInAs(gateway, 'dave@example.com');
    const elsewhere = await signedInAs(gateway, 'dave@example.com');
    const response = await change(here, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.data.changePassword).toMatchObject({ __typename: 'ChangePasswordPayload', revokedSessionCount: 1, user: { user: { email: 'dave@example.com' } } });
    expect(JSON.stringify(response)).not.toContain(NEW_PASSWORD);
    expect((await gateway.execute(VIEWER, {}, here)).data.viewer).not.toBeNull();
    expect((await gateway.execute(VIEWER, {}, elsewhere)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'revoked' });
    expect(await signInOutcome('dave@example.com', DEMO_PASSWORD)).toBe('InvalidCredentialsError');
    expect(await signInOutcome('dave@example.com', NEW_PASSWORD)).toBe('SessionPayload');
    const [stored] = await sqlRows<{ password_hash: string }>(gateway, `select password_hash from auth.accounts where user_id = '${demoUsers.dave}'`);
    expect(stored!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await auditRows(gateway, 'user.password.change')).toMatchObject([{ actor_id: demoUsers.dave, resource_id: demoUsers.dave, old_values: null, new_values: null }]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a short new password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' }, 'newPassword'],
    ['the same password again', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }, 'newPassword'],
    ['an empty current password', { currentPassword: '', newPassword: NEW_PASSWORD }, 'currentPassword'],
  ])('refuses %s (ValidationError)', async (_name, input, path) => {
    const response = await change(await signedInAs(gateway, 'carol@example.com'), input);
    expect(outcomeOf(response, 'changePassword')).toBe('ValidationError');
    expect(response.data.changePassword.fieldErrors).toEqual([expect.objectContaining({ path: [path] })]);
  });

  it('refuses a wrong current password, counting it as a failed sign-in, and locks after five', async () => {
    const carol = await signedInAs(gateway, 'carol@example.com');
    const wrong = () => change(carol, { currentPassword: 'not-the-password', newPassword: NEW_PASSWORD });
    const first = await wrong();
    expect(first.data.changePassword.fieldErrors).toEqual([{ path: ['currentPassword'], message: 'is not the current password' }]);
    expect((await sqlRows(gateway, `select failed_login_attempts from auth.accounts where user_id = '${demoUsers.carol}'`))[0]).toEqual({ failed_login_attempts: 1 });
    for (let i = 0; i < 3; i++) expect(outcomeOf(await wrong(), 'changePassword')).toBe('ValidationError');
    expect(outcomeOf(await wrong(), 'changePassword')).toBe('AccountLockedError');
    // Locked: even the right password is refused until the lock ends.
    expect(outcomeOf(await change(carol, { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }), 'changePassword')).toBe('AccountLockedError');
    expect(await signInOutcome('carol@example.com', NEW_PASSWORD)).not.toBe('SessionPayload');
  });

  it('refuses a bot token and an anonymous caller', async () => {
    const input = { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD };
    expect(outcomeOf(await change({ authorization: `Bearer ${DEMO_BOT_TOKEN}` }, input), 'changePassword')).toBe('ForbiddenError');
    expect(outcomeOf(await change({}, input), 'changePassword')).toBe('UNAUTHENTICATED');
  });
});
