// Days of a time zone as instants: the boundaries filters, reports and the admin app's ranges share.
import { describe, expect, it } from "vitest";
import { shiftDay, zoneDayOf, zoneDaySpan, zoneDayStart, zoneOffsetMs } from "./zone-days";

describe("zoneDayStart", () => {
  it.each([
    ["2026-11-28", "UTC", "2026-11-28T00:00:00.000Z"],
    ["2026-11-28", "Europe/Rome", "2026-11-27T23:00:00.000Z"],
    ["2026-07-01", "Europe/Rome", "2026-06-30T22:00:00.000Z"],
    ["2026-11-28", "America/New_York", "2026-11-28T05:00:00.000Z"],
    ["2026-11-28", "Asia/Kolkata", "2026-11-27T18:30:00.000Z"],
    ["2026-11-28", "Pacific/Chatham", "2026-11-27T10:15:00.000Z"],
    // Both daylight-saving change days of Rome start at an ordinary midnight.
    ["2026-03-29", "Europe/Rome", "2026-03-28T23:00:00.000Z"],
    ["2026-10-25", "Europe/Rome", "2026-10-24T22:00:00.000Z"],
    // Chile jumps from 24:00 to 01:00 on 6 Sep 2026: the day starts at the jump (04:00 UTC).
    ["2026-09-06", "America/Santiago", "2026-09-06T04:00:00.000Z"],
  ])("%s in %s starts at %s", (day, zone, instant) => {
    expect(zoneDayStart(day, zone).toISOString()).toBe(instant);
  });

  it("gives days of 23 and 25 hours on daylight-saving changes", () => {
    const hours = (day: string) => {
      const { start, end } = zoneDaySpan(day, day, "Europe/Rome");
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect([hours("2026-03-29"), hours("2026-10-25"), hours("2026-11-28")]).toEqual([23, 25, 24]);
  });
});

describe("zoneDayOf", () => {
  it("is the day an instant falls on there", () => {
    const justAfterMidnightInRome = new Date("2026-11-27T23:30:00Z");
    expect(zoneDayOf(justAfterMidnightInRome, "Europe/Rome")).toBe("2026-11-28");
    expect(zoneDayOf(justAfterMidnightInRome, "UTC")).toBe("2026-11-27");
  });

  it("is the inverse of zoneDayStart", () => {
    for (const zone of ["Europe/Rome", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu"]) {
      for (let day = "2026-01-01"; day < "2027-01-01"; day = shiftDay(day, 1)) {
        const start = zoneDayStart(day, zone);
        expect(zoneDayOf(start, zone)).toBe(day);
        expect(zoneDayOf(new Date(start.getTime() - 1), zone)).toBe(shiftDay(day, -1));
      }
    }
  });
});

describe("helpers", () => {
  it("shifts calendar days across months and leap days", () => {
    expect(shiftDay("2028-02-28", 1)).toBe("2028-02-29");
    expect(shiftDay("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("measures offsets with the sign of local minus UTC", () => {
    expect(zoneOffsetMs(Date.parse("2026-11-28T12:00:00Z"), "Europe/Rome")).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse("2026-11-28T12:00:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
  });
});
