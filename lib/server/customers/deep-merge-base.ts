// How an incoming write updates an existing profile: per leaf, a value that carries information wins;
// null and empty values never erase what is known (integrations often send partial records).
import { isEmptyValue, isPlainObject, type JsonObject } from "@/lib/server/core/json";

export function deepMergeNonEmpty(existing: JsonObject, incoming: JsonObject): JsonObject {
  const out: JsonObject = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    if (isEmptyValue(value)) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMergeNonEmpty(current, value) : value;
  }
  return out;
}

/** Tags or sources of both, in first-seen order. */
export function unionOf<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}
