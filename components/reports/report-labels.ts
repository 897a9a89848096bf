// How report keys and periods read: bucket keys ("female", "IT", "none") and period starts ("2026-11-23")
// become words people use. Periods are days of the workspace's calendar, so they are formatted in UTC,
// where the day number is exactly that date (the browser's own zone could shift it by a day).
import type { CompositionDimension, ReportInterval } from "@/lib/schemas/reports";
import { NONE_KEY } from "@/lib/schemas/reports";

const GENDER_LABELS: Record<string, string> = { female: "Female", male: "Male", other: "Other", unknown: "Not given" };
const CONSENT_LABELS: Record<string, string> = { granted: "Granted", denied: "Denied", unknown: "Not asked" };

let regionNames: Intl.DisplayNames | null | undefined;
function countryName(code: string): string {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(["en"], { type: "region" });
    } catch {
      regionNames = null;
    }
  }
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    // Not a region code Intl knows (the address holds free text): show it as stored.
    return code;
  }
}

export function bucketLabel(dimension: CompositionDimension, key: string): string {
  if (dimension === "gender") return GENDER_LABELS[key] ?? key;
  if (dimension.startsWith("consent:")) return CONSENT_LABELS[key] ?? key;
  if (dimension === "ageRange") return key === "unknown" ? "Unknown" : key;
  if (dimension === "country") return key === "unknown" ? "Unknown" : countryName(key);
  if (dimension === "tag" && key === NONE_KEY) return "No tags";
  if (dimension === "source" && key === NONE_KEY) return "No source";
  return key;
}

const UTC = "UTC";
const dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: UTC, day: "numeric", month: "short" });
const dayWithYearFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: UTC,
  day: "numeric",
  month: "short",
  year: "numeric",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { timeZone: UTC, month: "short", year: "numeric" });

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Short, for axis ticks: "23 Nov", or "Nov 2026" by month. */
export function periodTick(period: string, interval: ReportInterval): string {
  return interval === "month" ? monthFormat.format(asDate(period)) : dayFormat.format(asDate(period));
}

/** Full, for tooltips and tables: "23 Nov 2026", "Week of 23 Nov 2026", "Nov 2026". */
export function periodLabel(period: string, interval: ReportInterval): string {
  if (interval === "month") return monthFormat.format(asDate(period));
  const day = dayWithYearFormat.format(asDate(period));
  return interval === "week" ? `Week of ${day}` : day;
}

/** A range for captions: "1 Nov 2026 – 28 Nov 2026". */
export function rangeLabel(from: string, to: string): string {
  return from === to
    ? dayWithYearFormat.format(asDate(from))
    : `${dayWithYearFormat.format(asDate(from))} – ${dayWithYearFormat.format(asDate(to))}`;
}

export const formatCount = (value: number) => value.toLocaleString("en-US");
