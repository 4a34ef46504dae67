import { sql } from 'drizzle-orm';
import { bots, organizations } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, isAdmin, isSelf, sharesOrganization, signedIn } from './viewer.js';

/** Read (DOMAIN.md is silent): signed in, and public, the creator's, or installed where the viewer is a member. */
export const canSeeBot = defineRule('bot.read', bots, (viewer, bot) =>
  allOf(signedIn(viewer), anyOf(sql`${bot.isPublic}`, isSelf(viewer, bot.createdBy), sharesOrganization(viewer, bot.userId))),
);

/** Update, delete, rotate the token: the creator. */
export const canManageBot = defineRule('bot.manage', bots, (viewer, bot) => isSelf(viewer, bot.createdBy));

/** Create a bot for an organization: A(o), and a person. */
export const canCreateBotIn = defineRule('bot.create', organizations, (viewer, organization) =>
  viewer?.userType === 'human' ? isAdmin(viewer, organization.id) : sql`false`,
);

/** Install and uninstall in an organization: A(o). */
export const canInstallBotIn = defineRule('bot.install', organizations, (viewer, organization) => isAdmin(viewer, organization.id));
