import { channelMembers } from '../db/schema/index.js';
import { seesChannelOf } from './channel.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, isAdmin, isSelf } from './viewer.js';
import { sql } from 'drizzle-orm';

/** Read (DOMAIN.md is silent): whoever sees the channel sees who is in it. */
export const canSeeChannelMember = defineRule('channelMember.read', channelMembers, (viewer, member) => seesChannelOf(viewer, member.channelId));

/** Remove: the member themselves (leave), or A(o) in a channel the admin can see. */
export const canRemoveChannelMember = defineRule('channelMember.remove', channelMembers, (viewer, member) =>
  anyOf(
    isSelf(viewer, member.userId),
    allOf(
      isAdmin(viewer, sql`(select vcmo.organization_id from chat.channels vcmo where vcmo.id = ${member.channelId})`),
      seesChannelOf(viewer, member.channelId),
    ),
  ),
);

/** Own preferences (mute, hide, favorite, last read): only the member. */
export const canUpdateChannelPreferences = defineRule('channelMember.preferences', channelMembers, (viewer, member) =>
  isSelf(viewer, member.userId),
);
