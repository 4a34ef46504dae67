import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Viewer } from '../../context.js';
import { channels, messageReactions, messages } from '../../db/schema/index.js';
import { canSeeChannel } from '../../policies/channel.js';
import type { Rule } from '../../policies/rule.js';
import {
  canDeleteMessage,
  canEditMessage,
  canPinMessage,
  canPostInChannel,
  canReactToMessage,
  canReadMessage,
  canRequestUnpin,
} from '../../policies/message.js';
import { Channel } from '../channels/channels.js';
import { ForbiddenError, NotFoundError, ValidationError, parseInput, resultUnion } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { Message } from './messages.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';

/**
 * Messages: send, edit, delete (soft), pin, unpin, and one's own reactions. Every mutation answers
 * a MessagePayload whose chatMessage is read back through canReadMessage.
 */

/** What a message mutation returns: the message, read back through the read rule. */
export const MessagePayload = builder.objectRef<{ messageId: string }>('MessagePayload').implement({
  fields: (t) => ({
    // Not `message`: every result union also holds Error types, whose `message: String!` a client selects beside it.
    chatMessage: t.drizzleField({
      type: Message,
      nullable: true,
      // Unlike node(id), which treats a deleted message as gone, deleteMessage's payload returns it
      // (isDeleted: true, content: null) so a client can replace it with a placeholder in its cache.
      description: 'The message as the viewer may now see it (content null once deleted; null if the viewer may not read it).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.messages.findFirst(query({ where: { id: payload.messageId, ...visibleRows(canReadMessage, ctx) } })),
    }),
  }),
});

const MAX_CONTENT_LENGTH = 4000;
const MAX_EMBEDS = 10;
const MAX_EMBEDS_BYTES = 16_000;
const MAX_EMBEDS_DEPTH = 16;

// PostgreSQL refuses NUL in text and jsonb; an unpaired surrogate is not text at all ('u': pairs are one code point).
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;
const storable = (text: string) => !UNSTORABLE.test(text);

/** Message text: 1..4000 characters (code points, so an emoji counts once), not blank. */
const contentSchema = z
  .string()
  .refine((text) => text.trim().length > 0, 'must not be blank')
  .refine((text) => [...text].length <= MAX_CONTENT_LENGTH, `must be at most ${MAX_CONTENT_LENGTH} characters`)
  .refine(storable, 'must not contain NUL characters or unpaired surrogates');

/** Whether a JSON value nests deeper than `limit` (bounded: never walks past the limit). */
const nestsDeeperThan = (value: unknown, limit: number): boolean =>
  value !== null && typeof value === 'object' && (limit === 0 || Object.values(value).some((inner) => nestsDeeperThan(inner, limit - 1)));

/** Whether every key and string of a JSON value can be stored in jsonb. */
const jsonStorable = (value: unknown): boolean =>
  typeof value === 'string'
    ? storable(value)
    : value === null || typeof value !== 'object' || Object.entries(value).every(([key, inner]) => storable(key) && jsonStorable(inner));

/** Embeds: a list of at most 10 JSON objects (link previews, attachments...), nested at most 16 deep, 16 kB in all. */
const embedsSchema = z
  .array(z.record(z.string(), z.unknown()), 'must be a list of objects')
  .max(MAX_EMBEDS, `must hold at most ${MAX_EMBEDS} embeds`)
  // Checked first and aborting: the checks after it walk the value recursively.
  .refine((embeds) => !nestsDeeperThan(embeds, MAX_EMBEDS_DEPTH), { message: `must nest at most ${MAX_EMBEDS_DEPTH} levels deep`, abort: true })
  .refine(jsonStorable, 'must not contain NUL characters or unpaired surrogates')
  .refine((embeds) => Buffer.byteLength(JSON.stringify(embeds)) <= MAX_EMBEDS_BYTES, `must be at most ${MAX_EMBEDS_BYTES} bytes as JSON`);

const messageTextSchema = z.object({ content: contentSchema, embeds: embedsSchema.optional() });

const SendMessageInput = builder.inputType('SendMessageInput', {
  fields: (t) => ({
    channelId: t.globalID({ required: true, for: Channel, description: 'The channel to post in; to post in a thread, the thread channel.' }),
    content: t.string({ required: true, description: `1 to ${MAX_CONTENT_LENGTH} characters, not blank.` }),
    replyToId: t.globalID({
      for: Message,
      description: "A live message of the same channel, or, in a thread, of the thread's parent channel.",
    }),
    embeds: t.field({ type: 'JSON', description: `A list of at most ${MAX_EMBEDS} JSON objects.` }),
  }),
});

const EditMessageInput = builder.inputType('EditMessageInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: Message }),
    content: t.string({ required: true }),
    embeds: t.field({ type: 'JSON', description: 'Replaces the embeds; omitted or null keeps them.' }),
  }),
});

const MessageIdInput = builder.inputType('MessageIdInput', {
  description: 'Names one message (delete, pin, unpin).',
  fields: (t) => ({ id: t.globalID({ required: true, for: Message }) }),
});

// One emoji as Unicode defines them (sequences included), or a custom :shortcode:.
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v'); // the 'v' flag (Node 20) is beyond the ES2022 target's syntax
const SHORTCODE = /^:[a-z0-9_+-]{1,62}:$/;
const MAX_EMOJI_LENGTH = 64;

/** The stored form: trimmed, with the emoji presentation selector a bare text-style emoji (e.g. ❤) needs. */
function normalizeEmoji(raw: string): string {
  const emoji = raw.trim();
  return !RGI_EMOJI.test(emoji) && RGI_EMOJI.test(`${emoji}\uFE0F`) ? `${emoji}\uFE0F` : emoji;
}

/** A reaction: one emoji (👍, ❤️, 👩‍💻, 🇭🇺) or a :shortcode: of lower-case letters, digits, _ + -; 1..64 characters. */
const emojiSchema = z
  .string()
  .transform(normalizeEmoji)
  .refine((emoji) => [...emoji].length >= 1 && [...emoji].length <= MAX_EMOJI_LENGTH, `must be 1 to ${MAX_EMOJI_LENGTH} characters`)
  .refine((emoji) => RGI_EMOJI.test(emoji) || SHORTCODE.test(emoji), 'must be one emoji or a :shortcode: (a-z, 0-9, _, +, -)');

const reactionSchema = z.object({ emoji: emojiSchema });

const ReactionInput = builder.inputType('ReactionInput', {
  fields: (t) => ({
    messageId: t.globalID({ required: true, for: Message }),
    emoji: t.string({ required: true, description: 'One emoji (👍, ❤️) or a :shortcode:; at most 64 characters.' }),
  }),
});

type ChannelRow = typeof channels.$inferSelect;

/**
 * A reply must point to a live message the viewer reads, in the same channel or, when posting in a
 * thread, in the thread's parent channel (where the conversation it continues started).
 */
async function assertReplyTarget(tx: Transaction, viewer: Viewer, channel: ChannelRow, replyToId: string): Promise<void> {
  const [target] = await tx
    .select({ channelId: messages.channelId })
    .from(messages)
    .where(and(eq(messages.id, replyToId), isNull(messages.deletedAt), canReadMessage.where(viewer, messages)));
  if (!target) throw new NotFoundError('The message to reply to was not found.');
  const allowedChannels = channel.type === 'thread' ? [channel.id, channel.parentChannelId] : [channel.id];
  if (!allowedChannels.includes(target.channelId)) {
    throw new ValidationError([{ path: ['replyToId'], message: "must be a message of the same channel (or of a thread's parent channel)" }]);
  }
}

/** The organization of a channel, for audit rows. */
async function organizationOfChannel(tx: Transaction, channelId: string): Promise<string | null> {
  const [channel] = await tx.select({ organizationId: channels.organizationId }).from(channels).where(eq(channels.id, channelId));
  return channel?.organizationId ?? null;
}

/** Loads a live message the viewer reads and judges `rule` on it (NOT_FOUND / FORBIDDEN). */
const authorizeMessage = (tx: Transaction, viewer: Viewer, rule: Rule<typeof messages>, id: string) =>
  authorizeRow(tx, viewer, { rule, readRule: canReadMessage, id, what: 'Message' });

builder.mutationFields((t) => ({
  sendMessage: t.field({
    type: MessagePayload,
    description: 'Posts a message in a channel the viewer sees (a bot needs messages:write).',
    errors: resultUnion('SendMessage', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: SendMessageInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const fields = parseInput(messageTextSchema, { content: input.content, embeds: input.embeds ?? undefined });
        const channel = await authorizeRow(tx, viewer, {
          rule: canPostInChannel,
          readRule: canSeeChannel,
          id: input.channelId.id,
          what: 'Channel',
          lock: 'share',
        });
        if (input.replyToId) await assertReplyTarget(tx, viewer, channel, input.replyToId.id);
        const [created] = await tx
          .insert(messages)
          .values({ channelId: channel.id, authorId: viewer.userId, ...fields, replyToMessageId: input.replyToId?.id ?? null })
          .returning({ id: messages.id });
        return { messageId: created!.id };
      }),
  }),
  editMessage: t.field({
    type: MessagePayload,
    description: "Changes the text (and optionally the embeds) of the viewer's own message; sets editedAt.",
    errors: resultUnion('EditMessage', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: EditMessageInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const fields = parseInput(messageTextSchema, { content: input.content, embeds: input.embeds ?? undefined });
        // A deleted message is not found: it cannot be edited back into view.
        const before = await authorizeMessage(tx, viewer, canEditMessage, input.id.id);
        await tx
          .update(messages)
          .set({ ...fields, editedAt: sql`now()` })
          .where(eq(messages.id, before.id));
        return { messageId: before.id };
      }),
  }),
  deleteMessage: t.field({
    type: MessagePayload,
    description: 'Soft-deletes a message (its author, or an organization admin who sees the channel); its content is hidden from then on.',
    errors: resultUnion('DeleteMessage', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: MessageIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        // Deleting twice is NOT_FOUND: the first delete made the message gone.
        const before = await authorizeMessage(tx, viewer, canDeleteMessage, input.id.id);
        await tx.update(messages).set({ deletedAt: sql`now()` }).where(eq(messages.id, before.id));
        // Moderation is audited; an author removing their own words is not an admin action. No content in the log.
        if (before.authorId !== viewer.userId) {
          await writeAudit(tx, ctx, viewer, {
            action: 'message.delete',
            resourceType: 'message',
            resourceId: before.id,
            organizationId: await organizationOfChannel(tx, before.channelId),
            oldValues: { channelId: before.channelId, authorId: before.authorId, createdAt: before.createdAt },
          });
        }
        return { messageId: before.id };
      }),
  }),
  pinMessage: t.field({
    type: MessagePayload,
    description: 'Pins a message (idempotent: pinning a pinned message keeps its first pinner).',
    errors: resultUnion('PinMessage', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: MessageIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        // The row is locked: of two concurrent pins, the second sees the first one's pin and changes nothing.
        const before = await authorizeMessage(tx, viewer, canPinMessage, input.id.id);
        if (!before.pinnedAt) {
          await tx.update(messages).set({ pinnedAt: sql`now()`, pinnedBy: viewer.userId }).where(eq(messages.id, before.id));
        }
        return { messageId: before.id };
      }),
  }),
  unpinMessage: t.field({
    type: MessagePayload,
    description: 'Unpins a message (its pinner or an organization admin); unpinning a message that is not pinned changes nothing.',
    errors: resultUnion('UnpinMessage', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: MessageIdInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const before = await authorizeMessage(tx, viewer, canRequestUnpin, input.id.id);
        if (!before.pinnedAt) return { messageId: before.id };
        await tx.update(messages).set({ pinnedAt: null, pinnedBy: null }).where(eq(messages.id, before.id));
        // An admin removing someone else's pin is moderation: audited.
        if (before.pinnedBy !== viewer.userId) {
          await writeAudit(tx, ctx, viewer, {
            action: 'message.unpin',
            resourceType: 'message',
            resourceId: before.id,
            organizationId: await organizationOfChannel(tx, before.channelId),
            oldValues: { pinnedAt: before.pinnedAt, pinnedBy: before.pinnedBy },
          });
        }
        return { messageId: before.id };
      }),
  }),
  addReaction: t.field({
    type: MessagePayload,
    description: "Adds the viewer's reaction to a message (idempotent: reacting twice with one emoji leaves one reaction).",
    errors: resultUnion('AddReaction', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: ReactionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { emoji } = parseInput(reactionSchema, { emoji: input.emoji });
        const message = await authorizeMessage(tx, viewer, canReactToMessage, input.messageId.id);
        // The primary key (message, user, emoji) settles two concurrent identical reactions: one row.
        await tx
          .insert(messageReactions)
          .values({ messageId: message.id, userId: viewer.userId, emoji })
          .onConflictDoNothing({ target: [messageReactions.messageId, messageReactions.userId, messageReactions.emoji] });
        return { messageId: message.id };
      }),
  }),
  removeReaction: t.field({
    type: MessagePayload,
    description: "Removes the viewer's own reaction (idempotent: removing one that is not there changes nothing).",
    errors: resultUnion('RemoveReaction', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: ReactionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { emoji } = parseInput(reactionSchema, { emoji: input.emoji });
        const message = await authorizeMessage(tx, viewer, canReactToMessage, input.messageId.id);
        // Own only: the row removed is always the viewer's.
        await tx
          .delete(messageReactions)
          .where(and(eq(messageReactions.messageId, message.id), eq(messageReactions.userId, viewer.userId), eq(messageReactions.emoji, emoji)));
        return { messageId: message.id };
      }),
  }),
}));
