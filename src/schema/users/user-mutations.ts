import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { users } from '../../db/schema/index.js';
import { canSeeUser, canUpdateUser } from '../../policies/user.js';
import { ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { authorizeRow, mutate, writeAudit } from '../core/mutations.js';
import { notificationSettingsProblem } from '../platform/notification-settings.js';
import { requirePerson, trimmedText } from '../platform/platform-mutation-helpers.js';
import { User } from './users.js';

/** What a user mutation returns: the user, read back through the read rules. */
export const UserPayload = builder.objectRef<{ userId: string }>('UserPayload').implement({
  fields: (t) => ({
    user: t.drizzleField({
      type: User,
      nullable: true,
      description: 'The user as the viewer may now see them.',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.users.findFirst(query({ where: { id: payload.userId, deletedAt: { isNull: true }, ...visibleRows(canSeeUser, ctx) } })),
    }),
  }),
});

/** Settings are a small document of preferences, not storage. */
export const MAX_SETTINGS_BYTES = 16_384;
const MAX_SETTINGS_DEPTH = 10;

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  description: 'Absent fields stay as they are; null clears a nullable field.',
  fields: (t) => ({
    userId: t.globalID({ for: User, description: "Whose profile: the viewer's own by default; another user's needs users.users.update." }),
    displayName: t.string({ description: '1 to 100 characters; cannot be cleared.' }),
    firstName: t.string(),
    lastName: t.string(),
    avatarUrl: t.string({ description: 'An http(s) URL.' }),
    locale: t.field({ type: 'Locale', description: 'An active platform locale.' }),
    timezone: t.string({ description: 'An IANA time zone, e.g. "Europe/Budapest"; stored in its canonical spelling.' }),
    settings: t.field({
      type: 'JSONObject',
      description: `Merged into the stored settings by top-level key; a null value removes that key. At most ${MAX_SETTINGS_BYTES} bytes as JSON.`,
    }),
  }),
});

/** The canonical name of an IANA time zone ("europe/budapest" -> "Europe/Budapest"), or null when there is none. */
export function canonicalTimeZone(zone: string): string | null {
  // Offsets ("+01:00") and other shapes are not zones, whatever the runtime accepts.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const nullableText = (max: number) =>
  trimmedText(0, max)
    .transform((value) => (value === '' ? null : value))
    .nullish();

const profileSchema = z.object({
  displayName: trimmedText(1, 100).optional(),
  firstName: nullableText(100),
  lastName: nullableText(100),
  avatarUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048, 'must be at most 2048 characters').nullish(),
  timezone: z
    .string()
    .max(64, 'must be at most 64 characters')
    .transform((zone, context) => {
      const canonical = canonicalTimeZone(zone);
      if (canonical === null) context.addIssue({ code: 'custom', message: 'must be an IANA time zone such as "Europe/Budapest"' });
      return canonical ?? z.NEVER;
    })
    .nullish(),
});

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

/** The stored settings with the patch merged in (a null value removes its key); refused when too big or deep. */
export function mergeSettings(stored: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const json = JSON.stringify(merged);
  const problem = json.includes('\\u0000')
    ? 'must not contain NUL characters'
    : Buffer.byteLength(json) > MAX_SETTINGS_BYTES
      ? `must be at most ${MAX_SETTINGS_BYTES} bytes as JSON`
      : depthOf(merged) > MAX_SETTINGS_DEPTH
        ? `must be nested at most ${MAX_SETTINGS_DEPTH} levels deep`
        : null;
  if (problem) throw new ValidationError([{ path: ['settings'], message: problem }]);
  return merged;
}

/** The entries that are set: absent input fields change nothing. */
const definedOnly = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

/** The locale must be one the platform offers now (the cached catalog: usually no statement). */
async function activeLocale(ctx: Context, locale: string | null | undefined): Promise<string | null | undefined> {
  if (locale == null) return locale;
  if (!(await ctx.locale.catalog()).active.has(locale)) throw new ValidationError([{ path: ['locale'], message: 'is not an active locale' }]);
  return locale;
}

builder.mutationFields((t) => ({
  updateProfile: t.field({
    type: UserPayload,
    description: "Updates the viewer's own profile, or another user's with users.users.update (audited). Persons only: a bot's profile is its creator's `updateBot`.",
    errors: resultUnion('UpdateProfile', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requirePerson(viewer);
        const changes = parseInput(profileSchema, input);
        const locale = await activeLocale(ctx, input.locale);
        if (input.settings === null) throw new ValidationError([{ path: ['settings'], message: 'cannot be null: send { "key": null } to remove a key' }]);
        const notificationsProblem = input.settings ? notificationSettingsProblem(input.settings.notifications ?? null) : null;
        if (notificationsProblem) throw new ValidationError([{ path: ['settings', 'notifications'], message: notificationsProblem }]);
        const before = await authorizeRow(tx, viewer, { rule: canUpdateUser, readRule: canSeeUser, id: input.userId?.id ?? viewer.userId, what: 'User' });
        const settings = input.settings === undefined ? undefined : mergeSettings(before.settings, input.settings);
        const patch = definedOnly({ ...changes, locale, settings });
        const [after] = await tx.update(users).set(patch).where(eq(users.id, before.id)).returning();
        // Editing one's own profile is not an administrative act; editing someone else's is.
        if (before.id !== viewer.userId) {
          const changed = Object.keys(patch) as (keyof typeof before)[];
          await writeAudit(tx, ctx, viewer, {
            action: 'user.update',
            resourceType: 'user',
            resourceId: before.id,
            oldValues: Object.fromEntries(changed.map((key) => [key, before[key]])),
            newValues: Object.fromEntries(changed.map((key) => [key, after![key]])),
          });
        }
        return { userId: before.id };
      }),
  }),
}));
