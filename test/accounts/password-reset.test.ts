import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configurePasswordReset, RESET_TOKEN_PREFIX } from '../../src/auth/password-reset.js';
import { drainOutbox } from '../../src/mail/outbox.js';
import type { MailSender, OutgoingMail } from '../../src/mail/senders.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import { DEMO_PASSWORD, headersFor } from '../sign-in.js';
import { auditRows, mutation, outcomeOf, sqlRows } from '../mutations/platform-helpers.js';

// requestPasswordReset / resetPassword: the same answer for every email, a hashed single-use
// expiring token, its mail in the outbox (in the user's locale), sessions revoked on reset.

let gateway: TestGateway;
beforeAll(async () => {
  configurePasswordReset({ url: 'https://app.example.com/reset?from=mail', ttlMinutes: 30 });
  gateway = await createTestGateway();
});
afterAll(() => gateway.close());

const REQUEST = mutation('requestPasswordReset', 'RequestPasswordResetInput', '... on RequestPasswordResetPayload { notice }');
const RESET = mutation('resetPassword', 'ResetPasswordInput', '... on ResetPasswordPayload { revokedSessionCount }');
const request = (email: string) => gateway.execute(REQUEST, { input: { email } });
const reset = (token: string, newPassword: string) => gateway.execute(RESET, { input: { token, newPassword } });
const NEW_PASSWORD = 'reset-new-password-2026';

/** A sender that keeps what it is given. */
function capture(): MailSender & { mails: OutgoingMail[] } {
  const mails: OutgoingMail[] = [];
  return { name: 'console', mails, send: async (mail) => void mails.push(mail), close: async () => {} };
}
const drain = (sender: MailSender, maxAttempts = 3) => drainOutbox(gateway.handle.db, sender, { maxAttempts, backoffMs: 60_000 });
const tokenOf = (mail: OutgoingMail) => new URL(/https:\S+/.exec(mail.text)![0]).searchParams.get('token')!;
const outbox = () => sqlRows<{ to_address: string; status: string; params: unknown; attempts: number }>(gateway, 'select to_address, status, params, attempts from platform.mail_outbox order by created_at');
const clearOutbox = () => gateway.handle.exec('delete from platform.mail_outbox');

// Each test reads the outbox it wrote.
beforeEach(() => clearOutbox());

describe('requestPasswordReset', () => {
  it('answers the same whether or not the account exists, and mails only an existing one', async () => {
    const known = await request('  Dave@Example.com ');
    const unknown = await request('nobody@example.com');
    expect(known).toEqual(unknown);
    expect(known.data.requestPasswordReset).toEqual({ __typename: 'RequestPasswordResetPayload', notice: expect.stringContaining('If an account uses this email') });
    expect(await outbox()).toMatchObject([{ to_address: 'dave@example.com', status: 'pending' }]);
    const tokens = await sqlRows<{ token_hash: string; live: boolean }>(gateway, `select token_hash, expires_at > now() + interval '29 minutes' as live from auth.password_reset_tokens where user_id = '${demoUsers.dave}'`);
    expect(tokens).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), live: true }]);
    expect(await auditRows(gateway, 'user.password.resetRequested')).toMatchObject([{ actor_id: null, resource_id: demoUsers.dave }]);
  });

  it("renders the mail in the user's locale with the configured link; the sent row keeps no secret", async () => {
    // The locale is the user's at the request.
    await gateway.handle.exec(`update auth.users set locale = 'hu' where id = '${demoUsers.dave}'`);
    await request('dave@example.com');
    const sender = capture();
    expect(await drain(sender)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = sender.mails;
    expect(mail).toMatchObject({ to: 'dave@example.com', subject: 'Jelszó visszaállítása' });
    expect(mail!.text).toContain('https://app.example.com/reset?from=mail&token=' + RESET_TOKEN_PREFIX);
    expect(await outbox()).toMatchObject([{ status: 'sent', params: null, attempts: 1 }]);
    // The stored hash is not the token.
    const [row] = await sqlRows<{ n: number }>(gateway, `select count(*)::int as n from auth.password_reset_tokens where token_hash = '${tokenOf(mail!)}'`);
    expect(row!.n).toBe(0);
  });

  it('refuses a malformed email (ValidationError) and mails nobody for a deactivated user or a bot', async () => {
    expect(outcomeOf(await request('not an email'), 'requestPasswordReset')).toBe('ValidationError');
    await gateway.handle.exec(`update auth.users set deactivated_at = now() where id = '${demoUsers.judit}'`);
    await request('judit@example.com');
    await gateway.handle.exec(`update auth.users set deactivated_at = null where id = '${demoUsers.judit}'`);
    const [bot] = await sqlRows<{ email: string }>(gateway, `select email from auth.users where id = '${demoUsers.bot}'`);
    await request(bot!.email);
    expect(await outbox()).toEqual([]);
  });

  it('keeps at most three live links per user: further requests are answered alike but mail nothing', async () => {
    for (let i = 0; i < 4; i++) await request('istvan@example.com');
    expect((await outbox()).length).toBe(3);
  });
});

describe('resetPassword', () => {
  let token: string;
  beforeAll(async () => {
    await request('carol@example.com');
    const sender = capture();
    await drain(sender);
    token = tokenOf(sender.mails.find((mail) => mail.to === 'carol@example.com')!);
  });

  it('refuses a short password (ValidationError) and an unknown token (NotFoundError), consuming nothing', async () => {
    expect(outcomeOf(await reset(token, 'short'), 'resetPassword')).toBe('ValidationError');
    expect(outcomeOf(await reset(RESET_TOKEN_PREFIX + 'x'.repeat(43), NEW_PASSWORD), 'resetPassword')).toBe('NotFoundError');
  });

  it('sets the password, consumes the token and revokes every session; audited', async () => {
    const carol = await headersFor(gateway, 'carol');
    const response = await reset(token, NEW_PASSWORD);
    expect(response.data.resetPassword).toEqual({ __typename: 'ResetPasswordPayload', revokedSessionCount: expect.any(Number) });
    expect(response.data.resetPassword.revokedSessionCount).toBeGreaterThanOrEqual(1);
    expect((await gateway.execute('{ viewer { id } }', {}, carol)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'revoked' });
    const signIn = (password: string) =>
      gateway.execute('mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }', { input: { email: 'carol@example.com', password } }).then((r) => r.data.signIn.__typename);
    expect(await signIn(DEMO_PASSWORD)).toBe('InvalidCredentialsError');
    expect(await signIn(NEW_PASSWORD)).toBe('SessionPayload');
    expect(await auditRows(gateway, 'user.password.reset')).toMatchObject([{ actor_id: demoUsers.carol, resource_id: demoUsers.carol }]);
  });

  it('refuses a consumed token (ConflictError)', async () => {
    expect(outcomeOf(await reset(token, 'another-password-99'), 'resetPassword')).toBe('ConflictError');
  });

  it('refuses an expired token (ConflictError), and works for a request made with a stale token header', async () => {
    await request('bob@example.com');
    const sender = capture();
    await drain(sender);
    const expired = tokenOf(sender.mails[0]!);
    await gateway.handle.exec(`update auth.password_reset_tokens set expires_at = now() - interval '1 minute' where used_at is null and user_id = '${demoUsers.bob}'`);
    const response = await gateway.execute(RESET, { input: { token: expired, newPassword: NEW_PASSWORD } }, { authorization: 'Bearer gw_s_' + 'y'.repeat(43) });
    expect(outcomeOf(response, 'resetPassword')).toBe('ConflictError');
    expect(response.data.resetPassword.message).toContain('expired');
  });
});

describe('the outbox', () => {
  it('retries a failed delivery later, then fails it for good and clears its params', async () => {
    await request('hanna@example.com');
    const failing: MailSender = { name: 'smtp', send: async () => Promise.reject(new Error('connection refused')), close: async () => {} };
    expect(await drain(failing, 2)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [retrying] = await sqlRows<{ status: string; attempts: number; later: boolean; last_error: string }>(
      gateway,
      `select status, attempts, next_attempt_at > now() as later, last_error from platform.mail_outbox`,
    );
    expect(retrying).toEqual({ status: 'pending', attempts: 1, later: true, last_error: 'connection refused' });
    // Not due yet: nothing is claimed.
    expect(await drain(failing, 2)).toEqual({ sent: 0, retried: 0, failed: 0 });
    await gateway.handle.exec(`update platform.mail_outbox set next_attempt_at = now()`);
    expect(await drain(failing, 2)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await outbox()).toMatchObject([{ status: 'failed', params: null, attempts: 2 }]);
  });

  it('does not send a mail whose link expired while it waited', async () => {
    await request('hanna@example.com');
    await gateway.handle.exec(`update platform.mail_outbox set expires_at = now() - interval '1 second'`);
    const sender = capture();
    expect(await drain(sender)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(sender.mails).toEqual([]);
  });

  it('sends each mail once when drains run at the same time (claimed rows are skipped)', async () => {
    for (const user of ['alice', 'gina', 'judit']) await request(`${user}@example.com`);
    const sender = capture();
    const results = await Promise.all([drain(sender), drain(sender), drain(sender)]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(3);
    expect(sender.mails.map((mail) => mail.to).sort()).toEqual(['alice@example.com', 'gina@example.com', 'judit@example.com']);
  });
});
