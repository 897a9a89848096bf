// Dates in settings tables: the day (and time, labelled with its zone) in the clock's zone
// (components/ui/clock.ts); "Never" reads better than a dash.
import { formatClockDateTime, formatClockDay } from "./clock";

export function formatDate(
  value: string | Date | null | undefined,
  options: { withTime?: boolean; empty?: string } = {},
): string {
  if (value === null || value === undefined) return options.empty ?? "Never";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return options.empty ?? "Never";
  return options.withTime ? formatClockDateTime(date) : formatClockDay(date);
}
