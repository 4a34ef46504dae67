import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { builder } from '../../builder.js';
import { channelSections } from '../../db/schema/index.js';
import { canSeeOrganization } from '../../policies/organization.js';
import { canArrangeSections, canSeeSection, canWriteSection } from '../../policies/section.js';
import { ConflictError, ForbiddenError, NotFoundError, parseInput, resultUnion, ValidationError } from '../core/errors.js';
import { visibleRows } from '../core/guards.js';
import { authorizeRow, mutate, writeAudit, type Transaction } from '../core/mutations.js';
import { Organization } from '../organizations/organizations.js';
import { trimmedText } from '../platform/platform-mutation-helpers.js';
import { ChannelSection } from './channels.js';

/**
 * Channel sections: the sidebar groups of an organization (one set per organization, shared by
 * its members; chat.channel_sections has no user). Create, rename, reorder, delete: A(o). A channel
 * moves into or out of a section with updateChannel(sectionId), under the channel's own rule.
 */

const SectionPayload = builder.objectRef<{ sectionId: string }>('ChannelSectionPayload').implement({
  fields: (t) => ({
    section: t.drizzleField({
      type: ChannelSection,
      nullable: true,
      description: 'The section as the viewer may now see it (null once deleted).',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.channelSections.findFirst(query({ where: { id: payload.sectionId, ...visibleRows(canSeeSection, ctx) } })),
    }),
  }),
});

const ReorderPayload = builder.objectRef<{ organizationId: string }>('ReorderChannelSectionsPayload').implement({
  fields: (t) => ({
    sections: t.drizzleField({
      type: [ChannelSection],
      description: "The organization's sections in their new order.",
      resolve: (query, payload, _args, ctx) =>
        ctx.db.query.channelSections.findMany(
          query({ where: { organizationId: payload.organizationId, ...visibleRows(canSeeSection, ctx) }, orderBy: { position: 'asc', id: 'asc' } }),
        ),
    }),
  }),
});

/** Sections one organization may have (a sidebar, not a folder tree). */
export const MAX_SECTIONS = 100;

const nameSchema = trimmedText(1, 80);

const CreateSectionInput = builder.inputType('CreateChannelSectionInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    name: t.string({ required: true, description: '1 to 80 characters.' }),
  }),
});

const RenameSectionInput = builder.inputType('RenameChannelSectionInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: ChannelSection }), name: t.string({ required: true, description: '1 to 80 characters.' }) }),
});

const SectionInput = builder.inputType('ChannelSectionInput', { fields: (t) => ({ id: t.globalID({ required: true, for: ChannelSection }) }) });

const ReorderSectionsInput = builder.inputType('ReorderChannelSectionsInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: Organization }),
    sectionIds: t.globalIDList({ required: true, for: ChannelSection, description: 'Every section of the organization, each once, in the new order.' }),
  }),
});

/** The organization, seen by the viewer (NOT_FOUND otherwise) and theirs to arrange; its sections are locked for the rest of the transaction. */
async function arrangeableOrganization(tx: Transaction, viewer: Parameters<typeof authorizeRow>[1], organizationId: string) {
  const organization = await authorizeRow(tx, viewer, { rule: canArrangeSections, readRule: canSeeOrganization, id: organizationId, what: 'Organization' });
  // The organization row lock (authorizeRow) orders concurrent arrangers, so positions never interleave.
  const sections = await tx
    .select()
    .from(channelSections)
    .where(eq(channelSections.organizationId, organization.id))
    .orderBy(asc(channelSections.position), asc(channelSections.id));
  return { organization, sections };
}

builder.mutationFields((t) => ({
  createChannelSection: t.field({
    type: SectionPayload,
    description: "Adds a section at the end of an organization's sidebar (organization admins).",
    errors: resultUnion('CreateChannelSection', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: CreateSectionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { name } = parseInput(z.object({ name: nameSchema }), input);
        const { organization, sections } = await arrangeableOrganization(tx, viewer, input.organizationId.id);
        if (sections.length >= MAX_SECTIONS) throw new ConflictError(`An organization has at most ${MAX_SECTIONS} sections.`);
        const position = sections.reduce((last, section) => Math.max(last, section.position + 1), 0);
        const [created] = await tx.insert(channelSections).values({ organizationId: organization.id, name, position }).returning();
        await writeAudit(tx, ctx, viewer, {
          action: 'channel_section.create',
          resourceType: 'channel_section',
          resourceId: created!.id,
          organizationId: organization.id,
          newValues: { name, position },
        });
        return { sectionId: created!.id };
      }),
  }),
  renameChannelSection: t.field({
    type: SectionPayload,
    description: 'Renames a section (organization admins).',
    errors: resultUnion('RenameChannelSection', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: RenameSectionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const { name } = parseInput(z.object({ name: nameSchema }), input);
        const before = await authorizeRow(tx, viewer, { rule: canWriteSection, readRule: canSeeSection, id: input.id.id, what: 'Channel section' });
        await tx.update(channelSections).set({ name }).where(eq(channelSections.id, before.id));
        await writeAudit(tx, ctx, viewer, {
          action: 'channel_section.rename',
          resourceType: 'channel_section',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: { name: before.name },
          newValues: { name },
        });
        return { sectionId: before.id };
      }),
  }),
  deleteChannelSection: t.field({
    type: SectionPayload,
    description: 'Deletes a section; its channels stay, outside any section (organization admins).',
    errors: resultUnion('DeleteChannelSection', NotFoundError, ForbiddenError),
    args: { input: t.arg({ type: SectionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const before = await authorizeRow(tx, viewer, { rule: canWriteSection, readRule: canSeeSection, id: input.id.id, what: 'Channel section' });
        // channels.section_id is ON DELETE SET NULL: the channels leave the section with it.
        const filed = await tx.execute(sql`select count(*)::int as n from chat.channels where section_id = ${before.id}`);
        await tx.delete(channelSections).where(eq(channelSections.id, before.id));
        await writeAudit(tx, ctx, viewer, {
          action: 'channel_section.delete',
          resourceType: 'channel_section',
          resourceId: before.id,
          organizationId: before.organizationId,
          oldValues: { name: before.name, position: before.position, channels: (filed as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0 },
        });
        return { sectionId: before.id };
      }),
  }),
  reorderChannelSections: t.field({
    type: ReorderPayload,
    description: "Puts an organization's sections in the given order (organization admins). CONFLICT when the list is not exactly its current sections (someone added or deleted one meanwhile).",
    errors: resultUnion('ReorderChannelSections', NotFoundError, ForbiddenError, ConflictError),
    args: { input: t.arg({ type: ReorderSectionsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      mutate(ctx, async (tx, viewer) => {
        const sectionIds = input.sectionIds.map((id) => id.id);
        if (new Set(sectionIds).size !== sectionIds.length) throw new ValidationError([{ path: ['sectionIds'], message: 'lists a section more than once' }]);
        const { organization, sections } = await arrangeableOrganization(tx, viewer, input.organizationId.id);
        const current = new Set(sections.map((section) => section.id));
        if (sectionIds.length !== current.size || sectionIds.some((id) => !current.has(id))) {
          throw new ConflictError("The list must hold exactly the organization's current sections; reload them and try again.");
        }
        const positions = new Map(sections.map((section) => [section.id, section.position]));
        if (sectionIds.some((id, position) => positions.get(id) !== position)) {
          // Positions 0..n-1 in the given order, in one statement.
          await tx.execute(sql`update chat.channel_sections s set position = o.ord - 1
            from unnest(${`{${sectionIds.join(',')}}`}::uuid[]) with ordinality as o(id, ord)
            where s.id = o.id and s.organization_id = ${organization.id}`);
          await writeAudit(tx, ctx, viewer, {
            action: 'channel_section.reorder',
            resourceType: 'organization',
            resourceId: organization.id,
            organizationId: organization.id,
            oldValues: { sectionIds: sections.map((section) => section.id) },
            newValues: { sectionIds },
          });
        }
        return { organizationId: organization.id };
      }),
  }),
}));
