// Age ranges from birth dates, today, without reading every birth date: a birth year decides the range
// except in the years where turning one year older crosses a range boundary (someone born 18 years ago
// is 17 or 18 depending on the day), and only those years are counted by exact date.
import { AGE_RANGES } from "@/lib/schemas/reports";

type AgeRange = (typeof AGE_RANGES)[number];

/** The first age of each range; -∞…-1 (a birth date in the future) is "unknown". */
const RANGE_STARTS: ReadonlyArray<readonly [number, AgeRange]> = [
  [65, "65+"],
  [55, "55–64"],
  [45, "45–54"],
  [35, "35–44"],
  [25, "25–34"],
  [18, "18–24"],
  [0, "<18"],
];

export function ageRangeOf(age: number): AgeRange {
  return RANGE_STARTS.find(([start]) => age >= start)?.[1] ?? "unknown";
}

/** Birth years whose people straddle a boundary today: the only years counted by exact date. */
export function boundaryBirthYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return RANGE_STARTS.map(([start]) => year - start);
}

/** Age today of someone born on `dob` (both YYYY-MM-DD): text comparison, so a 02-30 cannot throw. */
export function ageOn(today: string, dob: string): number {
  const years = Number(today.slice(0, 4)) - Number(dob.slice(0, 4));
  return today.slice(5) < dob.slice(5) ? years - 1 : years;
}

export interface BirthCounts {
  /** "YYYY" or "unknown" → customers. */
  byYear: ReadonlyMap<string, number>;
  /** "YYYY-MM-DD" → customers, for the boundary years (other years may be present and are ignored). */
  byDate: ReadonlyMap<string, number>;
}

export function ageRangeCounts({ byYear, byDate }: BirthCounts, today: string): Map<AgeRange, number> {
  const counts = new Map<AgeRange, number>(AGE_RANGES.map((range) => [range, 0]));
  const add = (range: AgeRange, n: number) => counts.set(range, (counts.get(range) ?? 0) + n);
  const boundary = new Set(boundaryBirthYears(today).map(String));
  const thisYear = Number(today.slice(0, 4));
  for (const [year, n] of byYear) {
    if (year === "unknown") add("unknown", n);
    // Born that year: this year's age or one less, and both fall in the same range.
    else if (!boundary.has(year)) add(ageRangeOf(thisYear - Number(year)), n);
  }
  for (const [dob, n] of byDate) if (boundary.has(dob.slice(0, 4))) add(ageRangeOf(ageOn(today, dob)), n);
  return counts;
}
