import { describe, expect, it } from "vitest";
import { currencyOptions, timeZoneOptions } from "./zone-options";

describe("timeZoneOptions", () => {
  it("lists IANA zones with UTC, sorted, readable labels", () => {
    const options = timeZoneOptions();
    const values = options.map((o) => o.value);
    expect(values).toContain("UTC");
    expect(values).toContain("Europe/Prague");
    expect(values).toEqual([...values].sort((a, b) => a.localeCompare(b)));
    expect(options.find((o) => o.value === "America/New_York")?.label).toBe("America/New York");
  });

  it("keeps a stored zone the engine does not list", () => {
    expect(timeZoneOptions(["Etc/GMT+5"]).map((o) => o.value)).toContain("Etc/GMT+5");
  });
});

describe("currencyOptions", () => {
  it("names currencies", () => {
    expect(currencyOptions([], "en").find((o) => o.value === "EUR")?.label).toBe("EUR — Euro");
  });
});
