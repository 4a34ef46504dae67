import { execute, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Context } from '../context.js';
import { readsRoot, recordedReads, sharedRead, uuidParameters } from './shared-reads.js';

/**
 * Executing one subscription event for many subscribers (issue 16's fan-out). Subscribers whose
 * event payload, document, variables, locale and rule shape are equal run the same execution but
 * for their viewer, and every rule reads the viewer only as a `::uuid` parameter of SQL
 * (src/policies/viewer.ts). So one of them (the representative) is executed, and every read
 * statement it issues is issued in the same turn for each of the others with its own id in the
 * viewer's places: the batcher of src/realtime/shared-reads.ts merges them into one statement, as
 * when each executed alone. A subscriber that got exactly the representative's rows from every
 * statement would have run the same execution to the same result, so it receives that result; the
 * others are grouped by what they got, and a group goes the same way with a representative of its
 * own (up to MAX_ROUNDS) or, when small, executes alone. The authorization of each event stays per
 * viewer (src/realtime/subscribe.ts); what is shared is only work whose inputs were shown equal.
 */

/** Representatives in turn before the rest run alone: each round adds one execution and one statement per read. */
const MAX_ROUNDS = 3;

/** Field errors that follow from the rows read (a rule's refusal), so equal rows give equal errors. */
const RULE_ERRORS = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

interface Member {
  ctx: Context;
  payload: unknown;
  resolve(result: ExecutionResult): void;
  reject(error: unknown): void;
}

interface Pending {
  args: ExecutionArgs;
  members: Member[];
}

/** A read of the representative's execution: a copy of its rows once they came (taken before any mapper ran). */
interface Read {
  rows?: unknown[][];
}

/** A subscriber following the representative: every read it issues, issued again with this subscriber's id. */
interface Follower {
  member: Member;
  viewerId: string;
  /** Reads whose rows equalled the representative's; each is compared when it arrives and not kept. */
  matched: number;
  /** Once one differed: its rows of each read as JSON, to group it with others that got the same. */
  diverged: string[] | null;
  arriving: Promise<unknown>[];
}

/** Equal rows as PostgreSQL's driver returns them (scalars, Dates, parsed JSON), compared without copying. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;
const objectId = (object: object): number => {
  let id = objectIds.get(object);
  if (id === undefined) objectIds.set(object, (id = nextObjectId++));
  return id;
};

/** What an execution's result may depend on besides its reads; null: not shared (no viewer, a payload that is an error). */
function sharingKey(args: ExecutionArgs, payload: unknown, ctx: Context): string | null {
  const viewer = ctx.viewer;
  if (!viewer || payload instanceof Error) return null;
  try {
    return [
      objectId(args.schema),
      objectId(readsRoot(ctx.db)),
      objectId(args.document),
      args.operationName ?? '',
      JSON.stringify(args.variableValues ?? null),
      JSON.stringify(payload),
      viewer.userType,
      viewer.scopes?.join(',') ?? '*',
      viewer.locale ?? '',
      ctx.request?.headers.get('accept-language') ?? '',
      ctx.credentialsError ?? '',
    ].join('\u0000');
  } catch {
    return null; // a payload JSON cannot write is not compared
  }
}

const rowsText = (rows: unknown): string => {
  try {
    return JSON.stringify(rows) ?? '';
  } catch {
    return `\u0000${Math.random()}`; // never equal to anything: the subscriber runs on its own
  }
};

/** Which values of a read are the viewer's id (each subscriber puts its own there); null when the id appears anywhere else. */
function viewerPlaces(text: string, params: unknown[], viewerId: string): boolean[] | null {
  const uuid = uuidParameters(text, params.length);
  const places = params.map((value, index) => (value === viewerId ? (uuid[index] ? true : null) : JSON.stringify(value)?.includes(viewerId) ? null : false));
  return places.includes(null) ? null : (places as boolean[]);
}

/** Event results made since the start: by an execution of their own, or given from a representative's (for tests and monitoring). */
export const eventExecutions = { executed: 0, shared: 0 };

const alone = (args: ExecutionArgs, members: Member[]): void => {
  eventExecutions.executed += members.length;
  for (const member of members) {
    void Promise.resolve()
      .then(() => execute({ ...args, rootValue: member.payload, contextValue: member.ctx }))
      .then(member.resolve, member.reject);
  }
};

/** Subscribers in a group that share again with a representative of their own; fewer run alone. */
const SHARE_AGAIN_FROM = 4;

async function share(args: ExecutionArgs, members: Member[], round: number): Promise<void> {
  const [representative, ...rest] = members as [Member, ...Member[]];
  const db = representative.ctx.db;
  const representativeId = representative.ctx.viewer!.userId;
  const reads: Read[] = [];
  let unrecorded = false;
  const followers: Follower[] = rest.map((member) => ({ member, viewerId: member.ctx.viewer!.userId, matched: 0, diverged: null, arriving: [] }));
  const diverge = (follower: Follower, r: number, rows: unknown) => {
    follower.diverged ??= [];
    follower.diverged[r] = rowsText(rows);
  };
  // Each read the representative issues is issued in the same turn for every follower, so the batcher merges them all into one statement.
  const onRead = (text: string, params: unknown[], rows: Promise<unknown[][]>) => {
    const r = reads.push({}) - 1;
    const read = reads[r]!;
    rows.then(
      (value) => (read.rows = structuredClone(value)),
      () => (unrecorded = true), // a failed read: what the execution made of it is nobody else's answer
    );
    const places = viewerPlaces(text, params, representativeId);
    if (!places) return void (unrecorded = true);
    for (const follower of followers) {
      if (follower.diverged) continue;
      const own = params.map((value, index) => (places[index] ? follower.viewerId : value));
      follower.arriving.push(
        sharedRead(db, text, own).then(
          // The representative asked first, so its rows of this statement came first.
          (value) => void (read.rows !== undefined && same(value, read.rows) ? follower.matched++ : diverge(follower, r, value)),
          () => diverge(follower, r, null),
        ),
      );
    }
  };
  const recording = recordedReads(db, onRead, () => (unrecorded = true));
  let result: ExecutionResult;
  eventExecutions.executed++;
  try {
    result = await execute({ ...args, rootValue: representative.payload, contextValue: { ...representative.ctx, db: recording } });
  } catch (error) {
    representative.reject(error);
    return alone(args, rest);
  }
  representative.resolve(result);
  await Promise.all(followers.flatMap((follower) => follower.arriving));
  // Only answers the rows decide are given to others: never a failed read's or an error that is not a rule's.
  const decided = !unrecorded && (result.errors ?? []).every((error) => RULE_ERRORS.has(error.extensions?.code as string));
  if (!decided) return alone(args, rest);
  const byRows = new Map<string, Member[]>();
  for (const follower of followers) {
    if (!follower.diverged && follower.matched === reads.length) {
      eventExecutions.shared++;
      follower.member.resolve({ ...result });
      continue;
    }
    const key = follower.diverged?.join('\u0000') ?? '';
    const group = byRows.get(key);
    if (group) group.push(follower.member);
    else byRows.set(key, [follower.member]);
  }
  for (const group of byRows.values()) {
    if (round + 1 < MAX_ROUNDS && group.length >= SHARE_AGAIN_FROM) void share(args, group, round + 1);
    else alone(args, group);
  }
}

let pending = new Map<string, Pending>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  const groups = pending;
  pending = new Map();
  for (const { args, members } of groups.values()) {
    if (members.length === 1) alone(args, members);
    else void share(args, members, 0);
  }
}

/**
 * The result of a subscription event for this subscriber: `execute` with the payload as root
 * value and the event's context, shared with the subscribers of the same turn where that is sound.
 */
export function executeEvent(args: ExecutionArgs, payload: unknown, ctx: Context): Promise<ExecutionResult> {
  const key = sharingKey(args, payload, ctx);
  if (key === null) {
    eventExecutions.executed++;
    return Promise.resolve(execute({ ...args, rootValue: payload, contextValue: ctx }));
  }
  return new Promise((resolve, reject) => {
    const group = pending.get(key);
    if (group) group.members.push({ ctx, payload, resolve, reject });
    else pending.set(key, { args, members: [{ ctx, payload, resolve, reject }] });
    if (!scheduled) {
      scheduled = true;
      // Once the microtasks have run out: every subscriber of this event has asked (their streams resume in that one run), and no I/O waited.
      process.nextTick(flush);
    }
  });
}
