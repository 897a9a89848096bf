// Calendar days of a time zone as instants: the one definition of "28 Nov in Europe/Rome" that the
// filter compiler (bare dates on timestamps), the reports' day summaries and the admin app's date ranges
// share, so that a day's count on the dashboard and the explorer's filter for that day agree. Isomorphic:
// Intl only, no database. A day starts at the first instant whose date in the zone is that day, the day
// the reports' summary triggers give a customer (`(createdAt AT TIME ZONE zone)::date`): a midnight that
// a daylight-saving jump skips becomes the jump, a midnight that happens twice the first one.

const DAY_MS = 86_400_000;
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in milliseconds (Europe/Rome in winter: 3,600,000). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of offsetFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** "2026-11-28" → its day number since 1970-01-01 (pure calendar arithmetic, no zone). */
function dayNumber(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The calendar day `days` after `day` (negative: before), as YYYY-MM-DD. */
export function shiftDay(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of a calendar day (YYYY-MM-DD) in a time zone. */
export function zoneDayStart(day: string, timeZone: string): Date {
  const wallMidnight = dayNumber(day) * DAY_MS;
  // Two rounds: the offset at a first guess, then at the instant that guess gives (they differ only
  // when a daylight-saving change lies between them).
  const first = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  const offset = zoneOffsetMs(first, timeZone);
  const instant = wallMidnight - offset;
  if (zoneOffsetMs(instant, timeZone) === offset) return new Date(instant);
  // Midnight does not exist that day (clocks jump from 24:00 to 01:00): read it with the offset in force
  // before the jump, which gives the jump's instant, the day's first.
  return new Date(wallMidnight - zoneOffsetMs(wallMidnight - zoneOffsetMs(wallMidnight, timeZone) - DAY_MS, timeZone));
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function zoneDayOf(instant: Date, timeZone: string): string {
  const time = instant.getTime();
  return new Date(time + zoneOffsetMs(time, timeZone)).toISOString().slice(0, 10);
}

/** The instants of whole days `from`..`to` (both included): `[start, end)`, end exclusive. */
export function zoneDaySpan(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: zoneDayStart(from, timeZone), end: zoneDayStart(shiftDay(to, 1), timeZone) };
}
