import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/core/errors";
import { listPeriods, periodStart, resolveReportRange } from "./report-range";

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, paths: error.options.errors?.map((e) => e.path) };
  }
  return null;
}

describe("resolveReportRange", () => {
  it("defaults to the last 30 days by day, today included", () => {
    expect(resolveReportRange({}, "2026-03-10")).toEqual({ from: "2026-02-09", to: "2026-03-10", interval: "day" });
    expect(resolveReportRange({ to: "2026-01-30" }, "2026-03-10")).toEqual({
      from: "2026-01-01",
      to: "2026-01-30",
      interval: "day",
    });
  });

  it("picks day, week or month by the length of the range", () => {
    expect(resolveReportRange({ from: "2026-01-01", to: "2026-03-31" }, "2026-12-01").interval).toBe("day");
    expect(resolveReportRange({ from: "2025-01-01", to: "2026-03-31" }, "2026-12-01").interval).toBe("week");
    expect(resolveReportRange({ from: "2022-01-01", to: "2026-03-31" }, "2026-12-01").interval).toBe("month");
    expect(resolveReportRange({ from: "2022-01-01", to: "2026-03-31", interval: "week" }, "2026-12-01").interval).toBe(
      "week",
    );
  });

  it("answers 422 naming the field for ranges it will not compute", () => {
    expect(errorOf(() => resolveReportRange({ from: "2026-02-01", to: "2026-01-31" }, "2026-03-10"))).toEqual({
      code: "validation_failed",
      paths: ["to"],
    });
    expect(errorOf(() => resolveReportRange({ from: "2026-04-01" }, "2026-03-10"))).toEqual({
      code: "validation_failed",
      paths: ["from"],
    });
    expect(errorOf(() => resolveReportRange({ from: "2020-01-01", to: "2026-01-31" }, "2026-03-10"))).toEqual({
      code: "validation_failed",
      paths: ["to"],
    });
    expect(
      errorOf(() => resolveReportRange({ from: "2025-01-01", to: "2026-03-01", interval: "day" }, "2026-03-10")),
    ).toEqual({
      code: "validation_failed",
      paths: ["interval"],
    });
    expect(resolveReportRange({ from: "2026-01-01", to: "2026-01-01" }, "2026-03-10").interval).toBe("day");
  });
});

describe("periods", () => {
  it("starts weeks on Monday and months on the 1st", () => {
    expect(periodStart("2026-03-01", "week")).toBe("2026-02-23"); // a Sunday
    expect(periodStart("2026-03-02", "week")).toBe("2026-03-02"); // a Monday
    expect(periodStart("2026-03-31", "month")).toBe("2026-03-01");
  });

  it("lists every period touching the range", () => {
    expect(listPeriods({ from: "2026-01-30", to: "2026-02-02", interval: "day" })).toEqual([
      "2026-01-30",
      "2026-01-31",
      "2026-02-01",
      "2026-02-02",
    ]);
    expect(listPeriods({ from: "2026-01-01", to: "2026-01-12", interval: "week" })).toEqual([
      "2025-12-29",
      "2026-01-05",
      "2026-01-12",
    ]);
    expect(listPeriods({ from: "2025-11-15", to: "2026-02-01", interval: "month" })).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
  });
});
