import type { DatabaseHandle } from '../../src/db/client.js';

/** The tables whose size grows with use: reading one of them whole, or sorting it whole, is a defect. */
export const GUARDED_TABLES = ['messages', 'message_reactions', 'users'] as const;

/** One node of EXPLAIN (FORMAT JSON). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Parent Relationship'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** A plan as short indented lines (node, table, index, rows), for failure messages and reading. */
export function describePlan(node: PlanNode, depth = 0): string {
  const parts = [node['Node Type'], node['Relation Name'] && `on ${node['Relation Name']}`, node['Index Name'] && `using ${node['Index Name']}`];
  const line = `${'  '.repeat(depth)}${parts.filter(Boolean).join(' ')} (rows ${node['Actual Rows'] ?? '?'} x ${node['Actual Loops'] ?? '?'})`;
  return [line, ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1))].join('\n');
}

export interface Explained {
  plan: PlanNode;
  executionMs: number;
}

/** EXPLAIN (ANALYZE, FORMAT JSON) of one statement the gateway sent, with the very parameters it sent. */
export async function explain(handle: DatabaseHandle, text: string, params: unknown[]): Promise<Explained> {
  const statement = `explain (analyze, format json) ${text}`;
  const rows = handle.pool
    ? (await handle.pool.query<{ 'QUERY PLAN': unknown }>({ text: statement, values: params })).rows
    : (await handle.pglite!.query<{ 'QUERY PLAN': unknown }>(statement, params)).rows;
  const raw = rows[0]!['QUERY PLAN'];
  const [result] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode; 'Execution Time': number }];
  return { plan: result.Plan, executionMs: result['Execution Time'] };
}

const isScan = (node: PlanNode) => node['Relation Name'] !== undefined;
const guarded = (node: PlanNode) => (GUARDED_TABLES as readonly string[]).includes(node['Relation Name'] ?? '');

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

/**
 * The scans whose rows flow into `node`'s output as one set: not the inner side of a nested loop
 * (a lookup per outer row) nor a subplan (evaluated per row), which a sort above does not take whole.
 */
function feedingScans(node: PlanNode): PlanNode[] {
  if (isScan(node)) return [node];
  return (node.Plans ?? [])
    .filter((child) => !['SubPlan', 'InitPlan'].includes(child['Parent Relationship'] ?? ''))
    .filter((child) => !(node['Node Type'] === 'Nested Loop' && child['Parent Relationship'] === 'Inner'))
    .flatMap(feedingScans);
}

/** A bitmap scan narrowed by a trigram index: the rows of a text search, not a table or channel read whole. */
const narrowedBySearch = (scan: PlanNode) =>
  scan['Node Type'] === 'Bitmap Heap Scan' && [...walk(scan)].some((node) => /_trgm_idx$/.test(node['Index Name'] ?? ''));

/** Share of a table a sort may take: a small channel's messages, an author's, a message's reactions. */
export const SMALL_SHARE = 0.01;

/** Rows of each guarded table as the planner knows them (after ANALYZE). */
export async function guardedTableRows(handle: DatabaseHandle): Promise<Map<string, number>> {
  const text = `select c.relname as name, c.reltuples::float8 as rows from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where (n.nspname, c.relname) in (('chat', 'messages'), ('chat', 'message_reactions'), ('auth', 'users'))`;
  const rows = handle.pool
    ? (await handle.pool.query<{ name: string; rows: number }>(text)).rows
    : (await handle.pglite!.query<{ name: string; rows: number }>(text)).rows;
  return new Map(rows.map((row) => [row.name, Number(row.rows)]));
}

/**
 * What is wrong with a plan: a sequential scan of a guarded table, or a sort that takes a large
 * part of one (e.g. all 30,000 messages of the busiest channel, then the newest 20) instead of
 * reading an index in the order asked. Allowed: sorting the rows a trigram search found, sorting
 * at most SMALL_SHARE of the table (the planner rightly sorts a small channel's 60 messages rather
 * than walk an index), and Incremental Sort, which only finishes an order an index started.
 */
export function planProblems(plan: PlanNode, tableRows: Map<string, number>): string[] {
  const problems: string[] = [];
  for (const node of walk(plan)) {
    if (node['Node Type'] === 'Seq Scan' && guarded(node)) problems.push(`Seq Scan on ${node['Relation Name']}`);
    if (node['Node Type'] !== 'Sort') continue;
    for (const scan of feedingScans(node)) {
      if (!guarded(scan) || narrowedBySearch(scan)) continue;
      const sorted = (scan['Actual Rows'] ?? 0) * Number(scan['Actual Loops'] ?? 1);
      if (sorted <= SMALL_SHARE * (tableRows.get(scan['Relation Name']!) ?? 0)) continue;
      const using = scan['Index Name'] ? ` using ${scan['Index Name']}` : '';
      problems.push(`Sort (${String(node['Sort Key'] ?? '?')}) of ${sorted} rows from ${scan['Node Type']} on ${scan['Relation Name']}${using}`);
    }
  }
  return problems;
}

/** The guarded tables a statement names, by their quoted or bare schema-qualified names. */
export const touchesGuardedTable = (text: string) => /(chat"?\."?(messages|message_reactions)|auth"?\."?users)\b/.test(text);
