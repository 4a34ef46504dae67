import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { builder } from '../../builder.js';
import type { Context, Viewer } from '../../context.js';
import { groupAppAccess, groupPermissions, roleAppAccess, rolePermissions, userGroups, userRoles } from '../../db/schema/index.js';
import { canManageApp, canSeeApp } from '../../policies/app.js';
import { canAssignGroup, canAssignPermission, canAssignRole, canSeePermission } from '../../policies/rbac.js';
import type { Rule } from '../../policies/rule.js';
import { canSeeUser } from '../../policies/user.js';
import { App } from '../platform/apps.js';
import { ForbiddenError, NotFoundError, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { requirePermission } from '../platform/platform-mutation-helpers.js';
import { Permission } from './rbac.js';
import { authorizeCatalogRow, findVisibleCatalogRow, groupKind, GroupPayload, roleKind, RolePayload, type CatalogKind } from './rbac-mutations.js';
import { UserPayload } from '../users/user-mutations.js';
import { User } from '../users/users.js';

/**
 * Who holds what: permissions granted to roles and groups, roles and groups given to users, apps
 * opened to roles and groups. Every change is idempotent (a repeat changes nothing and writes no
 * audit row) and, when it changes something, audited. Nobody hands out a permission they lack.
 */

/** The link tables of one catalog kind, and the owner's key in them (`roleId` / `groupId`). */
interface Links {
  owner: 'roleId' | 'groupId';
  permissions: PgTable;
  users: PgTable;
  apps: PgTable;
  assignRule: Rule<CatalogKind['table']>;
  payload: typeof RolePayload;
}

const LINKS: Record<CatalogKind['kind'], Links> = {
  role: { owner: 'roleId', permissions: rolePermissions, users: userRoles, apps: roleAppAccess, assignRule: canAssignRole, payload: RolePayload },
  group: {
    owner: 'groupId',
    permissions: groupPermissions,
    users: userGroups,
    apps: groupAppAccess,
    assignRule: canAssignGroup as unknown as Rule<CatalogKind['table']>,
    payload: GroupPayload,
  },
};

const column = (table: PgTable, key: string) => (table as unknown as Record<string, AnyPgColumn>)[key]!;

/** The condition naming one link row by its two ends. */
const linkWhere = (table: PgTable, ends: Record<string, string>): SQL => and(...Object.entries(ends).map(([key, id]) => eq(column(table, key), id)))!;

/** Adds the link unless it exists (a concurrent twin adds nothing); true when it is new. */
async function link(tx: Transaction, table: PgTable, values: Record<string, unknown>): Promise<boolean> {
  const rows = await tx.insert(table).values(values as never).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Removes the link; true when there was one. */
async function unlink(tx: Transaction, table: PgTable, ends: Record<string, string>): Promise<boolean> {
  const rows = await tx.delete(table).where(linkWhere(table, ends)).returning();
  return rows.length > 0;
}

type Change = 'grant' | 'revoke';

/** The role or group ID of an input whose field is named after the owner's key (`roleId` / `groupId`). */
const ownerIdIn = (input: object, kind: CatalogKind) => (input as Record<string, { id: string }>)[LINKS[kind.kind].owner]!.id;
const capitalized = (name: string) => name[0]!.toUpperCase() + name.slice(1);

interface LinkAudit {
  action: string;
  resourceType: string;
  resourceId: string;
  /** What was linked: the new values of a grant, the old values of a revoke. */
  values: Record<string, unknown>;
}

/** Adds or removes the link; the audit row is written only when something changed. */
async function applyChange(tx: Transaction, ctx: Context, viewer: Viewer, change: Change, table: PgTable, ends: Record<string, string>, audit: LinkAudit) {
  // Permission and membership links remember who granted them; app access links do not.
  const granted = { ...ends, ...('grantedBy' in table ? { grantedBy: viewer.userId } : {}) };
  const changed = change === 'grant' ? await link(tx, table, granted) : await unlink(tx, table, ends);
  if (!changed) return;
  const { values, ...entry } = audit;
  await writeAudit(tx, ctx, viewer, change === 'grant' ? { ...entry, newValues: values } : { ...entry, oldValues: values });
}

/** grant<Kind>Permission / revoke<Kind>Permission: P(users.permissions.assign), only a permission the actor holds. */
function permissionMutations(kind: CatalogKind) {
  const links = LINKS[kind.kind];
  const Input = builder.inputType(`${kind.what}PermissionInput`, {
    fields: (t) => ({
      [links.owner]: t.globalID({ required: true, for: kind.ref }),
      permissionId: t.globalID({ required: true, for: Permission }),
    }),
  });
  const field = (change: Change) =>
    builder.mutationField(`${change}${kind.what}Permission`, (t) =>
      t.field({
        type: links.payload,
        description: `${change === 'grant' ? 'Grants a permission to' : 'Revokes a permission from'} a ${kind.kind}: needs users.permissions.assign and the permission itself. Idempotent.`,
        errors: resultUnion(capitalized(`${change}${kind.what}Permission`), NotFoundError, ForbiddenError),
        args: { input: t.arg({ type: Input, required: true }) },
        resolve: (_root, { input }, ctx) =>
          mutate(ctx, async (tx, viewer) => {
            await requirePermission(tx, viewer, 'users.permissions.assign');
            const owner = await authorizeCatalogRow(tx, viewer, kind, ownerIdIn(input, kind));
            const permission = await authorizeRow(tx, viewer, {
              rule: canAssignPermission,
              readRule: canSeePermission,
              id: input.permissionId!.id,
              what: 'Permission',
            });
            await applyChange(tx, ctx, viewer, change, links.permissions, { [links.owner]: owner.id, permissionId: permission.id }, {
              action: `${kind.kind}.permission_${change}`,
              resourceType: kind.kind,
              resourceId: owner.id,
              values: { [kind.kind]: owner.key, permission: permission.key },
            });
            return { id: owner.id };
          }),
      }),
    );
  field('grant');
  field('revoke');
}

/**
 * assignUser<Kind> / removeUser<Kind> (DOMAIN.md is silent): P(users.roles.update) or
 * P(users.groups.update), and only a role or group whose every permission the actor holds,
 * both ways, so nobody raises themselves or strips someone above them.
 */
function membershipMutations(kind: CatalogKind) {
  const links = LINKS[kind.kind];
  const Input = builder.inputType(`User${kind.what}Input`, {
    fields: (t) => ({
      userId: t.globalID({ required: true, for: User }),
      [links.owner]: t.globalID({ required: true, for: kind.ref }),
    }),
  });
  const field = (change: Change, name: string, verb: string) =>
    builder.mutationField(name, (t) =>
      t.field({
        type: UserPayload,
        description: `${verb} (needs ${kind.permission}.update and every permission of the ${kind.kind}). Idempotent.`,
        errors: resultUnion(capitalized(name), NotFoundError, ForbiddenError),
        args: { input: t.arg({ type: Input, required: true }) },
        resolve: (_root, { input }, ctx) =>
          mutate(ctx, async (tx, viewer) => {
            await requirePermission(tx, viewer, `${kind.permission}.update`);
            const user = await authorizeRow(tx, viewer, { rule: canSeeUser, readRule: canSeeUser, id: input.userId!.id, what: 'User' });
            const owner = await authorizeCatalogRow(tx, viewer, kind, ownerIdIn(input, kind), links.assignRule);
            await applyChange(tx, ctx, viewer, change, links.users, { userId: user.id, [links.owner]: owner.id }, {
              action: `user.${kind.kind}_${change}`,
              resourceType: 'user',
              resourceId: user.id,
              values: { [kind.kind]: owner.key },
            });
            return { userId: user.id };
          }),
      }),
    );
  field('grant', `assignUser${kind.what}`, `Gives a user a ${kind.kind}`);
  field('revoke', `removeUser${kind.what}`, `Takes a ${kind.kind} from a user`);
}

permissionMutations(roleKind);
permissionMutations(groupKind);
membershipMutations(roleKind);
membershipMutations(groupKind);

const AppAccessInput = builder.inputType('AppAccessInput', {
  description: 'An app and exactly one of a role or a group.',
  fields: (t) => ({
    appId: t.globalID({ required: true, for: App }),
    roleId: t.globalID({ for: roleKind.ref }),
    groupId: t.globalID({ for: groupKind.ref }),
  }),
});

const AppAccessPayload = builder.objectRef<{ appId: string; roleId: string | null; groupId: string | null }>('AppAccessPayload').implement({
  description: 'The app and the role or group whose access changed, each as the viewer may see it.',
  fields: (t) => ({
    app: t.drizzleField({
      type: App,
      nullable: true,
      description: 'Null when the app is not one the viewer may open (inactive, or neither public nor granted to them).',
      resolve: (query, payload, _args, ctx) => ctx.db.query.apps.findFirst(query({ where: { id: payload.appId, ...visibleRows(canSeeApp, ctx) } })),
    }),
    role: t.drizzleField({
      type: roleKind.ref,
      nullable: true,
      resolve: (query, payload, _args, ctx) => findVisibleCatalogRow(ctx, roleKind, payload.roleId, query) as never,
    }),
    group: t.drizzleField({
      type: groupKind.ref,
      nullable: true,
      resolve: (query, payload, _args, ctx) => findVisibleCatalogRow(ctx, groupKind, payload.groupId, query) as never,
    }),
  }),
});

/** grantAppAccess / revokeAppAccess: P(apps.manage); the role or group must be visible to the actor. */
function appAccessMutation(change: Change) {
  const name = `${change}AppAccess`;
  builder.mutationField(name, (t) =>
    t.field({
      type: AppAccessPayload,
      description: `${change === 'grant' ? 'Opens an app to' : 'Closes an app to'} a role or a group (needs apps.manage). Idempotent.`,
      errors: resultUnion(capitalized(name), NotFoundError, ForbiddenError),
      args: { input: t.arg({ type: AppAccessInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        mutate(ctx, async (tx, viewer) => {
          await requirePermission(tx, viewer, 'apps.manage');
          if ((input.roleId == null) === (input.groupId == null)) {
            throw new ValidationError([{ path: ['roleId'], message: 'give exactly one of roleId and groupId' }]);
          }
          const kind = input.roleId ? roleKind : groupKind;
          const app = await authorizeRow(tx, viewer, { rule: canManageApp, readRule: canManageApp, id: input.appId.id, what: 'App' });
          const owner = await authorizeCatalogRow(tx, viewer, kind, (input.roleId ?? input.groupId)!.id);
          await applyChange(tx, ctx, viewer, change, LINKS[kind.kind].apps, { appId: app.id, [LINKS[kind.kind].owner]: owner.id }, {
            action: `app.access_${change}`,
            resourceType: 'app',
            resourceId: app.id,
            values: { app: app.key, [kind.kind]: owner.key },
          });
          return { appId: app.id, roleId: input.roleId ? owner.id : null, groupId: input.groupId ? owner.id : null };
        }),
    }),
  );
}

appAccessMutation('grant');
appAccessMutation('revoke');
