import { describe, expect, it } from "vitest";
import { dateRangeError, resolveDateRange } from "./date-range";

// Local-time constructors keep the expectations right whatever TZ the test runs in.
const now = new Date(2026, 10, 28, 15, 30);
const iso = (...parts: [number, number, number]) => new Date(...parts).toISOString();

describe("resolveDateRange", () => {
  it("leaves any time unbounded", () => {
    expect(resolveDateRange({ preset: "any" }, now)).toEqual({});
  });

  it("starts today at local midnight", () => {
    expect(resolveDateRange({ preset: "today" }, now)).toEqual({ from: iso(2026, 10, 28) });
  });

  it("counts today as one of the last 7 days", () => {
    expect(resolveDateRange({ preset: "7d" }, now)).toEqual({ from: iso(2026, 10, 22) });
    expect(resolveDateRange({ preset: "30d" }, now)).toEqual({ from: iso(2026, 9, 30) });
  });

  it("goes back a calendar year for the last 12 months", () => {
    expect(resolveDateRange({ preset: "12m" }, now)).toEqual({ from: iso(2025, 10, 28) });
  });

  it("makes a custom range inclusive of its last day", () => {
    expect(resolveDateRange({ preset: "custom", fromDay: "2026-03-01", toDay: "2026-03-31" }, now)).toEqual({
      from: iso(2026, 2, 1),
      to: iso(2026, 3, 1),
    });
  });

  it("accepts an open-ended custom range and ignores bad days", () => {
    expect(resolveDateRange({ preset: "custom", fromDay: "2026-03-01" }, now)).toEqual({ from: iso(2026, 2, 1) });
    expect(resolveDateRange({ preset: "custom", fromDay: "not a day", toDay: "" }, now)).toEqual({});
  });
});

describe("dateRangeError", () => {
  it("flags an end before the start", () => {
    expect(dateRangeError({ preset: "custom", fromDay: "2026-03-02", toDay: "2026-03-01" })).toMatch(/before/);
    expect(dateRangeError({ preset: "custom", fromDay: "2026-03-01", toDay: "2026-03-01" })).toBeNull();
    expect(dateRangeError({ preset: "7d" })).toBeNull();
  });
});
