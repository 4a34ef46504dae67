import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actorRef } from '../auth/users.js';
import { createdAt, id, updatedAt } from '../columns.js';
import { organizations } from './organizations.js';
import { chatSchema } from './schema.js';

export const integrationStatus = chatSchema.enum('integration_status', ['active', 'paused', 'error', 'revoked']);

/**
 * An external integration of an organization (GitHub, Slack, Jira, a webhook, ...): readable
 * settings, and credentials stored only AES-256-GCM encrypted under INTEGRATION_SECRET_KEY, bound
 * to the row's id (src/secrets.ts). No GraphQL field, log line or audit row holds them.
 */
export const integrationConnections = chatSchema.table(
  'integration_connections',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Which integration: a lower-case key such as `github`, `slack`, `jira`, `webhook`. */
    provider: text('provider').notNull(),
    name: text('name').notNull(),
    status: integrationStatus('status').notNull().default('active'),
    /** Non-secret configuration (a JSON object); secrets go to the credentials. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** `v1.<iv>.<tag>.<ciphertext>` (base64url); null: none stored. */
    credentialsEncrypted: text('credentials_encrypted'),
    hasCredentials: boolean('has_credentials').generatedAlwaysAs(sql`credentials_encrypted is not null`),
    createdBy: actorRef('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('integration_connections_org_provider_name').on(t.organizationId, t.provider, t.name),
    index('integration_connections_created_by_idx').on(t.createdBy),
    // The key shape the API accepts, held for SQL writers too.
    check('integration_connections_provider_key', sql`${t.provider} ~ '^[a-z][a-z0-9]*([._-][a-z0-9]+)*$' and length(${t.provider}) <= 40`),
    check('integration_connections_settings_object', sql`jsonb_typeof(${t.settings}) = 'object'`),
  ],
);
