import { describe, expect, it } from "vitest";
import {
  customersAtEnd,
  eventsIn,
  formatPercentChange,
  formatShare,
  newCustomersIn,
  percentChange,
  shareOf,
} from "./report-figures";

describe("report figures", () => {
  const growth = {
    series: [
      { period: "2026-11-01", new: 3, total: 103 },
      { period: "2026-11-02", new: 0, total: 101 },
      { period: "2026-11-03", new: 5, total: 106 },
    ],
  };

  it("sums new customers and reads the base at the end of the range", () => {
    expect(newCustomersIn(growth)).toBe(8);
    expect(customersAtEnd(growth)).toBe(106);
    expect(newCustomersIn({ series: [] })).toBe(0);
    expect(customersAtEnd({ series: [] })).toBe(0);
  });

  it("sums events over periods and types", () => {
    expect(
      eventsIn({
        series: [
          { period: "2026-11-01", type: "a", count: 2 },
          { period: "2026-11-01", type: "b", count: 5 },
        ],
      }),
    ).toBe(7);
  });

  it("computes the change against the previous period, none from zero", () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(50, 100)).toBe(-50);
    expect(percentChange(100, 100)).toBe(0);
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(0, 0)).toBeNull();
  });

  it("formats changes with a sign, one decimal below 10%", () => {
    expect(formatPercentChange(50)).toBe("+50%");
    expect(formatPercentChange(-12.4)).toBe("−12%");
    expect(formatPercentChange(4.26)).toBe("+4.3%");
    expect(formatPercentChange(0.01)).toBe("±0%");
    expect(formatPercentChange(1234.5)).toBe("+1,235%");
  });

  it("computes shares, none of an empty base, never rounding a few down to zero", () => {
    expect(shareOf(1, 4)).toBe(25);
    expect(shareOf(0, 0)).toBeNull();
    expect(formatShare(25)).toBe("25%");
    expect(formatShare(66.6)).toBe("67%");
    expect(formatShare(0.04)).toBe("0.1%");
    expect(formatShare(0.45)).toBe("0.5%");
    expect(formatShare(0)).toBe("0%");
  });
});
