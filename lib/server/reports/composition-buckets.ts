// Facet counts → the buckets of a composition report, in a stable order: fixed keys in their natural
// order (zeros kept, so charts line up), open keys (countries, tags, sources) largest first with the
// unknown / none bucket last.
import { CONSENT_STATES, GENDER_KEYS, NONE_KEY, type CompositionDimension } from "@/lib/schemas/reports";
import { ageRangeCounts } from "./age-ranges";
import type { FacetCount } from "./composition-facets";

export interface Bucket {
  key: string;
  count: number;
}

function valuesOf(counts: readonly FacetCount[], facet: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of counts)
    if (row.facet === facet && row.customers !== 0) out.set(row.value, (out.get(row.value) ?? 0) + row.customers);
  return out;
}

function fixed(keys: readonly string[], values: ReadonlyMap<string, number>): Bucket[] {
  return keys.map((key) => ({ key, count: values.get(key) ?? 0 }));
}

/** Largest first, then by key; `last` (unknown, none) at the end; empty buckets dropped. */
function open(values: ReadonlyMap<string, number>, last: string): Bucket[] {
  const buckets = [...values].filter(([, count]) => count > 0).map(([key, count]) => ({ key, count }));
  const rank = (bucket: Bucket) => (bucket.key === last ? 1 : 0);
  return buckets.sort((a, b) => rank(a) - rank(b) || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function totalOf(counts: readonly FacetCount[]): number {
  return valuesOf(counts, "total").get("") ?? 0;
}

export function compositionBuckets(
  dimension: CompositionDimension,
  counts: readonly FacetCount[],
  context: { today: string; sourceNames: ReadonlyMap<string, string> },
): Bucket[] {
  const total = totalOf(counts);
  switch (dimension) {
    case "gender":
      return fixed(GENDER_KEYS, valuesOf(counts, "gender"));
    case "country":
      return open(valuesOf(counts, "country"), "unknown");
    case "ageRange": {
      const ranges = ageRangeCounts(
        { byYear: valuesOf(counts, "birthYear"), byDate: valuesOf(counts, "birthDate") },
        context.today,
      );
      return [...ranges].map(([key, count]) => ({ key, count }));
    }
    case "tag": {
      // The facet stores "no tags" as the empty value (a tag is never empty).
      const tags = new Map(
        [...valuesOf(counts, "tag")].map(([value, count]) => [value === "" ? NONE_KEY : value, count]),
      );
      return open(tags, NONE_KEY);
    }
    case "source": {
      // By name: the source ids mean nothing to a reader (same-named sources share a bucket).
      const byName = new Map<string, number>();
      for (const [id, count] of valuesOf(counts, "source")) {
        const name = context.sourceNames.get(id) ?? id;
        byName.set(name, (byName.get(name) ?? 0) + count);
      }
      const linked = valuesOf(counts, "linked").get("") ?? 0;
      byName.set(NONE_KEY, (byName.get(NONE_KEY) ?? 0) + Math.max(0, total - linked));
      return open(byName, NONE_KEY);
    }
    default: {
      const states = valuesOf(counts, dimension);
      const granted = states.get("granted") ?? 0;
      const denied = states.get("denied") ?? 0;
      return fixed(
        CONSENT_STATES,
        new Map([
          ["granted", granted],
          ["denied", denied],
          ["unknown", Math.max(0, total - granted - denied)],
        ]),
      );
    }
  }
}
