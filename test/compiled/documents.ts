import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Query documents generated from the schema itself, that together select every field of every
 * object type reachable from Query (the read schema): a new field or type is covered without
 * editing a list. Values for arguments come from the schema (enums, booleans, locales) and from
 * data harvested by running the argument-free documents first (IDs, slugs, filter texts).
 */

/** Data seen in answers: the actors that saw each ID of a type, and the values of string fields. */
export interface Harvest {
  ids: Map<string, Map<string, Set<string>>>;
  values: Map<string, Set<string>>;
}

export const emptyHarvest = (): Harvest => ({ ids: new Map(), values: new Map() });

export interface Document {
  name: string;
  query: string;
}

const MAX_DEPTH = 3;
const PAGE = 'first: 3';
const PAGINATION = new Set(['after', 'before', 'first', 'last']);
const LOCALES = ['"hu"', '"de"', 'null'];
/** Most sampled IDs of one type in one document (one per distinct set of actors that can see it). */
const MAX_IDS = 2;
/** ID arguments whose name is not the name of their node type. */
const ID_ARGUMENT_TYPES: Record<string, string> = { author: 'User', actor: 'User' };
/** Required arguments the schema and the data cannot supply (a new one fails generation until listed here). */
const REQUIRED_VALUES: Record<string, string[]> = {
  'Query.translations.namespaces': ['["common", "chat"]', '["chat", "no-such-namespace"]'],
};
/** A well-formed global ID of no row (all demo ids are v4 uuids with other digits). */
const MISSING_UUID = '00000000-0000-4000-8000-00000000dead';

/** Code-unit order, the same on every machine (unlike localeCompare). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const globalIdOf = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

const isConnection = (type: GraphQLObjectType) => {
  const fields = type.getFields();
  return 'edges' in fields && 'nodes' in fields && 'pageInfo' in fields;
};

/** Object types reachable from Query through fields, interfaces and unions (Mutation and Subscription are not walked). */
export function readTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  const seen = new Map<string, GraphQLObjectType>();
  const visitType = (type: GraphQLNamedType) => {
    if (isAbstractType(type)) return schema.getPossibleTypes(type).forEach(visitType);
    if (!isObjectType(type) || seen.has(type.name)) return;
    seen.set(type.name, type);
    for (const field of Object.values(type.getFields())) visitType(getNamedType(field.type));
  };
  visitType(schema.getQueryType()!);
  return [...seen.values()].sort((a, b) => compare(a.name, b.name));
}

/** `Type.field` of every field each document selects, measured on the parsed documents (not on the generator's intent). */
export function selectedFields(schema: GraphQLSchema, documents: Document[]): Set<string> {
  const selected = new Set<string>();
  for (const document of documents) {
    const typeInfo = new TypeInfo(schema);
    visit(
      parse(document.query),
      visitWithTypeInfo(typeInfo, {
        Field() {
          const parent = typeInfo.getParentType();
          if (parent && typeInfo.getFieldDef()) selected.add(`${parent.name}.${typeInfo.getFieldDef()!.name}`);
        },
      }),
    );
  }
  return selected;
}

class Generator {
  /** Types that are the outermost object of some document: node types and what root fields return. */
  private readonly outermost: Set<string>;
  /** What root fields other than node/nodes return (a connection: its nodes' type). */
  private readonly rootTypes: Set<string>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly harvest: Harvest,
  ) {
    const roots = Object.values(schema.getQueryType()!.getFields()).map((field) => getNamedType(field.type));
    const outer = roots.map((type) => (isObjectType(type) && isConnection(type) ? getNamedType(type.getFields().nodes!.type) : type));
    this.rootTypes = new Set(outer.filter((type) => !isAbstractType(type)).map((type) => type.name));
    this.outermost = new Set([...this.nodeTypeNames(), ...this.rootTypes]);
  }

  private nodeTypeNames(): string[] {
    const node = this.schema.getType('Node');
    return node && isAbstractType(node) ? this.schema.getPossibleTypes(node).map((type) => type.name).sort() : [];
  }

  /**
   * Up to `limit` IDs of a type, one per distinct set of actors that saw it: first the row seen by
   * the most actors, then the one seen by the fewest (hidden from the others), then the rest.
   */
  sampleIds(typename: string, limit = MAX_IDS): string[] {
    const bySignature = new Map<string, { id: string; seenBy: number }>();
    const ids = [...(this.harvest.ids.get(typename) ?? new Map<string, Set<string>>())].sort(([a], [b]) => compare(a, b));
    for (const [id, actors] of ids) {
      const signature = [...actors].sort().join(',');
      if (!bySignature.has(signature)) bySignature.set(signature, { id, seenBy: actors.size });
    }
    const rows = [...bySignature].sort(([a, x], [b, y]) => y.seenBy - x.seenBy || compare(a, b)).map(([, row]) => row.id);
    const ordered = rows.length > 1 ? [rows[0]!, rows.at(-1)!, ...rows.slice(1, -1)] : rows;
    return ordered.slice(0, limit);
  }

  private idType(argument: string): string | null {
    const named = ID_ARGUMENT_TYPES[argument] ?? argument[0]!.toUpperCase() + argument.slice(1);
    const nodes = this.nodeTypeNames();
    if (nodes.includes(named)) return named;
    const endings = nodes.filter((name) => name.endsWith(named));
    return endings.length === 1 ? endings[0]! : null;
  }

  private harvested(key: string): string[] {
    return [...(this.harvest.values.get(key) ?? [])].sort();
  }

  /** Values to try for an optional argument; [] when the data has none yet (first stage). */
  argumentValues(owner: string, field: GraphQLField<unknown, unknown>, argument: GraphQLArgument, returned: GraphQLNamedType): string[] {
    const hinted = REQUIRED_VALUES[`${owner}.${field.name}.${argument.name}`];
    if (hinted) return hinted;
    const type = argument.type;
    const named = getNamedType(type);
    // where / orderBy (src/schema/core/where-input.ts): every row and none; each order field, descending.
    if (isInputObjectType(named) && named.name.endsWith('Where')) return ['{ and: [] }', '{ or: [] }'];
    if (isInputObjectType(named) && named.name.endsWith('OrderBy')) {
      const fields = getNamedType(named.getFields().field!.type);
      return isEnumType(fields) ? fields.getValues().map((value) => `[{ field: ${value.name}, direction: DESC }]`) : [];
    }
    if (isListType(isNonNullType(type) ? type.ofType : type)) throw new Error(`No values for list argument ${owner}.${field.name}(${argument.name}:); list them in REQUIRED_VALUES`);
    if (isEnumType(named)) return named.getValues().map((value) => value.name);
    const target = isObjectType(returned) && isConnection(returned) ? getNamedType(returned.getFields().nodes!.type) : returned;
    switch (named.name) {
      case 'Boolean':
        return ['true', 'false'];
      case 'Locale':
        return LOCALES;
      case 'ID': {
        const typename = argument.name === 'id' ? target.name : this.idType(argument.name);
        if (!typename) throw new Error(`No node type for ID argument ${owner}.${field.name}(${argument.name}:); name it in ID_ARGUMENT_TYPES`);
        return this.sampleIds(typename, 2).map((id) => JSON.stringify(id));
      }
      case 'String': {
        // A filter named like a field of the rows it filters takes a value seen there; a text search takes "a".
        const seen = this.harvested(`${target.name}.${argument.name}`);
        if (isObjectType(target) && argument.name in target.getFields()) return seen.slice(0, 1).map((value) => JSON.stringify(value));
        return ['"a"'];
      }
      case 'DateTime': {
        const times = this.harvested(`${target.name}.createdAt`);
        return times.length ? [JSON.stringify(times[Math.floor(times.length / 2)])] : [];
      }
      default:
        throw new Error(`No values for argument ${owner}.${field.name}(${argument.name}: ${named.name})`);
    }
  }

  /**
   * `__typename`, `id` and the argument-free leaf fields (guarded ones too: their errors are part of
   * the answer). Under an abstract type each is aliased by its type, as `createdAt: DateTime!` and
   * `createdAt: DateTime` of two types may not share a response name.
   */
  small(type: GraphQLNamedType, prefix = ''): string {
    if (isAbstractType(type)) return `__typename ${this.schema.getPossibleTypes(type).map((each) => `... on ${each.name} { ${this.small(each, `${each.name}_`)} }`).join(' ')}`;
    if (!isObjectType(type)) return '';
    const leaves = Object.values(type.getFields()).filter((field) => isLeafType(getNamedType(field.type)) && field.args.every((arg) => !isNonNullType(arg.type)));
    if (isConnection(type)) return `__typename totalCount nodes { ${this.small(getNamedType(type.getFields().nodes!.type))} }`;
    // Under an abstract type `__typename` is selected once, outside the type conditions (one response name, one selection).
    return [...(prefix ? [] : ['__typename']), ...leaves.map((field) => (prefix ? `${prefix}${field.name}: ${field.name}` : field.name))].join(' ');
  }

  /** What names a row: `id`, or the leaf fields where there is none. */
  private identity(type: GraphQLNamedType): string {
    return isObjectType(type) && 'id' in type.getFields() ? '__typename id' : this.small(type);
  }

  /** The small selection and the to-one (and list) relations, each with its small selection: how rows nest, without their pages. */
  private medium(type: GraphQLObjectType): string {
    const relations = Object.values(type.getFields()).filter((field) => {
      const named = getNamedType(field.type);
      return isObjectType(named) && !isConnection(named) && field.args.every((arg) => !isNonNullType(arg.type));
    });
    return [this.small(type), ...relations.map((field) => `${field.name} { ${this.small(getNamedType(field.type))} }`)].join(' ');
  }

  /**
   * Every field of `type` where it is the outermost object (depth 1), and where a type that is never
   * outermost (a node type or a root field's type) is first met; else the medium selection, and the
   * small one at MAX_DEPTH. Full selections at every level would cost seconds a request on PGlite.
   */
  full(type: GraphQLNamedType, depth: number, expanded: Set<string>): string {
    // No read field returns an abstract type but node/nodes (their own documents); a new one gets the small selection.
    if (isAbstractType(type)) return this.small(type);
    if (!isObjectType(type)) return '';
    if (isConnection(type)) return this.connection(type, depth, expanded);
    if (depth >= MAX_DEPTH) return this.small(type);
    if (depth > 1 && (this.outermost.has(type.name) || expanded.has(type.name))) return this.medium(type);
    expanded.add(type.name);
    const parts = ['__typename'];
    for (const field of Object.values(type.getFields())) parts.push(...this.field(type, field, depth, expanded));
    return parts.join(' ');
  }

  private connection(type: GraphQLObjectType, depth: number, expanded: Set<string>): string {
    const parts: string[] = [];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (field.name === 'nodes') parts.push(`nodes { ${this.full(named, depth, expanded)} }`);
      else if (field.name === 'edges' && isObjectType(named)) {
        const edge = Object.values(named.getFields()).map((each) => (isLeafType(getNamedType(each.type)) ? each.name : `${each.name} { ${this.identity(getNamedType(each.type))} }`));
        parts.push(`edges { __typename ${edge.join(' ')} }`);
      } else parts.push(isLeafType(named) ? field.name : `${field.name} { ${this.small(named)} }`);
    }
    return `__typename ${parts.join(' ')}`;
  }

  /** One field: its plain form (connections: `first: 3`), then an alias per value of each optional argument (only at depth 0 and 1). */
  private field(owner: GraphQLObjectType, field: GraphQLField<unknown, unknown>, depth: number, expanded: Set<string>): string[] {
    const named = getNamedType(field.type);
    const connection = isObjectType(named) && isConnection(named);
    const page = connection && field.args.some((arg) => arg.name === 'first') ? [PAGE] : [];
    const call = (args: string[]) => (args.length ? `(${args.join(', ')})` : '');
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    if (required.length) throw new Error(`${owner.name}.${field.name} needs arguments: only root fields may (see rootDocuments)`);
    const selection = (sub: string) => (isLeafType(named) ? '' : ` { ${sub} }`);
    const out = [`${field.name}${call(page)}${selection(this.full(named, depth + 1, expanded))}`];
    // Argument values on the fields of the outermost object only: every type is outermost in some document (node, root fields), and deeper ones would multiply the cost.
    if (depth > 1) return out;
    for (const argument of field.args.filter((arg) => !PAGINATION.has(arg.name))) {
      for (const value of this.argumentValues(owner.name, field, argument, named)) {
        const alias = `${field.name}_${argument.name}_${value.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'x'}`;
        out.push(`${alias}: ${field.name}${call([...page, `${argument.name}: ${value}`])}${selection(this.small(named))}`);
      }
    }
    return out;
  }

  /** One document per root field; `node` one per node type, `nodes` one with every type mixed. */
  rootDocuments(): Document[] {
    const query = this.schema.getQueryType()!;
    const documents: Document[] = [];
    for (const field of Object.values(query.getFields())) {
      const named = getNamedType(field.type);
      const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
      if (field.name === 'node') documents.push(...this.nodeDocuments());
      else if (field.name === 'nodes') documents.push(this.nodesDocument());
      else if (required.length === 0) documents.push({ name: field.name, query: `{ ${this.field(query, field, 0, new Set()).join(' ')} }` });
      else {
        if (required.length > 1) throw new Error(`Query.${field.name}: more than one required argument`);
        const argument = required[0]!;
        const values = this.rootValues(field, argument, named);
        if (!values.length) continue; // first stage: no data to ask with yet
        const fragment = `fragment Every${named.name} on ${named.name} { ${this.full(named, 1, new Set())} }`;
        const others = field.args.filter((arg) => arg !== argument && !PAGINATION.has(arg.name));
        const page = field.args.some((arg) => arg.name === 'first') ? `, ${PAGE}` : '';
        // Every field for the first value; the medium selection for the others (rows hidden from some actors, a missing one) keeps the file fast.
        const rest = (type: GraphQLNamedType): string =>
          !isObjectType(type) ? '' : isConnection(type) ? `__typename totalCount nodes { ${rest(getNamedType(type.getFields().nodes!.type))} }` : this.medium(type);
        const aliases = values.map((value, i) => `r${i}: ${field.name}(${argument.name}: ${value}${page}) ${isLeafType(named) ? '' : `{ ${i ? rest(named) : `...Every${named.name}`} }`}`);
        // The optional arguments once each, with the first required value.
        for (const other of others)
          for (const value of this.argumentValues('Query', field, other, named))
            aliases.push(`${field.name}_${other.name}_${value.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'x'}: ${field.name}(${argument.name}: ${values[0]}, ${other.name}: ${value}${page}) { ${this.small(named)} }`);
        documents.push({ name: field.name, query: `{ ${aliases.join(' ')} }${isLeafType(named) ? '' : ` ${fragment}`}` });
      }
    }
    return documents;
  }

  private rootValues(field: GraphQLField<unknown, unknown>, argument: GraphQLArgument, returned: GraphQLNamedType): string[] {
    const hinted = REQUIRED_VALUES[`Query.${field.name}.${argument.name}`];
    if (hinted) return hinted;
    const target = isObjectType(returned) && isConnection(returned) ? null : returned;
    if (getNamedType(argument.type).name === 'ID') {
      const typename = argument.name === 'id' && target ? target.name : this.idType(argument.name);
      if (!typename) throw new Error(`No node type for Query.${field.name}(${argument.name}:)`);
      const ids = this.sampleIds(typename);
      return ids.length ? [...ids, globalIdOf(typename, MISSING_UUID)].map((id) => JSON.stringify(id)) : [];
    }
    // A key named like a field of the returned type (organization(slug:)): every value seen, and one of no row.
    const seen = target ? this.harvested(`${target.name}.${argument.name}`) : [];
    if (!seen.length) return [];
    return [...seen.slice(0, MAX_IDS), 'no-such-row'].map((value) => JSON.stringify(value));
  }

  private nodeDocuments(): Document[] {
    return this.nodeTypeNames().flatMap((typename) => {
      const ids = this.sampleIds(typename);
      if (!ids.length) return [];
      const type = this.schema.getType(typename) as GraphQLObjectType;
      // A type some other root field returns has every field there; here the medium selection keeps the file fast.
      const selection = this.rootTypes.has(typename) ? this.medium(type) : this.full(type, 1, new Set());
      const aliases = [...ids, globalIdOf(typename, MISSING_UUID)].map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { ...Every${typename} }`);
      return [{ name: `node ${typename}`, query: `{ ${aliases.join(' ')} } fragment Every${typename} on ${typename} { ${selection} }` }];
    });
  }

  private nodesDocument(): Document {
    const ids = this.nodeTypeNames().flatMap((typename) => this.sampleIds(typename, 2));
    const node = this.schema.getType('Node');
    return { name: 'nodes', query: `{ nodes(ids: ${JSON.stringify([...ids, globalIdOf('User', MISSING_UUID)])}) { ${node ? this.small(node) : 'id'} } }` };
  }
}

/** The documents: argument-free ones only while the harvest is empty (the first stage). */
export function generateDocuments(schema: GraphQLSchema, harvest: Harvest): Document[] {
  return new Generator(schema, harvest).rootDocuments();
}

/** Records the IDs (by `__typename`) and the string values of every object of an answer, as seen by `actor`. */
export function harvestAnswer(schema: GraphQLSchema, harvest: Harvest, actor: string, value: unknown): void {
  if (Array.isArray(value)) return value.forEach((each) => harvestAnswer(schema, harvest, actor, each));
  if (!value || typeof value !== 'object') return;
  const object = value as Record<string, unknown>;
  const type = typeof object.__typename === 'string' ? schema.getType(object.__typename) : undefined;
  if (type && isObjectType(type)) {
    const fields = type.getFields();
    if (typeof object.id === 'string' && 'id' in fields) {
      const ids = harvest.ids.get(type.name) ?? new Map<string, Set<string>>();
      harvest.ids.set(type.name, ids);
      ids.set(object.id, (ids.get(object.id) ?? new Set()).add(actor));
    }
    for (const [key, each] of Object.entries(object)) {
      if (typeof each !== 'string' || !(key in fields) || key === 'id') continue;
      const values = harvest.values.get(`${type.name}.${key}`) ?? new Set<string>();
      harvest.values.set(`${type.name}.${key}`, values.add(each));
    }
  }
  Object.values(object).forEach((each) => harvestAnswer(schema, harvest, actor, each));
}
