import { sql, type SQL } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Context, Viewer } from '../../context.js';
import type { LocalizedText } from '../../db/schema/columns.js';
import type { LocalizedEntry } from '../../i18n/input.js';
import { hasPermission, scopeAllows } from '../../policies/viewer.js';
import { ForbiddenError, ValidationError } from '../core/errors.js';
import { localizedInput } from '../core/localized.js';
import type { Transaction } from '../core/mutations.js';

/**
 * What the platform mutations (users, RBAC, bots, notifications, files, translations) share:
 * up-front checks of the actor, and input pieces.
 */

/**
 * A bot acts only within its scopes, and no scope opens administration (RBAC, translations, bot
 * management, profiles): those are for persons.
 */
export function requirePerson(viewer: Viewer): void {
  if (viewer.userType !== 'human') throw new ForbiddenError('A bot cannot do this.');
}

/** A bot needs `scope` for this action; a person is not limited by scopes. */
export function requireScope(viewer: Viewer, scope: string): void {
  if (!scopeAllows(viewer, scope)) throw new ForbiddenError(`A bot needs the ${scope} scope for this.`);
}

/** Evaluates a viewer condition in the database (the same SQL the rules use). */
async function holds(tx: Transaction, condition: SQL): Promise<boolean> {
  const result = (await tx.execute(sql`select ${condition} as ok`)) as unknown as { rows: { ok: boolean }[] };
  return result.rows[0]?.ok === true;
}

/**
 * FORBIDDEN unless the viewer is a person holding permission `key`. Checked before any target is
 * looked up: the answer does not depend on the target, so it tells nothing about which rows exist.
 */
export async function requirePermission(tx: Transaction, viewer: Viewer, key: string): Promise<void> {
  requirePerson(viewer);
  if (!(await holds(tx, hasPermission(viewer, key)))) throw new ForbiddenError(`You need the ${key} permission.`);
}

/**
 * A localized input (`[LocalizedTextInput!]`) as the map to store; its refusals (inactive locale,
 * missing default, blank text, NUL) as a ValidationError on `field`. Null and absent stay as they are.
 */
export async function localizedValue(ctx: Context, entries: readonly LocalizedEntry[] | null | undefined, field: string): Promise<LocalizedText | null | undefined> {
  if (entries === undefined) return undefined;
  // jsonb cannot hold U+0000: refused here rather than by PostgreSQL.
  if (entries?.some((entry) => entry.text.includes('\0'))) throw new ValidationError([{ path: [field], message: 'must not contain NUL characters' }]);
  try {
    return await localizedInput(ctx, entries, field);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions?.code === 'BAD_USER_INPUT') {
      throw new ValidationError([{ path: [field], message: error.message }]);
    }
    throw error;
  }
}

/** Trimmed text of `min` to `max` characters; NUL, which PostgreSQL text cannot hold, is refused as input. */
export const trimmedText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes('\0'), 'must not contain NUL characters');

/** A catalog key (roles, groups): lower-case letters, digits, dots, hyphens and underscores. */
export const catalogKey = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z][a-z0-9._-]*$/, 'must start with a letter and hold only lower-case letters, digits, ".", "-" and "_"');
