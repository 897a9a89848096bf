import { describe, expect, it } from "vitest";
import { findInputProblem, isIsoInRange, MAX_JSON_DEPTH, ZText } from "./input-rules";
import { ZTimestamp } from "./common";

function nested(levels: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

describe("input rules", () => {
  it("find NUL and lone surrogates in values and keys at their path, not emoji", () => {
    expect(findInputProblem({ properties: { list: ["ok", "b\u0000d"] } })?.path).toBe("properties.list.1");
    expect(findInputProblem({ contextInfo: { ["k\ud800"]: 1 } })?.path).toBe("contextInfo.k\ud800");
    expect(findInputProblem({ a: "x\udc00" }, { prefix: "query" })?.path).toBe("query.a");
    expect(findInputProblem({ title: "🙂", n: 1, x: null })).toBeNull();
  });

  it("bound nesting without recursion, even 100,000 levels deep", () => {
    expect(findInputProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(findInputProblem(nested(MAX_JSON_DEPTH + 1))?.message).toMatch(/32 levels/);
    const deep = findInputProblem(nested(100_000));
    expect(deep?.path.split(".")).toHaveLength(MAX_JSON_DEPTH);
  });

  it("skip the items another layer checks", () => {
    expect(findInputProblem({ events: [{ a: "\u0000" }] }, { skip: new Set(["events"]) })).toBeNull();
    expect(findInputProblem({ events: [], other: "\u0000" }, { skip: new Set(["events"]) })?.path).toBe("other");
  });

  it("bound timestamps between 1900 and 2200", () => {
    expect(ZTimestamp.safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(ZTimestamp.safeParse("2200-01-01T00:00:00Z").success).toBe(false);
    expect(ZTimestamp.safeParse("1900-01-01T00:00:00Z").success).toBe(true);
    expect(ZTimestamp.safeParse("2026-01-01T10:00:00+02:00").success).toBe(true);
    expect(isIsoInRange("1899-12-31")).toBe(false);
    expect(ZText.safeParse("a\u0000").success).toBe(false);
  });
});
