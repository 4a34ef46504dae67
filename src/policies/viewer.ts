import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Viewer } from '../context.js';

/**
 * The viewer predicates of DOMAIN.md ("Who may do what") as SQL, so that every rule built from
 * them can filter rows in the same statement that reads them. Each takes the column that names
 * the organization, channel or user of the row being judged.
 */

export type Column = AnyPgColumn | SQL;

const FALSE = sql`false`;
const TRUE = sql`true`;

/** The viewer's user id as a SQL parameter (callers check that there is a viewer). */
const viewerId = (viewer: Viewer) => sql`${viewer.userId}::uuid`;

/** Auth: signed in. */
export const signedIn = (viewer: Viewer | null): SQL => (viewer ? TRUE : FALSE);

/** A person (not a bot's machine user): some actions are for humans only. */
export const isHuman = (viewer: Viewer | null): SQL => (viewer?.userType === 'human' ? TRUE : FALSE);

/** A bot acts only within its scopes; a person is not limited by scopes (nobody without a viewer). */
export const scopeAllows = (viewer: Viewer | null, scope: string): boolean =>
  viewer !== null && (viewer.scopes === null || viewer.scopes.includes(scope));

/** The same as SQL, for rules. */
export function withinScope(viewer: Viewer | null, scope: string): SQL {
  return scopeAllows(viewer, scope) ? TRUE : FALSE;
}

/** P(k): the viewer holds permission `key` through one of their roles or groups. */
export function hasPermission(viewer: Viewer | null, key: string): SQL {
  if (!viewer) return FALSE;
  return sql`exists (
    select 1 from auth.user_roles vur
      join auth.role_permissions vrp on vrp.role_id = vur.role_id
      join auth.permissions vp on vp.id = vrp.permission_id
    where vur.user_id = ${viewerId(viewer)} and vp.key = ${key}
    union all
    select 1 from auth.user_groups vug
      join auth.group_permissions vgp on vgp.group_id = vug.group_id
      join auth.permissions vp on vp.id = vgp.permission_id
    where vug.user_id = ${viewerId(viewer)} and vp.key = ${key})`;
}

/**
 * The permission keys a user holds through their roles and groups, as a subquery of one column
 * `key` (duplicates removed): what `hasPermission` asks about one key, listed.
 */
export const permissionKeysOf = (userId: Column): SQL => sql`(
    select vpk.key from auth.user_roles vkur
      join auth.role_permissions vkrp on vkrp.role_id = vkur.role_id
      join auth.permissions vpk on vpk.id = vkrp.permission_id
    where vkur.user_id = ${userId}
    union
    select vpk.key from auth.user_groups vkug
      join auth.group_permissions vkgp on vkgp.group_id = vkug.group_id
      join auth.permissions vpk on vpk.id = vkgp.permission_id
    where vkug.user_id = ${userId})`;

/** The user holds no permission the viewer lacks (acting on them escalates nothing). */
export function holdsNoMoreThanViewer(viewer: Viewer | null, userId: Column): SQL {
  if (!viewer) return FALSE;
  return sql`not exists (select key from ${permissionKeysOf(userId)} vtarget except select key from ${permissionKeysOf(viewerId(viewer))} vmine)`;
}

// A soft-deleted organization has no members as far as any rule is concerned.
const organizationRoleCondition = (viewer: Viewer, organizationId: Column, roles: readonly string[] | null) =>
  sql`exists (
    select 1 from chat.organization_members vom join chat.organizations vorg on vorg.id = vom.organization_id
    where vom.organization_id = ${organizationId} and vom.user_id = ${viewerId(viewer)} and vom.deleted_at is null
      and vorg.deleted_at is null
    ${roles ? sql`and vom.role in (${sql.join(roles.map((role) => sql`${role}`), sql`, `)})` : sql``})`;

/** M(o): a live member of the organization. */
export const isMember = (viewer: Viewer | null, organizationId: Column): SQL =>
  viewer ? organizationRoleCondition(viewer, organizationId, null) : FALSE;

/** A(o): a member with role admin or owner. */
export const isAdmin = (viewer: Viewer | null, organizationId: Column): SQL =>
  viewer ? organizationRoleCondition(viewer, organizationId, ['admin', 'owner']) : FALSE;

/** O(o): an owner. */
export const isOwner = (viewer: Viewer | null, organizationId: Column): SQL =>
  viewer ? organizationRoleCondition(viewer, organizationId, ['owner']) : FALSE;

/** CM(c): a live member of the channel. */
export function isChannelMember(viewer: Viewer | null, channelId: Column): SQL {
  if (!viewer) return FALSE;
  return sql`exists (
    select 1 from chat.channel_members vcm
    where vcm.channel_id = ${channelId} and vcm.user_id = ${viewerId(viewer)} and vcm.deleted_at is null)`;
}

/** The viewer is this user. */
export const isSelf = (viewer: Viewer | null, userId: Column): SQL => (viewer ? sql`${userId} = ${viewerId(viewer)}` : FALSE);

/** The viewer and this user are live members of one organization. */
export function sharesOrganization(viewer: Viewer | null, userId: Column): SQL {
  if (!viewer) return FALSE;
  return sql`exists (
    select 1 from chat.organization_members vmine
      join chat.organization_members vtheirs on vtheirs.organization_id = vmine.organization_id
      join chat.organizations vshared on vshared.id = vmine.organization_id and vshared.deleted_at is null
    where vmine.user_id = ${viewerId(viewer)} and vmine.deleted_at is null
      and vtheirs.user_id = ${userId} and vtheirs.deleted_at is null)`;
}

export const anyOf = (...conditions: SQL[]): SQL => sql`(${sql.join(conditions, sql` or `)})`;
export const allOf = (...conditions: SQL[]): SQL => sql`(${sql.join(conditions, sql` and `)})`;
