import { randomBytes } from 'node:crypto';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, logger as processLogger, setProcessLogger } from '../../src/observe/logger.js';
import { schema } from '../../src/schema/index.js';
import { integrationCredentialsContext, open } from '../../src/secrets.js';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../gateway.js';
import { demoId, demoUsers } from '../policies.js';
import { setBotScopes } from '../sign-in.js';
import { actorRunner, auditRows, gid, mutation, outcomeOf, sqlRows, type Actor } from './platform-helpers.js';

// acme (alice owner, bob admin, carol and dave members, the bot a member); globex (hanna owner, istvan admin, carol and judit members).
const SECRET = 'xoxb-integration-secret-that-must-never-leak-91c2';
const SECOND_SECRET = 'second-credential-value-also-never-leaks-5d7e';
const acme = gid('Organization', demoId(20, 1));
const globex = gid('Organization', demoId(20, 2));
const seededGithub = gid('IntegrationConnection', demoId(23, 1));

// Every field of the type, read from the schema: a field added later (say, one that leaked the credentials) is selected too.
const connectionType = schema.getType('IntegrationConnection') as GraphQLObjectType;
const EVERY_FIELD = Object.values(connectionType.getFields())
  .map((field) => (isObjectType(getNamedType(field.type)) ? `${field.name} { id }` : field.name))
  .join(' ');
const PAYLOAD = `... on IntegrationConnectionPayload { integrationConnection { ${EVERY_FIELD} } }`;
const CREATE = mutation('createIntegrationConnection', 'CreateIntegrationConnectionInput', PAYLOAD);
const UPDATE = mutation('updateIntegrationConnection', 'UpdateIntegrationConnectionInput', PAYLOAD);
const DELETE = mutation('deleteIntegrationConnection', 'DeleteIntegrationConnectionInput', PAYLOAD);
const LIST = `query L($slug: String!) { organization(slug: $slug) { integrationConnections(first: 50) { totalCount nodes { ${EVERY_FIELD} } } } }`;

const key = randomBytes(32);
const logLines: string[] = [];
let gateway: TestGateway;
let as: ReturnType<typeof actorRunner>;
const responses: string[] = [];
const run = async (actor: Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> => {
  const response = await as(actor, query, variables);
  responses.push(JSON.stringify(response));
  return response;
};
const names = (response: GraphQLResponse) => response.data.organization?.integrationConnections.nodes.map((node: { provider: string; name: string }) => `${node.provider}:${node.name}`);
const stored = async (id: string) =>
  (await sqlRows<{ credentials_encrypted: string | null; has_credentials: boolean }>(gateway, `select credentials_encrypted, has_credentials from chat.integration_connections where id = '${id}'`))[0];
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;
const fieldPaths = (response: GraphQLResponse, field: string) => response.data[field].fieldErrors.map((error: { path: string[] }) => error.path.join('.'));

const previousLogger = processLogger();
beforeAll(async () => {
  const capture = createLogger({ level: 'trace', json: true, destination: { write: (line: string) => void logLines.push(line) } });
  setProcessLogger(capture);
  gateway = await createTestGateway({ integrationSecretKey: key, logger: capture, logError: (error) => logLines.push(String(error), JSON.stringify(error)) });
  as = actorRunner(gateway);
});
afterAll(async () => {
  setProcessLogger(previousLogger);
  await gateway?.close();
});

describe('integration connections: reads (A(o))', () => {
  it("an organization's admins and owners list its connections; members, outsiders, anonymous and the bot see none", async () => {
    for (const actor of ['alice', 'bob'] as const) expect(names(await run(actor, LIST, { slug: 'acme' }))).toEqual(['github:acme/gateway', 'webhook:Deploy notifications']);
    const alice = await run('alice', LIST, { slug: 'acme' });
    expect(alice.data.organization.integrationConnections.nodes[0]).toMatchObject({
      provider: 'github',
      status: 'ACTIVE',
      settings: { repository: 'acme/gateway', events: ['push', 'pull_request'], channel: 'general' },
      hasCredentials: false,
      createdBy: { id: gid('User', demoUsers.alice) },
    });
    for (const actor of ['carol', 'dave', 'gina', 'admin', 'bot', 'anonymous'] as const) {
      const response = await run(actor, LIST, { slug: 'acme' });
      expect(response.errors).toBeUndefined();
      expect(response.data.organization.integrationConnections).toEqual({ totalCount: 0, nodes: [] });
    }
    for (const actor of ['hanna', 'istvan'] as const) expect(names(await run(actor, LIST, { slug: 'globex' }))).toEqual(['jira:Globex Jira']);
  });

  it('a read never loads the ciphertext (the type selects only the columns its fields need), compiled or not', async () => {
    await run('alice', LIST, { slug: 'acme' });
    gateway.statements.reset();
    await run('alice', LIST, { slug: 'acme' }); // the second time compiled
    await run('alice', `query N($id: ID!) { node(id: $id) { ... on IntegrationConnection { ${EVERY_FIELD} } } }`, { id: seededGithub });
    expect(gateway.statements.log.length).toBeGreaterThan(0);
    expect(gateway.statements.log.filter((statement) => statement.includes('credentials_encrypted'))).toEqual([]);
  });

  it('node(id) answers the same rule; where and orderBy filter inside it', async () => {
    const query = `query N($id: ID!) { node(id: $id) { ... on IntegrationConnection { provider name } } }`;
    expect((await run('bob', query, { id: seededGithub })).data.node).toEqual({ provider: 'github', name: 'acme/gateway' });
    for (const actor of ['carol', 'hanna', 'bot', 'anonymous'] as const) expect((await run(actor, query, { id: seededGithub })).data.node).toBeNull();
    const filtered = await run('alice', `{ organization(slug: "acme") { integrationConnections(where: { status: { eq: PAUSED } }) { nodes { name } } } }`);
    expect(filtered.data.organization.integrationConnections.nodes).toEqual([{ name: 'Deploy notifications' }]);
    const ordered = await run('alice', `{ organization(slug: "acme") { integrationConnections(orderBy: [{ field: PROVIDER, direction: DESC }]) { nodes { provider } } } }`);
    expect(ordered.data.organization.integrationConnections.nodes).toEqual([{ provider: 'webhook' }, { provider: 'github' }]);
  });
});

describe('integration connections: writes', () => {
  let created: string;

  it('create: credentials sealed (AES-256-GCM, bound to the row), never readable; the audit row says only that there are some', async () => {
    const response = await run('bob', CREATE, { input: { organizationId: acme, provider: ' Slack ', name: 'Acme Slack', settings: { workspace: 'acme', channels: ['general'] }, credentials: SECRET } });
    expect(outcomeOf(response, 'createIntegrationConnection')).toBe('IntegrationConnectionPayload');
    const connection = response.data.createIntegrationConnection.integrationConnection;
    expect(connection).toMatchObject({ provider: 'slack', name: 'Acme Slack', status: 'ACTIVE', settings: { workspace: 'acme', channels: ['general'] }, hasCredentials: true, organization: { id: acme }, createdBy: { id: gid('User', demoUsers.bob) } });
    created = connection.id;
    const row = await stored(rawId(created));
    expect(row!.has_credentials).toBe(true);
    expect(row!.credentials_encrypted).toMatch(/^v1\./);
    expect(row!.credentials_encrypted).not.toContain(SECRET);
    expect(open(key, row!.credentials_encrypted!, integrationCredentialsContext(rawId(created)))).toBe(SECRET);
    // Copied onto another row, the ciphertext does not open there.
    expect(open(key, row!.credentials_encrypted!, integrationCredentialsContext(demoId(23, 1)))).toBeNull();
    const [audit] = await auditRows(gateway, 'integration_connection.create');
    expect(audit).toMatchObject({ actor_id: demoUsers.bob, organization_id: demoId(20, 1), resource_type: 'integration_connection', resource_id: rawId(created) });
    expect(audit!.new_values).toEqual({ provider: 'slack', name: 'Acme Slack', status: 'active', settings: { workspace: 'acme', channels: ['general'] }, hasCredentials: true });
    expect(JSON.stringify(audit)).not.toContain(row!.credentials_encrypted!);
  });

  it('update: status, settings and name; credentials replaced (a new ciphertext), then removed with null', async () => {
    const before = (await stored(rawId(created)))!.credentials_encrypted!;
    const changed = await run('alice', UPDATE, { input: { id: created, status: 'PAUSED', name: 'Acme Slack (old)', settings: { workspace: 'acme' }, credentials: SECOND_SECRET } });
    expect(outcomeOf(changed, 'updateIntegrationConnection')).toBe('IntegrationConnectionPayload');
    expect(changed.data.updateIntegrationConnection.integrationConnection).toMatchObject({ status: 'PAUSED', name: 'Acme Slack (old)', settings: { workspace: 'acme' }, hasCredentials: true });
    const replaced = (await stored(rawId(created)))!.credentials_encrypted!;
    expect(replaced).not.toBe(before);
    expect(open(key, replaced, integrationCredentialsContext(rawId(created)))).toBe(SECOND_SECRET);
    // Absent credentials stay as they are.
    await run('alice', UPDATE, { input: { id: created, status: 'ACTIVE' } });
    expect((await stored(rawId(created)))!.credentials_encrypted).toBe(replaced);
    const cleared = await run('alice', UPDATE, { input: { id: created, credentials: null } });
    expect(cleared.data.updateIntegrationConnection.integrationConnection.hasCredentials).toBe(false);
    expect(await stored(rawId(created))).toEqual({ credentials_encrypted: null, has_credentials: false });
    const audits = await auditRows(gateway, 'integration_connection.update');
    expect(audits.map((audit) => (audit.new_values as { credentialsReplaced: boolean; hasCredentials: boolean }))).toMatchObject([
      { credentialsReplaced: true, hasCredentials: true, status: 'paused' },
      { credentialsReplaced: false, hasCredentials: true, status: 'active' },
      { credentialsReplaced: false, hasCredentials: false },
    ]);
    expect(audits[0]!.old_values).toMatchObject({ name: 'Acme Slack', status: 'active', hasCredentials: true });
  });

  it('validation: provider key, name, status and settings nulls, secret-looking or oversized settings, empty or oversized credentials; nothing written', async () => {
    const input = (overrides: Record<string, unknown>) => ({ input: { organizationId: acme, provider: 'jira', name: 'Tracker', ...overrides } });
    const create = async (overrides: Record<string, unknown>) => {
      const response = await run('alice', CREATE, input(overrides));
      expect(outcomeOf(response, 'createIntegrationConnection')).toBe('ValidationError');
      return fieldPaths(response, 'createIntegrationConnection');
    };
    expect(await create({ provider: 'Bad Key!' })).toEqual(['provider']);
    expect(await create({ provider: 'x' })).toEqual(['provider']);
    expect(await create({ name: '  ' })).toEqual(['name']);
    expect(await create({ name: 'a\u0007b' })).toEqual(['name']);
    expect(await create({ status: null })).toEqual(['status']);
    expect(await create({ settings: { site: 'https://acme.atlassian.net', apiToken: 'abc' } })).toEqual(['settings']);
    expect(await create({ settings: { nested: [{ webhook_secret: 'abc' }] } })).toEqual(['settings']);
    expect(await create({ settings: { blob: 'x'.repeat(17_000) } })).toEqual(['settings']);
    expect(await create({ credentials: '' })).toEqual(['credentials']);
    const oversized = await run('alice', CREATE, input({ credentials: `${SECRET}${'y'.repeat(9_000)}` }));
    expect(fieldPaths(oversized, 'createIntegrationConnection')).toEqual(['credentials']);
    const update = await run('alice', UPDATE, { input: { id: seededGithub, settings: null, name: null } });
    expect(fieldPaths(update, 'updateIntegrationConnection')).toEqual(['name', 'settings']);
    expect((await sqlRows(gateway, `select 1 from chat.integration_connections where name = 'Tracker'`)).length).toBe(0);
  });

  it('credentials cannot be stored without INTEGRATION_SECRET_KEY (the rest can)', async () => {
    const bare = await createTestGateway();
    try {
      const runBare = actorRunner(bare);
      const refused = await runBare('alice', CREATE, { input: { organizationId: acme, provider: 'jira', name: 'Keyless', credentials: SECRET } });
      responses.push(JSON.stringify(refused));
      expect(refused.data.createIntegrationConnection.fieldErrors).toEqual([{ path: ['credentials'], message: 'cannot be stored: the gateway has no INTEGRATION_SECRET_KEY' }]);
      const accepted = await runBare('alice', CREATE, { input: { organizationId: acme, provider: 'jira', name: 'Keyless' } });
      expect(accepted.data.createIntegrationConnection.integrationConnection).toMatchObject({ name: 'Keyless', hasCredentials: false });
    } finally {
      await bare.close();
    }
  });

  it('forbidden: members, outsiders and the bot without organizations:write; NOT_FOUND where the row or a private organization is not theirs to see; nothing written', async () => {
    const create = (actor: Actor, organizationId = acme) => run(actor, CREATE, { input: { organizationId, provider: 'webhook', name: `by ${actor}`, credentials: SECRET } });
    for (const actor of ['carol', 'dave', 'gina', 'admin', 'bot'] as const) expect(outcomeOf(await create(actor), 'createIntegrationConnection')).toBe('ForbiddenError');
    expect(outcomeOf(await create('gina', globex), 'createIntegrationConnection')).toBe('NotFoundError');
    expect(outcomeOf(await create('hanna'), 'createIntegrationConnection')).toBe('ForbiddenError'); // acme is public: visible, not hers
    expect(outcomeOf(await create('anonymous'), 'createIntegrationConnection')).toBe('UNAUTHENTICATED');
    for (const actor of ['carol', 'dave', 'hanna'] as const) {
      expect(outcomeOf(await run(actor, UPDATE, { input: { id: seededGithub, status: 'REVOKED' } }), 'updateIntegrationConnection')).toBe('NotFoundError');
      expect(outcomeOf(await run(actor, DELETE, { input: { id: seededGithub } }), 'deleteIntegrationConnection')).toBe('NotFoundError');
    }
    expect(outcomeOf(await run('bot', UPDATE, { input: { id: seededGithub, status: 'REVOKED' } }), 'updateIntegrationConnection')).toBe('ForbiddenError');
    expect(outcomeOf(await run('bot', DELETE, { input: { id: seededGithub } }), 'deleteIntegrationConnection')).toBe('ForbiddenError');
    expect((await sqlRows(gateway, `select 1 from chat.integration_connections where name like 'by %'`)).length).toBe(0);
    expect((await sqlRows<{ status: string }>(gateway, `select status from chat.integration_connections where id = '${demoId(23, 1)}'`))[0]!.status).toBe('active');
  });

  it('a bot acts within organizations:write, and only where it is an admin', async () => {
    await setBotScopes(gateway, ['messages:read', 'messages:write', 'organizations:write']);
    try {
      const input = { input: { organizationId: acme, provider: 'webhook', name: 'Bot hook' } };
      expect(outcomeOf(await run('bot', CREATE, input), 'createIntegrationConnection')).toBe('ForbiddenError'); // a member of acme
      await gateway.handle.exec(`update chat.organization_members set role = 'admin' where user_id = '${demoUsers.bot}'`);
      expect(outcomeOf(await run('bot', CREATE, input), 'createIntegrationConnection')).toBe('IntegrationConnectionPayload');
      expect((await run('bot', LIST, { slug: 'acme' })).data.organization.integrationConnections.totalCount).toBeGreaterThan(2);
    } finally {
      await gateway.handle.exec(`update chat.organization_members set role = 'member' where user_id = '${demoUsers.bot}'`);
      await setBotScopes(gateway, ['messages:read', 'messages:write']);
    }
  });

  it('conflict: the same provider and name twice in an organization (create or rename); the same name elsewhere is fine', async () => {
    const twin = await run('alice', CREATE, { input: { organizationId: acme, provider: 'github', name: 'acme/gateway', credentials: SECRET } });
    expect(outcomeOf(twin, 'createIntegrationConnection')).toBe('ConflictError');
    expect(twin.data.createIntegrationConnection.message).toBe('The organization already has a github connection named "acme/gateway".');
    const other = await run('alice', CREATE, { input: { organizationId: acme, provider: 'gitlab', name: 'acme/gateway' } });
    expect(outcomeOf(other, 'createIntegrationConnection')).toBe('IntegrationConnectionPayload');
    expect(outcomeOf(await run('hanna', CREATE, { input: { organizationId: globex, provider: 'github', name: 'acme/gateway' } }), 'createIntegrationConnection')).toBe('IntegrationConnectionPayload');
    const id = other.data.createIntegrationConnection.integrationConnection.id;
    const rename = await run('alice', UPDATE, { input: { id, name: 'acme/gateway' } });
    expect(outcomeOf(rename, 'updateIntegrationConnection')).toBe('IntegrationConnectionPayload');
    const collide = await run('alice', CREATE, { input: { organizationId: acme, provider: 'gitlab', name: 'second' } });
    const secondId = collide.data.createIntegrationConnection.integrationConnection.id;
    expect(outcomeOf(await run('alice', UPDATE, { input: { id: secondId, name: 'acme/gateway' } }), 'updateIntegrationConnection')).toBe('ConflictError');
  });

  it('delete: gone with its credentials, audited without them; again: NOT_FOUND', async () => {
    await run('alice', UPDATE, { input: { id: created, credentials: SECRET } });
    const ciphertext = (await stored(rawId(created)))!.credentials_encrypted!;
    const response = await run('bob', DELETE, { input: { id: created } });
    expect(outcomeOf(response, 'deleteIntegrationConnection')).toBe('IntegrationConnectionPayload');
    expect(response.data.deleteIntegrationConnection.integrationConnection).toBeNull();
    expect(await stored(rawId(created))).toBeUndefined();
    const [audit] = await auditRows(gateway, 'integration_connection.delete');
    expect(audit!.old_values).toMatchObject({ provider: 'slack', hasCredentials: true });
    expect(JSON.stringify(audit)).not.toContain(ciphertext);
    expect(outcomeOf(await run('bob', DELETE, { input: { id: created } }), 'deleteIntegrationConnection')).toBe('NotFoundError');
  });
});

describe('the credentials never come back', () => {
  it('not in an error about a malformed input that carries them', async () => {
    // graphql-js repeats a refused input object in its message; the gateway must not hand the credentials back with it.
    const cases = [
      { organizationId: acme, provider: 'jira', name: 'Malformed', credentials: SECRET, unknownField: 1 },
      { provider: 'jira', name: 'Malformed', credentials: SECRET },
      { organizationId: acme, provider: 'jira', name: 'Malformed', credentials: SECRET, status: 'NOT_A_STATUS' },
      { organizationId: acme, provider: 'jira', name: 'Malformed', credentials: SECRET, settings: 'not an object' },
    ];
    const messages: string[] = [];
    for (const input of [...cases, { organizationId: acme, provider: 'jira', name: 'Malformed', credentials: { token: SECRET } }]) {
      const response = await run('alice', CREATE, { input });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      messages.push(...response.errors!.map((error) => error.message));
    }
    // Still the variable, the path and the reason.
    expect(messages).toEqual([
      'Variable "$input" got invalid value; Field "unknownField" is not defined by type "CreateIntegrationConnectionInput".',
      'Variable "$input" got invalid value; Field "organizationId" of required type "ID!" was not provided.',
      'Variable "$input" got invalid value at "input.status"; Expected a value of type "IntegrationStatus".',
      'Variable "$input" got invalid value at "input.settings"; Expected a value of type "JSONObject".',
      'Variable "$input" got invalid value at "input.credentials"; Expected a value of type "String".',
    ]);
    // Another mutation's password alike (signIn with a field it does not have).
    const signIn = await run('anonymous', mutation('signIn', 'SignInInput'), { input: { email: 'alice@example.com', password: SECRET, remember: true } });
    expect(signIn.errors?.[0]?.message).toMatch(/^Variable "\$input" got invalid value; Field "remember" is not defined/);
    const inline = await run('alice', `mutation { createIntegrationConnection(input: { organizationId: "${acme}", provider: "jira", name: "Inline", credentials: "${SECRET}", status: NOT_A_STATUS }) { __typename } }`);
    expect(inline.errors?.length).toBeGreaterThan(0);
  });

  it('not in any response, log line, audit row or stored column of this file', async () => {
    expect(responses.length).toBeGreaterThan(30);
    for (const secret of [SECRET, SECOND_SECRET]) {
      expect(responses.filter((text) => text.includes(secret))).toEqual([]);
      expect(logLines.filter((line) => line.includes(secret))).toEqual([]);
      expect(gateway.statements.log.filter((statement) => statement.includes(secret))).toEqual([]);
    }
    expect(logLines.length).toBeGreaterThan(30); // the capture saw the requests (trace level)
    const audit = JSON.stringify(await sqlRows(gateway, `select old_values, new_values from platform.audit_logs where resource_type = 'integration_connection'`));
    const stored = JSON.stringify(await sqlRows(gateway, `select * from chat.integration_connections`));
    for (const text of [audit, stored]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(SECOND_SECRET);
    }
    expect(audit).not.toMatch(/"v1\.[\w-]+\./);
  });
});
