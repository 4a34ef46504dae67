import { sql } from 'drizzle-orm';
import { files } from '../db/schema/index.js';
import { seesChannelOf } from './channel.js';
import { readsMessagesOf } from './message.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, isMember, isSelf, signedIn } from './viewer.js';

/**
 * Read: owner, or shared and Auth, or organization scope and M(org), or attached to a message the
 * viewer may read. A file posted in a channel is, besides, only for those who see that channel,
 * so an organization-scoped file does not leak out of a private channel.
 */
export const canSeeFile = defineRule('file.read', files, (viewer, file) => {
  const attachedToReadableMessage = sql`exists (
    select 1 from chat.messages vfm where vfm.id = ${file.messageId} and vfm.deleted_at is null
      and ${readsMessagesOf(viewer, sql`vfm.channel_id`)})`;
  return anyOf(
    isSelf(viewer, file.ownerId),
    attachedToReadableMessage,
    allOf(
      anyOf(sql`${file.channelId} is null`, seesChannelOf(viewer, file.channelId)),
      anyOf(allOf(sql`${file.scope} = 'shared'`, signedIn(viewer)), allOf(sql`${file.scope} = 'organization'`, isMember(viewer, file.organizationId))),
    ),
  );
});

/** Delete: the owner. */
export const canDeleteFile = defineRule('file.delete', files, (viewer, file) => isSelf(viewer, file.ownerId));
