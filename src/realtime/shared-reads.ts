import { NoopLogger, type Query } from 'drizzle-orm';
import { PgAsyncPreparedQuery, type PgAsyncRelationalQuery, type PgAsyncSession, type PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { Database } from '../db/client.js';
import { rootDatabase } from '../db/counting.js';

/**
 * Fan-out of subscription events (issue 16): each subscriber's event is still executed on its own
 * (its viewer, its rules, its locale), but the read statements those executions issue in the same
 * turn of the event loop are merged. Statements of one text whose values differ only in cast
 * parameters (`$n::uuid`: how every rule reads the viewer's id, src/policies/viewer.ts) run as ONE
 * statement, the original evaluated once per distinct set of those values in a lateral join, and
 * each caller gets the rows it would have got alone. So an event costs one statement per distinct
 * selection (and rule shape: scopes and user type change the text or its other values), however
 * many subscribers receive it. A subscriber never sees another's rows: its rows come from its own
 * parameters.
 */

/** Types a varying parameter may have: scalars whose JSON text PostgreSQL reads back as that type. */
const BATCHABLE_CAST = /^::(uuid|text|integer|int4|bigint|int8|boolean|bool)(?![\w[])/i;

/** Where each `$n` of a statement text is, and the one cast every occurrence has (null: not batchable). */
interface StatementShape {
  /** The text cut around its placeholders: text[0] $p[0] text[1] $p[1] ... text[n]. */
  pieces: string[];
  placeholders: number[];
  /** Per parameter (0-based): its batchable cast type, or null. */
  casts: (string | null)[];
}

function shapeOf(text: string, paramCount: number): StatementShape {
  const pieces: string[] = [];
  const placeholders: number[] = [];
  const seen: (string | null | undefined)[] = Array.from({ length: paramCount }, () => undefined);
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      continue;
    }
    if (char !== '$') continue;
    const digits = /^\d+/.exec(text.slice(i + 1, i + 8));
    if (!digits) continue;
    const index = Number(digits[0]) - 1;
    const end = i + 1 + digits[0].length;
    const cast = BATCHABLE_CAST.exec(text.slice(end, end + 12))?.[1]?.toLowerCase() ?? null;
    seen[index] = seen[index] === undefined || seen[index] === cast ? cast : null;
    pieces.push(text.slice(start, i));
    placeholders.push(index);
    start = end;
    i = end - 1;
  }
  pieces.push(text.slice(start));
  return { pieces, placeholders, casts: seen.map((cast) => cast ?? null) };
}

const shapes = new Map<string, StatementShape>();
/** Distinct statement texts remembered; beyond this the map starts over (the GraphQL layer issues few). */
const MAX_SHAPES = 1_000;

function cachedShape(text: string, paramCount: number): StatementShape {
  let shape = shapes.get(text);
  if (!shape || shape.casts.length !== paramCount) {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(text, (shape = shapeOf(text, paramCount)));
  }
  return shape;
}

type Scalar = string | number | boolean | null;
const isScalar = (value: unknown): value is Scalar => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isKeyable = (value: unknown): boolean => isScalar(value) || (Array.isArray(value) && value.every(isScalar));

interface Caller {
  params: unknown[];
  resolve(rows: unknown[][]): void;
  reject(error: unknown): void;
}

/** Statements of one text with equal fixed values, waiting for the flush. */
interface Group {
  text: string;
  shape: StatementShape;
  /** Per distinct set of varying values (JSON of them): the callers asking with it. */
  members: Map<string, Caller[]>;
}

type RunArrays = (query: Query) => Promise<unknown[][]>;

/** The merged statement of a group: `$n` of a varying parameter reads the batch row's column instead. */
function mergedQuery(group: Group, varying: number[]): { query: Query; memberKeys: string[] } {
  const { shape } = group;
  const memberKeys = [...group.members.keys()];
  const valuesOf = memberKeys.map((key) => group.members.get(key)![0]!.params);
  // Parameters with the same value in every member (the viewer's id, read by many rules) share one column.
  const columnOf = new Map<number, number>();
  const bySignature = new Map<string, number>();
  for (const index of varying) {
    const signature = `${shape.casts[index]}|${JSON.stringify(valuesOf.map((values) => values[index]))}`;
    if (!bySignature.has(signature)) bySignature.set(signature, index);
    columnOf.set(index, bySignature.get(signature)!);
  }
  const columns = [...bySignature.values()];
  const renumbered = new Map<number, number>();
  const params: unknown[] = [];
  let text = shape.pieces[0]!;
  shape.placeholders.forEach((index, i) => {
    const column = columnOf.get(index);
    if (column !== undefined) text += `gw_batch.p${column + 1}`;
    else {
      if (!renumbered.has(index)) renumbered.set(index, params.push(valuesOf[0]![index]));
      text += `$${renumbered.get(index)}`;
    }
    text += shape.pieces[i + 1];
  });
  const rows = valuesOf.map((values, m) => Object.fromEntries([['m', m], ...columns.map((index) => [`p${index + 1}`, values[index]])]));
  params.push(JSON.stringify(rows));
  const definitions = ['m integer', ...columns.map((index) => `p${index + 1} ${shape.casts[index]}`)].join(', ');
  // A lateral subquery with its own ORDER BY/LIMIT is rescanned per batch row, its rows in its own order.
  const sql = `select gw_batch.m, gw_q.* from json_to_recordset($${params.length}::json) as gw_batch(${definitions}) cross join lateral (${text}) as gw_q`;
  return { query: { sql, params }, memberKeys };
}

/** Each caller its own rows (mappers may change nested values in place). */
function answer(callers: Caller[], rows: unknown[][]): void {
  callers.forEach((caller, i) => caller.resolve(i === 0 ? rows : structuredClone(rows)));
}

async function runGroup(group: Group, run: RunArrays): Promise<void> {
  const callersOf = [...group.members.values()];
  const first = callersOf[0]![0]!.params;
  const varying = group.shape.casts.flatMap((cast, index) =>
    cast !== null && callersOf.some((callers) => callers[0]!.params[index] !== first[index]) ? [index] : [],
  );
  try {
    if (varying.length === 0) {
      answer(callersOf.flat(), await run({ sql: group.text, params: first }));
      return;
    }
    const { query, memberKeys } = mergedQuery(group, varying);
    const byMember = memberKeys.map((): unknown[][] => []);
    for (const row of await run(query)) byMember[row[0] as number]!.push(row.slice(1));
    memberKeys.forEach((key, m) => answer(group.members.get(key)!, byMember[m]!));
  } catch (error) {
    for (const callers of callersOf) for (const caller of callers) caller.reject(error);
  }
}

/** Collects statements until the event loop's next check phase, then runs each group as one. */
class ReadBatcher {
  /** By text, then by the JSON of the fixed values (a long text is not copied into a new key per caller). */
  private groups = new Map<string, Map<string, Group>>();
  private scheduled = false;

  constructor(private readonly run: RunArrays) {}

  load(text: string, params: unknown[]): Promise<unknown[][]> {
    const shape = cachedShape(text, params.length);
    const fixed = params.map((value, index) => (shape.casts[index] === null ? value : undefined));
    const varying = params.filter((_value, index) => shape.casts[index] !== null);
    // Values that cannot be compared as JSON: the statement runs alone, as it was.
    if (!fixed.every((value) => value === undefined || isKeyable(value)) || !varying.every(isScalar)) return this.run({ sql: text, params });
    let byFixed = this.groups.get(text);
    if (!byFixed) this.groups.set(text, (byFixed = new Map()));
    const key = JSON.stringify(fixed);
    let group = byFixed.get(key);
    if (!group) byFixed.set(key, (group = { text, shape, members: new Map() }));
    const memberKey = JSON.stringify(varying);
    return new Promise((resolve, reject) => {
      const callers = group.members.get(memberKey);
      if (callers) callers.push({ params, resolve, reject });
      else group.members.set(memberKey, [{ params, resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After every subscriber's execution of this event has issued its statements (they all start in one microtask run).
    setImmediate(() => {
      this.scheduled = false;
      const groups = this.groups;
      this.groups = new Map();
      for (const byFixed of groups.values()) for (const group of byFixed.values()) void runGroup(group, this.run);
    });
  }
}

const noLogging = new NoopLogger();

/** Runs one read statement (its rows as arrays). */
type Load = (text: string, params: unknown[]) => Promise<unknown[][]>;

/** A prepared read of the batching session: its text, values and row mapper, to run again with other values. */
class SharedPrepared extends PgAsyncPreparedQuery<PreparedQueryConfig> {
  constructor(
    readonly text: string,
    readonly statement: Query,
    readonly rowsMapper: ((rows: unknown[]) => unknown) | undefined,
    private readonly load: Load,
  ) {
    super((params) => load(text, params ?? []), statement, rowsMapper, 'arrays', noLogging, undefined, undefined, undefined);
  }

  withParams(params: unknown[]): SharedPrepared {
    return new SharedPrepared(this.text, { ...this.statement, params }, this.rowsMapper, this.load);
  }
}

/**
 * A database like `db` whose read statements (drizzle's array-mode queries: relational queries and
 * selects) are merged across callers by a ReadBatcher; anything else runs as on `db`. The merged
 * statements are logged (and counted) once each by `db`'s own logger.
 */
function sharingReads(db: Database, load: Load, onOtherStatement?: () => void): Database {
  const session = db._.session as unknown as PgAsyncSession & Record<string, unknown>;
  const batching = Object.create(session, {
    prepareQuery: {
      value(query: Query & { _sql?: string[] }, mode: 'arrays' | 'objects' | 'raw', name: string | boolean, mapper?: (rows: unknown[]) => unknown, ...rest: unknown[]) {
        if (mode !== 'arrays') {
          onOtherStatement?.();
          return session.prepareQuery(query, mode, name, mapper, ...(rest as []));
        }
        return new SharedPrepared(query._sql ? query._sql.join(' ') : query.sql, query, mapper, load);
      },
    },
    // A transaction's statements go through a session of its own, which this one would not see.
    transaction: {
      value(...args: unknown[]) {
        onOtherStatement?.();
        return (session.transaction as (...a: unknown[]) => unknown).apply(session, args);
      },
    },
  }) as PgAsyncSession;
  // The same database object with the batching session in place: drizzle's builders read `session`, `_` and `query`.
  const shared = Object.create(db) as Database & { session: PgAsyncSession; query: Record<string, object> };
  const builders = db.query as unknown as Record<string, object>;
  Object.assign(shared, {
    session: batching,
    _: { ...db._, session: batching },
    query: Object.fromEntries(Object.entries(builders).map(([name, builder]) => [name, Object.assign(Object.create(Object.getPrototypeOf(builder)), builder, { session: batching })])),
  });
  return shared;
}

const perDatabase = new WeakMap<Database, { shared: Database; load: Load }>();

/** A database made here, and the database it reads through (which rootDatabase cannot see from it). */
const madeFrom = new WeakMap<Database, Database>();

function sharingOf(db: Database): { shared: Database; load: Load } {
  const root = madeFrom.get(db) ?? rootDatabase(db);
  let sharing = perDatabase.get(root);
  if (!sharing) {
    const session = root._.session as unknown as PgAsyncSession;
    const batcher = new ReadBatcher((query) => session.prepareQuery(query, 'arrays', false).execute() as Promise<unknown[][]>);
    const load: Load = (text, params) => batcher.load(text, params);
    perDatabase.set(root, (sharing = { shared: sharingReads(root, load), load }));
    madeFrom.set(sharing.shared, root);
  }
  return sharing;
}

/** The database `db` reads through: a database made here (sharedReads, recordedReads) or a counting view shows its root. */
export function readsRoot(db: Database): Database {
  return madeFrom.get(db) ?? rootDatabase(db);
}

/**
 * The database subscription events are resolved with: `db`'s reads, merged across subscribers. One
 * per shared database: a request's counting view (src/db/counting.ts) would keep each subscriber apart.
 */
export function sharedReads(db: Database): Database {
  return sharingOf(db).shared;
}

/** One read statement (rows as arrays), merged with the others of this turn like every read of sharedReads(db). */
export function sharedRead(db: Database, text: string, params: unknown[]): Promise<unknown[][]> {
  return sharingOf(db).load(text, params);
}

/**
 * sharedReads(db) that shows `onRead` each read statement as it is issued, with its rows to come,
 * and tells `onOtherStatement` when it runs anything else (a write, a raw statement, a
 * transaction): src/realtime/shared-execution.ts learns from it what one execution reads.
 */
export function recordedReads(db: Database, onRead: (text: string, params: unknown[], rows: Promise<unknown[][]>) => void, onOtherStatement: () => void): Database {
  const { load } = sharingOf(db);
  const recording: Load = (text, params) => {
    const rows = load(text, params);
    onRead(text, params, rows);
    return rows;
  };
  const root = madeFrom.get(db) ?? rootDatabase(db);
  const recorded = sharingReads(root, recording, onOtherStatement);
  madeFrom.set(recorded, root);
  return recorded;
}

/** The viewer-id parameters of a statement: `::uuid` casts, where each reader's own id may stand. */
export function uuidParameters(text: string, paramCount: number): boolean[] {
  return cachedShape(text, paramCount).casts.map((cast) => cast === 'uuid');
}

/** A statement built for one subscriber of an event, and whether others may run it with their own id. */
interface BuiltLoad {
  prepared: SharedPrepared | null;
  viewerId: string;
}

const builtLoads = new Map<string, BuiltLoad>();
let clearing = false;
// Small numbers for objects a key names by identity: the parsed field (one per cached document) and the database.
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function objectId(object: object): number {
  let id = objectIds.get(object);
  if (id === undefined) objectIds.set(object, (id = nextObjectId++));
  return id;
}

/**
 * The rows of one field of an event's payload (e.g. ChannelEvent.message) for this subscriber. The
 * first subscriber of the event with this field, selection (the parsed document is shared),
 * variables, locale and rule shape has drizzle write the statement; the others of that turn run the
 * same text with their own id in the viewer's places, skipping the SQL building that cost each
 * subscriber more than the rest of its execution. `config` (the plugin's `query(...)`) is still
 * made by every subscriber: it records how the row's nested fields read it. Sound because reads use
 * the viewer's id only as a `::uuid` parameter (src/policies/viewer.ts; allowedViewers relies on
 * the same): a statement where the id also appears otherwise is not shared.
 */
export function loadForEvent<Config, T>(ctx: Context, info: GraphQLResolveInfo, parent: unknown, config: Config, find: (config: Config) => PgAsyncRelationalQuery<T>): Promise<T> {
  const viewer = ctx.viewer;
  if (!viewer) return find(config).execute();
  const shape = `${viewer.userType}|${viewer.scopes?.join(',') ?? '*'}|${viewer.locale ?? ''}|${ctx.locale.accepted.join(',')}`;
  const key = `${objectId(ctx.db)}|${info.parentType.name}.${info.fieldName}|${objectId(info.fieldNodes[0]!)}|${JSON.stringify(info.variableValues)}|${shape}|${JSON.stringify(parent)}`;
  const built = builtLoads.get(key);
  if (built?.prepared) {
    const { prepared, viewerId } = built;
    const casts = cachedShape(prepared.text, prepared.statement.params.length).casts;
    const params = prepared.statement.params.map((value, index) => (value === viewerId && casts[index] === 'uuid' ? viewer.userId : value));
    return prepared.withParams(params).execute() as Promise<T>;
  }
  const prepared = find(config).prepare();
  if (!(prepared instanceof SharedPrepared)) return prepared.execute();
  if (!built) {
    const casts = cachedShape(prepared.text, prepared.statement.params.length).casts;
    const onlyCast = prepared.statement.params.every((value, index) => value !== viewer.userId || casts[index] === 'uuid');
    builtLoads.set(key, { prepared: onlyCast ? prepared : null, viewerId: viewer.userId });
    if (!clearing) {
      clearing = true;
      // Kept for the turn in which the event's subscribers execute; the next event builds afresh.
      setImmediate(() => {
        clearing = false;
        builtLoads.clear();
      });
    }
  }
  return prepared.execute() as Promise<T>;
}
