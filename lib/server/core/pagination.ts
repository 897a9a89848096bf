// Opaque cursors for keyset pagination: base64url of the sort key of the last row of the page.
import { z } from "zod";
import { validationFailed } from "./errors";

export function encodeCursor(key: Record<string, string | number | null>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.output<T> | null {
  if (!cursor) return null;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the 422 below
  }
  throw validationFailed([{ path: "cursor", message: "Invalid cursor" }], "The cursor is not valid");
}

/** Splits a `limit + 1` fetch into a page and the cursor of its last row. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  serialize: (row: Row) => Item,
  cursorOf: (row: Row) => Record<string, string | number | null>,
): { data: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { data: page.map(serialize), nextCursor: hasMore ? encodeCursor(cursorOf(page[page.length - 1])) : null };
}
