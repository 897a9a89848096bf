// Times in timelines and logs, in the browser's locale and zone. Formatters are built once: a timeline
// formats hundreds of rows and Intl.DateTimeFormat construction is the expensive part.
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "long" });

const toDate = (value: string | Date) => (typeof value === "string" ? new Date(value) : value);

/** "14:05" — within a day group, the day is already in the header. */
export function formatTime(value: string | Date): string {
  return timeFormat.format(toDate(value));
}

/** "28 Nov 2026, 14:05" */
export function formatDateTime(value: string | Date): string {
  return dateTimeFormat.format(toDate(value));
}

/** "Saturday, 28 November 2026 at 14:05:12 CET" — for detail views, where the exact instant matters. */
export function formatFullDateTime(value: string | Date): string {
  return fullFormat.format(toDate(value));
}
