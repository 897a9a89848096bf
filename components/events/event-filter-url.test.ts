import { describe, expect, it } from "vitest";
import { eventFiltersFromUrl, eventFiltersToUrl, NO_EVENT_FILTERS } from "./event-filter-state";

describe("event filters in the URL", () => {
  it("round-trips types, contexts and a custom range", () => {
    const filters = {
      types: ["Order Completed", "Page Viewed"],
      contexts: ["WEB" as const],
      range: { preset: "custom" as const, fromDay: "2026-11-01", toDay: "2026-11-28" },
    };
    expect(eventFiltersFromUrl(eventFiltersToUrl(filters))).toEqual(filters);
    expect(eventFiltersToUrl(NO_EVENT_FILTERS).toString()).toBe("");
  });
  it("drops unknown contexts and presets", () => {
    expect(eventFiltersFromUrl(new URLSearchParams("context=MARS&range=forever"))).toEqual(NO_EVENT_FILTERS);
  });
});
