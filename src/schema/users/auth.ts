import { z } from 'zod';
import { requireViewer } from '../../auth/guards.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords.js';
import { sessionOrigin, type SessionOrigin } from '../../auth/sessions.js';
import { EMAIL_PROVIDER_KEY } from '../../auth/providers.js';
import { signInWithPassword, signOut, signUpWithPassword, type SignedIn } from '../../auth/sign-in.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { cachedLocaleCatalog } from '../../i18n/catalog.js';
import { HASHES_PASSWORD } from '../../limits/cost.js';
import { containsNul, NUL_MESSAGE } from '../../http/input-text.js';
import { AccountLockedError, ConflictError, ForbiddenError, InvalidCredentialsError, parseInput, resultUnion, SignInMethodDisabledError, ValidationError } from '../core/errors.js';
import { User } from './users.js';

// PostgreSQL text cannot hold NUL: refused here, as input, by the rule every path uses (src/http/input-text.ts).
const withoutNul = (schema: z.ZodString) => schema.refine((text) => !containsNul(text), NUL_MESSAGE);
// Stored lower-case: emails are unique case-insensitively, and one spelling keeps lookups simple.
export const emailSchema = withoutNul(z.string().trim().toLowerCase().max(254, 'must be at most 254 characters')).pipe(z.email('must be an email address'));
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  displayName: withoutNul(z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters')),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as "en" or "hu"')
    .max(16, 'must be at most 16 characters')
    .nullish()
    .transform((locale) => locale ?? null),
});

// Sign-in checks only sizes: a badly formed email simply matches no account.
const signInSchema = z.object({
  email: withoutNul(z.string().trim().min(1, 'must not be empty').max(320, 'must be at most 320 characters')),
  password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
});

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'Unique among users, case-insensitively; stored lower-case.' }),
    password: t.string({ required: true, description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.` }),
    displayName: t.string({ required: true, description: '1 to 100 characters.' }),
    locale: t.string({ description: 'An active platform locale, e.g. "en"; default: none (the platform default applies).' }),
  }),
});

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const SignOutInput = builder.inputType('SignOutInput', {
  fields: (t) => ({
    everywhere: t.boolean({ defaultValue: false, description: "Also end the user's other sessions." }),
  }),
});

interface SessionShape {
  token: string;
  expiresAt: Date;
  userId: string;
}

const SessionPayload = builder.objectRef<SessionShape>('SessionPayload').implement({
  description: 'A new session. The token is shown only here: send it as `Authorization: Bearer <token>`.',
  fields: (t) => ({
    token: t.exposeString('token'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    user: t.drizzleField({
      type: User,
      resolve: async (query, session, _args, ctx) => {
        const user = await ctx.db.query.users.findFirst(query({ where: { id: session.userId } }));
        if (!user) throw new Error('The signed-in user vanished'); // cannot happen: the session references it
        return user;
      },
    }),
  }),
});

const SignOutPayload = builder.objectRef<{ revokedSessionCount: number }>('SignOutPayload').implement({
  fields: (t) => ({ revokedSessionCount: t.exposeInt('revokedSessionCount', { description: 'Sessions ended by this call.' }) }),
});

export const originOf = (ctx: Context): SessionOrigin => sessionOrigin(ctx.clientIp, ctx.request?.headers.get('user-agent'));
/** The payload of a new session; the rest of the request (its `user` fields) is read as the signed-in user. */
function adoptSession(ctx: Context, { session, viewer }: SignedIn): SessionShape {
  ctx.viewer = viewer;
  ctx.credentialsError = null;
  return { userId: viewer.userId, token: session.token, expiresAt: session.expiresAt };
}

/** The locale must be one the platform offers (read from the cached catalog, usually no statement). */
async function assertActiveLocale(ctx: Context, locale: string | null): Promise<void> {
  if (locale !== null && !(await cachedLocaleCatalog(ctx.db)).active.has(locale)) {
    throw new ValidationError([{ path: ['locale'], message: 'is not an available locale' }]);
  }
}

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SessionPayload,
    description: 'Creates a person with a password and signs them in.',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    errors: resultUnion('SignUp', ConflictError, SignInMethodDisabledError),
    extensions: HASHES_PASSWORD,
    resolve: async (_root, args, ctx) => {
      const input = parseInput(signUpSchema, args.input);
      await assertActiveLocale(ctx, input.locale);
      const result = await signUpWithPassword(ctx.db, input, originOf(ctx));
      if (result.outcome === 'disabled') throw new SignInMethodDisabledError(EMAIL_PROVIDER_KEY);
      if (result.outcome === 'emailTaken') throw new ConflictError('An account with this email already exists.');
      return adoptSession(ctx, result);
    },
  }),
  signIn: t.field({
    type: SessionPayload,
    description: 'Signs in with an email and password. After 5 failures in a row the account is locked for 15 minutes.',
    args: { input: t.arg({ type: SignInInput, required: true }) },
    errors: resultUnion('SignIn', InvalidCredentialsError, AccountLockedError, SignInMethodDisabledError),
    extensions: HASHES_PASSWORD,
    resolve: async (_root, args, ctx) => {
      const result = await signInWithPassword(ctx.db, parseInput(signInSchema, args.input), originOf(ctx));
      if (result.outcome === 'disabled') throw new SignInMethodDisabledError(EMAIL_PROVIDER_KEY);
      if (result.outcome === 'invalidCredentials') throw new InvalidCredentialsError();
      if (result.outcome === 'locked') throw new AccountLockedError(result.lockedUntil);
      return adoptSession(ctx, result);
    },
  }),
  signOut: t.field({
    type: SignOutPayload,
    description: 'Ends the current session (UNAUTHENTICATED without one).',
    args: { input: t.arg({ type: SignOutInput }) },
    errors: resultUnion('SignOut', ForbiddenError),
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const { sessionId } = viewer;
      if (sessionId === null) throw new ForbiddenError('A bot token is not a session: rotate the bot token instead.');
      const revokedSessionCount = await signOut(ctx.db, { ...viewer, sessionId }, args.input?.everywhere ?? false);
      return { revokedSessionCount };
    },
  }),
}));
