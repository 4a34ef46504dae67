import { sql } from 'drizzle-orm';
import { bigint, customType, index, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../columns.js';
import { platformSchema } from './schema.js';

/** A 64-bit transaction id (PostgreSQL's xid8, never wraps), read and written as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The realtime event log (drizzle/*_event_log): one row per event, appended by the triggers in the
 * writer's transaction. Readers go in (xid, position) order and only below the oldest running
 * transaction (src/realtime/log.ts), so no row can still appear before one already read.
 */
export const eventLog = platformSchema.table(
  'event_log',
  {
    /** Monotonic, given at insert; the client's cursor. Commits happen out of this order. */
    position: bigint('position', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The writer's transaction, assigned before the position (platform.realtime_publish). */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    createdAt: createdAt(),
    topic: text('topic').notNull(),
    kind: text('kind').notNull(),
    /** The row changed (a message, channel, member, notification). */
    subjectId: uuid('subject_id').notNull(),
    /** What else the event names: `userId` (who reacted, whose membership), `emoji`. */
    extra: jsonb('extra').$type<{ userId?: string; emoji?: string }>(),
  },
  (t) => [
    // The processes' catch-up read and the retention by size walk this order.
    index('event_log_xid_position_idx').on(t.xid, t.position),
    // A subscription resuming from a cursor reads its topic only.
    index('event_log_topic_idx').on(t.topic, t.xid, t.position),
    // Retention by age; a BRIN index costs nearly nothing on an append-only table.
    index('event_log_created_idx').using('brin', t.createdAt),
  ],
);
