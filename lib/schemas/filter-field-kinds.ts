// How the filter language compares each kind of field, in one table for the server's compiler
// (lib/server/query/customer-fields.ts) and the admin app's filter builder (components/filters), so the
// builder never offers a comparison the API would refuse.
import type { ExtendedPropertyType } from "./extended-schema";

/**
 * `list`: an array of scalars, matched element-wise (eq = "has this element"). `array` (of objects) and
 * `object`: only `exists` applies.
 */
export type FilterValueKind = "string" | "number" | "boolean" | "date" | "datetime" | "list" | "array" | "object";

export const EXTENDED_FIELD_KIND: Record<ExtendedPropertyType, FilterValueKind> = {
  string: "string",
  email: "string",
  uri: "string",
  enum: "string",
  number: "number",
  integer: "number",
  boolean: "boolean",
  date: "date",
  datetime: "datetime",
  array: "list",
  object: "object",
};

/** The customer columns a filter may name besides base, extended, consents and events. */
export const COLUMN_FIELD_KIND = {
  externalId: "string",
  tags: "list",
  createdAt: "datetime",
  updatedAt: "datetime",
} as const satisfies Record<string, FilterValueKind>;

/** The kind of an extended property's values; an unknown type still allows `exists`. */
export function extendedFieldKind(type: string): FilterValueKind {
  return Object.hasOwn(EXTENDED_FIELD_KIND, type) ? EXTENDED_FIELD_KIND[type as ExtendedPropertyType] : "object";
}
