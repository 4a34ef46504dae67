import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, text, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampColumn } from '../columns.js';
import { platformSchema } from './schema.js';

/**
 * Mail waiting to be sent (src/mail/): written in the transaction of the change that sends it, so a
 * mail goes out exactly when that change commits; a sender drains it. Rows carry a template `kind`
 * and its `params`, rendered at sending time in `locale`; params may hold a secret (a reset link),
 * so they are cleared once the row is sent or has failed for good.
 */
export const mailOutbox = platformSchema.table(
  'mail_outbox',
  {
    id: id(),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    locale: varchar('locale', { length: 16 }),
    params: jsonb('params').$type<Record<string, string>>(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestampColumn('next_attempt_at').notNull().defaultNow(),
    /** A sender working on the row holds it until then (claimed rows are skipped by the others). */
    claimedUntil: timestampColumn('claimed_until'),
    /** Not sent after this (e.g. the reset link it carries has expired). */
    expiresAt: timestampColumn('expires_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestampColumn('sent_at'),
  },
  (t) => [
    check('mail_outbox_status', sql`${t.status} in ('pending', 'sent', 'failed')`),
    index('mail_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);
