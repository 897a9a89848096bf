// Groups a newest-first list into calendar days of a time zone, labelled "Today", "Yesterday" or the date.
// Days are compared as calendar dates in that zone (not as 24-hour spans), so daylight-saving days of
// 23 or 25 hours still group and label correctly. The zone is the clock's (components/ui/clock.ts).
import { clockZones } from "@/components/ui/clock";

export interface DayGroup<T> {
  /** `yyyy-MM-dd` in the time zone. */
  key: string;
  label: string;
  items: T[];
}

export interface DayGroupOptions {
  /** IANA zone; the clock's by default (the workspace's, or the member's own). */
  timeZone?: string;
  now?: Date;
  locale?: string;
}

const keyFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as `yyyy-MM-dd`. */
export function dayKey(date: Date, timeZone: string): string {
  let formatter = keyFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    keyFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The calendar day before `yyyy-MM-dd` (pure calendar arithmetic, no time zone involved). */
export function previousDayKey(key: string): string {
  const [year, month, day] = key.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

interface ResolvedOptions {
  timeZone: string;
  now: Date;
  locale: string | undefined;
}

export function dayLabel(date: Date, options: ResolvedOptions): string {
  const key = dayKey(date, options.timeZone);
  const today = dayKey(options.now, options.timeZone);
  if (key === today) return "Today";
  if (key === previousDayKey(today)) return "Yesterday";
  const sameYear = key.slice(0, 4) === today.slice(0, 4);
  return new Intl.DateTimeFormat(options.locale ?? "en-GB", {
    timeZone: options.timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(date);
}

export function groupByDay<T>(
  items: readonly T[],
  dateOf: (item: T) => string | Date,
  options: DayGroupOptions = {},
): DayGroup<T>[] {
  const resolved: ResolvedOptions = {
    timeZone: options.timeZone ?? clockZones().timeZone,
    now: options.now ?? new Date(),
    locale: options.locale,
  };
  const groups = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const value = dateOf(item);
    const date = typeof value === "string" ? new Date(value) : value;
    const key = dayKey(date, resolved.timeZone);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: dayLabel(date, resolved), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}
