import { afterEach, describe, expect, it } from "vitest";
import {
  clockZones,
  formatClockDateTime,
  formatClockDay,
  formatClockFull,
  formatClockTime,
  setClockZones,
  workspaceDaySpan,
  workspaceToday,
  zoneAbbreviation,
  zoneCaption,
  zonesOf,
} from "./clock";

const winter = new Date("2026-11-28T13:05:00Z");
const summer = new Date("2026-07-01T13:05:00Z");
const initial = clockZones();
afterEach(() => setClockZones(initial));

describe("zones of a membership", () => {
  const workspace = { timezone: "Europe/Rome" };
  it("follows the workspace unless the member chose a zone; days stay the workspace's", () => {
    expect(zonesOf({ timeZone: null, workspace })).toEqual({
      timeZone: "Europe/Rome",
      workspaceTimeZone: "Europe/Rome",
    });
    expect(zonesOf({ timeZone: "America/New_York", workspace })).toEqual({
      timeZone: "America/New_York",
      workspaceTimeZone: "Europe/Rome",
    });
  });
});

describe("formatting in the clock's zone", () => {
  it("labels instants with the zone's abbreviation, summer and winter", () => {
    setClockZones({ timeZone: "Europe/Rome", workspaceTimeZone: "Europe/Rome" });
    expect(formatClockDateTime(winter)).toBe("28 Nov 2026, 14:05 CET");
    expect(formatClockDateTime(summer)).toBe("1 Jul 2026, 15:05 CEST");
    expect(formatClockTime(winter)).toBe("14:05");
  });

  it("shows the same instant on another day in another zone", () => {
    const lateInRome = "2026-11-27T23:30:00.000Z";
    setClockZones({ timeZone: "Europe/Rome", workspaceTimeZone: "Europe/Rome" });
    expect(formatClockDay(lateInRome)).toBe("28 Nov 2026");
    setClockZones({ timeZone: "UTC", workspaceTimeZone: "Europe/Rome" });
    expect(formatClockDay(lateInRome)).toBe("27 Nov 2026");
    expect(formatClockDateTime(lateInRome)).toBe("27 Nov 2026, 23:30 UTC");
  });

  it("uses the abbreviations people know, and an offset where there is none", () => {
    expect(zoneAbbreviation(winter, "America/New_York")).toBe("EST");
    expect(zoneAbbreviation(winter, "Europe/London")).toBe("GMT");
    expect(zoneAbbreviation(winter, "Asia/Kathmandu")).toMatch(/^GMT\+5:45$/);
  });

  it("names zone and abbreviation in full forms and captions", () => {
    // ICU versions differ on the comma after the weekday.
    expect(formatClockFull(winter, "Europe/Rome")).toMatch(
      /^Saturday,? 28 November 2026 at 14:05:00 CET \(Europe\/Rome\)$/,
    );
    expect(zoneCaption("Europe/Rome", winter)).toBe("Times in Europe/Rome (CET)");
    expect(zoneCaption("UTC", winter)).toBe("Times in UTC");
  });

  it("leaves what is not a time as it came", () => {
    expect(formatClockDateTime("soon")).toBe("soon");
  });
});

describe("workspace days", () => {
  it("are the workspace's whatever zone times are shown in", () => {
    setClockZones({ timeZone: "America/New_York", workspaceTimeZone: "Europe/Rome" });
    const now = new Date("2026-11-27T23:30:00Z");
    expect(workspaceToday(now)).toBe("2026-11-28");
    const span = workspaceDaySpan("2026-11-28", "2026-11-28");
    expect([span.start.toISOString(), span.end.toISOString()]).toEqual([
      "2026-11-27T23:00:00.000Z",
      "2026-11-28T23:00:00.000Z",
    ]);
  });
});
