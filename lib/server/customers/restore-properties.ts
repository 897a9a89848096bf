// The 3-way restore of unmerge: a survivor's field goes back to its pre-merge value only when it still
// holds exactly what the merge put there. Anything changed since the merge is a newer fact and stays.
import { unionOf } from "./deep-merge-base";
import { deepEqual, isPlainObject, type JsonObject } from "@/lib/server/core/json";

/** Per leaf (arrays count as leaves): before when current equals after, else current. */
export function restoreObject(before: JsonObject, after: JsonObject, current: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of unionOf(unionOf(Object.keys(before), Object.keys(after)), Object.keys(current))) {
    const b = before[key];
    const a = after[key];
    const c = current[key];
    let value: unknown;
    if ([b, a, c].every((v) => v === undefined || isPlainObject(v)) && [b, a, c].some(isPlainObject)) {
      value = restoreObject(isPlainObject(b) ? b : {}, isPlainObject(a) ? a : {}, isPlainObject(c) ? c : {});
      // An object that only existed because of the merge disappears with it.
      if (b === undefined && Object.keys(value as JsonObject).length === 0) value = undefined;
    } else {
      value = deepEqual(c, a) ? b : c;
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Extended properties are restored whole, like the policies that combined them. */
export function restoreTopLevel(before: JsonObject, after: JsonObject, current: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of unionOf(unionOf(Object.keys(before), Object.keys(after)), Object.keys(current))) {
    const value = deepEqual(current[key], after[key]) ? before[key] : current[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Tags the merge added are removed when still there; tags added or removed since are respected. */
export function restoreTags(before: string[], after: string[], current: string[]): string[] {
  // Starting from the current tags means pre-merge tags removed since stay removed.
  const addedByMerge = new Set(after.filter((tag) => !before.includes(tag)));
  return current.filter((tag) => !addedByMerge.has(tag));
}

export function restoreScalar<T>(before: T, after: T, current: T): T {
  return deepEqual(current, after) ? before : current;
}
