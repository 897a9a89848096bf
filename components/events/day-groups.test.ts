import { describe, expect, it } from "vitest";
import { dayKey, groupByDay, previousDayKey } from "./day-groups";

const at = (iso: string) => ({ at: iso });

describe("dayKey", () => {
  it("reads the calendar day in the given zone", () => {
    const instant = new Date("2026-11-28T23:30:00Z");
    expect(dayKey(instant, "UTC")).toBe("2026-11-28");
    expect(dayKey(instant, "Europe/Rome")).toBe("2026-11-29");
    expect(dayKey(instant, "America/New_York")).toBe("2026-11-28");
  });

  it("steps back over month and year ends", () => {
    expect(previousDayKey("2026-03-01")).toBe("2026-02-28");
    expect(previousDayKey("2027-01-01")).toBe("2026-12-31");
  });
});

describe("groupByDay", () => {
  const now = new Date("2026-11-28T10:00:00Z");

  it("labels today and yesterday and keeps the list order", () => {
    const groups = groupByDay(
      [at("2026-11-28T09:00:00Z"), at("2026-11-28T01:00:00Z"), at("2026-11-27T20:00:00Z"), at("2026-11-25T08:00:00Z")],
      (item) => item.at,
      { timeZone: "UTC", now, locale: "en-GB" },
    );
    expect(groups.map((group) => [group.key, group.items.length])).toEqual([
      ["2026-11-28", 2],
      ["2026-11-27", 1],
      ["2026-11-25", 1],
    ]);
    expect(groups[0].label).toBe("Today");
    expect(groups[1].label).toBe("Yesterday");
    expect(groups[2].label).toMatch(/^Wednesday,? 25 November$/);
  });

  it("groups by the viewer's zone, not by UTC", () => {
    // 23:30 UTC on the 27th is already the 28th in Rome: "Today" there, "Yesterday" in UTC.
    const items = [at("2026-11-27T23:30:00Z")];
    expect(groupByDay(items, (item) => item.at, { timeZone: "Europe/Rome", now, locale: "en-GB" })[0].label).toBe(
      "Today",
    );
    expect(groupByDay(items, (item) => item.at, { timeZone: "UTC", now, locale: "en-GB" })[0].label).toBe("Yesterday");
  });

  it("labels yesterday correctly on a 25-hour daylight-saving day", () => {
    // Rome leaves summer time on 25 Oct 2026. At 23:30 that evening, "24 hours ago" is still the 25th,
    // so yesterday must be found by calendar, not by subtracting a day's worth of milliseconds.
    const lateOnDstDay = new Date("2026-10-25T22:30:00Z");
    const groups = groupByDay([at("2026-10-25T00:30:00Z"), at("2026-10-24T10:00:00Z")], (item) => item.at, {
      timeZone: "Europe/Rome",
      now: lateOnDstDay,
      locale: "en-GB",
    });
    expect(groups.map((group) => [group.key, group.label])).toEqual([
      ["2026-10-25", "Today"],
      ["2026-10-24", "Yesterday"],
    ]);
  });

  it("adds the year to days of another year", () => {
    const [group] = groupByDay([at("2025-12-31T12:00:00Z")], (item) => item.at, {
      timeZone: "UTC",
      now,
      locale: "en-GB",
    });
    // ICU versions differ in punctuation ("Wednesday, 31 December 2025"); the parts are what matters.
    expect(group.label).toMatch(/^Wednesday,? 31 December 2025$/);
  });
});
