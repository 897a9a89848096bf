// What the dashboard shows, kept in the URL query string so that a reload or a shared link opens the same
// figures: ?range=90d&interval=week&view=<id>, or ?range=custom&from=2026-01-01&to=2026-03-31. The
// defaults (last 30 days, automatic interval, all customers) are left out, so the plain URL stays clean.
import { REPORT_INTERVALS, type ReportInterval } from "@/lib/schemas/reports";
import { isDay } from "./report-days";
import { DEFAULT_RANGE_PRESET, isRangePreset, type ReportRangeValue } from "./report-range";

export interface DashboardParams {
  range: ReportRangeValue;
  /** null = chosen from the range (autoInterval). */
  interval: ReportInterval | null;
  viewId: string | null;
}

function isInterval(value: string | null): value is ReportInterval {
  return REPORT_INTERVALS.some((interval) => interval === value);
}

/** Unknown or malformed values fall back to the defaults instead of breaking the screen. */
export function readDashboardParams(search: URLSearchParams): DashboardParams {
  const preset = search.get("range");
  const range: ReportRangeValue = isRangePreset(preset) ? { preset } : { preset: DEFAULT_RANGE_PRESET };
  if (range.preset === "custom") {
    const from = search.get("from");
    const to = search.get("to");
    if (isDay(from)) range.from = from;
    if (isDay(to)) range.to = to;
  }
  const interval = search.get("interval");
  return { range, interval: isInterval(interval) ? interval : null, viewId: search.get("view") || null };
}

export function writeDashboardParams({ range, interval, viewId }: DashboardParams): URLSearchParams {
  const search = new URLSearchParams();
  if (range.preset !== DEFAULT_RANGE_PRESET) search.set("range", range.preset);
  if (range.preset === "custom") {
    if (range.from) search.set("from", range.from);
    if (range.to) search.set("to", range.to);
  }
  if (interval) search.set("interval", interval);
  if (viewId) search.set("view", viewId);
  return search;
}
