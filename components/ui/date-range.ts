// Date-range filters as the lists use them: a preset ("Last 7 days") or a custom span of calendar days,
// turned into the API's `from` (inclusive) and `to` (exclusive) instants. Days are the browser's days:
// "today" means the day the person looking at the screen is living in.
import { addDays, isValid, parse, startOfDay, subDays, subMonths } from "date-fns";

export const DATE_RANGE_PRESETS = ["any", "today", "7d", "30d", "90d", "12m", "custom"] as const;
export type DateRangePreset = (typeof DATE_RANGE_PRESETS)[number];

export const DATE_RANGE_LABELS: Record<DateRangePreset, string> = {
  any: "Any time",
  today: "Today",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "12m": "Last 12 months",
  custom: "Custom range…",
};

export interface DateRangeValue {
  preset: DateRangePreset;
  /** Custom range only: calendar days as `yyyy-MM-dd` (what `<input type="date">` gives), both inclusive. */
  fromDay?: string;
  toDay?: string;
}

export interface ResolvedDateRange {
  from?: string;
  to?: string;
}

export const ANY_TIME: DateRangeValue = { preset: "any" };

function parseDay(day: string | undefined): Date | null {
  if (!day) return null;
  // parse() reads the day in local time; new Date("2026-11-28") would read it as UTC midnight.
  const date = parse(day, "yyyy-MM-dd", new Date(0));
  return isValid(date) ? date : null;
}

/** The API query for a range; presets count today as one of their days ("last 7 days" = today and the 6 before). */
export function resolveDateRange(value: DateRangeValue, now: Date = new Date()): ResolvedDateRange {
  const today = startOfDay(now);
  switch (value.preset) {
    case "any":
      return {};
    case "today":
      return { from: today.toISOString() };
    case "7d":
      return { from: subDays(today, 6).toISOString() };
    case "30d":
      return { from: subDays(today, 29).toISOString() };
    case "90d":
      return { from: subDays(today, 89).toISOString() };
    case "12m":
      return { from: subMonths(today, 12).toISOString() };
    case "custom": {
      const from = parseDay(value.fromDay);
      const to = parseDay(value.toDay);
      return {
        ...(from ? { from: from.toISOString() } : {}),
        // `to` is exclusive in the API: the end of the last chosen day is the start of the next one.
        ...(to ? { to: addDays(to, 1).toISOString() } : {}),
      };
    }
  }
}

/** A custom range whose end comes before its start matches nothing; the filter says so instead of querying. */
export function dateRangeError(value: DateRangeValue): string | null {
  if (value.preset !== "custom") return null;
  const from = parseDay(value.fromDay);
  const to = parseDay(value.toDay);
  return from && to && to < from ? "The end date is before the start date" : null;
}
