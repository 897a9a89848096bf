// A filter in one line of words ("Country is Italy (IT) and has tag vip"), for lists of views where the
// builder itself would take too much room. Conditions the builder has no words for are shown as JSON.
import type { Filter } from "@/lib/schemas/filters";
import { isStandardEventType, STANDARD_EVENT_TYPES } from "@/lib/schemas/event-catalogue/registry";
import { countryName } from "./country-codes";
import { consentLabel, type FilterField } from "./filter-fields";
import { opLabel } from "./filter-operators";

type FieldOf = (id: string) => FilterField | undefined;

function valueText(field: FilterField | undefined, value: unknown): string {
  const one = (item: unknown) => {
    const text = String(item);
    if (field?.country && /^[A-Z]{2}$/.test(text)) return countryName(text);
    // Whole-day instants read as days.
    return /^\d{4}-\d{2}-\d{2}T(00:00:00(\.000)?|23:59:59\.999)Z$/.test(text) ? text.slice(0, 10) : text;
  };
  if (Array.isArray(value)) return value.map(one).join(", ");
  return one(value);
}

/** "P30D" → "in the last 30 days"; other ISO durations as they are. */
function withinText(within: string): string {
  const days = /^P(\d+)D$/.exec(within)?.[1];
  if (!days) return `within ${within}`;
  return days === "1" ? "in the last day" : `in the last ${days} days`;
}

function describeCondition(node: Filter, fieldOf: FieldOf, depth: number): string {
  if ("and" in node || "or" in node) {
    const parts = "and" in node ? node.and : node.or;
    if (parts.length === 0) return "and" in node ? "everyone" : "no one";
    const text = parts
      .map((part) => describeCondition(part, fieldOf, depth + 1))
      .join("and" in node ? " and " : " or ");
    return depth > 0 && parts.length > 1 ? `(${text})` : text;
  }
  if ("not" in node) {
    if ("tag" in node.not) return `does not have tag ${node.not.tag}`;
    return `not ${describeCondition(node.not, fieldOf, depth + 1)}`;
  }
  if ("tag" in node) return `has tag ${node.tag}`;
  if ("consent" in node) {
    const state = node.objection ? "objected to" : node.status === false ? "refused" : "granted";
    return `${consentLabel(node.consent)} ${state}`;
  }
  if ("event" in node) {
    const { type, within, count } = node.event;
    const times = count?.gte && count.gte > 1 ? ` at least ${count.gte} times` : "";
    // Standard types by their label ("Completed an order"); custom ones by name.
    const what = isStandardEventType(type) ? STANDARD_EVENT_TYPES[type].label.toLowerCase() : `did ${type}`;
    return `${what}${times}${within ? ` ${withinText(within)}` : ""}`;
  }
  const field = fieldOf(node.field);
  const label = field?.label ?? node.field;
  if (node.op === "exists") return `${label} ${node.value ? "is set" : "is not set"}`;
  if (node.op === "between")
    return `${label} is between ${valueText(field, node.value[0])} and ${valueText(field, node.value[1])}`;
  const op = field ? opLabel(node.op, field.kind) : node.op;
  return `${label} ${op} ${valueText(field, node.value)}`;
}

export function describeFilter(filter: Filter, fieldOf: FieldOf): string {
  const text = describeCondition(filter, fieldOf, 0);
  return text === "everyone" ? "All customers" : text.charAt(0).toUpperCase() + text.slice(1);
}
