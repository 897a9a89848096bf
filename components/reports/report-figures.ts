// Arithmetic behind the headline figures: sums over a period, changes against the previous period, shares.
import type { EventTrendsReport, GrowthReport } from "@/lib/schemas/reports";

export function newCustomersIn(report: Pick<GrowthReport, "series">): number {
  return report.series.reduce((sum, point) => sum + point.new, 0);
}

/** The base at the end of the range: the last period's running total. */
export function customersAtEnd(report: Pick<GrowthReport, "series">): number {
  return report.series.at(-1)?.total ?? 0;
}

export function eventsIn(report: Pick<EventTrendsReport, "series">): number {
  return report.series.reduce((sum, point) => sum + point.count, 0);
}

/**
 * The change from `previous` to `current` in percent, or null when there is nothing to compare with
 * (previous is 0): "+∞ %" would tell a reader nothing.
 */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/** "+25%", "−12%", "+0.4%" (one decimal below 10%), "±0%"; a real minus sign reads better than a hyphen. */
export function formatPercentChange(change: number): string {
  const rounded = Math.abs(change) < 10 ? Math.round(change * 10) / 10 : Math.round(change);
  if (rounded === 0) return "±0%";
  const text = Math.abs(rounded).toLocaleString("en-US", { maximumFractionDigits: 1 });
  return `${rounded > 0 ? "+" : "−"}${text}%`;
}

/** `part` of `total` in percent, or null for an empty base. */
export function shareOf(part: number, total: number): number | null {
  return total === 0 ? null : (part / total) * 100;
}

/** "42%", "0.5%" below 1%, so a small share never reads as zero. */
export function formatShare(share: number): string {
  if (share > 0 && share < 1) return `${Math.max(0.1, Math.round(share * 10) / 10).toLocaleString("en-US")}%`;
  return `${Math.round(share)}%`;
}
