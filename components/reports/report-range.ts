// The dashboard's period: a preset ("Last 30 days") or a custom span of days, resolved against the
// workspace's today into the API's inclusive `from`/`to` days, with the grouping (day, week, month) that
// suits its length and the equally long period just before it, which headline figures compare with.
import { MAX_DAY_PERIODS, MAX_REPORT_DAYS, type ReportInterval } from "@/lib/schemas/reports";
import { addDays, daysIn, isDay, startOfMonthBefore } from "./report-days";

export const REPORT_RANGE_PRESETS = ["7d", "30d", "90d", "12m", "custom"] as const;
export type ReportRangePreset = (typeof REPORT_RANGE_PRESETS)[number];
export const DEFAULT_RANGE_PRESET: ReportRangePreset = "30d";

export const REPORT_RANGE_LABELS: Record<ReportRangePreset, string> = {
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
  custom: "Custom range…",
};

export interface ReportRangeValue {
  preset: ReportRangePreset;
  /** Custom range only: both days included. */
  from?: string;
  to?: string;
}

export interface DayRange {
  from: string;
  to: string;
}

export function isRangePreset(value: string | null | undefined): value is ReportRangePreset {
  return REPORT_RANGE_PRESETS.some((preset) => preset === value);
}

/**
 * The days a range covers; presets end today and count today as one of their days. "Last 12 months" starts
 * on the 1st of the month eleven months back, so a by-month chart shows twelve calendar months, the
 * current one so far, instead of a sliver of a thirteenth month at its start.
 */
export function resolveRange(value: ReportRangeValue, today: string): DayRange | null {
  switch (value.preset) {
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
    case "12m":
      return { from: startOfMonthBefore(today, 11), to: today };
    case "custom":
      return isDay(value.from) && isDay(value.to) && rangeError(value) === null
        ? { from: value.from, to: value.to }
        : null;
  }
}

/** Why a custom range cannot be reported on (the API would refuse it), or null. */
export function rangeError(value: ReportRangeValue): string | null {
  if (value.preset !== "custom") return null;
  if (!isDay(value.from) || !isDay(value.to)) return "Choose the first and the last day";
  const days = daysIn(value.from, value.to);
  if (days < 1) return "The end date is before the start date";
  if (days > MAX_REPORT_DAYS) return "A report may span at most 5 years";
  return null;
}

/** Bars people can still read: days up to a month, weeks up to about half a year, months beyond. */
export function autoInterval({ from, to }: DayRange): ReportInterval {
  const days = daysIn(from, to);
  if (days <= 31) return "day";
  if (days <= 184) return "week";
  return "month";
}

/** The API answers by day for at most 400 days; longer ranges must be grouped by week or month. */
export function intervalAllowed(interval: ReportInterval, { from, to }: DayRange): boolean {
  return interval !== "day" || daysIn(from, to) <= MAX_DAY_PERIODS;
}

/** The chosen interval when the range allows it, else the automatic one. */
export function effectiveInterval(chosen: ReportInterval | null, range: DayRange): ReportInterval {
  return chosen && intervalAllowed(chosen, range) ? chosen : autoInterval(range);
}

/** The equally long span of days just before the range: what "vs the previous period" compares with. */
export function previousRange({ from, to }: DayRange): DayRange {
  const days = daysIn(from, to);
  return { from: addDays(from, -days), to: addDays(from, -1) };
}
