import { sql } from 'drizzle-orm';
import { builder } from '../../builder.js';
import { integrationConnections } from '../../db/schema/index.js';
import { canManageIntegrationConnection } from '../../policies/integration-connection.js';
import { canSeeUser } from '../../policies/user.js';
import { IntegrationStatusEnum } from '../core/enums.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';
import { ruledConnection } from '../core/ruled-connection.js';
import { sqlValue } from '../core/sql-value.js';
import { Organization } from '../organizations/organizations.js';

/**
 * An external integration of an organization, for its admins and owners. Its credentials are
 * write-only: no field reads them (or their ciphertext), only whether there are some.
 */
export const IntegrationConnection = builder.drizzleNode('integrationConnections', {
  name: 'IntegrationConnection',
  // Only the columns the asked fields need: the ciphertext is never even loaded for a read.
  select: { columns: { id: true } },
  id: { column: (connection) => connection.id },
  fields: (t) => ({
    provider: t.exposeString('provider', { description: 'Which integration: a lower-case key such as `github`, `slack`, `jira`, `webhook`.' }),
    name: t.exposeString('name', { description: 'Unique per organization and provider.' }),
    status: t.expose('status', { type: IntegrationStatusEnum }),
    settings: t.expose('settings', { type: 'JSONObject', description: 'Non-secret configuration; secrets belong in the write-only credentials.' }),
    hasCredentials: t.boolean({
      description: 'Whether credentials are stored; they are write-only and never read back.',
      // The generated column is never null; drizzle types every generated column as nullable.
      ...sqlValue('hasCredentials', (connection: typeof integrationConnections) => sql`coalesce(${connection.hasCredentials}, false)`),
    }),
    organization: t.relation('organization'),
    createdBy: t.relation('creator', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
nodeReadRule('IntegrationConnection', canManageIntegrationConnection);

builder.drizzleObjectFields(Organization, (t) => ({
  integrationConnections: t.relatedConnection('integrationConnections', {
    description: "The organization's integrations, by provider then name: for its admins and owners (empty for anyone else).",
    ...ruledConnection(t, 'integrationConnections', canManageIntegrationConnection, { provider: 'asc', name: 'asc' }),
  }),
}));
