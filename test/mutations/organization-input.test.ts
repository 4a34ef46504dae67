import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../gateway.js';
import { demoUsers } from '../policies.js';
import {
  actorHeaders,
  addOrganizationMember,
  changeOrganizationMemberRole,
  createOrganization,
  deleteOrganization,
  expectNoLeak,
  globalId,
  joinOrganization,
  leaveOrganization,
  makeOrganization,
  removeOrganizationMember,
  updateOrganization,
  type Fixture,
} from './organization-fixtures.js';

// No input of an organization mutation, however malformed, gets an HTTP 500 (execute throws on
// one), an INTERNAL_SERVER_ERROR, a stack trace or SQL text: every field of every mutation is
// replaced in turn by each hostile value, next to otherwise valid input.

let gateway: TestGateway;
let as: ReturnType<typeof actorHeaders>;
let fixture: Fixture;
beforeAll(async () => {
  gateway = await createTestGateway();
  as = actorHeaders(gateway);
  fixture = await makeOrganization(gateway, true, { alice: 'owner', carol: 'owner', bob: 'admin', dave: 'member' });
});
afterAll(() => gateway.close());

const HOSTILE: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a boolean', true],
  ['an empty list', []],
  ['an object', { nested: { deep: 1 } }],
  ['100,000 characters', 'x'.repeat(100_000)],
  ['a NUL byte', 'a\u0000b'],
  ['SQL', "'; drop table chat.organizations; --"],
  ['a base64 ID of another shape', Buffer.from('Organization:1 or 1=1').toString('base64')],
  ['an unpaired surrogate', 'a\ud800b'],
];

type Mutation = typeof joinOrganization;
const valid = (): [string, Mutation, Record<string, unknown>][] => [
  ['createOrganization', createOrganization, { slug: 'fuzz-org', name: 'Fuzz', logoUrl: 'https://x.example/l.png', isPublic: true, defaultLocale: 'en' }],
  ['updateOrganization', updateOrganization, { id: fixture.gid, name: 'Fuzzed', logoUrl: null, isPublic: true, membersCanCreateChannels: true }],
  ['deleteOrganization', deleteOrganization, { id: fixture.gid }],
  ['joinOrganization', joinOrganization, { organizationId: fixture.gid }],
  ['leaveOrganization', leaveOrganization, { organizationId: fixture.gid }],
  ['addOrganizationMember', addOrganizationMember, { organizationId: fixture.gid, userId: globalId('User', demoUsers.gina), role: 'MEMBER' }],
  ['changeOrganizationMemberRole', changeOrganizationMemberRole, { memberId: fixture.memberGid('dave'), role: 'ADMIN' }],
  ['removeOrganizationMember', removeOrganizationMember, { memberId: fixture.memberGid('dave') }],
];

describe('malformed organization mutation input', () => {
  it('every field of every mutation, replaced by each hostile value, is answered without a 500, an internal error or SQL', async () => {
    const headers = await as('alice');
    let requests = 0;
    for (const [name, run, input] of valid()) {
      for (const field of Object.keys(input)) {
        for (const [label, value] of HOSTILE) {
          const { response } = await run(gateway, { ...input, [field]: value }, headers);
          requests++;
          try {
            expectNoLeak(response);
          } catch (error) {
            throw new Error(`${name}.${field} = ${label}: ${JSON.stringify(response).slice(0, 500)}`, { cause: error });
          }
        }
      }
    }
    expect(requests).toBe(19 * HOSTILE.length); // 19 input fields in all
  });

  it.each<[string, unknown]>([
    ['no input', undefined],
    ['a null input', null],
    ['an input of the wrong shape', 'join please'],
    ['an unknown input field', { organizationId: 'T3JnOjE=', admin: true }],
  ])('%s is BAD_USER_INPUT', async (_name, input) => {
    const response = await gateway.execute(
      'mutation ($input: JoinOrganizationInput!) { joinOrganization(input: $input) { __typename } }',
      input === undefined ? {} : { input },
      await as('gina'),
    );
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expectNoLeak(response);
  });
});
