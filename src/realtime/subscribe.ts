import DataLoader from 'dataloader';
import { eq, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate.js';
import { requireViewer, unauthenticated } from '../auth/guards.js';
import type { Context, Viewer } from '../context.js';
import type { Database } from '../db/client.js';
import { allowedAmong, type Rule, type RuledTable } from '../policies/rule.js';
import { badInput, clientError } from '../errors.js';
import { EventsExpiredError, ForbiddenError, NotFoundError } from '../schema/core/errors.js';
import type { RealtimeEvent } from './events.js';
import { EndAfter, judgedTogether, perEvent, type RealtimeHub } from './hub.js';
import { compareLog, findPosition, pointOf, readTopic, type LogPoint } from './log.js';
import { readsRoot, sharedReads } from './shared-reads.js';

/**
 * Authorization of subscriptions, shared by every subscription field (src/schema/realtime/subscriptions.ts):
 * refused up front like a mutation; then, for every event, the subscriber's credentials and read
 * rules are judged again when it arrives — batched over all the subscribers receiving that event.
 */

/** Whether `rule` allows the viewer the row `id`: one statement, no cache. */
export async function ruleAllows(db: Database, viewer: Viewer, rule: Rule, id: string): Promise<boolean> {
  return (await allowedAmong(db, viewer, rule, [id])).has(id);
}

/**
 * The rule as SQL for a whole list of viewers at once: every rule reads the viewer's id only as
 * `${viewer.userId}::uuid` in SQL, so a stand-in whose id is the column `vv.id` judges each row of
 * the list `vv`. What else shapes a rule (user type, a bot's scopes) is the same within a group.
 * test/realtime/batched-checks.test.ts holds this to the one-viewer answer for every demo viewer.
 */
const viewerOfList = (like: Viewer): Viewer => ({ ...like, userId: sql`vv.id` as unknown as string });

// Viewers whose rules differ only by user id: people, or bots with the same scopes.
const ruleShape = (viewer: Viewer) => `${viewer.userType}|${viewer.scopes?.join(',') ?? '*'}`;

/** Which of these viewers `rule` allows the row `id`: one statement (one plan) per group of viewers alike. */
export async function allowedViewers(db: Database, viewers: readonly Viewer[], rule: Rule, id: string): Promise<boolean[]> {
  const table = rule.table as RuledTable;
  const allowed = new Set<string>();
  const groups = new Map<string, Viewer[]>();
  for (const viewer of viewers) {
    const group = groups.get(ruleShape(viewer));
    if (group) group.push(viewer);
    else groups.set(ruleShape(viewer), [viewer]);
  }
  for (const group of groups.values()) {
    const ids = `{${[...new Set(group.map((viewer) => viewer.userId))].join(',')}}`; // uuids: a safe array literal
    const rows = await db
      .select({ userId: sql<string>`vv.id` })
      .from(sql`unnest(${ids}::uuid[]) as vv(id)`)
      .where(sql`exists (select 1 from ${table} where ${eq(table.id, id)} and ${rule.where(viewerOfList(group[0]!), table)})`);
    for (const row of rows) allowed.add(`${ruleShape(group[0]!)}|${row.userId}`);
  }
  return viewers.map((viewer) => allowed.has(`${ruleShape(viewer)}|${viewer.userId}`));
}

// One viewer's key: their id and, for a bot, its scopes (people are not limited by scopes).
const viewerKey = (viewer: Viewer) => `${viewer.userId}|${viewer.scopes?.join(',') ?? '*'}`;

/**
 * Whether `rule` still allows this subscriber the row `id` when `event` arrives. Every subscription
 * receiving the event asks at once: the questions are batched (one statement for all the people),
 * and subscribers with the same viewer share one answer.
 */
export function allowsForEvent<Table extends RuledTable>(ctx: Context, viewer: Viewer, event: RealtimeEvent, rule: Rule<Table>, id: string) {
  const loader = perEvent(event, `${rule.name}|${id}`, () => {
    const judge = (viewers: readonly Viewer[]) => allowedViewers(ctx.db, viewers, rule as unknown as Rule, id);
    return new DataLoader<Viewer, boolean, string>(judge, { cacheKeyFn: viewerKey, maxBatchSize: 5_000 });
  });
  return loader.load(viewer);
}

export interface StartCheck<Table extends RuledTable> {
  /** Without it the row "does not exist" for the viewer: NOT_FOUND. */
  readRule: Rule<Table>;
  /** What subscribing needs beyond seeing the row: FORBIDDEN without it. */
  rule: Rule<Table>;
  id: string;
  what: string;
}

/** Refuses a subscription up front, the way mutations refuse (existence of a hidden row does not leak). */
async function authorizeStart<Table extends RuledTable>(ctx: Context, viewer: Viewer, check: StartCheck<Table>): Promise<void> {
  if (!(await ruleAllows(ctx.db, viewer, check.readRule as unknown as Rule, check.id))) throw new NotFoundError(`${check.what} not found.`);
  if (!(await ruleAllows(ctx.db, viewer, check.rule as unknown as Rule, check.id))) throw new ForbiddenError();
}

export function hubOf(ctx: Context): RealtimeHub {
  if (!ctx.realtime) throw new Error('This server was built without realtime: subscriptions are unavailable.');
  return ctx.realtime;
}

/**
 * The subscriber's credentials as they stand when `event` arrives (one lookup per token per event,
 * merged with the other subscribers' into one statement; none while the credential cache holds it): the viewer to judge the event for (a bot's scopes may
 * have changed), or the refusal to end the subscription with (signed out, expired, another user).
 */
async function currentViewer(ctx: Context, subscriber: Viewer, event: RealtimeEvent): Promise<Viewer | GraphQLError> {
  const request = ctx.request;
  if (!request) return subscriber;
  const key = `credentials|${request.headers.get('authorization') ?? ''}`;
  // Keyed by the root database (its credential cache), looked up through the merged reads: `merging` in authenticate().
  const now = await perEvent(event, key, () => authenticate(readsRoot(ctx.db), request, sharedReads(ctx.db)));
  return now.viewer?.userId === subscriber.userId ? now.viewer : unauthenticated(now.credentialsError ?? 'revoked');
}

/** What a subscription field yields: the event's payload, or the refusal that ends the subscription. */
export type Delivery<Payload> = Payload | GraphQLError;

/** The root field's resolver: a refusal is raised as the event's error (its last one). */
export const deliver = <Payload>(delivery: Delivery<Payload>): Payload => {
  if (delivery instanceof GraphQLError) throw delivery;
  return delivery;
};

/** The last event of a stream that fell too far behind (the hub's buffer limit): events after it were not sent. */
const subscriberTooSlow = () =>
  clientError('This subscription fell too far behind and was ended; subscribe again with `after` set to the last event received.', 'SUBSCRIBER_TOO_SLOW');

const CURSOR = /^[1-9]\d{0,17}$/;

/**
 * Where a subscription resumes: its `after` argument, else the `Last-Event-ID` an SSE client
 * (EventSource, graphql-sse distinct connections) sends when it reconnects; null: from now on.
 */
async function resumePoint(ctx: Context, after: string | null | undefined): Promise<LogPoint | null> {
  const cursor = after ?? ctx.request?.headers.get('last-event-id') ?? null;
  if (cursor === null || cursor === '') return null;
  if (!CURSOR.test(cursor)) throw badInput(`Invalid event cursor: ${cursor.slice(0, 40)}`);
  const point = await findPosition(ctx.db, cursor);
  if (!point) throw new EventsExpiredError();
  return point;
}

/** `first`, then the live stream; `return()` releases the live subscription at once. */
function replayThenLive<T>(first: T[], live: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let next = 0;
  return {
    next: () => (next < first.length ? Promise.resolve({ value: first[next++]!, done: false }) : live.next()),
    return: () => {
      next = first.length;
      return live.return!();
    },
    throw: (error: unknown) => live.throw!(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Subscribes the viewer to a topic after the start check; `prepare` turns each event into a payload
 * or skips it. `resume` (logged topics only): the subscription first replays what the viewer may
 * see of the events after that cursor, judged like live ones, then goes live without gap or
 * duplicate: it joins the hub first, replays up to where the log has been published at that
 * instant, and skips live events at or before its cursor (another instance may be ahead of this one).
 */
export async function subscribeTo<Table extends RuledTable, Payload>(
  ctx: Context,
  start: StartCheck<Table> | null,
  topic: string,
  prepare: (viewer: Viewer, event: RealtimeEvent) => Promise<Payload | null>,
  resume?: { after: string | null | undefined },
): Promise<AsyncIterable<Delivery<Payload>>> {
  const subscriber = requireViewer(ctx);
  const hub = hubOf(ctx);
  if (start) await authorizeStart(ctx, subscriber, start);
  const from = resume ? await resumePoint(ctx, resume.after) : null;
  const judge = async (event: RealtimeEvent) => {
    const viewer = await currentViewer(ctx, subscriber, event);
    return viewer instanceof GraphQLError ? new EndAfter<Delivery<Payload>>(viewer) : prepare(viewer, event);
  };
  if (!from) return hub.subscribe<Delivery<Payload>>(topic, judge, { tooSlow: subscriberTooSlow });
  const live = hub.subscribe<Delivery<Payload>>(topic, (event) => {
    const point = pointOf(event);
    return point && compareLog(point, from) <= 0 ? Promise.resolve(null) : judge(event);
  }, { tooSlow: subscriberTooSlow });
  // Read in the same tick as joining: every event after `upTo` reaches the live subscription.
  const upTo = hub.follower?.point ?? null;
  try {
    const limit = hub.replayLimit;
    const missed = upTo && compareLog(from, upTo) < 0 ? await readTopic(ctx.db, topic, from, upTo, limit + 1) : [];
    if (missed.length > limit) throw new EventsExpiredError(`More than ${limit} events were missed: refetch, then subscribe without a cursor.`);
    judgedTogether(missed);
    const replayed: Delivery<Payload>[] = [];
    for (const event of missed) {
      const value = await judge(event);
      if (value instanceof EndAfter) {
        // Signed out meanwhile: the refusal is the last thing the stream says.
        await live.return!();
        return replayThenLive([...replayed, value.value], live);
      }
      if (value !== null) replayed.push(value);
    }
    return replayThenLive(replayed, live);
  } catch (error) {
    await live.return!();
    throw error;
  }
}
