import { sql } from 'drizzle-orm';
import { index, inet, integer, jsonb, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, timestampColumn, updatedAt } from '../columns.js';
import { locales } from '../platform/locales.js';
import { authSchema, userType } from './schema.js';

export const users = authSchema.table(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    avatarUrl: text('avatar_url'),
    userType: userType('user_type').notNull().default('human'),
    locale: varchar('locale', { length: 16 }).references(() => locales.code, { onUpdate: 'cascade' }),
    timezone: text('timezone'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
    /**
     * Deactivated (issue 17): still there and visible (their messages keep their author), but no
     * sign-in, no working session, token or reset link; reactivation undoes it. Soft delete
     * (`deleted_at`) is different: the user is gone everywhere.
     */
    deactivatedAt: timestampColumn('deactivated_at'),
  },
  (t) => [
    uniqueIndex('users_email_live').on(sql`lower(${t.email})`).where(sql`${t.deletedAt} is null`),
    index('users_locale_idx').on(t.locale),
    index('users_display_name_idx').on(t.displayName, t.id),
    // Mentions: the notification trigger looks up `@name` candidates of a message by lower(display_name).
    index('users_display_name_lower_idx').on(sql`lower(${t.displayName})`),
    // `users(search:)` ILIKEs each of these; one trigram index per column lets the planner OR them.
    index('users_display_name_trgm_idx').using('gin', t.displayName.op('gin_trgm_ops')),
    index('users_first_name_trgm_idx').using('gin', t.firstName.op('gin_trgm_ops')),
    index('users_last_name_trgm_idx').using('gin', t.lastName.op('gin_trgm_ops')),
    index('users_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
  ],
);

/** A reference to a user; rows that belong to a user go with it. */
export const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'cascade' });
/** A reference to the user who did something; the record outlives the user. */
export const actorRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

export const accounts = authSchema.table(
  'accounts',
  {
    id: id(),
    userId: userRef('user_id').notNull(),
    provider: text('provider').notNull().default('password'),
    passwordHash: text('password_hash'),
    failedLoginAttempts: integer('failed_login_attempts').notNull().default(0),
    lockedUntil: timestampColumn('locked_until'),
    lastLoginAt: timestampColumn('last_login_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_user_provider').on(t.userId, t.provider)],
);

export const sessions = authSchema.table(
  'sessions',
  {
    id: id(),
    userId: userRef('user_id').notNull(),
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash'),
    expiresAt: timestampColumn('expires_at').notNull(),
    revokedAt: timestampColumn('revoked_at'),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Password reset links (issue 17): only the token's SHA-256 is stored; single-use, expiring. */
export const passwordResetTokens = authSchema.table(
  'password_reset_tokens',
  {
    id: id(),
    userId: userRef('user_id').notNull(),
    tokenHash: text('token_hash').notNull().unique('password_reset_tokens_token_hash'),
    expiresAt: timestampColumn('expires_at').notNull(),
    usedAt: timestampColumn('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
);
