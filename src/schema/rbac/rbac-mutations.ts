import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context, Viewer } from '../../context.js';
import { groups, roles } from '../../db/schema/index.js';
import { canSeeGroup, canSeeRole, canWriteGroup, canWriteRole, type CatalogAction } from '../../policies/rbac.js';
import type { Rule } from '../../policies/rule.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { LocalizedTextInput } from '../core/localized.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { catalogKey, localizedValue, requirePermission } from '../platform/platform-mutation-helpers.js';
import { Group, Role } from './rbac.js';

/**
 * Roles and groups are the same kind of catalog row (key, localized name and description, system
 * flag); one definition serves both. Group rows have the role row's shape, hence the casts.
 */
export interface CatalogKind {
  /** Field and audit name: `role` / `group`. */
  kind: 'role' | 'group';
  /** GraphQL type name: `Role` / `Group`. */
  what: 'Role' | 'Group';
  ref: typeof Role;
  table: typeof roles;
  readRule: Rule<typeof roles>;
  writeRule: (action: CatalogAction) => Rule<typeof roles>;
  /** The permission prefix: `users.roles` / `users.groups`. */
  permission: string;
}

export const roleKind: CatalogKind = {
  kind: 'role',
  what: 'Role',
  ref: Role,
  table: roles,
  readRule: canSeeRole,
  writeRule: canWriteRole,
  permission: 'users.roles',
};

export const groupKind: CatalogKind = {
  kind: 'group',
  what: 'Group',
  ref: Group as unknown as typeof Role,
  table: groups as unknown as typeof roles,
  readRule: canSeeGroup as unknown as Rule<typeof roles>,
  writeRule: canWriteGroup as unknown as (action: CatalogAction) => Rule<typeof roles>,
  permission: 'users.groups',
};

/** A role or group by id through its read rule, with the relational `query` of a drizzleField. */
export function findVisibleCatalogRow(ctx: Context, kind: CatalogKind, id: string | null, query: (selection: never) => unknown) {
  if (id === null) return null;
  const table = kind.kind === 'role' ? ctx.db.query.roles : (ctx.db.query.groups as unknown as typeof ctx.db.query.roles);
  return table.findFirst(query({ where: { id, ...visibleRows(kind.readRule, ctx) } } as never) as never);
}

/** `RolePayload { role }` / `GroupPayload { group }`: the row read back through its read rule (null once deleted). */
function catalogPayload(kind: CatalogKind) {
  return builder.objectRef<{ id: string }>(`${kind.what}Payload`).implement({
    fields: (t) => ({
      [kind.kind]: t.drizzleField({
        type: kind.ref,
        nullable: true,
        description: `The ${kind.kind} as the viewer may now see it (null once deleted).`,
        resolve: (query, payload, _args, ctx) => findVisibleCatalogRow(ctx, kind, payload.id, query),
      }),
    }),
  });
}

export const RolePayload = catalogPayload(roleKind);
export const GroupPayload = catalogPayload(groupKind);

/** Locks and judges a role or group row: NOT_FOUND when the viewer may not see it. */
export function authorizeCatalogRow(tx: Transaction, viewer: Viewer, kind: CatalogKind, id: string, rule: Rule<typeof roles> = kind.readRule) {
  return authorizeRow(tx, viewer, { rule, readRule: kind.readRule, id, what: kind.what });
}

type LocalizedInputList = readonly { locale: string; text: string }[] | null | undefined;

/** The stored name and description of an input (absent: unchanged); a name cannot be cleared. */
async function catalogTexts(ctx: Context, input: { name?: LocalizedInputList; description?: LocalizedInputList }) {
  if (input.name === null) throw new ValidationError([{ path: ['name'], message: 'cannot be cleared' }]);
  const name = (await localizedValue(ctx, input.name, 'name')) ?? undefined;
  return { name, description: await localizedValue(ctx, input.description, 'description') };
}

const auditValues = (row: typeof roles.$inferSelect) => ({ key: row.key, name: row.name, description: row.description });

/** createRole / updateRole / deleteRole, or the same for groups. */
function catalogMutations(kind: CatalogKind, payload: typeof RolePayload) {
  const { what } = kind;
  const CreateInput = builder.inputType(`Create${what}Input`, {
    fields: (t) => ({
      key: t.string({ required: true, description: 'Unique: lower-case letters, digits, ".", "-", "_"; cannot be changed later.' }),
      name: t.field({ type: [LocalizedTextInput], required: true, description: 'Active locales only; the default locale is required.' }),
      description: t.field({ type: [LocalizedTextInput] }),
    }),
  });
  const UpdateInput = builder.inputType(`Update${what}Input`, {
    description: 'Absent fields stay as they are; a null description clears it.',
    fields: (t) => ({
      id: t.globalID({ required: true, for: kind.ref }),
      name: t.field({ type: [LocalizedTextInput] }),
      description: t.field({ type: [LocalizedTextInput] }),
    }),
  });
  const DeleteInput = builder.inputType(`Delete${what}Input`, { fields: (t) => ({ id: t.globalID({ required: true, for: kind.ref }) }) });

  builder.mutationFields((t) => ({
    [`create${what}`]: t.field({
      type: payload,
      description: `Creates a ${kind.kind} (needs ${kind.permission}.create).`,
      errors: resultUnion(`Create${what}`, ConflictError, ForbiddenError),
      args: { input: t.arg({ type: CreateInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        mutate(ctx, async (tx, viewer) => {
          await requirePermission(tx, viewer, `${kind.permission}.create`);
          const { key } = parseInput(z.object({ key: catalogKey }), input);
          const { name, description } = await catalogTexts(ctx, input);
          // A concurrent twin with the same key inserts nothing here instead of failing.
          const [created] = await tx
            .insert(kind.table)
            .values({ key, name: name!, description, isSystem: false })
            .onConflictDoNothing({ target: kind.table.key })
            .returning();
          if (!created) throw new ConflictError(`The key "${key}" is taken.`);
          await writeAudit(tx, ctx, viewer, { action: `${kind.kind}.create`, resourceType: kind.kind, resourceId: created.id, newValues: auditValues(created) });
          return { id: created.id };
        }),
    }),
    [`update${what}`]: t.field({
      type: payload,
      description: `Renames or redescribes a ${kind.kind} (needs ${kind.permission}.update).`,
      errors: resultUnion(`Update${what}`, NotFoundError, ForbiddenError),
      args: { input: t.arg({ type: UpdateInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        mutate(ctx, async (tx, viewer) => {
          await requirePermission(tx, viewer, `${kind.permission}.update`);
          const texts = await catalogTexts(ctx, input);
          const before = await authorizeCatalogRow(tx, viewer, kind, input.id.id, kind.writeRule('update'));
          const [after] = await tx.update(kind.table).set(texts).where(eq(kind.table.id, before.id)).returning();
          await writeAudit(tx, ctx, viewer, {
            action: `${kind.kind}.update`,
            resourceType: kind.kind,
            resourceId: before.id,
            oldValues: auditValues(before),
            newValues: auditValues(after!),
          });
          return { id: before.id };
        }),
    }),
    [`delete${what}`]: t.field({
      type: payload,
      description: `Deletes a ${kind.kind} with its grants (needs ${kind.permission}.delete); system ${kind.kind}s cannot be deleted.`,
      errors: resultUnion(`Delete${what}`, NotFoundError, ForbiddenError),
      args: { input: t.arg({ type: DeleteInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        mutate(ctx, async (tx, viewer) => {
          await requirePermission(tx, viewer, `${kind.permission}.delete`);
          const before = await authorizeCatalogRow(tx, viewer, kind, input.id.id, kind.writeRule('delete')).catch((error: unknown) => {
            // The permission is held (checked above), so the rule refused a system row.
            throw error instanceof ForbiddenError ? new ForbiddenError(`A system ${kind.kind} cannot be deleted.`) : error;
          });
          await tx.delete(kind.table).where(eq(kind.table.id, before.id));
          await writeAudit(tx, ctx, viewer, { action: `${kind.kind}.delete`, resourceType: kind.kind, resourceId: before.id, oldValues: auditValues(before) });
          return { id: before.id };
        }),
    }),
  }));
}

catalogMutations(roleKind, RolePayload);
catalogMutations(groupKind, GroupPayload);
