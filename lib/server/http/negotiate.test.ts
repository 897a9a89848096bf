import { describe, expect, it } from "vitest";
import { acceptsCsv } from "./negotiate";

describe("acceptsCsv", () => {
  it("answers JSON by default", () => {
    expect(acceptsCsv(null)).toBe(false);
    expect(acceptsCsv("*/*")).toBe(false);
    expect(acceptsCsv("application/json")).toBe(false);
  });
  it("answers CSV when it is asked for and preferred", () => {
    expect(acceptsCsv("text/csv")).toBe(true);
    expect(acceptsCsv("Text/CSV; charset=utf-8")).toBe(true);
    expect(acceptsCsv("text/csv, application/json")).toBe(true);
    expect(acceptsCsv("application/json;q=0.5, text/csv")).toBe(true);
  });
  it("keeps JSON when JSON ranks higher or CSV is refused", () => {
    expect(acceptsCsv("application/json, text/csv")).toBe(false);
    expect(acceptsCsv("text/csv;q=0.2, */*;q=0.8")).toBe(false);
    expect(acceptsCsv("text/csv;q=0")).toBe(false);
  });
});
