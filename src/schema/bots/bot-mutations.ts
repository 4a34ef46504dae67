import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { forgetCredentials } from '../../auth/credential-cache.js';
import { generateToken, hashToken } from '../../auth/tokens.js';
import { writeSystemLog } from '../../auth/system-log.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { bots, channelMembers, channels, organizationMembers, users } from '../../db/schema/index.js';
import { BOT_SCOPES, canCreateBotIn, canInstallBotIn, canManageBot, canPickBot, canSeeBot } from '../../policies/bot.js';
import { canSeeOrganization } from '../../policies/organization.js';
import { Bot } from './bots.js';
import { ForbiddenError, NotFoundError, parseInput, resultUnion } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { LocalizedTextInput } from '../core/localized.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { Organization } from '../organizations/organizations.js';
import { localizedValue, requirePerson, trimmedText } from '../platform/platform-mutation-helpers.js';

/**
 * Bots: a machine user, its bot row (token hash, scopes) and its installations (organization
 * memberships of the machine user). The token is shown once, by createBot and rotateBotToken.
 */

const findVisibleBot = (ctx: Context, id: string, query: (selection: never) => unknown) =>
  ctx.db.query.bots.findFirst(query({ where: { id, deletedAt: { isNull: true }, ...visibleRows(canSeeBot, ctx) } } as never) as never);

const BotPayload = builder.objectRef<{ botId: string }>('BotPayload').implement({
  fields: (t) => ({
    bot: t.drizzleField({
      type: Bot,
      nullable: true,
      description: 'The bot as the viewer may now see it (null once deleted).',
      resolve: (query, payload, _args, ctx) => findVisibleBot(ctx, payload.botId, query) as never,
    }),
  }),
});

const BotTokenPayload = builder.objectRef<{ botId: string; token: string }>('BotTokenPayload').implement({
  description: 'A bot with its new token. The token is shown only here: send it as `Authorization: Bearer <token>`.',
  fields: (t) => ({
    bot: t.drizzleField({ type: Bot, nullable: true, resolve: (query, payload, _args, ctx) => findVisibleBot(ctx, payload.botId, query) as never }),
    token: t.exposeString('token'),
  }),
});

const scopesSchema = z
  .array(z.enum(BOT_SCOPES, { error: `must be one of ${BOT_SCOPES.join(', ')}` }))
  .max(BOT_SCOPES.length * 2, 'lists too many scopes')
  .transform((scopes) => [...new Set(scopes)].sort());
const botFields = { name: trimmedText(1, 80), scopes: scopesSchema };

const SCOPES_DESCRIPTION = `What the bot may do: any of ${BOT_SCOPES.join(', ')}.`;

const CreateBotInput = builder.inputType('CreateBotInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization, description: 'Where the bot is installed first (you must be its admin).' }),
    name: t.string({ required: true, description: '1 to 80 characters; also the display name of its machine user.' }),
    description: t.field({ type: [LocalizedTextInput] }),
    scopes: t.stringList({ required: true, description: SCOPES_DESCRIPTION }),
    isPublic: t.boolean({ defaultValue: false, description: 'Any organization admin may install a public bot; a private one only its creator.' }),
  }),
});

const UpdateBotInput = builder.inputType('UpdateBotInput', {
  description: 'Absent fields stay as they are; a null description clears it.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: Bot }),
    name: t.string(),
    description: t.field({ type: [LocalizedTextInput] }),
    scopes: t.stringList({ description: SCOPES_DESCRIPTION }),
    isPublic: t.boolean(),
  }),
});

const BotInput = builder.inputType('BotInput', { fields: (t) => ({ id: t.globalID({ required: true, for: Bot }) }) });

const BotInstallationInput = builder.inputType('BotInstallationInput', {
  fields: (t) => ({
    botId: t.globalID({ required: true, for: Bot }),
    organizationId: t.globalID({ required: true, for: Organization }),
  }),
});

/** The bot, locked, if the viewer may manage it (its creator). */
const authorizeManagedBot = (tx: Transaction, viewer: Parameters<typeof authorizeRow>[1], id: string) =>
  authorizeRow(tx, viewer, { rule: canManageBot, readRule: canSeeBot, id, what: 'Bot' });

/** The organization, locked, if the viewer may install bots in it (A(o)). */
const authorizeInstallTarget = (tx: Transaction, viewer: Parameters<typeof authorizeRow>[1], id: string, rule = canInstallBotIn) =>
  authorizeRow(tx, viewer, { rule, readRule: canSeeOrganization, id, what: 'Organization' });

/** Installs the machine user in the organization unless it is there; true when newly installed. */
async function install(tx: Transaction, organizationId: string, userId: string, invitedBy: string): Promise<boolean> {
  const rows = await tx
    .insert(organizationMembers)
    .values({ organizationId, userId, role: 'member', invitedBy })
    .onConflictDoNothing({ target: [organizationMembers.organizationId, organizationMembers.userId], where: sql`deleted_at is null` })
    .returning({ id: organizationMembers.id });
  return rows.length > 0;
}

/** Ends the machine user's memberships (of one organization, or all) and its channel memberships there; true when any ended. */
async function uninstall(tx: Transaction, userId: string, organizationId?: string): Promise<boolean> {
  const now = new Date();
  const ended = await tx
    .update(organizationMembers)
    .set({ deletedAt: now })
    .where(
      and(
        eq(organizationMembers.userId, userId),
        isNull(organizationMembers.deletedAt),
        organizationId ? eq(organizationMembers.organizationId, organizationId) : undefined,
      ),
    )
    .returning({ organizationId: organizationMembers.organizationId });
  if (ended.length === 0) return false;
  const channelsThere = tx.select({ id: channels.id }).from(channels).where(inArray(channels.organizationId, ended.map((row) => row.organizationId)));
  await tx
    .update(channelMembers)
    .set({ deletedAt: now })
    .where(and(eq(channelMembers.userId, userId), isNull(channelMembers.deletedAt), inArray(channelMembers.channelId, channelsThere)));
  return true;
}

/**
 * After the commit, this process forgets the bot's cached token at once (the database trigger tells
 * every process, this one too, but a gateway without realtime hears nothing).
 */
function forgettingBot<Payload extends { userId: string }>(ctx: Context, payload: Payload): Payload {
  forgetCredentials(ctx.db, payload.userId);
  return payload;
}

const botAudit = (bot: typeof bots.$inferSelect) => ({ name: bot.name, description: bot.description, scopes: bot.scopes, isPublic: bot.isPublic });

builder.mutationFields((t) => ({
  createBot: t.field({
    type: BotTokenPayload,
    description: 'Creates a bot and installs it in an organization you administer (persons only). The token is returned only here.',
    errors: resultUnion('CreateBot', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: CreateBotInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requirePerson(viewer);
        const { name, scopes } = parseInput(z.object(botFields), input);
        const description = await localizedValue(ctx, input.description, 'description');
        const organization = await authorizeInstallTarget(tx, viewer, input.organizationId.id, canCreateBotIn);
        // The machine user's address is never mailed: `.invalid` is reserved for that (RFC 2606).
        const [user] = await tx.insert(users).values({ email: `bot-${randomUUID()}@bots.invalid`, displayName: name, userType: 'machine' }).returning();
        const token = generateToken('bot');
        const [bot] = await tx
          .insert(bots)
          .values({ userId: user!.id, createdBy: viewer.userId, name, description, scopes, isPublic: input.isPublic ?? false, tokenHash: hashToken(token) })
          .returning();
        await install(tx, organization.id, user!.id, viewer.userId);
        await writeAudit(tx, ctx, viewer, {
          action: 'bot.create',
          resourceType: 'bot',
          resourceId: bot!.id,
          organizationId: organization.id,
          newValues: botAudit(bot!),
        });
        return { botId: bot!.id, token };
      }),
  }),
  updateBot: t.field({
    type: BotPayload,
    description: "Renames, redescribes, rescopes or publishes a bot (its creator only). Its machine user's display name follows the name.",
    errors: resultUnion('UpdateBot', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: UpdateBotInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      forgettingBot(ctx, await mutate(ctx, async (tx, viewer) => {
        requirePerson(viewer);
        const { name, scopes } = parseInput(z.object(botFields).partial(), { name: input.name ?? undefined, scopes: input.scopes ?? undefined });
        const description = await localizedValue(ctx, input.description, 'description');
        const before = await authorizeManagedBot(tx, viewer, input.id.id);
        const [after] = await tx
          .update(bots)
          .set({ name, scopes, description, isPublic: input.isPublic ?? undefined })
          .where(eq(bots.id, before.id))
          .returning();
        if (name !== undefined) await tx.update(users).set({ displayName: name }).where(eq(users.id, before.userId));
        await writeAudit(tx, ctx, viewer, {
          action: 'bot.update',
          resourceType: 'bot',
          resourceId: before.id,
          oldValues: botAudit(before),
          newValues: botAudit(after!),
        });
        return { botId: before.id, userId: before.userId };
      })),
  }),
  deleteBot: t.field({
    type: BotPayload,
    description: 'Deletes a bot (its creator only): its token stops working and it leaves every organization and channel.',
    errors: resultUnion('DeleteBot', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: BotInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      forgettingBot(ctx, await mutate(ctx, async (tx, viewer) => {
        requirePerson(viewer);
        const before = await authorizeManagedBot(tx, viewer, input.id.id);
        const now = new Date();
        await tx.update(bots).set({ deletedAt: now }).where(eq(bots.id, before.id));
        await uninstall(tx, before.userId);
        await tx.update(users).set({ deletedAt: now }).where(eq(users.id, before.userId));
        await writeAudit(tx, ctx, viewer, { action: 'bot.delete', resourceType: 'bot', resourceId: before.id, oldValues: botAudit(before) });
        await writeSystemLog(tx, { level: 'info', source: 'bots', message: 'Bot deleted: its token revoked', context: { event: 'bot.deleted', botId: before.id, botUserId: before.userId, actorId: viewer.userId } });
        return { botId: before.id, userId: before.userId };
      })),
  }),
  rotateBotToken: t.field({
    type: BotTokenPayload,
    description: 'Replaces the bot token (its creator only); the old one stops working at once. The new token is returned only here.',
    errors: resultUnion('RotateBotToken', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: BotInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      forgettingBot(ctx, await mutate(ctx, async (tx, viewer) => {
        requirePerson(viewer);
        const before = await authorizeManagedBot(tx, viewer, input.id.id);
        const token = generateToken('bot');
        await tx.update(bots).set({ tokenHash: hashToken(token) }).where(eq(bots.id, before.id));
        await writeAudit(tx, ctx, viewer, { action: 'bot.rotate_token', resourceType: 'bot', resourceId: before.id });
        await writeSystemLog(tx, { level: 'info', source: 'bots', message: 'Bot token rotated: the old one revoked', context: { event: 'bot.tokenRotated', botId: before.id, botUserId: before.userId, actorId: viewer.userId } });
        return { botId: before.id, token, userId: before.userId };
      })),
  }),
  installBot: t.field({
    type: BotPayload,
    description: 'Installs a public bot, or one of your own, in an organization you administer. Idempotent.',
    errors: resultUnion('InstallBot', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: BotInstallationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requirePerson(viewer);
        const organization = await authorizeInstallTarget(tx, viewer, input.organizationId.id);
        const bot = await authorizeRow(tx, viewer, { rule: canPickBot, readRule: canSeeBot, id: input.botId.id, what: 'Bot' });
        if (await install(tx, organization.id, bot.userId, viewer.userId)) {
          await writeAudit(tx, ctx, viewer, { action: 'bot.install', resourceType: 'bot', resourceId: bot.id, organizationId: organization.id });
        }
        return { botId: bot.id };
      }),
  }),
  uninstallBot: t.field({
    type: BotPayload,
    description: 'Removes a bot from an organization you administer, and from its channels there. Idempotent.',
    errors: resultUnion('UninstallBot', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: BotInstallationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requirePerson(viewer);
        const organization = await authorizeInstallTarget(tx, viewer, input.organizationId.id);
        const bot = await authorizeRow(tx, viewer, { rule: canSeeBot, readRule: canSeeBot, id: input.botId.id, what: 'Bot' });
        if (await uninstall(tx, bot.userId, organization.id)) {
          await writeAudit(tx, ctx, viewer, { action: 'bot.uninstall', resourceType: 'bot', resourceId: bot.id, organizationId: organization.id });
        }
        return { botId: bot.id };
      }),
  }),
}));
