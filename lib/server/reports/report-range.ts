// The days a report covers and how they are grouped. Days are calendar dates ("YYYY-MM-DD") in the
// workspace's time zone, so the arithmetic here is on plain dates (UTC day numbers), never on instants.
import { DEFAULT_REPORT_DAYS, MAX_DAY_PERIODS, MAX_REPORT_DAYS, type ReportInterval } from "@/lib/schemas/reports";
import { validationFailed } from "@/lib/server/core/errors";

export interface ReportRange {
  from: string;
  to: string;
  interval: ReportInterval;
}

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the period holding `date`: itself, its week's Monday (ISO weeks), or the 1st of its month. */
export function periodStart(date: string, interval: ReportInterval): string {
  if (interval === "day") return date;
  if (interval === "month") return `${date.slice(0, 8)}01`;
  const n = dayNumber(date);
  const weekday = new Date(n * DAY_MS).getUTCDay(); // 0 = Sunday
  return dateOf(n - ((weekday + 6) % 7));
}

function nextPeriod(start: string, interval: ReportInterval): string {
  if (interval === "day") return dateOf(dayNumber(start) + 1);
  if (interval === "week") return dateOf(dayNumber(start) + 7);
  const [year, month] = start.split("-").map(Number);
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** Every period start from the one holding `from` to the one holding `to` (edge periods may be partial). */
export function listPeriods({ from, to, interval }: ReportRange): string[] {
  const periods: string[] = [];
  for (let start = periodStart(from, interval); start <= to; start = nextPeriod(start, interval)) periods.push(start);
  return periods;
}

/** A sensible grouping: days up to about three months, weeks up to two years, months beyond. */
export function defaultInterval(days: number): ReportInterval {
  if (days <= 90) return "day";
  if (days <= 731) return "week";
  return "month";
}

/**
 * The range asked for, with defaults (the last 30 days up to `today`), or 422 naming the query field:
 * `to` before `from`, more than five years, or more than 400 days by day.
 */
export function resolveReportRange(
  query: { from?: string; to?: string; interval?: ReportInterval },
  today: string,
): ReportRange {
  const to = query.to ?? today;
  const from = query.from ?? dateOf(dayNumber(to) - (DEFAULT_REPORT_DAYS - 1));
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1)
    throw validationFailed([{ path: query.to ? "to" : "from", message: "The range must not end before it starts" }]);
  if (days > MAX_REPORT_DAYS) throw validationFailed([{ path: "to", message: "The range may span at most 5 years" }]);
  const interval = query.interval ?? defaultInterval(days);
  if (interval === "day" && days > MAX_DAY_PERIODS) {
    throw validationFailed([
      {
        path: "interval",
        message: `By day, the range may span at most ${MAX_DAY_PERIODS} days: use week or month`,
      },
    ]);
  }
  return { from, to, interval };
}
