import { expect } from 'vitest';
import { queryRows } from '../database.js';
import type { GraphQLResponse, TestGateway } from '../gateway.js';
import { demoUsers, globalId as gid, type DemoUser } from '../policies.js';
import { headersFor } from '../sign-in.js';

/** Shared by the platform mutation tests (users, RBAC, bots, notifications, files, translations) and their matrices. */

export { gid };
export const userGid = (user: DemoUser) => gid('User', demoUsers[user]);

export type Actor = DemoUser | 'anonymous';

/** What a mutation answered: its union member's __typename, or the code of a top-level error. */
export type Outcome = string;

export const ERROR_FIELDS = `__typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }`;

/** Runs GraphQL as an actor (sessions made once per gateway and actor). */
export function actorRunner(gateway: TestGateway) {
  const headers = new Map<Actor, Promise<Record<string, string>>>();
  const headersOf = (actor: Actor) => {
    if (actor === 'anonymous') return Promise.resolve({});
    if (!headers.has(actor)) headers.set(actor, headersFor(gateway, actor));
    return headers.get(actor)!;
  };
  return async (actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> =>
    gateway.execute(query, variables, await headersOf(actor));
}

/** A mutation document: `name(input: $input) { <selection> }` with the errors every union has. */
export const mutation = (name: string, inputType: string, selection = '', optionalInput = false) =>
  `mutation ($input: ${inputType}${optionalInput ? '' : '!'}) { ${name}(input: $input) { ${ERROR_FIELDS} ${selection} } }`;

/** The union member's __typename, or the first top-level error code; never a 500 or SQL text. */
export function outcomeOf(response: GraphQLResponse, field: string): Outcome {
  const text = JSON.stringify(response);
  expect(text).not.toMatch(/\b(select|insert into|update \w+ set|delete from)\b|violates|syntax error/i);
  if (response.errors?.length) return String(response.errors[0]!.extensions?.code ?? 'NO_CODE');
  return String(response.data?.[field]?.__typename);
}

/** Raw SQL rows of the test database. */
export const sqlRows = <T = Record<string, unknown>>(gateway: TestGateway, text: string) => queryRows<T>(gateway.handle, text);

/** Ids of catalog rows by `kind:key`: `role:user`, `group:staff`, `permission:apps.manage`, `app:chat`. */
export async function catalogIds(gateway: TestGateway): Promise<(ref: string) => string> {
  const rows = await sqlRows<{ ref: string; id: string }>(
    gateway,
    `select 'role:' || key as ref, id from auth.roles union all select 'group:' || key, id from auth.groups
     union all select 'permission:' || key, id from auth.permissions union all select 'app:' || key, id from platform.apps`,
  );
  const ids = new Map(rows.map((row) => [row.ref, row.id]));
  return (ref) => {
    const id = ids.get(ref);
    if (!id) throw new Error(`No catalog row ${ref}`);
    return id;
  };
}

/** Audit rows of an action, oldest first. */
export const auditRows = (gateway: TestGateway, action: string) =>
  sqlRows<{ actor_id: string; organization_id: string | null; resource_type: string; resource_id: string | null; old_values: unknown; new_values: unknown }>(
    gateway,
    `select actor_id, organization_id, resource_type, resource_id, old_values, new_values from platform.audit_logs
     where action = '${action}' order by created_at, id`,
  );

/** Every row of the tables as one JSON text, to compare a database before and after a failed mutation. */
export async function snapshot(gateway: TestGateway, tables: string[]): Promise<string> {
  const parts = await Promise.all(
    tables.map(async (table) => (await sqlRows<{ rows: unknown }>(gateway, `select coalesce(json_agg(t order by t::text), '[]') as rows from ${table} t`))[0]!.rows),
  );
  return JSON.stringify(parts);
}

/**
 * Makes the next write of `action` to the audit log fail (a trigger raising an error), so a mutation
 * fails at its very last statement; returns the function that removes the trigger.
 */
export async function failAuditOf(gateway: TestGateway, action: string): Promise<() => Promise<void>> {
  const name = `fail_${action.replace(/\W/g, '_')}`;
  await gateway.handle.exec(`
    create function ${name}() returns trigger language plpgsql as $$
    begin if new.action = '${action}' then raise exception 'injected failure'; end if; return new; end $$;
    create trigger ${name} before insert on platform.audit_logs for each row execute function ${name}();`);
  return () => gateway.handle.exec(`drop trigger ${name} on platform.audit_logs; drop function ${name}();`).then(() => undefined);
}

// The authorization matrices (test/authorization/platform.test.ts, rbac.test.ts).

/** A demo actor, or the bot given the one extra scope its row names. */
export type MatrixActor = Actor | 'bot+scope';
export type Expected = 'allow' | 'hidden' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** A mutation outcome as the matrix names it: a payload is an allow; a typed error or a top-level code a deny. */
export function verdict(outcome: Outcome): string {
  if (outcome.endsWith('Payload')) return 'allow';
  if (outcome === 'NotFoundError') return 'NOT_FOUND';
  if (outcome === 'ForbiddenError') return 'FORBIDDEN';
  return outcome;
}

/** A read: 'allow' when `present` finds the row in the answer, 'hidden' when not, or the error's code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readVerdict(response: GraphQLResponse, present: (data: Record<string, any>) => boolean): string {
  if (response.errors?.length) return String(response.errors[0]!.extensions?.code);
  return present(response.data) ? 'allow' : 'hidden';
}

/** One rule: how to probe it as an actor, and what each actor must get. */
export interface MatrixRow {
  rule: string;
  probe: (actor: Actor) => Promise<string>;
  expected: Partial<Record<MatrixActor, Expected>>;
  /** The extra scope of 'bot+scope'. */
  scope?: string;
}

/** The rows as [rule, actor, expected, row] cases, in order (writes that allow may change what later cases see). */
export const matrixCases = (rows: MatrixRow[]) =>
  rows.flatMap((row) => Object.entries(row.expected).map(([actor, expected]) => [row.rule, actor as MatrixActor, expected!, row] as const));

/** Probes as the actor; 'bot+scope' is the demo bot with the row's scope added for the probe. */
export async function probeAs(row: MatrixRow, actor: MatrixActor, setScopes: (scopes: string[]) => Promise<void>): Promise<string> {
  if (actor !== 'bot+scope') return row.probe(actor);
  await setScopes(['messages:read', 'messages:write', row.scope!]);
  try {
    return await row.probe('bot');
  } finally {
    await setScopes(['messages:read', 'messages:write']);
  }
}
