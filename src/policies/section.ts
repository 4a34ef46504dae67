import { channelSections, organizations } from '../db/schema/index.js';
import { asChannelWrite } from './channel.js';
import { defineRule } from './rule.js';
import { isAdmin, isMember } from './viewer.js';

// Sections belong to an organization (chat.channel_sections has organization_id and no user): one
// shared sidebar grouping per organization, so managing them is an organization admin's, like channels.

/** Read (DOMAIN.md is silent): M(o), like the channel list the sections group. */
export const canSeeSection = defineRule('section.read', channelSections, (viewer, section) => isMember(viewer, section.organizationId));

/** Manage sections: A(o). */
export const canManageSection = defineRule('section.manage', channelSections, (viewer, section) => isAdmin(viewer, section.organizationId));

/** Rename or delete a section: A(o); a bot also needs `channels:write`. */
export const canWriteSection = asChannelWrite(canManageSection);

/** Create or reorder the sections of organization o: A(o); a bot also needs `channels:write`. */
export const canArrangeSections = asChannelWrite(defineRule('section.arrange', organizations, (viewer, organization) => isAdmin(viewer, organization.id)));
