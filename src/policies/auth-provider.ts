import { sql } from 'drizzle-orm';
import { authProviders } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { anyOf, hasPermission } from './viewer.js';

export const MANAGE_AUTH_PROVIDERS = 'settings.auth_providers.manage';

/** Create, change, disable providers and read their settings: P(settings.auth_providers.manage). */
export const canManageAuthProvider = defineRule('auth_provider.manage', authProviders, (viewer) => hasPermission(viewer, MANAGE_AUTH_PROVIDERS));

/** Read: anyone sees an enabled provider (a sign-in page lists them); managers see every one. */
export const canSeeAuthProvider = defineRule('auth_provider.read', authProviders, (viewer, provider) =>
  anyOf(sql`${provider.isEnabled}`, hasPermission(viewer, MANAGE_AUTH_PROVIDERS)),
);
