import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, localized, localizedCheck, timestampColumn, updatedAt } from '../columns.js';
import { authSchema } from './schema.js';
import { userRef } from './users.js';

export const authProviderKind = authSchema.enum('auth_provider_kind', ['password', 'oidc']);

/**
 * Ways to sign in: `email` (password) and OpenID Connect providers. A client secret is stored only
 * AES-256-GCM encrypted (src/secrets.ts); no GraphQL field reads it.
 */
export const authProviders = authSchema.table(
  'auth_providers',
  {
    id: id(),
    key: text('key').notNull().unique('auth_providers_key'),
    kind: authProviderKind('kind').notNull(),
    name: localized('name').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    issuerUrl: text('issuer_url'),
    clientId: text('client_id'),
    /** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to the provider's key; null: a public client. */
    clientSecretEncrypted: text('client_secret_encrypted'),
    hasClientSecret: boolean('has_client_secret').generatedAlwaysAs(sql`client_secret_encrypted is not null`),
    scopes: text('scopes').array().notNull().default(sql`'{openid,email,profile}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    localizedCheck('auth_providers_name_localized', t.name),
    // An OIDC provider needs its issuer and client id; a password provider has neither.
    check(
      'auth_providers_kind_settings',
      sql`(${t.kind} = 'oidc' and ${t.issuerUrl} is not null and ${t.clientId} is not null) or (${t.kind} = 'password' and ${t.issuerUrl} is null and ${t.clientId} is null and ${t.clientSecretEncrypted} is null)`,
    ),
  ],
);

/** A person's identity at an external provider: (provider, subject) names one account for good. */
export const providerLinks = authSchema.table(
  'provider_links',
  {
    id: id(),
    userId: userRef('user_id').notNull(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => authProviders.id, { onDelete: 'restrict' }),
    subject: text('subject').notNull(),
    /** The provider's email claim when the link was made (the user's email may change later). */
    email: text('email'),
    createdAt: createdAt(),
    lastSignInAt: timestampColumn('last_sign_in_at'),
  },
  (t) => [
    uniqueIndex('provider_links_provider_subject').on(t.providerId, t.subject),
    index('provider_links_user_idx').on(t.userId),
  ],
);
