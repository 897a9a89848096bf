// Many rows of one table in one statement for the raw-SQL path: one unnest parameter per column, typed
// from ROW_COLUMNS, so a batch of a thousand rows is still a single round trip.
import type { SqlTx } from "@/lib/server/db/sql-tx";
import { ROW_COLUMNS, type RowTable } from "./rows";

type ColumnOf<T extends RowTable> = keyof (typeof ROW_COLUMNS)[T] & string;
export type RawRow<T extends RowTable> = { [C in ColumnOf<T>]: unknown };

function sqlValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // node-postgres sends an array of objects element by element; jsonb elements go as their JSON text.
  return type === "jsonb" ? JSON.stringify(value) : value;
}

/**
 * INSERT INTO table (columns) SELECT * FROM unnest(…) with `tail` appended (ON CONFLICT …, RETURNING …).
 * Only the columns of ROW_COLUMNS[table] are written; the others take their defaults.
 */
export async function insertRows<T extends RowTable, R extends object = Record<string, unknown>>(
  tx: SqlTx,
  table: T,
  rows: RawRow<T>[],
  tail = "",
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(ROW_COLUMNS[table]) as [ColumnOf<T>, string][];
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const values = columns.map(([name, type]) => rows.map((row) => sqlValue(type, row[name])));
  return tx.query<R>(`INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${params}) ${tail}`, values);
}
