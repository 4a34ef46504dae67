import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditLogs, channelMembers, organizationMembers, organizations } from '../../src/db/schema/index.js';
import type { GraphQLResponse, TestGateway } from '../gateway.js';
import { demoUsers, globalId, type DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';

/** Test helpers shared by the organization mutation and authorization tests. */

export { globalId };

export type Role = 'owner' | 'admin' | 'member';

export interface Fixture {
  id: string;
  slug: string;
  gid: string;
  /** Membership ids by member. */
  memberIds: Partial<Record<DemoUser, string>>;
  memberGid(user: DemoUser): string;
}

/** A fresh organization with exactly these members, made in SQL so every case starts from the same state. */
export async function makeOrganization(gateway: TestGateway, isPublic: boolean, members: Partial<Record<DemoUser, Role>>): Promise<Fixture> {
  const id = randomUUID();
  const slug = `org-${id.slice(0, 8)}`;
  const memberIds: Partial<Record<DemoUser, string>> = {};
  const rows = Object.entries(members).map(([user, role]) => {
    const memberId = randomUUID();
    memberIds[user as DemoUser] = memberId;
    return `('${memberId}', '${id}', '${demoUsers[user as DemoUser]}', '${role}')`;
  });
  await gateway.handle.exec(`
    insert into chat.organizations (id, slug, name, is_public) values ('${id}', '${slug}', 'Fixture ${slug}', ${isPublic});
    ${rows.length ? `insert into chat.organization_members (id, organization_id, user_id, role) values ${rows.join(', ')};` : ''}`);
  return {
    id,
    slug,
    gid: globalId('Organization', id),
    memberIds,
    memberGid: (user) => globalId('OrganizationMember', memberIds[user]!),
  };
}

/** Headers per actor, made once per gateway (sessions are rows of the test database). */
export function actorHeaders(gateway: TestGateway) {
  const cache = new Map<DemoUser, Promise<Record<string, string>>>();
  return (actor: DemoUser | 'anonymous'): Promise<Record<string, string>> => {
    if (actor === 'anonymous') return Promise.resolve({});
    if (!cache.has(actor)) cache.set(actor, headersFor(gateway, actor));
    return cache.get(actor)!;
  };
}

const ERROR_FIELDS = /* GraphQL */ `
  __typename
  ... on Error { message }
  ... on ValidationError { fieldErrors { path message } }
`;
const ORGANIZATION_PAYLOAD = `... on OrganizationPayload { organization { id slug name isPublic } }`;
const MEMBER_PAYLOAD = `... on OrganizationMemberPayload { member { id role user { id } } organization { id slug } }`;

/** Runs one organization mutation with `{ input }` and returns its result (a payload or a typed error). */
export function mutation(name: string, inputType: string, payloadFields: string) {
  const document = `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${ERROR_FIELDS} ${payloadFields} } }`;
  return async (gateway: TestGateway, input: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await gateway.execute(document, { input }, headers);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { response, result: response.data?.[name] as Record<string, any> | null | undefined };
  };
}

export const createOrganization = mutation('createOrganization', 'CreateOrganizationInput', ORGANIZATION_PAYLOAD);
export const updateOrganization = mutation('updateOrganization', 'UpdateOrganizationInput', ORGANIZATION_PAYLOAD);
export const deleteOrganization = mutation('deleteOrganization', 'DeleteOrganizationInput', ORGANIZATION_PAYLOAD);
export const joinOrganization = mutation('joinOrganization', 'JoinOrganizationInput', MEMBER_PAYLOAD);
export const leaveOrganization = mutation('leaveOrganization', 'LeaveOrganizationInput', MEMBER_PAYLOAD);
export const addOrganizationMember = mutation('addOrganizationMember', 'AddOrganizationMemberInput', MEMBER_PAYLOAD);
export const changeOrganizationMemberRole = mutation('changeOrganizationMemberRole', 'ChangeOrganizationMemberRoleInput', MEMBER_PAYLOAD);
export const removeOrganizationMember = mutation('removeOrganizationMember', 'RemoveOrganizationMemberInput', MEMBER_PAYLOAD);

/** What a response amounts to: the payload's or error's type name, or the top-level error code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function outcome({ response, result }: { response: GraphQLResponse; result: Record<string, any> | null | undefined }): string {
  if (result?.__typename) return result.__typename as string;
  return String(response.errors?.[0]?.extensions?.code ?? 'NO_RESULT');
}

/** Live memberships of an organization as `user: role`, read from the database. */
export async function liveMembers(gateway: TestGateway, organizationId: string): Promise<Record<string, string>> {
  const rows = await gateway.handle.db
    .select({ userId: organizationMembers.userId, role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), isNull(organizationMembers.deletedAt)));
  const names = Object.fromEntries(Object.entries(demoUsers).map(([name, id]) => [id, name]));
  return Object.fromEntries(rows.map((row) => [names[row.userId] ?? row.userId, row.role]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/** Every membership row (live or ended) of one user in one organization. */
export async function membershipRows(gateway: TestGateway, organizationId: string, user: DemoUser) {
  return gateway.handle.db
    .select()
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, demoUsers[user])));
}

export async function organizationRow(gateway: TestGateway, id: string) {
  const [row] = await gateway.handle.db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** The audit rows of one resource, oldest first. */
export async function auditRowsFor(gateway: TestGateway, resourceId: string) {
  return gateway.handle.db.select().from(auditLogs).where(eq(auditLogs.resourceId, resourceId)).orderBy(auditLogs.createdAt);
}

/** No HTTP 500 (execute throws on one), no SQL and no stack trace in anything the client sees. */
export function expectNoLeak(response: GraphQLResponse): void {
  const text = JSON.stringify(response);
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(text).not.toMatch(/select |insert |update |delete from|violates|constraint|relation "/i);
  expect(text).not.toContain('INTERNAL_SERVER_ERROR');
}

/** Soft-deletes every organization but the seeded acme and globex, so later tests see the demo world again. */
export async function retireFixtures(gateway: TestGateway): Promise<void> {
  await gateway.handle.exec(
    `update chat.organizations set deleted_at = now() where deleted_at is null and slug not in ('acme', 'globex')`,
  );
}

/** Live channel memberships of a user, as channel ids. */
export async function liveChannelIds(gateway: TestGateway, user: DemoUser): Promise<string[]> {
  const rows = await gateway.handle.db
    .select({ channelId: channelMembers.channelId })
    .from(channelMembers)
    .where(and(eq(channelMembers.userId, demoUsers[user]), isNull(channelMembers.deletedAt)));
  return rows.map((row) => row.channelId).sort();
}

/** Makes the audit insert of `action` fail inside the mutation's transaction while `work` runs: a failure halfway. */
export async function withRefusedAudit(gateway: TestGateway, action: string, work: () => Promise<void>): Promise<void> {
  await gateway.handle.exec(`
    create function test_refuse_audit() returns trigger language plpgsql as $$
    begin raise exception 'audit refused for the test'; end $$;
    create trigger test_refuse_audit before insert on platform.audit_logs
      for each row when (new.action = '${action}') execute function test_refuse_audit();`);
  try {
    await work();
  } finally {
    await gateway.handle.exec('drop trigger test_refuse_audit on platform.audit_logs; drop function test_refuse_audit();');
  }
}
