import { z } from 'zod';
import { changePassword } from '../../auth/password-change.js';
import { requestPasswordReset, resetPassword } from '../../auth/password-reset.js';
import { hashPassword, PASSWORD_MAX_LENGTH } from '../../auth/passwords.js';
import { requireViewer } from '../../auth/guards.js';
import { builder } from '../../builder.js';
import { HASHES_PASSWORD } from '../../limits/cost.js';
import { mailWritten } from '../../mail/outbox.js';
import { clearRuleCache } from '../../policies/rule.js';
import { AccountLockedError, ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { emailSchema, newPasswordSchema, originOf } from './auth.js';
import { UserPayload } from './user-mutations.js';

// Whatever was typed as the current password is only compared, never stored: sizes only.
const currentPasswordSchema = z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

const changePasswordSchema = z
  .object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ['newPassword'], message: 'must differ from the current password' });

const resetPasswordSchema = z.object({
  // Ours are 48 characters; anything far off that cannot be one.
  token: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  newPassword: newPasswordSchema,
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true, description: '8 to 200 characters, not the current one.' }),
  }),
});

const RequestPasswordResetInput = builder.inputType('RequestPasswordResetInput', {
  fields: (t) => ({ email: t.string({ required: true }) }),
});

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  fields: (t) => ({
    token: t.string({ required: true, description: 'The token of the reset link (its `token` parameter).' }),
    newPassword: t.string({ required: true, description: '8 to 200 characters.' }),
  }),
});

const ChangePasswordPayload = builder.objectRef<{ userId: string; revokedSessionCount: number }>('ChangePasswordPayload').implement({
  fields: (t) => ({
    user: t.field({ type: UserPayload, resolve: ({ userId }) => ({ userId }), description: 'The user, as they see themselves now.' }),
    revokedSessionCount: t.exposeInt('revokedSessionCount', { description: "The user's other sessions, ended by the change (this one stays)." }),
  }),
});

// `notice`, not `message`: a payload shares no field name with the Error interface (README, Signing in).
const RequestPasswordResetPayload = builder.objectRef<{ notice: string }>('RequestPasswordResetPayload').implement({
  description: 'The same answer whether or not an account uses the email (no enumeration).',
  fields: (t) => ({ notice: t.exposeString('notice') }),
});

const ResetPasswordPayload = builder.objectRef<{ revokedSessionCount: number }>('ResetPasswordPayload').implement({
  description: 'The password is set; sign in with it (every session of the user has ended).',
  fields: (t) => ({ revokedSessionCount: t.exposeInt('revokedSessionCount') }),
});

const RESET_REQUESTED = 'If an account uses this email, a link to reset its password has been sent to it.';

builder.mutationFields((t) => ({
  changePassword: t.field({
    type: ChangePasswordPayload,
    description:
      "Changes the signed-in person's password (a session, not a bot token). A wrong current password counts as a failed sign-in (5 lock the account for 15 minutes). Every other session of the user ends; this one stays.",
    errors: resultUnion('ChangePassword', ForbiddenError, AccountLockedError),
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    extensions: HASHES_PASSWORD,
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (viewer.sessionId === null) throw new ForbiddenError('A bot has no password.');
      const input = parseInput(changePasswordSchema, args.input);
      // Hashing takes ~100 ms: done before the transaction, so no connection waits on it.
      const newHash = await hashPassword(input.newPassword);
      const who = { userId: viewer.userId, sessionId: viewer.sessionId, ip: originOf(ctx).ip };
      const result = await changePassword(ctx.db, who, input.currentPassword, newHash);
      clearRuleCache(ctx);
      if (result.outcome === 'noPassword') throw new ForbiddenError('This account has no password to change.');
      if (result.outcome === 'locked') throw new AccountLockedError(result.lockedUntil);
      if (result.outcome === 'wrongPassword') throw new ValidationError([{ path: ['currentPassword'], message: 'is not the current password' }]);
      return { userId: viewer.userId, revokedSessionCount: result.revokedSessionCount };
    },
  }),
  requestPasswordReset: t.field({
    type: RequestPasswordResetPayload,
    description:
      'Mails a link to reset the password to the account with this email, if there is one (an active person): the answer is the same either way. The link works once, for PASSWORD_RESET_TTL_MINUTES (default 30).',
    errors: resultUnion('RequestPasswordReset'),
    args: { input: t.arg({ type: RequestPasswordResetInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const { email } = parseInput(z.object({ email: emailSchema }), args.input);
      await requestPasswordReset(ctx.db, email, originOf(ctx).ip);
      // Woken whether or not a mail was written: the answer's timing stays the same.
      mailWritten();
      return { notice: RESET_REQUESTED };
    },
  }),
  resetPassword: t.field({
    type: ResetPasswordPayload,
    description: "Sets a new password with the token of a reset link, which it consumes; every session of the user ends and a sign-in lock is lifted.",
    errors: resultUnion('ResetPassword', NotFoundError, ConflictError),
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    extensions: HASHES_PASSWORD,
    resolve: async (_root, args, ctx) => {
      const input = parseInput(resetPasswordSchema, args.input);
      const newHash = await hashPassword(input.newPassword);
      const result = await resetPassword(ctx.db, input.token, newHash, originOf(ctx).ip);
      clearRuleCache(ctx);
      if (result.outcome === 'reset') return { revokedSessionCount: result.revokedSessionCount };
      if (result.outcome === 'invalid') throw new NotFoundError('This reset link is not valid.');
      throw new ConflictError(result.outcome === 'used' ? 'This reset link has already been used.' : 'This reset link has expired: ask for a new one.');
    },
  }),
}));
