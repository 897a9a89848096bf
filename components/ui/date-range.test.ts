import { describe, expect, it } from "vitest";
import { dateRangeError, resolveDateRange } from "./date-range";

// 28 Nov 2026, 00:30 in Rome, 23:30 the day before in UTC: the two zones disagree on what today is.
const now = new Date("2026-11-27T23:30:00Z");
const ROME = "Europe/Rome";

describe("resolveDateRange", () => {
  it("leaves any time unbounded", () => {
    expect(resolveDateRange({ preset: "any" }, now, ROME)).toEqual({});
  });

  it("starts today at the workspace's midnight", () => {
    expect(resolveDateRange({ preset: "today" }, now, ROME)).toEqual({ from: "2026-11-27T23:00:00.000Z" });
    expect(resolveDateRange({ preset: "today" }, now, "UTC")).toEqual({ from: "2026-11-27T00:00:00.000Z" });
  });

  it("counts today as one of the last 7 days", () => {
    expect(resolveDateRange({ preset: "7d" }, now, ROME)).toEqual({ from: "2026-11-21T23:00:00.000Z" });
    // 29 Oct in Rome is after the change back to winter time (25 Oct): still an hour ahead.
    expect(resolveDateRange({ preset: "30d" }, now, ROME)).toEqual({ from: "2026-10-29T23:00:00.000Z" });
  });

  it("goes back a calendar year for the last 12 months", () => {
    expect(resolveDateRange({ preset: "12m" }, now, ROME)).toEqual({ from: "2025-11-27T23:00:00.000Z" });
    expect(resolveDateRange({ preset: "12m" }, new Date("2024-02-29T12:00:00Z"), "UTC")).toEqual({
      from: "2023-02-28T00:00:00.000Z",
    });
  });

  it("makes a custom range inclusive of its last day, across a daylight-saving change", () => {
    expect(resolveDateRange({ preset: "custom", fromDay: "2026-03-01", toDay: "2026-03-31" }, now, ROME)).toEqual({
      from: "2026-02-28T23:00:00.000Z",
      to: "2026-03-31T22:00:00.000Z",
    });
  });

  it("accepts an open-ended custom range and ignores bad days", () => {
    expect(resolveDateRange({ preset: "custom", fromDay: "2026-03-01" }, now, "UTC")).toEqual({
      from: "2026-03-01T00:00:00.000Z",
    });
    expect(resolveDateRange({ preset: "custom", fromDay: "not a day", toDay: "2026-02-31" }, now, ROME)).toEqual({});
  });
});

describe("dateRangeError", () => {
  it("flags an end before the start", () => {
    expect(dateRangeError({ preset: "custom", fromDay: "2026-03-02", toDay: "2026-03-01" })).toMatch(/before/);
    expect(dateRangeError({ preset: "custom", fromDay: "2026-03-01", toDay: "2026-03-01" })).toBeNull();
    expect(dateRangeError({ preset: "7d" })).toBeNull();
  });
});
