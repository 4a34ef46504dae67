import { sql } from 'drizzle-orm';
import { files } from '../db/schema/index.js';
import { readsMessagesOf } from './message.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, isMember, isSelf, signedIn } from './viewer.js';

/** Read: owner, or shared and Auth, or organization scope and M(org), or attached to a message the viewer may read. */
export const canSeeFile = defineRule('file.read', files, (viewer, file) => {
  const attachedToReadableMessage = sql`exists (
    select 1 from chat.messages vfm where vfm.id = ${file.messageId} and vfm.deleted_at is null
      and ${readsMessagesOf(viewer, sql`vfm.channel_id`)})`;
  return anyOf(
    isSelf(viewer, file.ownerId),
    allOf(sql`${file.scope} = 'shared'`, signedIn(viewer)),
    allOf(sql`${file.scope} = 'organization'`, isMember(viewer, file.organizationId)),
    attachedToReadableMessage,
  );
});

/** Delete: the owner. */
export const canDeleteFile = defineRule('file.delete', files, (viewer, file) => isSelf(viewer, file.ownerId));
