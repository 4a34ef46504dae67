import { sql } from 'drizzle-orm';
import { builder } from '../../builder.js';
import type { files } from '../../db/schema/index.js';
import { sqlValue } from '../core/sql-value.js';
import { canSeeChannel } from '../../policies/channel.js';
import { canSeeFile } from '../../policies/file.js';
import { canReadMessage } from '../../policies/message.js';
import { canSeeOrganization } from '../../policies/organization.js';
import { canSeeUser } from '../../policies/user.js';
import { FileScopeEnum, FileStatusEnum } from '../core/enums.js';
import { nodeReadRule, visibleRows } from '../core/guards.js';

// `Message.files` is defined with the Message type.

export const File = builder.drizzleNode('files', {
  name: 'File',
  id: { column: (file) => file.id },
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType'),
    // Float: a size can pass GraphQL's 32-bit Int (2 GiB); every integer up to 2^53 is exact.
    sizeBytes: t.exposeFloat('sizeBytes'),
    scope: t.expose('scope', { type: FileScopeEnum }),
    status: t.expose('status', { type: FileStatusEnum }),
    sha256: t.exposeString('sha256', { nullable: true, description: 'Hex SHA-256 of the stored bytes (also the download\'s ETag); null until uploaded.' }),
    downloadPath: t.string({
      nullable: true,
      description: 'Where a READY file is downloaded: GET this path with your Authorization header (README "Files"); null otherwise.',
      ...sqlValue('downloadPath', (file: typeof files) => sql`(case when ${file.status} = 'ready' then '/files/' || ${file.id}::text end)`),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    owner: t.relation('owner', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeUser, ctx) }) }),
    organization: t.relation('organization', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeOrganization, ctx) }) }),
    channel: t.relation('channel', { nullable: true, query: (_args, ctx) => ({ where: visibleRows(canSeeChannel, ctx) }) }),
    message: t.relation('message', {
      nullable: true,
      description: 'The message the file is attached to.',
      query: (_args, ctx) => ({ where: visibleRows(canReadMessage, ctx) }),
    }),
  }),
});
nodeReadRule('File', canSeeFile);
