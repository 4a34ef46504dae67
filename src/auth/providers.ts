import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { authProviders } from '../db/schema/index.js';

/** The one password provider: signIn and signUp work while it is enabled. */
export const EMAIL_PROVIDER_KEY = 'email';

export type AuthProviderRow = typeof authProviders.$inferSelect;

/** The provider with this key, enabled or not. */
export async function findProvider(db: Database, key: string): Promise<AuthProviderRow | null> {
  const [row] = await db.select().from(authProviders).where(eq(authProviders.key, key)).limit(1);
  return row ?? null;
}

/**
 * Whether password sign-in is on: the `email` provider is enabled. A database without that row
 * (migrated, never seeded) keeps the behaviour it had before providers existed: on.
 */
export async function passwordSignInEnabled(db: Database): Promise<boolean> {
  const [row] = await db.select({ isEnabled: authProviders.isEnabled }).from(authProviders).where(eq(authProviders.key, EMAIL_PROVIDER_KEY)).limit(1);
  return row?.isEnabled ?? true;
}
