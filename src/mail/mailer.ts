import { configurePasswordReset } from '../auth/password-reset.js';
import type { MailConfig } from '../config.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../observe/logger.js';
import { startMailer, type Mailer } from './outbox.js';
import { consoleSender, smtpSender } from './senders.js';

/** The process's mail, as configured: reset links' URL and lifetime, the sender, and the outbox drain. */
export async function startConfiguredMailer(db: Database, config: MailConfig, log: Logger): Promise<Mailer> {
  configurePasswordReset({ url: config.passwordResetUrl, ttlMinutes: config.passwordResetTtlMinutes });
  const sender = config.sender === 'smtp' ? await smtpSender({ url: config.smtpUrl!, from: config.from }) : consoleSender(log, config.from);
  if (sender.name === 'console') log.info('mail is written to this log (MAIL_SENDER=console); set MAIL_SENDER=smtp to deliver it');
  return startMailer(db, sender, { intervalMs: config.intervalMs, maxAttempts: config.maxAttempts, backoffMs: config.backoffMs, log });
}
