import { builder } from '../../builder.js';
import { authProviderKind } from '../../db/schema/auth/providers.js';
import { canManageAuthProvider, canSeeAuthProvider } from '../../policies/auth-provider.js';
import { guardedColumn, nodeReadRule, visibleRows } from '../core/guards.js';
import { localizedFields } from '../core/localized.js';
import { rootConnection, rootRows } from '../core/root-fields.js';
import { filterArgs, withFilters } from '../core/where-input.js';

export const AuthProviderKindEnum = builder.enumType('AuthProviderKind', {
  description: 'PASSWORD: email and password (`signIn`); OIDC: OpenID Connect, started at `/auth/oidc/<key>/start`.',
  values: { PASSWORD: { value: authProviderKind.enumValues[0] }, OIDC: { value: authProviderKind.enumValues[1] } } as const,
});

/** A way to sign in. Its settings are for managers; the client secret is never readable, only whether there is one. */
export const AuthProvider = builder.drizzleNode('authProviders', {
  name: 'AuthProvider',
  id: { column: (provider) => provider.id },
  fields: (t) => ({
    key: t.exposeString('key', { description: 'e.g. `email`, `google`; the OIDC routes name the provider by it.' }),
    kind: t.expose('kind', { type: AuthProviderKindEnum }),
    ...localizedFields(t, 'name', { description: "The provider's name on a sign-in page" }),
    isEnabled: t.exposeBoolean('isEnabled'),
    sortOrder: t.exposeInt('sortOrder', { description: 'Sign-in pages list providers by it, then by key.' }),
    issuerUrl: t.field({ type: 'String', nullable: true, description: 'OIDC issuer (needs settings.auth_providers.manage).', ...guardedColumn(canManageAuthProvider, 'issuerUrl') }),
    clientId: t.field({ type: 'String', nullable: true, description: 'OIDC client id (needs settings.auth_providers.manage).', ...guardedColumn(canManageAuthProvider, 'clientId') }),
    scopes: t.field({ type: ['String'], nullable: true, description: 'Scopes asked for (needs settings.auth_providers.manage).', ...guardedColumn(canManageAuthProvider, 'scopes') }),
    hasClientSecret: t.field({
      type: 'Boolean',
      nullable: true,
      description: 'Whether a client secret is stored (needs settings.auth_providers.manage); the secret itself is write-only.',
      ...guardedColumn(canManageAuthProvider, 'hasClientSecret'),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
nodeReadRule('AuthProvider', canSeeAuthProvider);

builder.queryFields((t) => ({
  signInProviders: t.drizzleField({
    type: [AuthProvider],
    description: 'The enabled ways to sign in, for a sign-in page (anyone, signed in or not), by sortOrder then key.',
    ...rootRows('authProviders', () => ({ where: { isEnabled: true }, orderBy: { sortOrder: 'asc', key: 'asc' } })),
  }),
  authProviders: t.drizzleConnection({
    type: 'authProviders',
    description: 'Every sign-in provider, enabled or not (needs settings.auth_providers.manage; empty otherwise), by sortOrder then key.',
    args: filterArgs(t, 'authProviders'),
    ...rootConnection('authProviders', (args, ctx) => withFilters('authProviders', args, ctx, { where: visibleRows(canManageAuthProvider, ctx), orderBy: { sortOrder: 'asc', key: 'asc' } })),
  }),
}));
