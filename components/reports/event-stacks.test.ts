import { describe, expect, it } from "vitest";
import { eventStacks, OTHER_TYPES } from "./event-stacks";

const point = (period: string, type: string, count: number) => ({ period, type, count });

describe("eventStacks", () => {
  it("makes one row per period with a column per type, busiest type first", () => {
    const stacks = eventStacks([
      point("2026-11-02", "a", 1),
      point("2026-11-01", "a", 2),
      point("2026-11-01", "b", 5),
      point("2026-11-02", "b", 0),
    ]);
    expect(stacks.keys).toEqual(["b", "a"]);
    expect(stacks.rows).toEqual([
      { period: "2026-11-01", a: 2, b: 5 },
      { period: "2026-11-02", a: 1, b: 0 },
    ]);
    expect([...stacks.totals]).toEqual([
      ["b", 5],
      ["a", 3],
    ]);
  });

  it("folds all but the top types into other", () => {
    const series = ["a", "b", "c", "d"].flatMap((type, index) => [
      point("2026-11-01", type, 10 - index),
      point("2026-11-02", type, 1),
    ]);
    const stacks = eventStacks(series, 2);
    expect(stacks.keys).toEqual(["a", "b", OTHER_TYPES]);
    expect(stacks.rows[0]).toEqual({ period: "2026-11-01", a: 10, b: 9, [OTHER_TYPES]: 8 + 7 });
    expect(stacks.rows[1]).toEqual({ period: "2026-11-02", a: 1, b: 1, [OTHER_TYPES]: 2 });
    expect(stacks.totals.get(OTHER_TYPES)).toBe(17);
  });

  it("keeps a single extra type by name rather than calling it other", () => {
    const stacks = eventStacks(
      [point("2026-11-01", "a", 3), point("2026-11-01", "b", 2), point("2026-11-01", "c", 1)],
      2,
    );
    expect(stacks.keys).toEqual(["a", "b", "c"]);
  });

  it("leaves out types without events and is empty without events", () => {
    expect(eventStacks([point("2026-11-01", "a", 0)]).keys).toEqual([]);
    expect(eventStacks([]).rows).toEqual([]);
  });
});
