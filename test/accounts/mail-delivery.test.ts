import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configurePasswordReset } from '../../src/auth/password-reset.js';
import { loadConfig } from '../../src/config.js';
import { startConfiguredMailer } from '../../src/mail/mailer.js';
import type { Mailer } from '../../src/mail/outbox.js';
import { consoleSender } from '../../src/mail/senders.js';
import { createLogger, logger, setProcessLogger, silentLogger } from '../../src/observe/logger.js';
import { queryRows } from '../database.js';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { DEMO_PASSWORD } from '../sign-in.js';

// The SMTP sender delivers the reset mail to a real SMTP server on loopback (smtp-server, with
// authentication); the whole forgotten-password path leaves no token or password in any response or log line.

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

let server: SMTPServer;
let port: number;
const received: Received[] = [];
let nextMail: (mail: Received) => void = () => undefined;
const lines: string[] = [];
let gateway: TestGateway;
let mailer: Mailer;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) =>
      auth.username === 'mailer' && auth.password === 'smtp-secret' ? callback(null, { user: auth.username }) : callback(new Error('Invalid username or password')),
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = { from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, raw: Buffer.concat(chunks).toString('utf8') };
        received.push(mail);
        nextMail(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  // Every line the gateway and the mailer write is kept (JSON lines).
  setProcessLogger(createLogger({ level: 'trace', json: true, destination: { write: (line: string) => void lines.push(line) } }));
  gateway = await createTestGateway();
  const config = loadConfig({ MAIL_SENDER: 'smtp', SMTP_URL: `smtp://mailer:smtp-secret@127.0.0.1:${port}`, MAIL_FROM: 'Gateway <no-reply@example.com>', PASSWORD_RESET_URL: 'https://app.example.com/reset' }).mail;
  mailer = await startConfiguredMailer(gateway.handle.db, { ...config, intervalMs: 60_000 }, logger().child({ component: 'mail' }));
});

afterAll(async () => {
  await mailer?.stop();
  await gateway?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  configurePasswordReset({ url: 'http://localhost:3000/reset-password', ttlMinutes: 30 });
  setProcessLogger(silentLogger());
});

/** The body as text: quoted-printable soft breaks joined and escapes decoded. */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('the SMTP sender', () => {
  it('delivers the reset mail, and nothing of the path leaks a token or password', async () => {
    const arrived = new Promise<Received>((resolve) => (nextMail = resolve));
    const responses: unknown[] = [];
    const run = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const response = await gateway.execute(query, variables, headers);
      responses.push(response);
      return response;
    };
    await run('mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename } }', { input: { email: 'dave@example.com' } });
    // The mutation woke the mailer: the mail leaves without waiting for the interval.
    const mail = await arrived;
    expect(mail).toMatchObject({ from: 'no-reply@example.com', to: ['dave@example.com'], user: 'mailer' });
    const text = decoded(mail.raw);
    expect(text).toMatch(/^Subject: Reset your password$/m);
    const token = new URL(/https:\/\/app\.example\.com\/reset\?\S+/.exec(text)![0]).searchParams.get('token')!;
    expect(token).toMatch(/^gw_r_[A-Za-z0-9_-]{43}$/);
    await expect.poll(async () => (await queryRows<{ status: string }>(gateway.handle, `select status from platform.mail_outbox`))[0]?.status, { timeout: 30_000 }).toBe('sent'); // marked right after the server's reply

    const newPassword = 'smtp-tested-password-1';
    const reset = await run('mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }', { input: { token, newPassword } });
    expect(reset).toEqual({ data: { resetPassword: { __typename: 'ResetPasswordPayload' } } });
    const signIn = await run('mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on SessionPayload { token } } }', { input: { email: 'dave@example.com', password: newPassword } });
    const session = { authorization: `Bearer ${signIn.data.signIn.token as string}` };
    const finalPassword = 'smtp-tested-password-2';
    await run('mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }', { input: { currentPassword: newPassword, newPassword: finalPassword } }, session);
    await run('mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }', { input: { token, newPassword: 'a-third-password-33' } });

    const secrets = [token, newPassword, finalPassword, DEMO_PASSWORD, 'a-third-password-33', 'smtp-secret'];
    const answered = JSON.stringify(responses.filter((response) => response !== signIn));
    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of secrets) {
      expect(answered, 'responses').not.toContain(secret);
      expect(logged, 'log lines').not.toContain(secret);
    }
    // Nor does the database keep the token itself once the mail is sent.
    const [stored] = await queryRows<{ text: string }>(gateway.handle, `select (select json_agg(t)::text from auth.password_reset_tokens t) || (select json_agg(o)::text from platform.mail_outbox o) as text`);
    expect(stored!.text).not.toContain(token);
  });

  it('refuses a start with MAIL_SENDER=smtp but no SMTP_URL, or a reset URL that is not http(s)', () => {
    expect(() => loadConfig({ MAIL_SENDER: 'smtp' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_SENDER: 'pigeon' })).toThrow(/MAIL_SENDER/);
    expect(() => loadConfig({ PASSWORD_RESET_URL: 'javascript:alert(1)' })).toThrow(/PASSWORD_RESET_URL/);
    expect(loadConfig({}).mail).toMatchObject({ sender: 'console', passwordResetTtlMinutes: 30 });
  });
});

describe('the console sender', () => {
  it('writes the mail to the log (development delivery)', async () => {
    const kept: string[] = [];
    const log = createLogger({ level: 'info', json: true, destination: { write: (line: string) => void kept.push(line) } });
    await consoleSender(log, 'Gateway <no-reply@localhost>').send({ to: 'dave@example.com', subject: 'Reset your password', text: 'open https://app.example.com/reset?token=t' });
    log.flush();
    expect(JSON.parse(kept[0]!)).toMatchObject({ to: 'dave@example.com', subject: 'Reset your password', text: expect.stringContaining('token=t') });
  });
});
