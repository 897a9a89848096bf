// Times in timelines and logs, in the clock's zone (components/ui/clock.ts: the workspace's, or the
// member's own), labelled with it where the instant stands alone.
import { formatClockDateTime, formatClockFull, formatClockTime } from "./clock";

/** "14:05" — within a day group, the day (and the zone, in the screen's caption) is already shown. */
export function formatTime(value: string | Date): string {
  return formatClockTime(value);
}

/** "28 Nov 2026, 14:05 CET" */
export function formatDateTime(value: string | Date): string {
  return formatClockDateTime(value);
}

/** "Saturday 28 November 2026 at 14:05:12 CET (Europe/Rome)" — for detail views, where the exact instant matters. */
export function formatFullDateTime(value: string | Date): string {
  return formatClockFull(value);
}
