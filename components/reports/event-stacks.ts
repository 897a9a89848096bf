// The event-trends report (one row per period and type, every type seen in the range) turned into one
// row per period with a column per type, for a stacked bar chart. Only the busiest types get their own
// colour; the rest are summed into "other", because a dozen thin slices in similar colours read as noise.
import type { EventTrendsReport } from "@/lib/schemas/reports";

/** The column of the summed smaller types; no event type is called this (types are camelCase names). */
export const OTHER_TYPES = "__other__";
export const TOP_EVENT_TYPES = 5;

export interface EventStacks {
  /** Types with their own colour, busiest first, then OTHER_TYPES when any type was folded into it. */
  keys: string[];
  rows: Array<{ period: string } & Record<string, number | string>>;
  /** Events per key over the whole range, for legends and tables. */
  totals: Map<string, number>;
}

export function eventStacks(series: EventTrendsReport["series"], top: number = TOP_EVENT_TYPES): EventStacks {
  const byType = new Map<string, number>();
  for (const point of series) byType.set(point.type, (byType.get(point.type) ?? 0) + point.count);
  const ranked = [...byType].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // Folding a single type into "other" would hide its name for nothing: then it keeps its own colour.
  const kept = ranked.length <= top + 1 ? ranked : ranked.slice(0, top);
  const keptTypes = new Set(kept.map(([type]) => type));
  const folded = ranked.filter(([type]) => !keptTypes.has(type));
  const keys = [...keptTypes, ...(folded.length ? [OTHER_TYPES] : [])];

  const rows = new Map<string, { period: string } & Record<string, number | string>>();
  for (const point of series) {
    const row =
      rows.get(point.period) ?? Object.fromEntries([["period", point.period], ...keys.map((key) => [key, 0])]);
    const key = keptTypes.has(point.type) ? point.type : OTHER_TYPES;
    if (keys.includes(key)) row[key] = Number(row[key]) + point.count;
    rows.set(point.period, row as { period: string } & Record<string, number | string>);
  }
  const totals = new Map<string, number>(kept);
  if (folded.length)
    totals.set(
      OTHER_TYPES,
      folded.reduce((sum, [, count]) => sum + count, 0),
    );
  return { keys, rows: [...rows.values()].sort((a, b) => (a.period < b.period ? -1 : 1)), totals };
}
