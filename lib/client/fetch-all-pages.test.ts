import { describe, expect, it, vi } from "vitest";
import { fetchAllPages } from "./fetch-all-pages";

describe("fetchAllPages", () => {
  it("follows the cursor to the end", async () => {
    const pages: Record<string, { data: number[]; nextCursor: string | null }> = {
      start: { data: [1, 2], nextCursor: "c2" },
      c2: { data: [3], nextCursor: "c3" },
      c3: { data: [], nextCursor: null },
    };
    const fetchPage = vi.fn(async (cursor: string | undefined) => pages[cursor ?? "start"]);
    await expect(fetchAllPages(fetchPage)).resolves.toEqual([1, 2, 3]);
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual([undefined, "c2", "c3"]);
  });

  it("stops on a cursor that does not move", async () => {
    const fetchPage = vi.fn(async () => ({ data: [1], nextCursor: "same" }));
    await expect(fetchAllPages(fetchPage)).resolves.toEqual([1, 1]);
  });
});
