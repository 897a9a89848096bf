// A filter seen by a caller who sees personal data masked: conditions on masked fields (MASKED_FIELDS) may
// only test presence. Comparing a name or an e-mail would reveal it one guess at a time; and a saved view's
// filter shows its values, which for those fields are personal data themselves.
import { isMaskedField } from "@/lib/schemas/customer-base";
import { maskText } from "@/lib/server/masking/mask-customer";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const revealing = (node: Json) => typeof node.field === "string" && isMaskedField(node.field) && node.op !== "exists";

/** The path (from `path`) of the first condition that compares a masked field, or null. */
export function maskedConditionPath(filter: unknown, path: string): string | null {
  if (Array.isArray(filter)) {
    for (const [index, item] of filter.entries()) {
      const found = maskedConditionPath(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(filter)) return null;
  if (revealing(filter)) return `${path}.field`;
  for (const [key, value] of Object.entries(filter)) {
    const found = maskedConditionPath(value, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

const maskValue = (value: unknown): unknown =>
  typeof value === "string" ? maskText(value) : Array.isArray(value) ? value.map(maskValue) : value;

/** The filter with the values of conditions on masked fields masked ("Rossi" → "R***"); same shape. */
export function maskFilter(filter: unknown): unknown {
  if (Array.isArray(filter)) return filter.map(maskFilter);
  if (!isObject(filter)) return filter;
  if (revealing(filter)) return { ...filter, value: maskValue(filter.value) };
  return Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, maskFilter(value)]));
}
