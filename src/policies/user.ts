import { sql } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, hasPermission, isSelf, sharesOrganization } from './viewer.js';

/**
 * Read a profile: a live user who is the viewer, or shares an organization, or P(users.users.view).
 * Liveness is part of the rule (a deleted user is gone everywhere, author fields included), so every
 * way to a user — root fields, `node`, author, pinner, reactions, members, counts, compiled reads —
 * hides a soft-deleted one. The permission, the same for every row of a statement, is asked before
 * the per-row membership subquery, so holders never pay for it (PostgreSQL evaluates OR arms in order).
 */
export const canSeeUser = defineRule('user.read', users, (viewer, user) =>
  allOf(
    sql`${user.deletedAt} is null`,
    anyOf(isSelf(viewer, user.id), hasPermission(viewer, 'users.users.view'), sharesOrganization(viewer, user.id)),
  ),
);

/** Read email and settings: self or P(users.users.view). Also what `users(search:)` may match an email by. */
export const canReadUserPrivateFields = defineRule('user.readPrivate', users, (viewer, user) =>
  anyOf(isSelf(viewer, user.id), hasPermission(viewer, 'users.users.view')),
);

/** Update: self (own profile) or P(users.users.update). */
export const canUpdateUser = defineRule('user.update', users, (viewer, user) =>
  anyOf(isSelf(viewer, user.id), hasPermission(viewer, 'users.users.update')),
);
