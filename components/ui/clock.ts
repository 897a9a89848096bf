// The admin app's one clock. Every time the app shows is read in one zone, the member's effective zone:
// the workspace's (Workspace.timezone, whose days the reports count), unless the member chose their own
// (Membership.timeZone). Calendar days that filter or count — date-range presets, "created between" —
// are always the workspace's days, so the explorer's filter for a day and the dashboard's figure for that
// day agree (lib/schemas/zone-days.ts computes their boundaries, like the server does).
//
// The zone is module state rather than a React context: times are formatted in dozens of places, some of
// them plain helpers outside components. WorkspaceScope sets it before its screens render and remounts
// them when it changes (a rare, deliberate act), so no screen can show a time in a stale zone.
import { zoneDayOf, zoneDaySpan, zoneDayStart } from "@/lib/schemas/zone-days";

export interface ClockZones {
  /** The zone times are shown in (IANA). */
  timeZone: string;
  /** The workspace's zone: the days of reports and date filters. */
  workspaceTimeZone: string;
}

/** The browser's own zone: only used outside a workspace (sign-in, the workspace chooser). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

let zones: ClockZones = { timeZone: browserTimeZone(), workspaceTimeZone: browserTimeZone() };

/** The effective zones of a membership: its own zone when set, else the workspace's. */
export function zonesOf(membership: { timeZone: string | null; workspace: { timezone: string } }): ClockZones {
  return {
    timeZone: membership.timeZone ?? membership.workspace.timezone,
    workspaceTimeZone: membership.workspace.timezone,
  };
}

export function setClockZones(next: ClockZones): void {
  zones = next;
}

export function clockZones(): ClockZones {
  return zones;
}

// ───── Formatting (formatters are cached per zone: a timeline formats hundreds of rows, and building an
// Intl.DateTimeFormat is the expensive part)

const LOCALE = "en-GB";
type Style = "time" | "dateTime" | "full" | "day" | "longDay" | "hour";
const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  time: { timeStyle: "short" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  full: {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  },
  day: { dateStyle: "medium" },
  longDay: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  hour: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, timeZone: string): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(LOCALE, { ...STYLES[style], timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

const abbreviations = new Map<string, Intl.DateTimeFormat>();
function shortName(locale: string, timeZone: string, instant: Date): string {
  const key = `${locale}|${timeZone}`;
  let cached = abbreviations.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
    abbreviations.set(key, cached);
  }
  return cached.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/**
 * The zone's short name at an instant, as people write it: "CET" and "CEST" for Rome, "EST" for New York,
 * "UTC"; "GMT+5:30" where no abbreviation is in common use. Names differ by locale, so the British and
 * the American ones are both asked and the first real abbreviation wins.
 */
export function zoneAbbreviation(instant: Date = new Date(), timeZone: string = zones.timeZone): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const names = [shortName("en-GB", timeZone, instant), shortName("en-US", timeZone, instant)];
  return names.find((name) => !/^(GMT|UTC)([+-−]|$)/.test(name)) ?? names[0];
}

export type TimeInput = string | Date | number;
const toDate = (value: TimeInput) => (value instanceof Date ? value : new Date(value));
const valid = (date: Date) => !Number.isNaN(date.getTime());

/** "14:05" — within a day group or a table whose header names the zone. */
export function formatClockTime(value: TimeInput, timeZone = zones.timeZone): string {
  const date = toDate(value);
  return valid(date) ? formatter("time", timeZone).format(date) : String(value);
}

/** "28 Nov 2026, 14:05 CET" — an instant, labelled with its zone. */
export function formatClockDateTime(value: TimeInput, timeZone = zones.timeZone): string {
  const date = toDate(value);
  if (!valid(date)) return String(value);
  return `${formatter("dateTime", timeZone).format(date)} ${zoneAbbreviation(date, timeZone)}`;
}

/** "Saturday 28 November 2026 at 14:05:12 CET (Europe/Rome)" — for detail views, where the exact instant matters. */
export function formatClockFull(value: TimeInput, timeZone = zones.timeZone): string {
  const date = toDate(value);
  if (!valid(date)) return String(value);
  return `${formatter("full", timeZone).format(date)} ${zoneAbbreviation(date, timeZone)} (${timeZone})`;
}

/** "28 Nov 2026" — the day an instant falls on in the zone. */
export function formatClockDay(value: TimeInput, timeZone = zones.timeZone): string {
  const date = toDate(value);
  return valid(date) ? formatter("day", timeZone).format(date) : String(value);
}

/** "Saturday 28 November 2026" — a day heading. */
export function formatClockLongDay(value: TimeInput, timeZone = zones.timeZone): string {
  const date = toDate(value);
  return valid(date) ? formatter("longDay", timeZone).format(date) : String(value);
}

/** "28 Nov, 14:00" — an hour bucket on a chart axis. */
export function formatClockHour(value: TimeInput, timeZone = zones.timeZone): string {
  const date = toDate(value);
  return valid(date) ? formatter("hour", timeZone).format(date) : String(value);
}

/** A caption for screens that list times: "Times in Europe/Rome (CET)". */
export function zoneCaption(timeZone = zones.timeZone, now: Date = new Date()): string {
  const abbreviation = zoneAbbreviation(now, timeZone);
  return abbreviation === timeZone ? `Times in ${timeZone}` : `Times in ${timeZone} (${abbreviation})`;
}

// ───── Days of the workspace (filters and reports)

/** Today in the workspace's calendar, as YYYY-MM-DD. */
export function workspaceToday(now: Date = new Date(), timeZone = zones.workspaceTimeZone): string {
  return zoneDayOf(now, timeZone);
}

/** The instant a workspace day begins. */
export function workspaceDayStart(day: string, timeZone = zones.workspaceTimeZone): Date {
  return zoneDayStart(day, timeZone);
}

/** Whole workspace days `from`..`to` (both included) as `[start, end)` instants. */
export function workspaceDaySpan(from: string, to: string, timeZone = zones.workspaceTimeZone) {
  return zoneDaySpan(from, to, timeZone);
}
