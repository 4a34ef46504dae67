import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { auditLogs, providerLinks, users } from '../../db/schema/index.js';
import { postgresError } from '../../errors.js';
import { cachedLocaleCatalog } from '../../i18n/catalog.js';
import { createSession, type IssuedSession, type SessionOrigin } from '../sessions.js';
import { joinDefaultGroups } from '../sign-in.js';
import type { AuthProviderRow } from '../providers.js';
import { OidcError, type IdentityClaims } from './client.js';

/**
 * Who an OpenID Connect identity is here, decided in one transaction:
 * 1. a link (provider, subject) names its account for good (the email may have changed since);
 * 2. else a live person with the same email, when the provider says the email is verified, gets the link;
 * 3. else, with a verified email nobody has, a new person is created (default groups, like sign-up).
 * An unverified (or absent) email neither links nor creates: whoever controls an unverified
 * address at some provider must not take over, or squat, the account of that address.
 */

export interface SignedInWithProvider {
  userId: string;
  session: IssuedSession;
  /** What happened to the account: found by its link, linked now, or created now. */
  account: 'linked-before' | 'linked' | 'created';
}

const MAX_NAME = 100;
const clean = (value: string | null, max: number) => (value ? value.replaceAll('\0', '').trim().slice(0, max) || null : null);

/** Emails as users.email keeps them: trimmed, lower-case, at most 254 characters, no NUL. */
function storableEmail(email: string | null): string | null {
  const value = email?.trim().toLowerCase();
  return value && value.length <= 254 && !value.includes('\0') && /^[^\s@]+@[^\s@]+$/.test(value) ? value : null;
}

/** The display name: the name claim, else given and family names, else the email's local part. */
function displayName(claims: IdentityClaims, email: string): string {
  const full = clean(claims.name, MAX_NAME) ?? clean([claims.givenName, claims.familyName].filter(Boolean).join(' '), MAX_NAME);
  return full ?? email.slice(0, email.indexOf('@')).slice(0, MAX_NAME);
}

/** The claim's locale when the platform offers it (`hu-HU` falls back to `hu`); else none (the platform default applies). */
async function platformLocale(db: Database, locale: string | null): Promise<string | null> {
  if (!locale) return null;
  const { active } = await cachedLocaleCatalog(db);
  const exact = [...active].find((code) => code.toLowerCase() === locale.toLowerCase());
  const base = locale.split(/[-_]/)[0]!.toLowerCase();
  return exact ?? (active.has(base) ? base : null);
}

async function audit(tx: Database, userId: string, action: string, provider: AuthProviderRow, claims: IdentityClaims, origin: SessionOrigin) {
  await tx.insert(auditLogs).values({
    actorId: userId,
    action,
    resourceType: 'user',
    resourceId: userId,
    newValues: { provider: provider.key, subject: claims.subject, email: claims.email },
    ip: origin.ip,
  });
}

async function resolve(db: Database, provider: AuthProviderRow, claims: IdentityClaims, origin: SessionOrigin): Promise<SignedInWithProvider> {
  const locale = await platformLocale(db, claims.locale);
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ linkId: providerLinks.id, userId: users.id, userType: users.userType, deletedAt: users.deletedAt })
      .from(providerLinks)
      .innerJoin(users, eq(users.id, providerLinks.userId))
      .where(and(eq(providerLinks.providerId, provider.id), eq(providerLinks.subject, claims.subject)))
      .limit(1);
    if (link) {
      if (link.deletedAt !== null || link.userType !== 'human') throw new OidcError(403, 'OIDC_ACCOUNT_UNAVAILABLE', 'The account linked to this identity is deactivated.');
      await tx.update(providerLinks).set({ lastSignInAt: sql`now()` }).where(eq(providerLinks.id, link.linkId));
      return { userId: link.userId, session: await createSession(tx, link.userId, origin), account: 'linked-before' as const };
    }
    const email = storableEmail(claims.email);
    if (!email || !claims.emailVerified) {
      throw new OidcError(403, 'OIDC_EMAIL_UNVERIFIED', 'The provider did not confirm a verified email, so no account can be linked or created.');
    }
    const [existing] = await tx
      .select({ id: users.id, userType: users.userType })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email}`, isNull(users.deletedAt)))
      .limit(1);
    if (existing && existing.userType !== 'human') throw new OidcError(403, 'OIDC_ACCOUNT_UNAVAILABLE', 'This email belongs to an account that cannot sign in this way.');
    let userId = existing?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email, displayName: displayName(claims, email), firstName: clean(claims.givenName, MAX_NAME), lastName: clean(claims.familyName, MAX_NAME), locale, userType: 'human' })
        .returning({ id: users.id });
      userId = created!.id;
      await joinDefaultGroups(tx, userId);
    }
    await tx.insert(providerLinks).values({ userId, providerId: provider.id, subject: claims.subject, email, lastSignInAt: sql`now()` });
    await audit(tx, userId, existing ? 'user.provider_link' : 'user.provider_sign_up', provider, claims, origin);
    return { userId, session: await createSession(tx, userId, origin), account: existing ? ('linked' as const) : ('created' as const) };
  });
}

/**
 * Signs in the person behind a validated ID token. Two first sign-ins of one identity (or one
 * email) at once: the loser's unique violation is retried once, and then finds the winner's rows.
 */
export async function signInWithProvider(db: Database, provider: AuthProviderRow, claims: IdentityClaims, origin: SessionOrigin): Promise<SignedInWithProvider> {
  try {
    return await resolve(db, provider, claims, origin);
  } catch (error) {
    if (postgresError(error)?.code !== '23505') throw error;
    return resolve(db, provider, claims, origin);
  }
}
