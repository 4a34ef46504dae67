import fc from 'fast-check';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Builds a random GraphQL request from the real schema (read by introspection): real fields and
 * arguments, then mutated: wrong argument types, bad global IDs, NUL characters and huge strings,
 * unknown names, aliases, directives, fragments and nesting. Every choice comes from fast-check's
 * `gen`, so a fixed seed gives the same requests.
 */

/**
 * Sizes are bounded until the request limits (QUERY_TOO_COMPLEX: depth, aliases, tokens, cost) are
 * merged; the integrator raises these then. Above them a case is a slow or huge query, not a bug of
 * the input layer: nesting levels, aliases of one field, directives on one field, string length,
 * items of a list, and the page size of nested connections (pages multiply).
 */
export const BOUNDS = { depth: 5, inputDepth: 3, aliases: 10, directives: 5, stringLength: 20_000, listItems: 20, nestedPage: 3, fieldsPerSelection: 4, fields: 25 };

type Gen = fc.GeneratorValue;

export interface BuiltRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
  kind: 'query' | 'mutation' | 'subscription' | 'junk';
}

export interface IdPool {
  /** Global IDs of rows that exist (all types). */
  real: string[];
  /** Type names of node types, for IDs of rows that do not exist. */
  typenames: string[];
}

// Mutations that hash passwords (slow by design) or end the session the fuzz uses (sign-out, deactivation) are left out.
const SKIPPED_MUTATIONS = new Set(['signIn', 'signUp', 'signOut', 'changePassword', 'resetPassword', 'deactivateUser']);

const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.nat, items.length - 1)]!;
const chance = (g: Gen, percent: number) => g(fc.nat, 99) < percent;
const uuid = (g: Gen) => g(fc.uuid, { version: 4 });
const b64 = (text: string) => Buffer.from(text).toString('base64');

const STRINGS = ['ac', 'a', 'acme', 'globex', 'general', 'hello', '', ' ', '%', '_', '\\', "' or 1=1 --", '%_\\', 'Ünïcødé ✓', '👍', 'x'.repeat(300)];

export class DocumentBuilder {
  private readonly variables = new Map<string, { type: string; value: unknown }>();
  private readonly fragments: string[] = [];
  private fieldCount = 0;
  private fragmentCount = 0;
  /** A noisy document gets wrong names, types and values; a clean one only values a client could send. */
  private noisy = true;

  constructor(
    private readonly g: Gen,
    private readonly schema: GraphQLSchema,
    private readonly ids: IdPool,
  ) {}

  /** A query, or (`writes`) a mutation, a subscription or a damaged document. */
  build(writes = false): BuiltRequest {
    const { g } = this;
    const roll = g(fc.nat, 99);
    if (writes && roll < 15) return this.junk();
    this.noisy = chance(g, 55);
    const kind = !writes ? 'query' : roll < 85 ? 'mutation' : 'subscription';
    const root = kind === 'query' ? this.schema.getQueryType()! : kind === 'mutation' ? this.schema.getMutationType()! : this.schema.getSubscriptionType()!;
    const selection = this.selectionSet(root, 0, 0, kind === 'subscription' ? 1 : undefined);
    const name = chance(g, 30) ? pick(g, ['Q', 'Op', 'Fuzz']) : undefined;
    const declared = [...this.variables].map(([variable, { type }]) => `$${variable}: ${type}`);
    const header = `${kind}${name ? ` ${name}` : ''}${declared.length ? `(${declared.join(', ')})` : ''}`;
    const query = [`${header} ${selection}`, ...this.fragments].join('\n');
    const variables = Object.fromEntries([...this.variables].map(([variable, { value }]) => [variable, value]));
    // Sometimes a variable nobody declared, or a wrong operation name.
    if (this.bad(5)) variables.undeclared = this.stringValue();
    const operationName = this.bad(5) ? pick(g, ['Missing', '', 'Q']) : name;
    return { query, variables, operationName, kind };
  }

  /** A valid-looking document with its text damaged: cut, characters inserted, braces unbalanced. */
  private junk(): BuiltRequest {
    const { g } = this;
    const base = `query ($id: ID!) { channel(id: $id) { name messages(first: 2) { nodes { content author { displayName } } } } }`;
    const at = g(fc.nat, base.length);
    const damage = pick(g, [
      () => base.slice(0, at),
      () => `${base.slice(0, at)}${g(fc.string, { maxLength: 5 })}${base.slice(at)}`,
      () => `${base}${'}'.repeat(g(fc.nat, 5))}`,
      () => base.replaceAll('{', ''),
      () => `${base.slice(0, at)}\u0000${base.slice(at)}`,
      () => `${base.slice(0, at)}"${base.slice(at)}`,
      () => `${base}\n${'#'.repeat(1000)}`,
      () => g(fc.string, { maxLength: 200 }),
    ])();
    return { query: damage, variables: { id: this.idValue() }, kind: 'junk' };
  }

  /** A mistake, `percent` % of the time, in noisy documents only. */
  private bad(percent: number): boolean {
    return this.noisy && chance(this.g, percent);
  }

  private selectionSet(type: GraphQLCompositeType, depth: number, connections: number, count?: number): string {
    const { g } = this;
    const parts: string[] = [];
    const fields = isUnionType(type) ? [] : Object.values(type.getFields()).filter((field) => this.allowed(type, field));
    const n = count ?? 1 + g(fc.nat, BOUNDS.fieldsPerSelection - 1);
    for (let i = 0; i < n && this.fieldCount < BOUNDS.fields; i++) {
      const roll = g(fc.nat, 99);
      if ((roll < 8 || fields.length === 0) && (isInterfaceType(type) || isUnionType(type))) {
        const member = pick(g, this.schema.getPossibleTypes(type));
        parts.push(`... on ${member.name} ${this.selectionSet(member, depth + 1, connections)}`);
      } else if (roll < 10 && fields.length > 0 && isObjectType(type)) {
        // Named before its body is built: a fragment inside it takes the next name.
        const fragment = `F${this.fragmentCount++}`;
        this.fragments.push(`fragment ${fragment} on ${type.name} ${this.selectionSet(type, depth + 1, connections)}`);
        parts.push(`...${fragment}`);
      } else if (roll < 12 && this.noisy) {
        parts.push(pick(g, ['__typename', 'nope', '__typename @nope', '... on Galaxy { id }', 'id(unknown: 1)']));
      } else if (fields.length > 0) {
        parts.push(this.field(pick(g, fields), depth, connections));
      } else {
        parts.push('__typename');
      }
    }
    if (parts.length === 0) parts.push('__typename');
    return `{ ${parts.join(' ')} }`;
  }

  private allowed(type: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
    return !(type === this.schema.getMutationType() && SKIPPED_MUTATIONS.has(field.name));
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, connections: number): string {
    const { g } = this;
    this.fieldCount++;
    const returned = getNamedType(field.type);
    const isConnection = returned.name.endsWith('Connection');
    const args = this.arguments(field.args, isConnection && connections > 0);
    const directives = this.directives();
    const nested = isCompositeType(returned)
      ? depth >= BOUNDS.depth
        ? '{ __typename }'
        : this.selectionSet(returned, depth + 1, connections + (isConnection ? 1 : 0))
      : this.bad(3)
        ? '{ id }' // a selection on a leaf
        : '';
    const one = (alias: string) => `${alias}${field.name}${args}${directives} ${nested}`;
    if (chance(g, 3)) {
      const aliases = 2 + g(fc.nat, BOUNDS.aliases - 2);
      return Array.from({ length: aliases }, (_, i) => one(`a${this.fieldCount}_${i}: `)).join(' ');
    }
    // Clean documents alias every field, so two picks of one field with other arguments do not conflict.
    if (!this.noisy) return one(`f${this.fieldCount}: `);
    return one(chance(g, 15) ? `${pick(g, ['x', 'y', 'id', 'node', 'alias_1'])}: ` : '');
  }

  private directives(): string {
    const { g } = this;
    if (!chance(g, 10)) return '';
    const count = 1 + g(fc.nat, BOUNDS.directives - 1);
    const valid = [
      () => ` @include(if: ${pick(g, ['true', 'false'])})`,
      () => ` @skip(if: ${pick(g, ['true', 'false'])})`,
      () => ` @include(if: $${this.variable('Boolean!', pick(g, [true, false]))})`,
    ];
    // @include and @skip are not repeatable: a clean field has one.
    if (!this.noisy) return pick(g, valid)();
    return Array.from({ length: count }, () =>
      pick(g, [
        () => ` @include(if: ${pick(g, ['true', 'false'])})`,
        () => ` @skip(if: ${pick(g, ['true', 'false', '"yes"', 'null', '1'])})`,
        () => ` @include(if: $${this.variable('Boolean!', pick(g, [true, false, 'true', null, 1]))})`,
        () => ' @nope',
        () => ' @deprecated',
        () => ' @include',
      ])(),
    ).join('');
  }

  private arguments(args: readonly GraphQLArgument[], nestedPage: boolean): string {
    const { g } = this;
    const given: string[] = [];
    for (const arg of args) {
      const required = isNonNullType(arg.type);
      // Cursors and backward pages of clean documents would only be refused: left to noisy ones.
      if (!this.noisy && ['after', 'before', 'last'].includes(arg.name)) continue;
      if (!required && !chance(g, 40) && !(nestedPage && arg.name === 'first')) continue;
      if (required && this.bad(3)) continue; // a required argument left out
      if (nestedPage && arg.name === 'first' && !chance(g, 10)) {
        given.push(`first: ${g(fc.nat, BOUNDS.nestedPage)}`);
        continue;
      }
      if (chance(g, 35)) {
        // Through a variable, usually declared with the argument's type.
        const declared = !this.bad(15) ? String(arg.type) : pick(g, ['String', 'ID!', 'Int', '[String]', 'Galaxy', 'Boolean!', 'JSON']);
        given.push(`${arg.name}: $${this.variable(declared, this.value(arg.type))}`);
      } else {
        given.push(`${arg.name}: ${this.literal(arg.type, this.value(arg.type))}`);
      }
    }
    if (this.bad(3)) given.push(`${pick(g, ['nope', 'first', 'id'])}: ${pick(g, ['1', '"x"', 'null', '[]'])}`);
    return given.length ? `(${given.join(', ')})` : '';
  }

  private variable(type: string, value: unknown): string {
    const name = `v${this.variables.size}`;
    this.variables.set(name, { type, value: this.bad(5) ? undefined : value });
    return name;
  }

  /**
   * A JS value for an input type: usually fitting, often not. Input types may nest themselves
   * (a filter's and/or/not): below BOUNDS.inputDepth an object gets its required fields only.
   */
  private value(type: GraphQLInputType, depth = 0): unknown {
    const { g } = this;
    if (isNonNullType(type)) return this.bad(4) ? null : this.value(type.ofType, depth);
    if (this.bad(5)) return pick(g, [null, 42, 'text', true, [], {}, 1.5, -1]);
    if (isListType(type)) {
      if (chance(g, 15)) return this.value(type.ofType, depth); // a single value where a list is expected
      const items = chance(g, 5) ? BOUNDS.listItems : g(fc.nat, 3);
      return Array.from({ length: items }, () => this.value(type.ofType, depth));
    }
    if (isInputObjectType(type)) {
      const object: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const wanted = isNonNullType(field.type) ? !this.bad(3) : depth < BOUNDS.inputDepth && chance(g, 50);
        if (wanted) object[field.name] = this.value(field.type, depth + 1);
      }
      if (this.bad(5)) object.unknownField = 'x';
      return object;
    }
    if (isEnumType(type)) {
      return !this.bad(15) ? pick(g, type.getValues()).name : pick(g, ['GALAXY', 'public', '', 'ASC DESC']);
    }
    if (isLeafType(type)) return this.scalar(type.name);
    return null;
  }

  private scalar(name: string): unknown {
    const { g } = this;
    if (!this.noisy) return this.cleanScalar(name);
    switch (name) {
      case 'ID':
        return this.idValue();
      case 'String':
        return this.stringValue();
      case 'Int':
        return pick(g, [0, 1, 2, 3, 10, 100, 101, -1, 2 ** 31, -(2 ** 31) - 1, 1.5, '3', 1e300]);
      case 'Float':
        return pick(g, [0, 1.5, -1, 1e308, '1.5', Number.MAX_SAFE_INTEGER]);
      case 'Boolean':
        return pick(g, [true, false, 'true', 0, null]);
      case 'DateTime':
        return pick(g, ['2026-01-01T00:00:00Z', '2026-01-07T12:00:00.000Z', 'yesterday', '', '9999-99-99', '2026-02-30T00:00:00Z', '-infinity', 0, '0001-01-01T00:00:00Z', '275760-09-13T00:00:00Z']);
      case 'JSON':
      case 'JSONObject':
        return pick(g, [() => JSON.parse(g(fc.json, { maxDepth: 3 })) as unknown, () => ({ '\u0000': 1 }), () => ({ a: 'b\u0000' }), () => ({ theme: 'dark' }), () => 'x'])();
      case 'URL':
        return pick(g, ['https://example.com/a.png', 'not a url', 'javascript:alert(1)', `https://${'a'.repeat(5000)}.com`, '']);
      case 'EmailAddress':
        return pick(g, ['someone@example.com', 'alice@example.com', 'not-an-email', '', 'a\u0000@example.com']);
      case 'UUID':
        return pick(g, [uuid(g), 'not-a-uuid', '']);
      case 'Locale':
        return pick(g, ['en', 'hu', 'de', 'hu-HU', 'xx', 'not a locale', '', 'en\u0000']);
      default:
        return this.stringValue();
    }
  }

  /** Values a client could well send: real and missing rows, plain text, pages in range. */
  private cleanScalar(name: string): unknown {
    const { g, ids } = this;
    switch (name) {
      case 'ID':
        return chance(g, 75) ? pick(g, ids.real) : b64(`${pick(g, ids.typenames)}:${uuid(g)}`);
      case 'Int':
        return pick(g, [0, 1, 2, 3, 10]);
      case 'Float':
        return pick(g, [0, 1.5]);
      case 'Boolean':
        return pick(g, [true, false]);
      case 'DateTime':
        return pick(g, ['2026-01-01T00:00:00Z', '2026-01-07T12:00:00.000Z']);
      case 'JSON':
      case 'JSONObject':
        return { theme: 'dark' };
      case 'URL':
        return 'https://example.com/a.png';
      case 'EmailAddress':
        return 'someone@example.com';
      case 'UUID':
        return uuid(g);
      case 'Locale':
        return pick(g, ['en', 'hu', 'de']);
      default:
        return pick(g, STRINGS);
    }
  }

  stringValue(): unknown {
    const { g } = this;
    return pick(g, [
      () => pick(g, STRINGS),
      () => g(fc.string, { maxLength: 20 }),
      () => g(fc.string, { maxLength: 20, unit: 'binary' }),
      () => `${pick(g, STRINGS)}\u0000${pick(g, STRINGS)}`,
      () => '\u0000',
      () => 'x'.repeat(1 + g(fc.nat, BOUNDS.stringLength - 1)),
      () => '\uD800',
      () => 7,
    ])();
  }

  idValue(): unknown {
    const { g, ids } = this;
    return pick(g, [
      () => pick(g, ids.real),
      () => pick(g, ids.real),
      () => b64(`${pick(g, ids.typenames)}:${uuid(g)}`), // a well-formed ID of a missing row
      () => b64(`${pick(g, ['Galaxy', 'Query', 'PageInfo', 'ChannelType', 'user', ''])}:${uuid(g)}`),
      () => b64(`${pick(g, ids.typenames)}:${pick(g, ['1', '', 'not-a-uuid', '["a"]', "x' or '1'='1", `${uuid(g)}\u0000`])}`),
      () => g(fc.base64String, { maxLength: 60 }),
      () => g(fc.string, { maxLength: 30 }),
      () => `${pick(g, ids.real)}\u0000`,
      () => b64(`Channel:${'f'.repeat(1 + g(fc.nat, BOUNDS.stringLength - 1))}`),
      () => pick(g, [12, '', null, true]),
    ])();
  }

  /** A GraphQL literal for `value`; enum names stay bare when the type is an enum. */
  private literal(type: GraphQLInputType, value: unknown): string {
    const named = getNamedType(type);
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return `[${value.map((item) => this.literal(isListType(type) ? type.ofType : type, item)).join(', ')}]`;
    if (typeof value === 'object') {
      const fields = isInputObjectType(named) ? named.getFields() : {};
      const entries = Object.entries(value).filter(([key]) => /^[_A-Za-z]\w*$/.test(key));
      return `{ ${entries.map(([key, item]) => `${key}: ${this.literal((fields[key]?.type ?? named) as GraphQLInputType, item)}`).join(', ')} }`;
    }
    if (typeof value === 'string' && isEnumType(named) && /^[_A-Za-z]\w*$/.test(value)) return value;
    if (typeof value === 'number' && !Number.isFinite(value)) return '0';
    return JSON.stringify(value);
  }
}
