/** What the loader needs of a connection: node-postgres's pool or a PGlite instance both fit. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Rows of one table kept column by column, the way `unnest($1::type[], ...)` takes them. */
export class ColumnTable {
  readonly columns: { name: string; type: string; values: unknown[] }[];

  constructor(
    readonly name: string,
    columns: Record<string, string>,
  ) {
    this.columns = Object.entries(columns).map(([column, type]) => ({ name: column, type, values: [] }));
  }

  get size(): number {
    return this.columns[0]?.values.length ?? 0;
  }

  /** One row, values in the column order given to the constructor. */
  add(...values: unknown[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.name}: ${values.length} values for ${this.columns.length} columns`);
    values.forEach((value, i) => this.columns[i]!.values.push(value));
  }
}

/** Rows per INSERT: large enough to amortize the round trip, small enough for pg's parameter encoding. */
const BATCH_ROWS = 10_000;

/** Inserts every row with batched `insert ... select * from unnest(...)` statements; answers the row count. */
export async function insertTable(pool: Queryable, table: ColumnTable): Promise<number> {
  const names = table.columns.map((column) => `"${column.name}"`).join(', ');
  // Sent as text arrays and cast in SQL: PGlite cannot serialize an array of an enum type itself.
  const arrays = table.columns.map((column, i) => `$${i + 1}::text[]::${column.type}[]`).join(', ');
  const text = `insert into ${table.name} (${names}) select * from unnest(${arrays})`;
  for (let start = 0; start < table.size; start += BATCH_ROWS) {
    const values = table.columns.map((column) => column.values.slice(start, start + BATCH_ROWS));
    await pool.query(text, values);
  }
  return table.size;
}
