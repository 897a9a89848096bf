import { describe, expect, it } from "vitest";
import { parseUrlFilter, readExplorerUrl, writeExplorerUrl } from "./explorer-url-state";

describe("explorer URL state", () => {
  it("round-trips every part and leaves defaults out", () => {
    const state = {
      view: "v1",
      q: "rossi",
      filter: '{"tag":"vip"}',
      sort: "updatedAt" as const,
      size: 100,
    };
    const params = writeExplorerUrl(state);
    expect(readExplorerUrl(params)).toEqual(state);
    expect(writeExplorerUrl({ view: null, q: "", filter: null, sort: "-createdAt", size: 50 }).toString()).toBe("");
  });

  it("falls back to defaults for values that are not allowed", () => {
    const state = readExplorerUrl(new URLSearchParams("sort=name&size=7"));
    expect(state.sort).toBe("-createdAt");
    expect(state.size).toBe(50);
  });

  it("ignores a filter that is not valid JSON or not a filter", () => {
    expect(parseUrlFilter('{"tag":')).toBeNull();
    expect(parseUrlFilter('{"nope":1}')).toBeNull();
    expect(parseUrlFilter('{"tag":"vip"}')).toEqual({ tag: "vip" });
  });
});
