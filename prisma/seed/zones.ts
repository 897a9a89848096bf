// Calendar days and offsets in a workspace's time zone (Intl, no extra dependency).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function localParts(timeZone: string, at: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at)))
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  return parts;
}

/** The local calendar day of `at` in the zone, as YYYY-MM-DD. */
export function localDay(timeZone: string, at: number): string {
  const { year, month, day } = localParts(timeZone, at);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** How far the zone's clock is ahead of UTC at `at`, in milliseconds. */
export function utcOffset(timeZone: string, at: number): number {
  const { year, month, day, hour, minute, second } = localParts(timeZone, at);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(at / 1000) * 1000;
}
