import { and, eq, isNull, sql } from 'drizzle-orm';
import { forgetCredentials } from '../../auth/credential-cache.js';
import { consumeResetTokens, revokeOtherSessions } from '../../auth/password-reset.js';
import { writeSystemLog } from '../../auth/system-log.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { bots, users } from '../../db/schema/index.js';
import { canChangeUserActivation, canSeeUser } from '../../policies/user.js';
import { ConflictError, ForbiddenError, NotFoundError, resultUnion } from '../core/errors.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { requirePerson } from '../platform/platform-mutation-helpers.js';
import { UserPayload } from './user-mutations.js';
import { User } from './users.js';

/**
 * Deactivation (issue 17) is a state of its own, apart from soft delete: a deactivated user stays
 * visible (profile, messages, memberships) and can be reactivated, but cannot sign in, their sessions
 * end at once (revoked: reactivation does not bring them back), their reset links stop working, and
 * the bots they created stop too until they are reactivated (src/auth/authenticate.ts). Other
 * processes forget cached credentials through the users trigger of drizzle/*_credential_invalidation.
 */

const ActivationInput = builder.inputType('UserActivationInput', {
  fields: (t) => ({ userId: t.globalID({ for: User, required: true }) }),
});

/** Forgets, in this process, the cached credentials of the user and of the bots they created. */
function forgetUserAndBots(ctx: Context, result: { userId: string; botUserIds: string[] }) {
  for (const id of [result.userId, ...result.botUserIds]) forgetCredentials(ctx.db, id);
  return { userId: result.userId };
}

const botUsersOf = async (tx: Transaction, userId: string) =>
  (await tx.select({ userId: bots.userId }).from(bots).where(and(eq(bots.createdBy, userId), isNull(bots.deletedAt)))).map((row) => row.userId);

builder.mutationFields((t) => ({
  deactivateUser: t.field({
    type: UserPayload,
    description:
      'Deactivates a user (users.users.update, persons only; never oneself, nor a user holding a permission the actor lacks): no sign-in, their sessions and reset links end at once, and bots they created stop working until reactivateUser. Audited.',
    errors: resultUnion('DeactivateUser', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: ActivationInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      forgetUserAndBots(
        ctx,
        await mutate(ctx, async (tx, viewer) => {
          requirePerson(viewer);
          if (input.userId.id === viewer.userId) throw new ForbiddenError('You cannot deactivate yourself: ask another administrator.');
          const before = await authorizeRow(tx, viewer, { rule: canChangeUserActivation, readRule: canSeeUser, id: input.userId.id, what: 'User' });
          if (before.deactivatedAt) throw new ConflictError('This user is already deactivated.');
          const [after] = await tx.update(users).set({ deactivatedAt: sql`now()` }).where(eq(users.id, before.id)).returning({ deactivatedAt: users.deactivatedAt });
          const revokedSessions = await revokeOtherSessions(tx, before.id, null);
          await consumeResetTokens(tx, before.id);
          await writeAudit(tx, ctx, viewer, {
            action: 'user.deactivate',
            resourceType: 'user',
            resourceId: before.id,
            oldValues: { deactivatedAt: null },
            newValues: { deactivatedAt: after!.deactivatedAt, revokedSessions },
          });
          await writeSystemLog(tx, {
            level: 'info',
            source: 'users',
            message: 'User deactivated: every session and reset link revoked, the bots they created stopped',
            context: { event: 'user.deactivated', userId: before.id, actorId: viewer.userId, revokedSessionCount: revokedSessions },
          });
          return { userId: before.id, botUserIds: await botUsersOf(tx, before.id) };
        }),
      ),
  }),
  reactivateUser: t.field({
    type: UserPayload,
    description: 'Reactivates a deactivated user (the same rule as deactivateUser): they may sign in again; ended sessions stay ended. Audited.',
    errors: resultUnion('ReactivateUser', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: ActivationInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      forgetUserAndBots(
        ctx,
        await mutate(ctx, async (tx, viewer) => {
          requirePerson(viewer);
          const before = await authorizeRow(tx, viewer, { rule: canChangeUserActivation, readRule: canSeeUser, id: input.userId.id, what: 'User' });
          if (!before.deactivatedAt) throw new ConflictError('This user is active.');
          await tx.update(users).set({ deactivatedAt: null }).where(eq(users.id, before.id));
          await writeAudit(tx, ctx, viewer, {
            action: 'user.reactivate',
            resourceType: 'user',
            resourceId: before.id,
            oldValues: { deactivatedAt: before.deactivatedAt },
            newValues: { deactivatedAt: null },
          });
          return { userId: before.id, botUserIds: await botUsersOf(tx, before.id) };
        }),
      ),
  }),
}));
