import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../builder.js';
import { organizationMembers, organizations } from '../db/schema/index.js';
import { canCreateOrganization, canSeeOrganization, canUpdateOrganization } from '../policies/organization.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion } from './errors.js';
import { visibleRows } from './guards.js';
import { authorizeRow, mutate, writeAudit } from './mutations.js';
import { Organization } from './organizations.js';

/** What an organization mutation returns: the organization, read back through the read rules. */
const OrganizationPayload = builder.objectRef<{ organizationId: string }>('OrganizationPayload').implement({
  fields: (t) => ({
    organization: t.drizzleField({
      type: Organization,
      nullable: true,
      description: 'The organization as the viewer may now see it (null once deleted).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.organizations.findFirst(
          query({ where: { id: payload.organizationId, deletedAt: { isNull: true }, ...visibleRows(canSeeOrganization, ctx) } }),
        ),
    }),
  }),
});

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'must be at least 2 characters')
  .max(48, 'must be at most 48 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');
const nameSchema = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const logoSchema = z.url('must be a URL').max(2048).nullish();

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Unique among live organizations: lower-case letters, digits, hyphens.' }),
    name: t.string({ required: true }),
    logoUrl: t.string(),
    isPublic: t.boolean({ defaultValue: false }),
    defaultLocale: t.field({ type: 'Locale' }),
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

/** ConflictError when a live organization already has this slug. */
async function assertSlugFree(tx: Parameters<Parameters<typeof mutate>[1]>[0], slug: string) {
  const [taken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  if (taken) throw new ConflictError(`The slug "${slug}" is taken.`);
}

builder.mutationFields((t) => ({
  createOrganization: t.field({
    type: OrganizationPayload,
    description: 'Creates an organization; the creator becomes its owner.',
    errors: resultUnion('CreateOrganization', ConflictError, ForbiddenError),
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        if (!canCreateOrganization(viewer)) throw new ForbiddenError('Only a person can create an organization.');
        const fields = parseInput(z.object({ slug: slugSchema, name: nameSchema, logoUrl: logoSchema }), input);
        await assertSlugFree(tx, fields.slug);
        const [created] = await tx
          .insert(organizations)
          .values({ ...fields, isPublic: input.isPublic ?? false, defaultLocale: input.defaultLocale ?? undefined })
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
      mutate(ctx, async (tx, viewer) => {
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
}));
