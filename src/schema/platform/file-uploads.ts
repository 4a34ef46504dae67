import { and, eq, isNull } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { builder } from '../../builder.js';
import { requireViewer } from '../../auth/guards.js';
import type { Context } from '../../context.js';
import { files } from '../../db/schema/index.js';
import { MultipartError } from '../../files/multipart.js';
import { typeAllowed } from '../../files/service.js';
import { UploadTooLargeError, type StoredObject } from '../../files/storage.js';
import { Upload, type IncomingFile } from '../../files/upload-request.js';
import { QUERY_TOO_COMPLEX } from '../../limits/limits.js';
import { ClientError, ErrorInterface, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { mutate } from '../core/mutations.js';
import { FilePayload, fileAttachmentFields, fileSchema, resolveAttachment } from './platform-mutations.js';
import { requireScope } from './platform-mutation-helpers.js';

/**
 * uploadFile: the bytes of a file with its metadata, by the GraphQL multipart request specification
 * (src/files/upload-request.ts). The row is written PENDING once the request is authorized, the
 * bytes stream to storage (counted, hashed, refused past FILES_MAX_BYTES), and the row becomes
 * READY with its size and SHA-256, or FAILED, the storage keeping nothing of a failed body.
 * No transaction is held while the bytes arrive.
 */

builder.scalarType('Upload', {
  description: 'A file sent along with the request as multipart/form-data (GraphQL multipart request specification); input only.',
  serialize: () => {
    throw new GraphQLError('Upload is an input-only scalar.');
  },
  parseValue: (value) => {
    if (value instanceof Upload) return value;
    throw new GraphQLError('An Upload is a file sent as multipart/form-data (GraphQL multipart request specification), not a JSON value.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral: () => {
    throw new GraphQLError('An Upload cannot be written in the document: send it as multipart/form-data.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

export class FileTooLargeError extends ClientError {
  constructor(readonly maxBytes: number) {
    super(`The file exceeds the limit of ${maxBytes} bytes.`, 'FILE_TOO_LARGE', { maxBytes });
  }
}

export class FileTypeNotAllowedError extends ClientError {
  constructor(
    readonly mimeType: string,
    readonly allowedTypes: readonly string[],
  ) {
    super(`Files of type ${mimeType} are not accepted (accepted: ${allowedTypes.join(', ')}).`, 'FILE_TYPE_NOT_ALLOWED', { mimeType, allowedTypes });
  }
}

builder.objectType(FileTooLargeError, {
  name: 'FileTooLargeError',
  description: 'The file passed the size limit while it streamed in; nothing of it was kept.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ maxBytes: t.exposeFloat('maxBytes') }),
});

builder.objectType(FileTypeNotAllowedError, {
  name: 'FileTypeNotAllowedError',
  description: 'The media type of the file is not one the server accepts; nothing was stored.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ mimeType: t.exposeString('mimeType'), allowedTypes: t.exposeStringList('allowedTypes') }),
});

const UploadFileInput = builder.inputType('UploadFileInput', {
  description: 'A file and what it attaches to, as for registerFile: an organization you belong to, a channel you may post in, or a message of yours.',
  fields: (t) => ({
    file: t.field({ type: 'Upload', required: true, description: "The file's part of the multipart request; its Content-Type is the file's media type." }),
    fileName: t.string({ description: 'The name to keep (1 to 255 characters, without "/" or "\\"); default: the name the file was sent with.' }),
    ...fileAttachmentFields(t),
  }),
});

const nameAndType = fileSchema.pick({ fileName: true, mimeType: true });

/** The refusal a failed body becomes: too large (our count, or the request's body limit), cut off, or a fault to mask. */
function uploadFailure(error: unknown, maxBytes: number): unknown {
  if (error instanceof UploadTooLargeError) return new FileTooLargeError(maxBytes);
  if (error instanceof GraphQLError && error.extensions?.code === QUERY_TOO_COMPLEX) return new FileTooLargeError(maxBytes);
  if (error instanceof MultipartError) return new ValidationError([{ path: ['file'], message: 'the request ended before the file did' }]);
  return error;
}

async function markFailed(ctx: Context, fileId: string): Promise<void> {
  await ctx.db
    .update(files)
    .set({ status: 'failed' })
    .where(and(eq(files.id, fileId), eq(files.status, 'pending')))
    .catch(() => undefined);
}

builder.mutationField('uploadFile', (t) =>
  t.field({
    type: FilePayload,
    description:
      'Uploads a file (multipart/form-data, see README "Files") and attaches it; the payload shows it READY, with its size and SHA-256. Needs the right to post where it is attached.',
    errors: resultUnion('UploadFile', NotFoundError, ForbiddenError, FileTooLargeError, FileTypeNotAllowedError),
    args: { input: t.arg({ type: UploadFileInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = requireViewer(ctx);
      const options = ctx.files;
      if (!options) throw new ForbiddenError('File uploads are not enabled on this server.');
      requireScope(viewer, 'files:write');
      if (input.file.claimed) throw new ValidationError([{ path: ['file'], message: 'one file can be uploaded once per request' }]);
      input.file.claimed = true;
      let incoming: IncomingFile;
      try {
        incoming = await input.file.file;
      } catch (error) {
        const failure = uploadFailure(error, options.maxBytes);
        throw failure instanceof ClientError ? failure : new ValidationError([{ path: ['file'], message: 'the request carries no file for this variable' }]);
      }
      let row: { fileId: string; storageKey: string; mimeType: string };
      try {
        const { fileName, mimeType } = parseInput(nameAndType, { fileName: input.fileName ?? incoming.fileName, mimeType: incoming.mimeType });
        if (!typeAllowed(mimeType, options.allowedTypes)) throw new FileTypeNotAllowedError(mimeType, options.allowedTypes);
        row = await mutate(ctx, async (tx, actor) => {
          const scope = input.scope ?? 'user';
          const attachment = await resolveAttachment(tx, actor, input);
          if (scope === 'organization' && attachment.organizationId === null) {
            throw new ValidationError([{ path: ['organizationId'], message: 'an organization-scoped file needs an organization' }]);
          }
          const storageKey = `uploads/${actor.userId}/${crypto.randomUUID()}`;
          const [file] = await tx
            .insert(files)
            .values({ fileName, mimeType, sizeBytes: 0, ...attachment, scope, ownerId: actor.userId, storageKey, status: 'pending' })
            .returning({ id: files.id });
          return { fileId: file!.id, storageKey, mimeType };
        });
      } catch (error) {
        // Refused before a byte was stored: the rest of the body is not read.
        await incoming.stream.cancel(error).catch(() => undefined);
        throw error;
      }
      let stored: StoredObject;
      try {
        stored = await options.storage.put(row.storageKey, incoming.stream, { maxBytes: options.maxBytes, contentType: row.mimeType });
      } catch (error) {
        await markFailed(ctx, row.fileId);
        throw uploadFailure(error, options.maxBytes);
      }
      try {
        return await mutate(ctx, async (tx) => {
          const [ready] = await tx
            .update(files)
            .set({ status: 'ready', sizeBytes: stored.size, sha256: stored.sha256, updatedAt: new Date() })
            .where(and(eq(files.id, row.fileId), eq(files.status, 'pending'), isNull(files.deletedAt)))
            .returning({ id: files.id });
          // Deleted (or failed) while its bytes arrived.
          if (!ready) throw new NotFoundError('File not found.');
          return { fileId: ready.id };
        });
      } catch (error) {
        await options.storage.delete(row.storageKey).catch(() => undefined);
        await markFailed(ctx, row.fileId);
        throw error;
      }
    },
  }),
);
