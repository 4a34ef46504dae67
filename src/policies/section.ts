import { channelSections } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { isAdmin, isMember } from './viewer.js';

/** Read (DOMAIN.md is silent): M(o), like the channel list the sections group. */
export const canSeeSection = defineRule('section.read', channelSections, (viewer, section) => isMember(viewer, section.organizationId));

/** Manage sections: A(o). */
export const canManageSection = defineRule('section.manage', channelSections, (viewer, section) => isAdmin(viewer, section.organizationId));
