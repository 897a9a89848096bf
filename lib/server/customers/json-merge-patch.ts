// RFC 7396 JSON merge patch: objects merge recursively, null removes a member, anything else replaces.

import { isPlainObject, type JsonObject } from "@/lib/server/core/json";

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: JsonObject = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}
