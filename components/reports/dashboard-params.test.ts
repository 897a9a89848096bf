import { describe, expect, it } from "vitest";
import { readDashboardParams, writeDashboardParams } from "./dashboard-params";

const read = (query: string) => readDashboardParams(new URLSearchParams(query));

describe("dashboard params", () => {
  it("defaults to the last 30 days, automatic interval, all customers", () => {
    expect(read("")).toEqual({ range: { preset: "30d" }, interval: null, viewId: null });
    expect(writeDashboardParams(read("")).toString()).toBe("");
  });

  it("reads and writes a preset, an interval and a view", () => {
    const params = read("range=90d&interval=week&view=v1");
    expect(params).toEqual({ range: { preset: "90d" }, interval: "week", viewId: "v1" });
    expect(writeDashboardParams(params).toString()).toBe("range=90d&interval=week&view=v1");
  });

  it("round-trips a custom range", () => {
    const params = read("range=custom&from=2026-01-01&to=2026-03-31");
    expect(params.range).toEqual({ preset: "custom", from: "2026-01-01", to: "2026-03-31" });
    expect(writeDashboardParams(params).toString()).toBe("range=custom&from=2026-01-01&to=2026-03-31");
  });

  it("ignores what it does not understand instead of failing", () => {
    expect(read("range=forever&interval=hour&from=2026-01-01")).toEqual({
      range: { preset: "30d" },
      interval: null,
      viewId: null,
    });
    expect(read("range=custom&from=2026-02-31&to=yesterday").range).toEqual({ preset: "custom" });
    // Days only matter for a custom range: a preset does not carry them along.
    expect(
      writeDashboardParams({ range: { preset: "7d", from: "2026-01-01" }, interval: null, viewId: null }).toString(),
    ).toBe("range=7d");
  });
});
