import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { InputFieldBuilder } from '@pothos/core';
import { builder } from '../../builder.js';
import type { Viewer } from '../../context.js';
import { files, notifications, translations } from '../../db/schema/index.js';
import { canSeeChannel } from '../../policies/channel.js';
import { canDeleteFile, canSeeFile } from '../../policies/file.js';
import { canEditMessage, canPostInChannel, canReadMessage } from '../../policies/message.js';
import { canSeeNotification } from '../../policies/notification.js';
import { canReadOrganizationDetails, canSeeOrganization } from '../../policies/organization.js';
import { Channel } from '../channels/channels.js';
import { FileScopeEnum } from '../core/enums.js';
import { ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { File } from './files.js';
import { visibleRows } from '../core/guards.js';
import { Message } from '../messages/messages.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { Notification } from './notifications.js';
import { Organization } from '../organizations/organizations.js';
import { NAMESPACE } from './locales.js';
import { requirePermission, requireScope, trimmedText } from './platform-mutation-helpers.js';

/** Notifications (mark read), files (register metadata, delete) and translations (upsert). */

const NotificationPayload = builder.objectRef<{ notificationId: string }>('NotificationPayload').implement({
  fields: (t) => ({
    notification: t.drizzleField({
      type: Notification,
      nullable: true,
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.notifications.findFirst(query({ where: { id: payload.notificationId, ...visibleRows(canSeeNotification, ctx) } })),
    }),
  }),
});

const MarkAllNotificationsReadPayload = builder.objectRef<{ count: number }>('MarkAllNotificationsReadPayload').implement({
  fields: (t) => ({ count: t.exposeInt('count', { description: 'Notifications this call marked read (already read ones are not counted).' }) }),
});

const NotificationInput = builder.inputType('NotificationInput', { fields: (t) => ({ id: t.globalID({ required: true, for: Notification }) }) });

const MarkAllNotificationsReadInput = builder.inputType('MarkAllNotificationsReadInput', {
  fields: (t) => ({ organizationId: t.globalID({ for: Organization, description: "Only this organization's notifications." }) }),
});

export const FilePayload = builder.objectRef<{ fileId: string }>('FilePayload').implement({
  fields: (t) => ({
    file: t.drizzleField({
      type: File,
      nullable: true,
      description: 'The file as the viewer may now see it (null once deleted).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.files.findFirst(query({ where: { id: payload.fileId, deletedAt: { isNull: true }, ...visibleRows(canSeeFile, ctx) } })),
    }),
  }),
});

/** The largest file the platform accepts. */
export const MAX_FILE_BYTES = 5 * 1024 ** 3;

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What a file attaches to, in registerFile's and uploadFile's inputs (resolveAttachment reads them). */
export const fileAttachmentFields = (t: InputFieldBuilder<Types, 'InputObject'>) => ({
    scope: t.field({
      type: FileScopeEnum,
      defaultValue: 'user',
      description: 'USER: yours (and readers of its message); ORGANIZATION: members; SHARED: anyone signed in.',
    }),
    organizationId: t.globalID({ for: Organization, description: 'Implied by a channel or message.' }),
    channelId: t.globalID({ for: Channel, description: 'Implied by a message.' }),
    messageId: t.globalID({ for: Message }),
});

const RegisterFileInput = builder.inputType('RegisterFileInput', {
  description:
    'Metadata of a file to upload; the storage key is chosen by the server. Attach it to what you can see: an organization you belong to, a channel you may post in, or a message of yours.',
  fields: (t) => ({
    fileName: t.string({ required: true, description: '1 to 255 characters, without "/" or "\\".' }),
    mimeType: t.string({ required: true, description: 'A media type such as "image/png".' }),
    sizeBytes: t.float({ required: true, description: `A whole number of bytes, 0 to ${MAX_FILE_BYTES} (5 GiB).` }),
    ...fileAttachmentFields(t),
  }),
});

const FileInput = builder.inputType('FileInput', { fields: (t) => ({ id: t.globalID({ required: true, for: File }) }) });

export const fileSchema = z.object({
  fileName: trimmedText(1, 255).refine((name) => !/[/\\]/.test(name) && !/[\u0000-\u001f]/.test(name), 'must not contain "/", "\\" or control characters'),
  mimeType: z
    .string()
    .trim()
    .toLowerCase()
    .max(255, 'must be at most 255 characters')
    // type/subtype, optionally with printable ASCII parameters ("; charset=utf-8").
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(;[ -~]*)?$/, 'must be a media type such as "image/png"'),
  sizeBytes: z.number().int('must be a whole number').min(0, 'must not be negative').max(MAX_FILE_BYTES, 'must be at most 5 GiB'),
});

interface Attachment {
  organizationId: string | null;
  channelId: string | null;
  messageId: string | null;
}

/** `given` must agree with what a more specific attachment implies; the implied value otherwise. */
function agree(given: string | undefined, implied: string, field: string): string {
  if (given !== undefined && given !== implied) {
    throw new ValidationError([{ path: [field], message: `does not match the ${field === 'channelId' ? 'message' : 'channel'}` }]);
  }
  return implied;
}

/**
 * What the file attaches to, each seen and usable by the viewer (NOT_FOUND when unseen): a
 * message of their own, a channel they may post in, an organization they belong to.
 */
export async function resolveAttachment(
  tx: Transaction,
  viewer: Viewer,
  input: { organizationId?: { id: string } | null; channelId?: { id: string } | null; messageId?: { id: string } | null },
): Promise<Attachment> {
  let channelId = input.channelId?.id;
  let organizationId = input.organizationId?.id;
  if (input.messageId) {
    const message = await authorizeRow(tx, viewer, { rule: canEditMessage, readRule: canReadMessage, id: input.messageId.id, what: 'Message' });
    channelId = agree(channelId, message.channelId, 'channelId');
  }
  if (channelId) {
    const channel = await authorizeRow(tx, viewer, { rule: canPostInChannel, readRule: canSeeChannel, id: channelId, what: 'Channel' });
    organizationId = agree(organizationId, channel.organizationId, 'organizationId');
  }
  if (organizationId) {
    await authorizeRow(tx, viewer, { rule: canReadOrganizationDetails, readRule: canSeeOrganization, id: organizationId, what: 'Organization' });
  }
  return { organizationId: organizationId ?? null, channelId: channelId ?? null, messageId: input.messageId?.id ?? null };
}

builder.mutationFields((t) => ({
  markNotificationRead: t.field({
    type: NotificationPayload,
    description: 'Marks one of your notifications read; marking it again changes nothing.',
    errors: resultUnion('MarkNotificationRead', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: NotificationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requireScope(viewer, 'notifications:write');
        const notification = await authorizeRow(tx, viewer, { rule: canSeeNotification, readRule: canSeeNotification, id: input.id.id, what: 'Notification' });
        // The first read time stays: the row is locked, so a concurrent twin sees it set.
        if (notification.readAt === null) await tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, notification.id));
        return { notificationId: notification.id };
      }),
  }),
  markAllNotificationsRead: t.field({
    type: MarkAllNotificationsReadPayload,
    description: 'Marks all your unread notifications read (of one organization, if given) and says how many.',
    errors: resultUnion('MarkAllNotificationsRead', ForbiddenError),
    args: { input: t.arg({ type: MarkAllNotificationsReadInput }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requireScope(viewer, 'notifications:write');
        const organizationId = input?.organizationId?.id;
        const marked = await tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(
            and(
              eq(notifications.userId, viewer.userId),
              isNull(notifications.readAt),
              organizationId ? eq(notifications.organizationId, organizationId) : undefined,
            ),
          )
          .returning({ id: notifications.id });
        return { count: marked.length };
      }),
  }),
  registerFile: t.field({
    type: FilePayload,
    description: 'Registers the metadata of a file without its bytes (status PENDING); the storage key is generated.',
    deprecationReason: 'Use uploadFile, which stores the bytes and marks the file READY; a registered file stays PENDING and cannot be downloaded.',
    errors: resultUnion('RegisterFile', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: RegisterFileInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requireScope(viewer, 'files:write');
        const fields = parseInput(fileSchema, input);
        const scope = input.scope ?? 'user';
        const attachment = await resolveAttachment(tx, viewer, input);
        if (scope === 'organization' && attachment.organizationId === null) {
          throw new ValidationError([{ path: ['organizationId'], message: 'an organization-scoped file needs an organization' }]);
        }
        // Opaque and unique: the owner's prefix and a random name, never the client's file name.
        const storageKey = `uploads/${viewer.userId}/${randomUUID()}`;
        const [file] = await tx
          .insert(files)
          .values({ ...fields, ...attachment, scope, ownerId: viewer.userId, storageKey, status: 'pending' })
          .returning({ id: files.id });
        return { fileId: file!.id };
      }),
  }),
  deleteFile: t.field({
    type: FilePayload,
    description: 'Deletes one of your files (soft: the row stays for the audit trail).',
    errors: resultUnion('DeleteFile', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: FileInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        requireScope(viewer, 'files:write');
        const before = await authorizeRow(tx, viewer, { rule: canDeleteFile, readRule: canSeeFile, id: input.id.id, what: 'File' });
        await tx.update(files).set({ deletedAt: new Date() }).where(eq(files.id, before.id));
        await writeAudit(tx, ctx, viewer, {
          action: 'file.delete',
          resourceType: 'file',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: { fileName: before.fileName, scope: before.scope, storageKey: before.storageKey, sizeBytes: before.sizeBytes },
        });
        return { fileId: before.id };
      }),
  }),
}));

/** Translations: UI strings written per (locale, namespace, key). */

export const Translation = builder.objectRef<typeof translations.$inferSelect>('Translation').implement({
  description: 'One stored UI string.',
  fields: (t) => ({
    locale: t.expose('locale', { type: 'Locale' }),
    namespace: t.exposeString('namespace'),
    key: t.exposeString('key'),
    value: t.exposeString('value'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const UpsertTranslationsPayload = builder.objectRef<{ rows: (typeof translations.$inferSelect)[] }>('UpsertTranslationsPayload').implement({
  fields: (t) => ({ translations: t.field({ type: [Translation], description: 'The strings as stored now, by locale and key.', resolve: (payload) => payload.rows }) }),
});

/** Entries one call may write. */
export const MAX_TRANSLATION_ENTRIES = 500;

const TranslationEntryInput = builder.inputType('TranslationEntryInput', {
  fields: (t) => ({
    locale: t.field({ type: 'Locale', required: true, description: 'An active locale.' }),
    key: t.string({ required: true, description: 'Letters, digits, ".", "-", "_"; e.g. "actions.save".' }),
    value: t.string({ required: true, description: '1 to 10000 characters, stored as given.' }),
  }),
});

const UpsertTranslationsInput = builder.inputType('UpsertTranslationsInput', {
  fields: (t) => ({
    namespace: t.string({ required: true, description: 'e.g. "common" or "chat".' }),
    entries: t.field({ type: [TranslationEntryInput], required: true, description: `1 to ${MAX_TRANSLATION_ENTRIES} entries, each (locale, key) once.` }),
  }),
});

const translationsSchema = z.object({
  namespace: z.string().regex(NAMESPACE, 'must be 1 to 100 letters, digits, ".", "-" or "_"'),
  entries: z
    .array(
      z.object({
        locale: z.string(),
        key: z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/, 'must be 1 to 200 letters, digits, ".", "-" or "_"'),
        // Stored as given (leading spaces may be meant), but never blank.
        value: z
          .string()
          .max(10_000, 'must be at most 10000 characters')
          .refine((value) => value.trim() !== '', 'must not be blank')
          .refine((value) => !value.includes('\0'), 'must not contain NUL characters'),
      }),
    )
    .min(1, 'must not be empty')
    .max(MAX_TRANSLATION_ENTRIES, `must hold at most ${MAX_TRANSLATION_ENTRIES} entries`),
});

/** `hu:actions.save`: one string of a namespace in the audit log. */
const entryId = (row: { locale: string; key: string }) => `${row.locale}:${row.key}`;
const asAuditMap = (rows: readonly { locale: string; key: string; value: string }[]) => Object.fromEntries(rows.map((row) => [entryId(row), row.value]));

/** Each entry's locale is active and each (locale, key) comes once; every problem is listed. */
function checkEntries(entries: readonly { locale: string; key: string }[], active: ReadonlySet<string>): void {
  const seen = new Set<string>();
  const problems = entries.flatMap((entry, index) => {
    const id = entryId(entry);
    const repeated = seen.has(id);
    seen.add(id);
    return [
      ...(active.has(entry.locale) ? [] : [{ path: ['entries', String(index), 'locale'], message: `"${entry.locale}" is not an active locale` }]),
      ...(repeated ? [{ path: ['entries', String(index), 'key'], message: `"${entry.key}" is given twice for ${entry.locale}` }] : []),
    ];
  });
  if (problems.length > 0) throw new ValidationError(problems);
}

builder.mutationField('upsertTranslations', (t) =>
  t.field({
    type: UpsertTranslationsPayload,
    description: 'Adds or replaces UI strings of one namespace (needs translations.manage; audited). Readers see them on their next request.',
    errors: resultUnion('UpsertTranslations', ForbiddenError),
    args: { input: t.arg({ type: UpsertTranslationsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        await requirePermission(tx, viewer, 'translations.manage');
        const { namespace, entries } = parseInput(translationsSchema, input);
        checkEntries(entries, (await ctx.locale.catalog()).active);
        const keys = [...new Set(entries.map((entry) => entry.key))];
        const inNamespace = and(eq(translations.namespace, namespace), inArray(translations.key, keys));
        const before = await tx.select().from(translations).where(inNamespace).for('update');
        const rows = await tx
          .insert(translations)
          .values(entries.map((entry) => ({ ...entry, namespace })))
          .onConflictDoUpdate({ target: [translations.locale, translations.namespace, translations.key], set: { value: sql`excluded.value`, updatedAt: new Date() } })
          .returning();
        const written = new Set(rows.map(entryId));
        await writeAudit(tx, ctx, viewer, {
          action: 'translations.upsert',
          resourceType: 'translation',
          resourceId: null,
          oldValues: { namespace, entries: asAuditMap(before.filter((row) => written.has(entryId(row)))) },
          newValues: { namespace, entries: asAuditMap(rows) },
        });
        // Locales are untouched, so the cached locale catalog stays valid; translations are read per request (no cache to clear).
        return { rows: rows.sort((a, b) => a.locale.localeCompare(b.locale) || a.key.localeCompare(b.key)) };
      }),
  }),
);
