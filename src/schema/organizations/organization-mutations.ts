import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context, Viewer } from '../../context.js';
import { locales, organizationMembers, organizations } from '../../db/schema/index.js';
import {
  canCreateOrganization,
  canDeleteOrganization,
  canSeeOrganization,
  canUpdateOrganization,
  ORGANIZATIONS_WRITE_SCOPE,
  withinOrganizationScope,
} from '../../policies/organization.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { Organization } from './organizations.js';

/** `mutate` for organization writes: a bot also needs the `organizations:write` scope. */
export function mutateOrganization<T>(ctx: Context, work: (tx: Transaction, viewer: Viewer) => Promise<T>): Promise<T> {
  return mutate(ctx, (tx, viewer) => {
    if (!withinOrganizationScope(viewer)) throw new ForbiddenError(`A bot needs the ${ORGANIZATIONS_WRITE_SCOPE} scope to do this.`);
    return work(tx, viewer);
  });
}

/** `where` for the live organization `id` as the viewer may see it now: payloads read through the read rule. */
export const visibleOrganization = (id: string, ctx: Context) => ({ id, deletedAt: { isNull: true as const }, ...visibleRows(canSeeOrganization, ctx) });

/** What an organization mutation returns: the organization, read back through the read rules. */
const OrganizationPayload = builder.objectRef<{ organizationId: string }>('OrganizationPayload').implement({
  fields: (t) => ({
    organization: t.drizzleField({
      type: Organization,
      nullable: true,
      description: 'The organization as the viewer may now see it (null once deleted).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.organizations.findFirst(query({ where: visibleOrganization(payload.organizationId, ctx) })),
    }),
  }),
});

// No control characters: PostgreSQL refuses NUL in text, and none belongs in a name.
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'must be at least 2 characters')
  .max(48, 'must be at most 48 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');
const nameSchema = plainText(100);
const logoSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048).nullish();

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Unique among live organizations: lower-case letters, digits, hyphens.' }),
    name: t.string({ required: true }),
    logoUrl: t.string(),
    isPublic: t.boolean({ defaultValue: false }),
    defaultLocale: t.field({ type: 'Locale', description: 'An active locale of the platform; the platform default when omitted.' }),
  }),
});

const UpdateOrganizationInput = builder.inputType('UpdateOrganizationInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: Organization }),
    name: t.string(),
    logoUrl: t.string(),
    isPublic: t.boolean(),
    membersCanCreateChannels: t.boolean({ description: 'Let members, not only admins, create channels.' }),
  }),
});

const DeleteOrganizationInput = builder.inputType('DeleteOrganizationInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: Organization }) }),
});

/** ConflictError when a live organization already has this slug (a deleted one's slug is free again). */
async function assertSlugFree(tx: Transaction, slug: string) {
  const [taken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.slug, slug), isNull(organizations.deletedAt)))
    .limit(1);
  if (taken) throw new ConflictError(`The slug "${slug}" is taken.`);
}

/** ValidationError unless `code` is an active locale (a foreign key alone would answer NOT_FOUND). */
async function assertActiveLocale(tx: Transaction, code: string | null | undefined) {
  if (code == null) return;
  const [locale] = await tx.select({ isActive: locales.isActive }).from(locales).where(eq(locales.code, code));
  if (!locale?.isActive) throw new ValidationError([{ path: ['defaultLocale'], message: 'must be an active locale' }]);
}

builder.mutationFields((t) => ({
  createOrganization: t.field({
    type: OrganizationPayload,
    description: 'Creates an organization; the creator (a person) becomes its owner.',
    errors: resultUnion('CreateOrganization', ConflictError, ForbiddenError),
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        if (!canCreateOrganization(viewer)) throw new ForbiddenError('Only a person can create an organization.');
        const fields = parseInput(z.object({ slug: slugSchema, name: nameSchema, logoUrl: logoSchema }), input);
        await assertSlugFree(tx, fields.slug);
        await assertActiveLocale(tx, input.defaultLocale);
        const [created] = await tx
          .insert(organizations)
          .values({
            ...fields,
            isPublic: input.isPublic ?? false,
            // The platform default as of this transaction (platform.locales), not the column's static default.
            defaultLocale: input.defaultLocale ?? sql`(select ${locales.code} from ${locales} where ${locales.isDefault})`,
          })
          .returning();
        await tx.insert(organizationMembers).values({ organizationId: created!.id, userId: viewer.userId, role: 'owner' });
        await writeAudit(tx, ctx, viewer, {
          action: 'organization.create',
          resourceType: 'organization',
          resourceId: created!.id,
          organizationId: created!.id,
          newValues: { slug: created!.slug, name: created!.name, isPublic: created!.isPublic },
        });
        return { organizationId: created!.id };
      }),
  }),
  updateOrganization: t.field({
    type: OrganizationPayload,
    description: 'Renames or reconfigures an organization (admins and owners).',
    errors: resultUnion('UpdateOrganization', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: UpdateOrganizationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        const changes = parseInput(z.object({ name: nameSchema.optional(), logoUrl: logoSchema }), {
          name: input.name ?? undefined,
          logoUrl: input.logoUrl,
        });
        const before = await authorizeRow(tx, viewer, {
          rule: canUpdateOrganization,
          readRule: canSeeOrganization,
          id: input.id.id,
          what: 'Organization',
        });
        const settings =
          input.membersCanCreateChannels == null ? before.settings : { ...before.settings, membersCanCreateChannels: input.membersCanCreateChannels };
        const [after] = await tx
          .update(organizations)
          .set({ ...changes, isPublic: input.isPublic ?? before.isPublic, settings })
          .where(eq(organizations.id, before.id))
          .returning();
        await writeAudit(tx, ctx, viewer, {
          action: 'organization.update',
          resourceType: 'organization',
          resourceId: before.id,
          organizationId: before.id,
          oldValues: { name: before.name, logoUrl: before.logoUrl, isPublic: before.isPublic, settings: before.settings },
          newValues: { name: after!.name, logoUrl: after!.logoUrl, isPublic: after!.isPublic, settings: after!.settings },
        });
        return { organizationId: before.id };
      }),
  }),
  deleteOrganization: t.field({
    type: OrganizationPayload,
    description:
      'Soft-deletes an organization (owners): it, its channels and messages disappear for everyone, and its slug is free again. The payload organization is null.',
    errors: resultUnion('DeleteOrganization', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: DeleteOrganizationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutateOrganization(ctx, async (tx, viewer) => {
        const before = await authorizeRow(tx, viewer, {
          rule: canDeleteOrganization,
          readRule: canSeeOrganization,
          id: input.id.id,
          what: 'Organization',
        });
        // Membership rows stay as they were: the rules treat a deleted organization as having no members.
        await tx.update(organizations).set({ deletedAt: new Date() }).where(eq(organizations.id, before.id));
        await writeAudit(tx, ctx, viewer, {
          action: 'organization.delete',
          resourceType: 'organization',
          resourceId: before.id,
          organizationId: before.id,
          oldValues: { slug: before.slug, name: before.name, isPublic: before.isPublic },
        });
        return { organizationId: before.id };
      }),
  }),
}));
