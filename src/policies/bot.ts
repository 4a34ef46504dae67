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

/**
 * What a bot may be given (DOMAIN.md names only `messages:write`), each enforced by the rules: a bot
 * acts only within these. messages:read reads messages; messages:write posts, edits, pins and
 * reacts; channels:write creates and manages channels; files:write registers and deletes its files;
 * notifications:write marks its notifications read; organizations:write manages organizations and
 * members. A scope no rule checks is not offered: it would promise a limit that does not exist.
 */
export const BOT_SCOPES = ['messages:read', 'messages:write', 'channels:write', 'files:write', 'notifications:write', 'organizations:write'] as const;

/** Install a bot (DOMAIN.md is silent): a public bot, or one of the viewer's own; a private bot goes only where its creator puts it. */
export const canPickBot = defineRule('bot.pick', bots, (viewer, bot) => anyOf(sql`${bot.isPublic}`, isSelf(viewer, bot.createdBy)));
