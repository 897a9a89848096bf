// One builder row ↔ one condition of the filter language. A row that is not filled in yet converts to
// null (it is left out of the filter rather than sent half-made); a condition the builder cannot show
// converts to null too, and the caller falls back to editing JSON.
import type { Filter } from "@/lib/schemas/filters";
import { CONSENT_FIELD_PREFIX, EVENT_FIELD_ID, TAG_FIELD_ID, type FieldKind, type FilterField } from "./filter-fields";
import { emptyValues, nextId, type FilterRow, type RowValues } from "./filter-model";
import { opArity, type BuilderOp } from "./filter-operators";

type Scalar = string | number | boolean;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Text typed into a value input → the typed value the filter needs, or null when it is not one yet. */
export function toScalar(kind: FieldKind, text: string): Scalar | null {
  const value = text.trim();
  if (value === "") return null;
  switch (kind) {
    case "number": {
      const number = Number(value);
      return Number.isFinite(number) ? number : null;
    }
    case "boolean":
      return value === "true" ? true : value === "false" ? false : null;
    // A bare date on a timestamp is a whole day of the workspace's zone to the API, the day its reports
    // count: "created between 1 and 31 March" includes the whole of 31 March there.
    case "date":
    case "datetime":
      return DATE.test(value) ? value : null;
    default:
      return value;
  }
}

/**
 * A filter value → the text its input shows; null when the builder cannot show it faithfully. On timestamps
 * the builder shows days only: an exact instant (such as the UTC midnights it once wrote) is edited as JSON,
 * so that it keeps its meaning.
 */
export function fromScalar(kind: FieldKind, value: unknown): string | null {
  if (kind === "datetime") return typeof value === "string" && DATE.test(value) ? value : null;
  if (kind === "number") return typeof value === "number" ? String(value) : null;
  if (kind === "boolean") return typeof value === "boolean" ? String(value) : null;
  return typeof value === "string" ? value : null;
}

function eventCondition(values: RowValues): Filter | null {
  const type = values.eventType.trim();
  if (!type) return null;
  const days = values.withinDays.trim();
  const count = values.minCount.trim();
  if (days && !/^[1-9]\d{0,4}$/.test(days)) return null;
  if (count && !/^\d{1,7}$/.test(count)) return null;
  return {
    event: {
      type,
      ...(days ? { within: `P${days}D` } : {}),
      ...(count ? { count: { gte: Number(count) } } : {}),
    },
  };
}

/** The condition a row stands for, or null while it is incomplete. */
export function rowToCondition(row: FilterRow, field: FilterField): Filter | null {
  const { op, values } = row;
  const { kind } = field;
  if (kind === "tag") {
    if (op === "anyTag" || op === "noTag") {
      const tags = values.list.map((tag) => tag.trim()).filter(Boolean);
      return tags.length ? { field: TAG_FIELD_ID, op: op === "anyTag" ? "in" : "nin", value: tags } : null;
    }
    const tag = values.text.trim();
    if (!tag) return null;
    return op === "notTag" ? { not: { tag } } : { tag };
  }
  if (kind === "consent") {
    const consent = field.id.slice(CONSENT_FIELD_PREFIX.length) as Extract<Filter, { consent: unknown }>["consent"];
    return op === "objected" ? { consent, objection: true } : { consent, status: op === "granted" };
  }
  if (kind === "event") {
    const condition = eventCondition(values);
    return condition && op === "notPerformed" ? { not: condition } : condition;
  }
  const path = field.id;
  switch (opArity(op)) {
    case "none":
      return { field: path, op: "exists", value: op === "isSet" };
    case "single": {
      const value = toScalar(kind, values.text);
      if (value === null) return null;
      if (op === "contains" || op === "startsWith")
        return typeof value === "string" ? { field: path, op, value } : null;
      if (op === "eq" || op === "neq") return { field: path, op, value };
      if (op === "gt" || op === "gte" || op === "lt" || op === "lte")
        return typeof value === "boolean" ? null : { field: path, op, value };
      return null;
    }
    case "multi": {
      const items = values.list
        .map((item) => toScalar(kind, item))
        .filter((item) => item !== null && typeof item !== "boolean");
      if (items.length === 0 || (op !== "in" && op !== "nin")) return null;
      return { field: path, op, value: items as (string | number)[] };
    }
    case "range": {
      const from = toScalar(kind, values.from);
      const to = toScalar(kind, values.to);
      if (from === null || to === null || typeof from === "boolean" || typeof to === "boolean") return null;
      return { field: path, op: "between", value: [from, to] };
    }
    default:
      return null;
  }
}

function row(field: string, op: BuilderOp, values: Partial<RowValues> = {}): FilterRow {
  return { kind: "row", id: nextId("r"), field, op, values: { ...emptyValues(), ...values } };
}

function eventRow(node: unknown, op: BuilderOp): FilterRow | null {
  if (typeof node !== "object" || node === null || !("event" in node)) return null;
  const { type, within, count } = (node as Extract<Filter, { event: unknown }>).event;
  const days = within === undefined ? "" : /^P([1-9]\d{0,4})D$/.exec(within)?.[1];
  if (days === undefined || (count && (count.gte === undefined || count.lte !== undefined || count.eq !== undefined)))
    return null;
  return row(EVENT_FIELD_ID, op, {
    eventType: type,
    withinDays: days,
    minCount: count?.gte === undefined ? "" : String(count.gte),
  });
}

/** The row showing a condition, or null when the builder has no row for it. */
export function conditionToRow(node: Filter, fieldOf: (id: string) => FilterField | undefined): FilterRow | null {
  if ("tag" in node) return row(TAG_FIELD_ID, "hasTag", { text: node.tag });
  if ("not" in node) {
    if ("tag" in node.not) return row(TAG_FIELD_ID, "notTag", { text: node.not.tag });
    return eventRow(node.not, "notPerformed");
  }
  if ("event" in node) return eventRow(node, "performed");
  if ("consent" in node) {
    const op: BuilderOp = node.objection === true ? "objected" : node.status === true ? "granted" : "denied";
    return fieldOf(`${CONSENT_FIELD_PREFIX}${node.consent}`) ? row(`${CONSENT_FIELD_PREFIX}${node.consent}`, op) : null;
  }
  if (!("field" in node)) return null;
  const field = fieldOf(node.field);
  if (!field) return null;
  if (field.kind === "tag") {
    if (node.op !== "in" && node.op !== "nin") return null;
    return row(TAG_FIELD_ID, node.op === "in" ? "anyTag" : "noTag", { list: node.value.map(String) });
  }
  switch (node.op) {
    case "exists":
      return row(field.id, node.value ? "isSet" : "isNotSet");
    case "in":
    case "nin": {
      const list = node.value.map((item) => fromScalar(field.kind, item));
      return list.every((item) => item !== null) ? row(field.id, node.op, { list: list as string[] }) : null;
    }
    case "between": {
      const from = fromScalar(field.kind, node.value[0]);
      const to = fromScalar(field.kind, node.value[1]);
      return from === null || to === null ? null : row(field.id, "between", { from, to });
    }
    default: {
      const text = fromScalar(field.kind, node.value);
      return text === null ? null : row(field.id, node.op, { text });
    }
  }
}
