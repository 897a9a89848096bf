// Which buckets of a composition report a chart draws. Open dimensions (countries, tags, sources) can have
// hundreds of buckets: the chart keeps the largest and, where each customer sits in one bucket, sums the
// rest into "Other" so the bars still add up to the base. Tags and sources count a customer once per tag,
// so a sum would mean nothing there: the rest are left to the table, which always lists every bucket.
import { NONE_KEY, type CompositionReport } from "@/lib/schemas/reports";

export const OTHER_BUCKET = "__other__";
export const MAX_CHART_BUCKETS = 8;

type Bucket = CompositionReport["buckets"][number];

/** The "unknown" or "none" bucket: drawn last, in grey. */
export function isMissingBucket(key: string): boolean {
  return key === "unknown" || key === NONE_KEY;
}

export function chartBuckets(
  report: Pick<CompositionReport, "buckets" | "multiValued">,
  limit: number = MAX_CHART_BUCKETS,
): Bucket[] {
  const known = report.buckets.filter((bucket) => !isMissingBucket(bucket.key));
  const missing = report.buckets.filter((bucket) => isMissingBucket(bucket.key) && bucket.count > 0);
  // One more bucket fits where "Other" would go: folding a single bucket would only hide its name.
  if (known.length <= limit + 1) return [...known, ...missing];
  const shown = known.slice(0, limit);
  if (report.multiValued) return [...shown, ...missing];
  const rest = known.slice(limit).reduce((sum, bucket) => sum + bucket.count, 0);
  return [...shown, { key: OTHER_BUCKET, count: rest }, ...missing];
}
