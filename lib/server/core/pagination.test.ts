import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { decodeCursor, encodeCursor, toPage } from "./pagination";

const ZKey = z.object({ createdAt: z.string(), id: z.string() });

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("cursors", () => {
  it("round-trip the sort key of a row", () => {
    const key = { createdAt: "2026-11-28T10:00:00.000Z", id: "0193-abc" };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe without escaping
    expect(decodeCursor(cursor, ZKey)).toEqual(key);
  });

  it("is absent when no cursor is given", () => {
    expect(decodeCursor(undefined, ZKey)).toBeNull();
    expect(decodeCursor("", ZKey)).toBeNull();
  });

  it.each([
    ["not base64 JSON", "%%%not-a-cursor"],
    ["JSON of another shape", encodeCursor({ offset: 10 })],
    ["base64 of plain text", Buffer.from("hello").toString("base64url")],
  ])("rejects %s as a validation failure on cursor", (_label, cursor) => {
    const error = thrownBy(() => decodeCursor(cursor, ZKey));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "validation_failed",
      options: { errors: [{ path: "cursor" }] },
    });
  });
});

describe("toPage", () => {
  const rows = Array.from({ length: 4 }, (_, i) => ({ id: `r${i}`, createdAt: `2026-11-2${i}T00:00:00.000Z` }));
  const serialize = (row: (typeof rows)[number]) => ({ id: row.id });
  const cursorOf = (row: (typeof rows)[number]) => ({ createdAt: row.createdAt, id: row.id });

  it("cuts a limit + 1 fetch to the limit and points the cursor at the page's last row", () => {
    const page = toPage(rows, 3, serialize, cursorOf);
    expect(page.data).toEqual([{ id: "r0" }, { id: "r1" }, { id: "r2" }]);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor ?? undefined, ZKey)).toEqual(cursorOf(rows[2]));
  });

  it("has no next cursor on the last page", () => {
    expect(toPage(rows, 4, serialize, cursorOf)).toEqual({ data: rows.map(serialize), nextCursor: null });
    expect(toPage([], 50, serialize, cursorOf)).toEqual({ data: [], nextCursor: null });
  });
});
