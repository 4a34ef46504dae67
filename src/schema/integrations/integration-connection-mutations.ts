import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { integrationConnections } from '../../db/schema/index.js';
import { canConnectIntegrationIn, canManageIntegrationConnection } from '../../policies/integration-connection.js';
import { canSeeOrganization } from '../../policies/organization.js';
import { integrationCredentialsContext, seal } from '../../secrets.js';
import { IntegrationStatusEnum } from '../core/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { authorizeRow, writeAudit, type Transaction } from '../core/mutations.js';
import { mutateOrganization, plainText } from '../organizations/organization-mutations.js';
import { Organization } from '../organizations/organizations.js';
import { IntegrationConnection } from './integration-connections.js';

/**
 * Integration connections: create, change, delete, by the organization's admins and owners (a bot
 * within organizations:write, as every organization-admin write). Credentials go in, sealed, and
 * never come out: not in a payload, an error, the audit log (which notes only `hasCredentials`) or a log line.
 */

/** The largest settings object, serialized, and the largest credentials text. */
export const MAX_SETTINGS_BYTES = 16_384;
export const MAX_CREDENTIALS_LENGTH = 8_192;

const providerSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'must be at least 2 characters')
  .max(40, 'must be at most 40 characters')
  .regex(/^[a-z][a-z0-9]*([._-][a-z0-9]+)*$/, 'must be a key: lower-case letters and digits, single ".", "-" or "_" between them (e.g. github, jira, webhook)');

// Keys such as `token`, `webhookSecret`, `api_key`: what is stored under them belongs in the credentials, which nobody reads back.
const SECRET_LOOKING_KEY = /(secret|password|passwd|token|apikey|privatekey|accesskey|credentials?)$/;
const secretLookingKeys = (value: unknown, path = ''): string[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretLookingKeys(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = path ? `${path}.${key}` : key;
    return [...(SECRET_LOOKING_KEY.test(key.toLowerCase().replace(/[^a-z]/g, '')) ? [here] : []), ...secretLookingKeys(inner, here)];
  });
};

const settingsSchema = z
  .record(z.string(), z.unknown())
  .refine((settings) => Buffer.byteLength(JSON.stringify(settings)) <= MAX_SETTINGS_BYTES, `must be at most ${MAX_SETTINGS_BYTES} bytes as JSON`)
  // jsonb cannot hold U+0000.
  .refine((settings) => !JSON.stringify(settings).includes('\\u0000'), 'must not contain NUL characters')
  .superRefine((settings, context) => {
    const keys = secretLookingKeys(settings);
    if (keys.length > 0) context.addIssue({ code: 'custom', message: `holds what looks like a secret (${keys.slice(0, 5).join(', ')}): put secrets in credentials, which are stored encrypted and never read back` });
  });

// Its own messages only: a refusal must never repeat the value.
const credentialsSchema = z
  .string()
  .min(1, 'must not be empty (null removes the credentials)')
  .max(MAX_CREDENTIALS_LENGTH, `must be at most ${MAX_CREDENTIALS_LENGTH} characters`)
  .refine((text) => !text.includes('\0'), 'must not contain NUL characters');

const changeSchema = z.object({
  name: plainText(100).optional(),
  settings: settingsSchema.optional(),
  credentials: credentialsSchema.nullish(),
});
const createSchema = changeSchema.extend({ provider: providerSchema, name: plainText(100) });

type Row = typeof integrationConnections.$inferSelect;
/** What the audit log keeps of a connection: never the credentials or their ciphertext, only whether there are some. */
const auditValues = (row: Row) => ({ provider: row.provider, name: row.name, status: row.status, settings: row.settings, hasCredentials: row.credentialsEncrypted !== null });

/** The sealed credentials of connection `id` (null clears them); refused when the gateway has no key to seal with. */
function sealedCredentials(ctx: Context, id: string, credentials: string | null | undefined): string | null | undefined {
  if (credentials === undefined || credentials === null) return credentials;
  const key = ctx.integrationSecretKey;
  if (!key) throw new ValidationError([{ path: ['credentials'], message: 'cannot be stored: the gateway has no INTEGRATION_SECRET_KEY' }]);
  return seal(key, credentials, integrationCredentialsContext(id));
}

/** CONFLICT when another connection of the organization has this provider and name (the unique index still decides a race). */
async function assertNameFree(tx: Transaction, row: Pick<Row, 'organizationId' | 'provider' | 'name'>, except?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: integrationConnections.id })
    .from(integrationConnections)
    .where(
      and(
        eq(integrationConnections.organizationId, row.organizationId),
        eq(integrationConnections.provider, row.provider),
        eq(integrationConnections.name, row.name),
        except ? ne(integrationConnections.id, except) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw new ConflictError(`The organization already has a ${row.provider} connection named "${row.name}".`);
}

/** Null for a field that cannot be cleared is refused like any bad value. */
function refuseNulls(input: Record<string, unknown>, fields: string[]): void {
  const cleared = fields.filter((field) => input[field] === null);
  if (cleared.length > 0) throw new ValidationError(cleared.map((field) => ({ path: [field], message: 'cannot be cleared' })));
}

const IntegrationConnectionPayload = builder.objectRef<{ id: string }>('IntegrationConnectionPayload').implement({
  fields: (t) => ({
    integrationConnection: t.drizzleField({
      type: IntegrationConnection,
      nullable: true,
      description: 'The connection as the viewer may now see it (null once deleted).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.integrationConnections.findFirst(query({ where: { id: payload.id, ...visibleRows(canManageIntegrationConnection, ctx) } })),
    }),
  }),
});

const credentialsHelp = `Write-only: stored encrypted (AES-256-GCM under INTEGRATION_SECRET_KEY, bound to this connection), never read back; e.g. an API token, or a JSON text when the integration needs several values. At most ${MAX_CREDENTIALS_LENGTH} characters.`;
const settingsHelp = `Non-secret configuration, a JSON object of at most ${MAX_SETTINGS_BYTES} bytes; keys named like secrets (token, password, apiKey, ...Secret) are refused.`;

const CreateInput = builder.inputType('CreateIntegrationConnectionInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    provider: t.string({ required: true, description: 'A lower-case key: `github`, `slack`, `jira`, `webhook`, ...; cannot be changed.' }),
    name: t.string({ required: true, description: '1 to 100 characters, unique per organization and provider.' }),
    status: t.field({ type: IntegrationStatusEnum, description: 'Default ACTIVE.' }),
    settings: t.field({ type: 'JSONObject', description: `${settingsHelp} Default {}.` }),
    credentials: t.string({ description: credentialsHelp }),
  }),
});

const UpdateInput = builder.inputType('UpdateIntegrationConnectionInput', {
  description: 'Absent fields stay as they are; `credentials` replaces the stored ones, `credentials: null` removes them.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: IntegrationConnection }),
    name: t.string(),
    status: t.field({ type: IntegrationStatusEnum }),
    settings: t.field({ type: 'JSONObject', description: `${settingsHelp} Replaces the whole object.` }),
    credentials: t.string({ description: credentialsHelp }),
  }),
});

const DeleteInput = builder.inputType('DeleteIntegrationConnectionInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: IntegrationConnection }) }),
});

const what = 'Integration connection';

builder.mutationFields((t) => ({
  createIntegrationConnection: t.field({
    type: IntegrationConnectionPayload,
    description: 'Connects an external integration to an organization (its admins and owners).',
    errors: resultUnion('CreateIntegrationConnection', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        refuseNulls(input, ['status', 'settings']);
        const fields = parseInput(createSchema, input);
        const organization = await authorizeRow(tx, viewer, { rule: canConnectIntegrationIn, readRule: canSeeOrganization, id: input.organizationId.id, what: 'Organization', lock: 'share' });
        const row = { organizationId: organization.id, provider: fields.provider, name: fields.name };
        await assertNameFree(tx, row);
        // The id is chosen here: the credentials are sealed for it before the row exists.
        const id = randomUUID();
        const [created] = await tx
          .insert(integrationConnections)
          .values({
            id,
            ...row,
            status: input.status ?? 'active',
            settings: fields.settings ?? {},
            credentialsEncrypted: sealedCredentials(ctx, id, fields.credentials) ?? null,
            createdBy: viewer.userId,
          })
          .returning();
        await writeAudit(tx, ctx, viewer, {
          action: 'integration_connection.create',
          resourceType: 'integration_connection',
          resourceId: id,
          organizationId: organization.id,
          newValues: auditValues(created!),
        });
        return { id };
      }),
  }),
  updateIntegrationConnection: t.field({
    type: IntegrationConnectionPayload,
    description: "Renames a connection, changes its status or settings, replaces or removes its credentials (the organization's admins and owners).",
    errors: resultUnion('UpdateIntegrationConnection', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        refuseNulls(input, ['name', 'status', 'settings']);
        const changes = parseInput(changeSchema, input);
        const before = await authorizeRow(tx, viewer, { rule: canManageIntegrationConnection, readRule: canManageIntegrationConnection, id: input.id.id, what });
        if (changes.name !== undefined && changes.name !== before.name) await assertNameFree(tx, { ...before, name: changes.name }, before.id);
        const [after] = await tx
          .update(integrationConnections)
          .set({
            name: changes.name,
            status: input.status ?? undefined,
            settings: changes.settings,
            credentialsEncrypted: sealedCredentials(ctx, before.id, changes.credentials),
          })
          .where(eq(integrationConnections.id, before.id))
          .returning();
        await writeAudit(tx, ctx, viewer, {
          action: 'integration_connection.update',
          resourceType: 'integration_connection',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: auditValues(before),
          // Whether the credentials were replaced (the values are in no log); `hasCredentials` says whether any remain.
          newValues: { ...auditValues(after!), credentialsReplaced: typeof changes.credentials === 'string' },
        });
        return { id: before.id };
      }),
  }),
  deleteIntegrationConnection: t.field({
    type: IntegrationConnectionPayload,
    description: "Deletes a connection and its credentials (the organization's admins and owners).",
    errors: resultUnion('DeleteIntegrationConnection', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: DeleteInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        const before = await authorizeRow(tx, viewer, { rule: canManageIntegrationConnection, readRule: canManageIntegrationConnection, id: input.id.id, what });
        await tx.delete(integrationConnections).where(eq(integrationConnections.id, before.id));
        await writeAudit(tx, ctx, viewer, {
          action: 'integration_connection.delete',
          resourceType: 'integration_connection',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: auditValues(before),
        });
        return { id: before.id };
      }),
  }),
}));
