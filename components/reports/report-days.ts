// Calendar-day arithmetic for reports. Report days are plain dates ("YYYY-MM-DD") in the workspace's time
// zone, so they are handled as UTC day numbers: no browser time zone or daylight-saving change can shift them.
const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

export function dayOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysIn(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** The first day of the month `months` months before the one holding `day` (0 = its own month). */
export function startOfMonthBefore(day: string, months: number): string {
  const [year, month] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1 - months, 1)).toISOString().slice(0, 10);
}

/** A real calendar day written as YYYY-MM-DD (what `<input type="date">` gives), not "2026-02-31". */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return dayOf(dayNumber(value)) === value;
}

/** Today in a time zone, e.g. the workspace's, whose calendar days the reports count. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
