import { and, eq, isNull, sql, type InferSelectModel } from 'drizzle-orm';
import type { Context, Viewer } from '../../context.js';
import type { Database } from '../../db/client.js';
import { auditLogs } from '../../db/schema/index.js';
import { clearRuleCache, type Rule, type RuledTable } from '../../policies/rule.js';
import { requireViewer } from '../../auth/guards.js';
import { postgresError } from '../../errors.js';
import { ClientError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.js';

/**
 * What every mutation shares: one transaction, database refusals turned into typed errors, row
 * checks by the same policy rules the reads use, and an audit row in the same transaction.
 */

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** A database refusal as the typed error a client can act on; anything else is left to masking. */
function asClientError(error: unknown): unknown {
  if (error instanceof ClientError) return error;
  switch (postgresError(error)?.code) {
    case '23505': // unique_violation: e.g. two writers raced past the existence check
      return new ConflictError('That already exists.');
    case '23503': // foreign_key_violation: a referenced row vanished
      return new NotFoundError('A row this change refers to does not exist.');
    case '23514': // check_violation (also raised by triggers, e.g. a localized text lacking the default locale)
    case '23502': // not_null_violation
    case '22001': // string too long
    case '22P02': // invalid text representation
    case '22P05': // untranslatable character (NUL in jsonb)
      return new ValidationError([{ path: [], message: 'A value was refused by the database.' }]);
    default:
      return error;
  }
}

/** Runs `work` in one transaction for a signed-in viewer; nothing of a failed mutation stays. */
export async function mutate<T>(ctx: Context, work: (tx: Transaction, viewer: Viewer) => Promise<T>): Promise<T> {
  const viewer = requireViewer(ctx);
  // The locale catalog (read by localized inputs) is loaded outside the transaction: on PGlite, with
  // its one connection, a load inside it (after a locale change emptied the cache) would wait forever.
  await ctx.locale.catalog();
  try {
    return await ctx.db.transaction((tx) => work(tx, viewer));
  } catch (error) {
    throw asClientError(error);
  } finally {
    // Rules answered before the change may answer differently now (e.g. for the payload).
    clearRuleCache(ctx);
  }
}

/**
 * Tells the database triggers who acts in this transaction (`gateway.actor_id`, transaction-local):
 * the notification of a role change skips the member who changed their own role.
 */
export async function setTransactionActor(tx: Transaction, viewer: Viewer): Promise<void> {
  await tx.execute(sql`select set_config('gateway.actor_id', ${viewer.userId}, true)`);
}

interface AuthorizeOptions<Table extends RuledTable> {
  /** The rule the action needs, e.g. canUpdateOrganization. */
  rule: Rule<Table>;
  /** The rule that lets the viewer see the row at all; without it the row "does not exist". */
  readRule: Rule<Table>;
  id: string;
  /** Names the row in messages, e.g. "Organization". */
  what: string;
  /**
   * `update` (default) for the row the mutation changes; `share` for a row it only builds on
   * (the channel a message is posted to), so concurrent writers do not queue behind each other.
   */
  lock?: 'update' | 'share';
}

/**
 * Loads the row and locks it for the rest of the transaction, judging it by the policy rules in
 * the same statement: NOT_FOUND when the viewer may not see it (existence does not leak),
 * FORBIDDEN when they see it but the action is not theirs.
 */
export async function authorizeRow<Table extends RuledTable>(
  tx: Transaction,
  viewer: Viewer,
  { rule, readRule, id, what, lock = 'update' }: AuthorizeOptions<Table>,
): Promise<InferSelectModel<Table>> {
  const table = rule.table;
  const live = 'deletedAt' in table ? isNull((table as unknown as { deletedAt: Parameters<typeof isNull>[0] }).deletedAt) : undefined;
  const [found] = await tx
    .select({
      row: table as RuledTable,
      visible: sql<boolean>`${readRule.where(viewer, table)}`,
      allowed: sql<boolean>`${rule.where(viewer, table)}`,
    })
    .from(table as RuledTable)
    .where(and(eq(table.id, id), live))
    .for(lock);
  if (!found || !found.visible) throw new NotFoundError(`${what} not found.`);
  if (!found.allowed) throw new ForbiddenError();
  return found.row as InferSelectModel<Table>;
}

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string | null;
  organizationId?: string | null;
  oldValues?: Record<string, unknown> | null;
  newValues?: Record<string, unknown> | null;
}

/** Appends the audit row of an admin or destructive action, in the action's own transaction. */
export async function writeAudit(tx: Transaction, ctx: Context, viewer: Viewer, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLogs).values({
    actorId: viewer.userId,
    organizationId: entry.organizationId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    oldValues: entry.oldValues ?? null,
    newValues: entry.newValues ?? null,
    ip: ctx.clientIp,
  });
}
