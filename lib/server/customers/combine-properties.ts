// How two profiles' properties combine when they merge. Pure, so every policy is unit-tested.
import { unionOf } from "./deep-merge-base";
import { compactObject, deepEqual, isEmptyValue, isPlainObject, type JsonObject } from "@/lib/server/core/json";

export const MERGE_POLICIES = ["latest", "priority", "concatenate", "union", "sum", "min", "max"] as const;
export type MergePolicy = (typeof MERGE_POLICIES)[number];

export interface MergeSide {
  externalId: string | null;
  base: JsonObject;
  extended: JsonObject;
  tags: string[];
  consents: JsonObject;
  /** When the profile last changed: decides "latest". */
  updatedAt: Date;
  /** Highest priority among the profile's sources: decides the `priority` policy. */
  sourcePriority: number;
  /** Consent key → when it last changed (epoch ms, from the registry); decides consent leaves both sides have dates for. */
  consentChangedAt?: Readonly<Record<string, number>>;
}

export interface CombinedProperties {
  externalId: string | null;
  base: JsonObject;
  extended: JsonObject;
  tags: string[];
  consents: JsonObject;
}

/**
 * Base fields taken whole from one side: an address's street, zip and city describe one place, and mixing
 * two ("10919 Berlin" with the other person's street) names a place where neither lives.
 */
export const WHOLE_BASE_FIELDS: ReadonlySet<string> = new Set(["address"]);

/** Per leaf: the newer profile's value when it carries information, else the older one's. */
function latestLeaves(newer: JsonObject, older: JsonObject, whole: ReadonlySet<string> = new Set()): JsonObject {
  const out: JsonObject = {};
  for (const key of unionOf(Object.keys(older), Object.keys(newer))) {
    const a = newer[key];
    const b = older[key];
    if (isPlainObject(a) && isPlainObject(b) && !whole.has(key)) out[key] = latestLeaves(a, b);
    else if (!isEmptyValue(a)) out[key] = a;
    else if (!isEmptyValue(b)) out[key] = b;
  }
  return compactObject(out);
}

/** A consent leaf ({ status, limitation, objection } or the disclaimer) holds no nested objects. */
function isConsentLeaf(value: JsonObject): boolean {
  return Object.values(value).every((item) => !isPlainObject(item));
}

/** Per key, the later of the two registry dates. */
export function latestOfBoth(
  a: Readonly<Record<string, number>> = {},
  b: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [key, at] of Object.entries(b)) out[key] = Math.max(out[key] ?? at, at);
  return out;
}

/**
 * Per consent leaf: the leaf as a whole (a leaf's flags belong together) of the side that changed it
 * last according to the registry; when either side has no registry entry for it, the newer profile's.
 */
function latestConsentLeaves(
  sides: Sides,
  newerNode: JsonObject,
  olderNode: JsonObject,
  path: string[] = [],
): JsonObject {
  const { newer, older } = sides;
  const out: JsonObject = {};
  for (const key of unionOf(Object.keys(olderNode), Object.keys(newerNode))) {
    const keyPath = [...path, key];
    const a = newerNode[key];
    const b = olderNode[key];
    if (isPlainObject(a) && isPlainObject(b) && !(isConsentLeaf(a) && isConsentLeaf(b))) {
      out[key] = latestConsentLeaves(sides, a, b, keyPath);
      continue;
    }
    const newerAt = newer.consentChangedAt?.[keyPath.join(".")];
    const olderAt = older.consentChangedAt?.[keyPath.join(".")];
    const [first, second] = newerAt !== undefined && olderAt !== undefined && olderAt > newerAt ? [b, a] : [a, b];
    if (!isEmptyValue(first)) out[key] = first;
    else if (!isEmptyValue(second)) out[key] = second;
  }
  return out;
}

function compareOrdered(a: unknown, b: unknown): number | null {
  if (typeof a === "number" && typeof b === "number") return a - b;
  // Dates and datetimes are ISO 8601 strings, which order like the instants they name.
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

interface Sides {
  newer: MergeSide;
  older: MergeSide;
}

/** One extended property. Falls back to "latest" when the values do not fit the policy (e.g. sum of strings). */
export function combineValue(policy: string, key: string, { newer, older }: Sides): unknown {
  const a = newer.extended[key];
  const b = older.extended[key];
  const latest = isEmptyValue(a) ? b : a;
  if (isEmptyValue(a) || isEmptyValue(b)) return latest;
  switch (policy as MergePolicy) {
    case "priority": {
      if (newer.sourcePriority === older.sourcePriority) return a;
      return newer.sourcePriority > older.sourcePriority ? a : b;
    }
    case "concatenate": {
      // Oldest first, so the combined value reads in the order it was written.
      if (deepEqual(a, b)) return a;
      if (typeof a === "string" && typeof b === "string") return `${b}\n${a}`;
      if (Array.isArray(a) && Array.isArray(b)) return [...b, ...a];
      return latest;
    }
    case "union": {
      if (!Array.isArray(a) || !Array.isArray(b)) return latest;
      const out: unknown[] = [];
      for (const item of [...b, ...a]) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
      return out;
    }
    case "sum":
      return typeof a === "number" && typeof b === "number" ? a + b : latest;
    case "min":
    case "max": {
      const order = compareOrdered(a, b);
      if (order === null) return latest;
      const aIsSmaller = order <= 0;
      if (policy === "min") return aIsSmaller ? a : b;
      return aIsSmaller ? b : a;
    }
    default:
      return latest;
  }
}

/**
 * The properties of `survivor` after absorbing `absorbed`. Recency is the profiles' updatedAt (the
 * survivor wins a tie); `policies` maps extended property names to their merge policy.
 */
export function combineProperties(
  survivor: MergeSide,
  absorbed: MergeSide,
  policies: Readonly<Record<string, string>>,
): CombinedProperties {
  const sides: Sides =
    absorbed.updatedAt.getTime() > survivor.updatedAt.getTime()
      ? { newer: absorbed, older: survivor }
      : { newer: survivor, older: absorbed };
  const extended: JsonObject = {};
  for (const key of unionOf(Object.keys(survivor.extended), Object.keys(absorbed.extended))) {
    const value = combineValue(policies[key] ?? "latest", key, sides);
    if (!isEmptyValue(value)) extended[key] = value;
  }
  return {
    // The survivor was chosen by its strongest identity, so its external id stays the profile's anchor.
    externalId: survivor.externalId || absorbed.externalId || null,
    base: latestLeaves(sides.newer.base, sides.older.base, WHOLE_BASE_FIELDS),
    extended,
    tags: unionOf(survivor.tags, absorbed.tags),
    consents: latestConsentLeaves(sides, sides.newer.consents, sides.older.consents),
  };
}
