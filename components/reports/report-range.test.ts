import { describe, expect, it } from "vitest";
import { addDays, daysIn, isDay, startOfMonthBefore, todayIn } from "./report-days";
import {
  autoInterval,
  effectiveInterval,
  intervalAllowed,
  previousRange,
  rangeError,
  resolveRange,
} from "./report-range";

const TODAY = "2026-11-28";

describe("report days", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-11-28", -29)).toBe("2026-10-30");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysIn("2026-11-28", "2026-11-28")).toBe(1);
    expect(daysIn("2026-03-01", "2026-03-31")).toBe(31);
  });

  it("finds the first of an earlier month, across the year", () => {
    expect(startOfMonthBefore("2026-11-28", 0)).toBe("2026-11-01");
    expect(startOfMonthBefore("2026-11-28", 11)).toBe("2025-12-01");
    expect(startOfMonthBefore("2026-01-31", 1)).toBe("2025-12-01");
  });

  it("accepts only real calendar days", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-31")).toBe(false);
    expect(isDay("2026-2-3")).toBe(false);
    expect(isDay("")).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it("tells today in the workspace's time zone, not the browser's", () => {
    const instant = new Date("2026-11-28T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-28");
    expect(todayIn("Europe/Rome", instant)).toBe("2026-11-29");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-11-28");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-11-28T09:59:00Z"))).toBe("2026-11-28");
  });
});

describe("resolveRange", () => {
  it("ends presets today, counting today as one of their days", () => {
    expect(resolveRange({ preset: "7d" }, TODAY)).toEqual({ from: "2026-11-22", to: TODAY });
    expect(resolveRange({ preset: "30d" }, TODAY)).toEqual({ from: "2026-10-30", to: TODAY });
    expect(resolveRange({ preset: "90d" }, TODAY)).toEqual({ from: "2026-08-31", to: TODAY });
  });

  it("starts the last 12 months on the first of a month, for twelve whole bars by month", () => {
    expect(resolveRange({ preset: "12m" }, TODAY)).toEqual({ from: "2025-12-01", to: TODAY });
  });

  it("takes a custom range as given, or nothing while it is incomplete or backwards", () => {
    expect(resolveRange({ preset: "custom", from: "2026-01-01", to: "2026-01-31" }, TODAY)).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
    });
    expect(resolveRange({ preset: "custom", from: "2026-01-01" }, TODAY)).toBeNull();
    expect(resolveRange({ preset: "custom", from: "2026-02-01", to: "2026-01-31" }, TODAY)).toBeNull();
  });
});

describe("rangeError", () => {
  it("explains custom ranges the API would refuse", () => {
    expect(rangeError({ preset: "30d" })).toBeNull();
    expect(rangeError({ preset: "custom", from: "2026-01-01", to: "2026-01-01" })).toBeNull();
    expect(rangeError({ preset: "custom", from: "2026-01-01" })).toBe("Choose the first and the last day");
    expect(rangeError({ preset: "custom", from: "2026-01-02", to: "2026-01-01" })).toBe(
      "The end date is before the start date",
    );
    expect(rangeError({ preset: "custom", from: "2020-01-01", to: "2026-01-01" })).toBe(
      "A report may span at most 5 years",
    );
  });
});

describe("intervals", () => {
  const span = (days: number) => ({ from: "2026-01-01", to: addDays("2026-01-01", days - 1) });

  it("groups by day up to a month, by week up to half a year, by month beyond", () => {
    expect(autoInterval(span(1))).toBe("day");
    expect(autoInterval(span(31))).toBe("day");
    expect(autoInterval(span(32))).toBe("week");
    expect(autoInterval(span(90))).toBe("week");
    expect(autoInterval(span(184))).toBe("week");
    expect(autoInterval(span(185))).toBe("month");
    expect(autoInterval(span(365))).toBe("month");
  });

  it("keeps a chosen interval unless the API refuses it (by day, at most 400 days)", () => {
    expect(intervalAllowed("day", span(400))).toBe(true);
    expect(intervalAllowed("day", span(401))).toBe(false);
    expect(intervalAllowed("week", span(1800))).toBe(true);
    expect(effectiveInterval("day", span(90))).toBe("day");
    expect(effectiveInterval("month", span(7))).toBe("month");
    expect(effectiveInterval("day", span(401))).toBe("month");
    expect(effectiveInterval(null, span(7))).toBe("day");
  });
});

describe("previousRange", () => {
  it("is the equally long span just before", () => {
    expect(previousRange({ from: "2026-11-22", to: "2026-11-28" })).toEqual({ from: "2026-11-15", to: "2026-11-21" });
    expect(previousRange({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    expect(previousRange({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });
});
