// The builder's operators: the filter language's operators in words people use ("is one of", "is set"),
// plus a few that are spelled differently in the language (a tag, a consent, an event). Which ones a
// field offers follows its kind, as the server's OPS_BY_KIND does.
import type { FieldKind } from "./filter-fields";

export type BuilderOp =
  | "eq"
  | "neq"
  | "in"
  | "nin"
  | "contains"
  | "startsWith"
  | "gt"
  | "gte"
  | "lt"
  | "lte"
  | "between"
  | "isSet"
  | "isNotSet"
  | "hasTag"
  | "notTag"
  | "anyTag"
  | "noTag"
  | "granted"
  | "denied"
  | "objected"
  | "performed"
  | "notPerformed";

/** The shape of the value an operator needs, which decides the value input. */
export type OpArity = "none" | "single" | "multi" | "range" | "event";

const ARITY: Record<BuilderOp, OpArity> = {
  eq: "single",
  neq: "single",
  in: "multi",
  nin: "multi",
  contains: "single",
  startsWith: "single",
  gt: "single",
  gte: "single",
  lt: "single",
  lte: "single",
  between: "range",
  isSet: "none",
  isNotSet: "none",
  hasTag: "single",
  notTag: "single",
  anyTag: "multi",
  noTag: "multi",
  granted: "none",
  denied: "none",
  objected: "none",
  performed: "event",
  notPerformed: "event",
};

export function opArity(op: BuilderOp): OpArity {
  return ARITY[op];
}

const DEFAULT_LABELS: Record<BuilderOp, string> = {
  eq: "is",
  neq: "is not",
  in: "is one of",
  nin: "is none of",
  contains: "contains",
  startsWith: "starts with",
  gt: "is greater than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  between: "is between",
  isSet: "is set",
  isNotSet: "is not set",
  hasTag: "has tag",
  notTag: "does not have tag",
  anyTag: "has any of",
  noTag: "has none of",
  granted: "is granted",
  denied: "is refused",
  objected: "is objected to",
  performed: "did",
  notPerformed: "did not do",
};

// Dates read as time: "before", "on or after"…
const DATE_LABELS: Partial<Record<BuilderOp, string>> = {
  eq: "is on",
  neq: "is not on",
  lt: "is before",
  gte: "is on or after",
  between: "is between",
};

// A list property matches element-wise: "eq" means "has this element".
const LIST_LABELS: Partial<Record<BuilderOp, string>> = {
  eq: "includes",
  neq: "does not include",
  in: "includes any of",
  nin: "includes none of",
};

export function opLabel(op: BuilderOp, kind: FieldKind): string {
  if (kind === "date" || kind === "datetime") return DATE_LABELS[op] ?? DEFAULT_LABELS[op];
  if (kind === "list") return LIST_LABELS[op] ?? DEFAULT_LABELS[op];
  return DEFAULT_LABELS[op];
}

// Timestamps are compared by whole days in the builder (an exact instant is never what a marketer
// means), so they get day-based operators only; see filter-values.ts for how days become instants.
const OPS_BY_KIND: Record<FieldKind, readonly BuilderOp[]> = {
  string: ["eq", "neq", "contains", "startsWith", "in", "nin", "isSet", "isNotSet"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "isSet", "isNotSet"],
  boolean: ["eq", "neq", "isSet", "isNotSet"],
  date: ["eq", "neq", "lt", "gte", "between", "isSet", "isNotSet"],
  datetime: ["lt", "gte", "between"],
  list: ["eq", "neq", "in", "nin", "isSet", "isNotSet"],
  presence: ["isSet", "isNotSet"],
  tag: ["hasTag", "notTag", "anyTag", "noTag"],
  consent: ["granted", "denied", "objected"],
  event: ["performed", "notPerformed"],
};

export function opsForKind(kind: FieldKind): readonly BuilderOp[] {
  return OPS_BY_KIND[kind];
}

/** A field with a closed set of values (gender, country, enums) offers no substring matching. */
export function opsForField(field: {
  kind: FieldKind;
  choices?: readonly unknown[];
  country?: boolean;
}): readonly BuilderOp[] {
  const ops = OPS_BY_KIND[field.kind];
  return field.choices || field.country ? ops.filter((op) => op !== "contains" && op !== "startsWith") : ops;
}

/** The operator a new row (or a row whose field changed) starts with. */
export function defaultOp(field: { kind: FieldKind; choices?: readonly unknown[]; country?: boolean }): BuilderOp {
  return opsForField(field)[0];
}
