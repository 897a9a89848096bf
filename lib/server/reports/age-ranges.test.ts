import { describe, expect, it } from "vitest";
import { ageOn, ageRangeCounts, ageRangeOf } from "./age-ranges";

describe("age ranges", () => {
  it("buckets ages at the documented boundaries", () => {
    expect([-1, 0, 17, 18, 24, 25, 34, 35, 44, 45, 54, 55, 64, 65, 120].map(ageRangeOf)).toEqual([
      "unknown",
      "<18",
      "<18",
      "18–24",
      "18–24",
      "25–34",
      "25–34",
      "35–44",
      "35–44",
      "45–54",
      "45–54",
      "55–64",
      "55–64",
      "65+",
      "65+",
    ]);
  });

  it("counts a birthday only once it has come", () => {
    expect(ageOn("2026-03-10", "2008-03-10")).toBe(18);
    expect(ageOn("2026-03-10", "2008-03-11")).toBe(17);
    expect(ageOn("2026-03-01", "2008-02-29")).toBe(18);
  });

  it("reads exact dates only in the years that straddle a boundary", () => {
    const today = "2026-03-10";
    const byYear = new Map([
      ["unknown", 4],
      ["2008", 3],
      ["2000", 2],
      ["1950", 1],
      ["2030", 5],
    ]);
    // The 2008 people: two are 18 already, one is 17. Dates of a non-boundary year are ignored.
    const byDate = new Map([
      ["2008-01-01", 1],
      ["2008-03-10", 1],
      ["2008-12-31", 1],
      ["2000-05-05", 2],
    ]);
    const counts = ageRangeCounts({ byYear, byDate }, today);
    expect(Object.fromEntries(counts)).toEqual({
      "<18": 1,
      "18–24": 2,
      "25–34": 2,
      "35–44": 0,
      "45–54": 0,
      "55–64": 0,
      "65+": 1,
      unknown: 9,
    });
  });
});
