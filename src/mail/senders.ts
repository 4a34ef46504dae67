import type { Transporter } from 'nodemailer';
import type { Logger } from '../observe/logger.js';

/** One mail as a sender delivers it. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative of `text` (the template's HTML part), when there is one. */
  html?: string;
}

/** Where mail goes: MAIL_SENDER=console (the default) or smtp. */
export interface MailSender {
  readonly name: 'console' | 'smtp';
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

/**
 * Development delivery: the mail is written to the log (component `mail`), link included, since
 * reading it there is how a developer follows a reset link. Not for production: set MAIL_SENDER=smtp.
 */
export function consoleSender(log: Logger, from: string): MailSender {
  return {
    name: 'console',
    async send(mail) {
      log.info({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) }, `mail to ${mail.to}: ${mail.subject}`);
    },
    async close() {},
  };
}

export interface SmtpOptions {
  /** smtp://user:password@host:587 or smtps://… (nodemailer's connection URL). */
  url: string;
  from: string;
  /** Bounds on one delivery, so a silent server cannot hold a claimed mail forever. */
  timeoutMs?: number;
}

/** SMTP through nodemailer (STARTTLS when the server offers it; smtps:// for TLS from the start), loaded only when chosen. */
export async function smtpSender({ url, from, timeoutMs = 30_000 }: SmtpOptions): Promise<MailSender> {
  const { createTransport } = await import('nodemailer');
  const transport: Transporter = createTransport(url, { from });
  // The URL's own query (e.g. ?tls.rejectUnauthorized=false for a test server) is read by nodemailer; the timeouts are ours.
  Object.assign(transport.options, { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return {
    name: 'smtp',
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) });
    },
    async close() {
      transport.close();
    },
  };
}
