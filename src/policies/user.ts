import { users } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { anyOf, hasPermission, isSelf, sharesOrganization } from './viewer.js';

/** Read a profile: self, or shares an organization, or P(users.users.view). */
export const canSeeUser = defineRule('user.read', users, (viewer, user) =>
  anyOf(isSelf(viewer, user.id), sharesOrganization(viewer, user.id), hasPermission(viewer, 'users.users.view')),
);

/** Read email and settings: self or P(users.users.view). */
export const canReadUserPrivateFields = defineRule('user.readPrivate', users, (viewer, user) =>
  anyOf(isSelf(viewer, user.id), hasPermission(viewer, 'users.users.view')),
);

/** Update: self (own profile) or P(users.users.update). */
export const canUpdateUser = defineRule('user.update', users, (viewer, user) =>
  anyOf(isSelf(viewer, user.id), hasPermission(viewer, 'users.users.update')),
);
