import { readFileSync } from 'node:fs';
import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../../scripts/bench/shapes.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { playgroundQuery, playgroundVariables } from '../http/playground.js';
import { schema } from '../schema/index.js';
import { COST, measureOperation } from './cost.js';
import { createCostGuard } from './guard.js';
import { DEFAULT_LIMITS } from './limits.js';

const measure = (query: string, variables: Record<string, unknown> = {}, operationName?: string) => {
  const measured = measureOperation(schema, parse(query), operationName, variables);
  if (!measured) throw new Error('no operation');
  return measured;
};
const cost = (query: string, variables: Record<string, unknown> = {}) => measure(query, variables).cost;

describe('the cost of an operation', () => {
  it('multiplies the rows of a connection by its page size, from a literal or a variable', () => {
    const rows = (first: number) => cost(`{ channels(first: ${first}) { nodes { id name } } }`);
    const perRow = rows(2) - rows(1);
    expect(perRow).toBeGreaterThan(0);
    expect(rows(100) - rows(0)).toBe(100 * perRow);
    const byVariable = 'query ($n: Int) { channels(first: $n) { nodes { id name } } }';
    expect(cost(byVariable, { n: 100 })).toBe(rows(100));
    expect(cost(byVariable, { n: 7 })).toBe(rows(7));
    // Without first or last, the default page; above the maximum, the maximum (it is refused anyway).
    expect(cost(byVariable, {})).toBe(rows(DEFAULT_PAGE_SIZE));
    expect(cost('{ channels(last: 3) { nodes { id name } } }')).toBe(rows(3));
    expect(cost(byVariable, { n: 100_000 })).toBe(rows(MAX_PAGE_SIZE));
  });

  it('multiplies nested pages', () => {
    const nested = (outer: number, inner: number) => cost(`{ channels(first: ${outer}) { nodes { messages(first: ${inner}) { nodes { id } } } } }`);
    // 100 pages of 100 messages: 10,000 rows of one field each.
    expect(nested(100, 100) - nested(100, 0)).toBe(100 * 100 * COST.field);
    expect(nested(100, 100)).toBeGreaterThan(9 * nested(10, 100));
  });

  it('counts totalCount once per connection, also on an empty page', () => {
    const withCount = (first: number) => cost(`{ channels(first: ${first}) { totalCount nodes { id } } }`);
    const without = (first: number) => cost(`{ channels(first: ${first}) { nodes { id } } }`);
    expect(withCount(0) - without(0)).toBe(COST.totalCount);
    expect(withCount(100) - without(100)).toBe(COST.totalCount);
  });

  it('weighs row counts and text searches', () => {
    expect(cost('{ channels(first: 10) { nodes { memberCount } } }') - cost('{ channels(first: 10) { nodes { id } } }')).toBe(10 * (COST.count - COST.field));
    expect(cost('{ users(search: "a") { nodes { id } } }') - cost('{ users { nodes { id } } }')).toBe(COST.search);
    expect(cost('query ($s: String) { users(search: $s) { nodes { id } } }', { s: 'x' })).toBe(cost('{ users(search: "x") { nodes { id } } }'));
  });

  it('counts fragments like the fields they hold, and a fragment used twice twice', () => {
    const inline = cost('{ channels(first: 5) { nodes { id name } } }');
    expect(cost('{ channels(first: 5) { ...C } } fragment C on QueryChannelsConnection { nodes { ...N } } fragment N on Channel { id name }')).toBe(inline);
    expect(cost('{ a: channels(first: 5) { ...C } b: channels(first: 5) { ...C } } fragment C on QueryChannelsConnection { nodes { id name } }')).toBe(2 * inline);
  });

  it('measures the operation the request names', () => {
    const document = '{ small: channels(first: 1) { nodes { id } } } query Big { channels(first: 100) { nodes { id } } }';
    expect(measureOperation(schema, parse('query Small { channels(first: 1) { nodes { id } } } query Big { channels(first: 100) { nodes { id } } }'), 'Big', {})!.cost).toBe(
      cost('{ channels(first: 100) { nodes { id } } }'),
    );
    // Two operations and no name: execution reports it; nothing to measure.
    expect(measureOperation(schema, parse(document), undefined, {})).toBeNull();
  });

  it('counts introspection', () => {
    expect(cost('{ __schema { types { name } } }')).toBe(COST.schemaIntrospection);
    expect(cost('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }')).toBe(2 * COST.schemaIntrospection);
    expect(cost('{ __type(name: "User") { name } }')).toBe(COST.typeIntrospection);
  });

  it('counts the password checks of signIn and signUp', () => {
    const signIn = (alias: string) => `${alias}: signIn(input: { email: "a@example.com", password: "p" }) { __typename }`;
    expect(measure(`mutation { ${signIn('a')} }`).passwordHashes).toBe(1);
    expect(measure(`mutation { ${signIn('a')} ${signIn('b')} ${signIn('c')} }`).passwordHashes).toBe(3);
    expect(measure('mutation { signOut { __typename } }').passwordHashes).toBe(0);
  });

  it('names the variables it depends on', () => {
    expect(measure('query ($n: Int, $id: ID!) { channel(id: $id) { messages(first: $n) { nodes { id } } } }', { n: 1, id: 'x' }).variables).toEqual(['n']);
  });
});

describe('the default budget', () => {
  const guard = createCostGuard(schema, DEFAULT_LIMITS);
  const refusal = (query: string, variables: Record<string, unknown> = {}) => guard.refusal(parse(query), undefined, variables);

  it("admits the project's own documents: the playground, client operations, bench shapes, introspection", () => {
    const documents = [
      readFileSync(new URL('../../clients/operations/workspace.graphql', import.meta.url), 'utf8'),
      ...SHAPES.map((shape) => shape.query),
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
    ];
    for (const document of documents) expect(refusal(document, { first: 5 }), document).toBeNull();
    // The guard gets coerced variables; the playground's tab sends its variables' defaults.
    expect(refusal(playgroundQuery, playgroundVariables.query)).toBeNull();
  });

  it('refuses the fan-outs of issue 11 with the cost and the limit', () => {
    const fanOut = '{ organizations { nodes { channels(first: 100) { nodes { messages(first: 100) { nodes { id reactions { nodes { emoji } } } } } } } } }';
    const error = refusal(fanOut);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: DEFAULT_LIMITS.cost, found: cost(fanOut) });
    expect(error?.message).toContain(String(cost(fanOut)));
    const channelsOrganization = (levels: number) => `{ channels { nodes { ${'organization { channels { nodes { '.repeat(levels)}id${' } } }'.repeat(levels)} } } }`;
    expect(refusal(channelsOrganization(3))?.extensions.limit).toBe('cost');
  });

  it('refuses a second password check, and admits one', () => {
    const signIn = (alias: string) => `${alias}: signIn(input: { email: "a@example.com", password: "p" }) { __typename }`;
    expect(refusal(`mutation { ${signIn('a')} }`)).toBeNull();
    expect(refusal(`mutation { ${signIn('a')} ${signIn('b')} }`)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'passwordHashes', found: 2 });
  });

  it('judges a cached document by each request’s variables', () => {
    const document = parse(
      'query ($n: Int, $m: Int) { channels(first: $n) { nodes { messages(first: $m) { nodes { id content createdAt editedAt pinnedAt author { id displayName } } } } } }',
    );
    expect(guard.refusal(document, undefined, { n: 5, m: 5 })).toBeNull();
    expect(guard.refusal(document, undefined, { n: 100, m: 100 })?.extensions.limit).toBe('cost');
    expect(guard.refusal(document, undefined, { n: 5, m: 5 })).toBeNull();
  });
});
