import { sql } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, hasPermission, holdsNoMoreThanViewer, isHuman, isSelf, sharesOrganization } from './viewer.js';

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

/**
 * Deactivate or reactivate (issue 17): a person with P(users.users.update), never themselves (it
 * could not be undone by them, and the last administrator would lock everyone out), and only a
 * user holding no permission the actor lacks (as grants: no escalation, e.g. a user manager cannot
 * lock out a platform administrator).
 */
export const canChangeUserActivation = defineRule('user.changeActivation', users, (viewer, user) =>
  allOf(
    isHuman(viewer),
    hasPermission(viewer, 'users.users.update'),
    viewer ? sql`${user.id} <> ${viewer.userId}::uuid` : sql`false`,
    holdsNoMoreThanViewer(viewer, user.id),
  ),
);
