// Date-range filters as the lists use them: a preset ("Last 7 days") or a custom span of calendar days,
// turned into the API's `from` (inclusive) and `to` (exclusive) instants. Days are the workspace's days
// (components/ui/clock.ts), the ones its reports count: "today" on the events screen is the dashboard's
// today, whatever zone the browser is in.
import { shiftDay } from "@/lib/schemas/zone-days";
import { clockZones, workspaceDayStart, workspaceToday } from "./clock";

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

/** A real calendar day written as YYYY-MM-DD, or null. */
function parseDay(day: string | undefined): string | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return shiftDay(day, 0) === day ? day : null;
}

/** The same day `months` calendar months earlier (clamped to the month's last day: 31 Mar → 28 Feb). */
function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number);
  const lastOfTarget = new Date(Date.UTC(year, month - 1 - months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 - months, Math.min(date, lastOfTarget))).toISOString().slice(0, 10);
}

/**
 * The API query for a range; presets count today as one of their days ("last 7 days" = today and the 6
 * before). Days are those of `timeZone`, the workspace's by default.
 */
export function resolveDateRange(
  value: DateRangeValue,
  now: Date = new Date(),
  timeZone: string = clockZones().workspaceTimeZone,
): ResolvedDateRange {
  const today = workspaceToday(now, timeZone);
  const startOf = (day: string) => workspaceDayStart(day, timeZone).toISOString();
  switch (value.preset) {
    case "any":
      return {};
    case "today":
      return { from: startOf(today) };
    case "7d":
      return { from: startOf(shiftDay(today, -6)) };
    case "30d":
      return { from: startOf(shiftDay(today, -29)) };
    case "90d":
      return { from: startOf(shiftDay(today, -89)) };
    case "12m":
      return { from: startOf(monthsBefore(today, 12)) };
    case "custom": {
      const from = parseDay(value.fromDay);
      const to = parseDay(value.toDay);
      return {
        ...(from ? { from: startOf(from) } : {}),
        // `to` is exclusive in the API: the end of the last chosen day is the start of the next one.
        ...(to ? { to: startOf(shiftDay(to, 1)) } : {}),
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
