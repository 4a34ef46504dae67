import { sql } from 'drizzle-orm';
import { apps } from '../db/schema/index.js';
import { defineRule } from './rule.js';
import { allOf, anyOf, hasPermission } from './viewer.js';

/** List: active, and public or granted to one of the viewer's roles or groups. */
export const canSeeApp = defineRule('app.read', apps, (viewer, app) => {
  const granted = viewer
    ? sql`exists (
        select 1 from platform.role_app_access vra join auth.user_roles vur on vur.role_id = vra.role_id
        where vra.app_id = ${app.id} and vur.user_id = ${viewer.userId}::uuid
        union all
        select 1 from platform.group_app_access vga join auth.user_groups vug on vug.group_id = vga.group_id
        where vga.app_id = ${app.id} and vug.user_id = ${viewer.userId}::uuid)`
    : sql`false`;
  return allOf(sql`${app.isActive}`, anyOf(sql`${app.isPublic}`, granted));
});

/** Grant or revoke an app to a role or group (and see every app to do so): P(apps.manage). */
export const canManageApp = defineRule('app.manage', apps, (viewer) => hasPermission(viewer, 'apps.manage'));

/** What a manager's write reads back: the apps the viewer may open, and every app for P(apps.manage). */
export const canSeeOrManageApp = defineRule('app.readOrManage', apps, (viewer, app) => anyOf(canSeeApp.where(viewer, app), canManageApp.where(viewer, app)));
