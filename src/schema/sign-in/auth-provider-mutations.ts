import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { clientSecretContext, seal } from '../../secrets.js';
import { EMAIL_PROVIDER_KEY } from '../../auth/providers.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { authProviders } from '../../db/schema/index.js';
import { isLoopbackHost } from '../../http/playground-session.js';
import { canManageAuthProvider, canSeeAuthProvider, MANAGE_AUTH_PROVIDERS } from '../../policies/auth-provider.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { LocalizedTextInput } from '../core/localized.js';
import { authorizeRow, mutate, writeAudit } from '../core/mutations.js';
import { catalogKey, localizedValue, requirePermission, trimmedText } from '../platform/platform-mutation-helpers.js';
import { AuthProvider, AuthProviderKindEnum } from './auth-providers.js';


// https, or http on a loopback host (a provider on this machine, e.g. in development and tests).
const issuerUrl = trimmedText(1, 500).refine((raw) => {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  return secure && !url.username && !url.password && !url.search && !url.hash;
}, 'must be an https URL (http only on a loopback host) without credentials, query or fragment');

// RFC 6749 scope tokens; openid is what makes the answer an ID token.
const scopes = z
  .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/, 'must be a scope token (visible ASCII, no spaces, quotes or backslashes)'))
  .min(1)
  .max(20, 'must be at most 20 scopes')
  .refine((list) => list.includes('openid'), 'must include openid')
  .transform((list) => [...new Set(list)]);

const oidcSettings = z.object({
  issuerUrl: issuerUrl.optional(),
  clientId: trimmedText(1, 200).optional(),
  clientSecret: z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters').nullish(),
  scopes: scopes.optional(),
  sortOrder: z.number().int().min(-1000).max(1000).optional(),
});

const createSchema = oidcSettings.extend({ key: catalogKey, kind: z.enum(['password', 'oidc']) });

type Row = typeof authProviders.$inferSelect;
/** What the audit log keeps of a provider: never the secret, only whether there is one. */
const auditValues = (row: Row) => ({
  key: row.key,
  kind: row.kind,
  name: row.name,
  isEnabled: row.isEnabled,
  sortOrder: row.sortOrder,
  issuerUrl: row.issuerUrl,
  clientId: row.clientId,
  scopes: row.scopes,
  hasClientSecret: row.clientSecretEncrypted !== null,
});

/** The sealed secret (null clears it); refused when the gateway has no key to seal it with. */
function sealedSecret(ctx: Context, providerKey: string, secret: string | null | undefined): string | null | undefined {
  if (secret === undefined || secret === null) return secret;
  const key = ctx.signIn?.secretKey;
  if (!key) throw new ValidationError([{ path: ['clientSecret'], message: 'cannot be stored: the gateway has no AUTH_PROVIDER_SECRET_KEY' }]);
  return seal(key, secret, clientSecretContext(providerKey));
}

/** A password provider has no OIDC settings. */
function refuseOidcSettings(input: Record<string, unknown>): void {
  const given = ['issuerUrl', 'clientId', 'clientSecret', 'scopes'].filter((field) => input[field] !== undefined && input[field] !== null);
  if (given.length > 0) throw new ValidationError(given.map((field) => ({ path: [field], message: 'only an OIDC provider has this' })));
}

const AuthProviderPayload = builder.objectRef<{ id: string }>('AuthProviderPayload').implement({
  fields: (t) => ({
    authProvider: t.drizzleField({
      type: AuthProvider,
      nullable: true,
      resolve: (query, payload, _args, ctx) => ctx.db.query.authProviders.findFirst(query({ where: { id: payload.id, ...visibleRows(canSeeAuthProvider, ctx) } })),
    }),
  }),
});

const CreateInput = builder.inputType('CreateAuthProviderInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Unique: lower-case letters, digits, ".", "-", "_"; the routes /auth/oidc/<key>/… use it; cannot be changed.' }),
    kind: t.field({ type: AuthProviderKindEnum, required: true, description: 'OIDC (the built-in `email` provider is the one PASSWORD provider).' }),
    name: t.field({ type: [LocalizedTextInput], required: true, description: 'Active locales only; the default locale is required.' }),
    isEnabled: t.boolean({ defaultValue: false }),
    sortOrder: t.int({ description: '-1000 to 1000; default 0.' }),
    issuerUrl: t.string({ description: 'OIDC issuer: https (http only on a loopback host); its /.well-known/openid-configuration is read at sign-in.' }),
    clientId: t.string(),
    clientSecret: t.string({ description: 'Write-only: stored encrypted (AES-256-GCM under AUTH_PROVIDER_SECRET_KEY), never read back. Absent: a public client (PKCE only).' }),
    scopes: t.stringList({ description: 'Default openid, email, profile; must include openid.' }),
  }),
});

const UpdateInput = builder.inputType('UpdateAuthProviderInput', {
  description: 'Absent fields stay as they are; `clientSecret: null` removes the secret. `isEnabled: false` disables the provider.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: AuthProvider }),
    name: t.field({ type: [LocalizedTextInput] }),
    isEnabled: t.boolean(),
    sortOrder: t.int(),
    issuerUrl: t.string(),
    clientId: t.string(),
    clientSecret: t.string({ description: 'Write-only, stored encrypted; null removes it.' }),
    scopes: t.stringList(),
  }),
});

/** Null for a field that cannot be cleared is refused like any bad value. */
function refuseNulls(input: Record<string, unknown>, fields: string[]): void {
  const cleared = fields.filter((field) => input[field] === null);
  if (cleared.length > 0) throw new ValidationError(cleared.map((field) => ({ path: [field], message: 'cannot be cleared' })));
}

builder.mutationFields((t) => ({
  createAuthProvider: t.field({
    type: AuthProviderPayload,
    description: `Adds an OpenID Connect sign-in provider (needs ${MANAGE_AUTH_PROVIDERS}).`,
    errors: resultUnion('CreateAuthProvider', ConflictError, ForbiddenError),
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, MANAGE_AUTH_PROVIDERS);
        refuseNulls(input, ['sortOrder', 'issuerUrl', 'clientId', 'scopes']);
        const parsed = parseInput(createSchema, input);
        if (parsed.kind === 'password') throw new ValidationError([{ path: ['kind'], message: `only the built-in "${EMAIL_PROVIDER_KEY}" provider signs in with a password` }]);
        const missing = (['issuerUrl', 'clientId'] as const).filter((field) => parsed[field] === undefined);
        if (missing.length > 0) throw new ValidationError(missing.map((field) => ({ path: [field], message: 'is required for an OIDC provider' })));
        const name = await localizedValue(ctx, input.name, 'name');
        const [created] = await tx
          .insert(authProviders)
          .values({
            key: parsed.key,
            kind: parsed.kind,
            name: name!,
            isEnabled: input.isEnabled ?? false,
            sortOrder: parsed.sortOrder ?? 0,
            issuerUrl: parsed.issuerUrl,
            clientId: parsed.clientId,
            clientSecretEncrypted: sealedSecret(ctx, parsed.key, parsed.clientSecret) ?? null,
            ...(parsed.scopes ? { scopes: parsed.scopes } : {}),
          })
          // A concurrent twin with the same key inserts nothing here instead of failing.
          .onConflictDoNothing({ target: authProviders.key })
          .returning();
        if (!created) throw new ConflictError(`The key "${parsed.key}" is taken.`);
        await writeAudit(tx, ctx, viewer, { action: 'auth_provider.create', resourceType: 'auth_provider', resourceId: created.id, newValues: auditValues(created) });
        return { id: created.id };
      }),
  }),
  updateAuthProvider: t.field({
    type: AuthProviderPayload,
    description: `Renames, enables or disables a provider, or changes its OIDC settings (needs ${MANAGE_AUTH_PROVIDERS}).`,
    errors: resultUnion('UpdateAuthProvider', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: UpdateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, MANAGE_AUTH_PROVIDERS);
        refuseNulls(input, ['name', 'isEnabled', 'sortOrder', 'issuerUrl', 'clientId', 'scopes']);
        const parsed = parseInput(oidcSettings, input);
        const name = (await localizedValue(ctx, input.name, 'name')) ?? undefined;
        const before = await authorizeRow(tx, viewer, { rule: canManageAuthProvider, readRule: canSeeAuthProvider, id: input.id.id, what: 'AuthProvider' });
        if (before.kind === 'password') refuseOidcSettings(input);
        const [after] = await tx
          .update(authProviders)
          .set({
            name,
            isEnabled: input.isEnabled ?? undefined,
            sortOrder: parsed.sortOrder,
            issuerUrl: parsed.issuerUrl,
            clientId: parsed.clientId,
            clientSecretEncrypted: sealedSecret(ctx, before.key, parsed.clientSecret),
            scopes: parsed.scopes,
          })
          .where(eq(authProviders.id, before.id))
          .returning();
        await writeAudit(tx, ctx, viewer, {
          action: 'auth_provider.update',
          resourceType: 'auth_provider',
          resourceId: before.id,
          oldValues: auditValues(before),
          newValues: auditValues(after!),
        });
        return { id: before.id };
      }),
  }),
}));
