// A custom event type's properties as the form edits them (one row per property) and as the API stores
// them (a JSON Schema subset, see lib/server/events/custom-type-schema.ts). The form offers the kinds the
// reference names; reading also understands what it cannot create (nested objects, number enums) so a
// declaration made through the API still lists correctly.
import type { EventTypeCreate } from "@/lib/schemas/event-types";
import { PROPERTY_TYPE_LABEL } from "./extended-property-form";

export const EVENT_PROPERTY_KINDS = [
  "string",
  "number",
  "integer",
  "boolean",
  "date",
  "datetime",
  "email",
  "uri",
  "enum",
  "list",
] as const;
export type EventPropertyKind = (typeof EVENT_PROPERTY_KINDS)[number];

/** The extended properties' type names, plus the event-only "list of texts". */
export const EVENT_PROPERTY_KIND_LABEL: Record<EventPropertyKind | "array" | "object", string> = {
  ...PROPERTY_TYPE_LABEL,
  list: "List of texts",
};

export interface EventPropertyRow {
  name: string;
  kind: EventPropertyKind;
  required: boolean;
  /** enum only */
  values: string[];
}

export interface EventTypeFormValues {
  type: string;
  label: string;
  mode: "ACTIVE" | "PASSIVE";
  properties: EventPropertyRow[];
  /** JSON Schema's additionalProperties: whether events may carry properties not declared here. */
  allowOtherProperties: boolean;
}

export const EMPTY_EVENT_TYPE: EventTypeFormValues = {
  type: "",
  label: "",
  mode: "ACTIVE",
  properties: [],
  allowOtherProperties: true,
};
export const EMPTY_EVENT_PROPERTY: EventPropertyRow = { name: "", kind: "string", required: false, values: [] };

const STRING_FORMATS: Partial<Record<EventPropertyKind, string>> = {
  date: "date",
  datetime: "date-time",
  email: "email",
  uri: "uri",
};

function propertySchema(row: EventPropertyRow): Record<string, unknown> {
  if (row.kind === "enum") return { type: "string", enum: row.values };
  if (row.kind === "list") return { type: "array", items: { type: "string" } };
  const format = STRING_FORMATS[row.kind];
  return format ? { type: "string", format } : { type: row.kind };
}

/** The POST body for the form's values (names and labels trimmed; an empty label is left out). */
export function eventTypeCreateBody(values: EventTypeFormValues): EventTypeCreate {
  const rows = values.properties.map((row) => ({ ...row, name: row.name.trim() }));
  const required = rows.filter((row) => row.required).map((row) => row.name);
  const label = values.label.trim();
  return {
    type: values.type.trim(),
    ...(label ? { label } : {}),
    mode: values.mode,
    propertiesSchema: {
      type: "object",
      properties: Object.fromEntries(rows.map((row) => [row.name, propertySchema(row)])),
      ...(required.length > 0 ? { required } : {}),
      ...(values.allowOtherProperties ? {} : { additionalProperties: false }),
    },
  };
}

/**
 * Problems the API cannot report by row: two rows with one name would silently become one property in
 * the JSON object sent, and an unnamed row has no path. An enum without values is caught here too, in
 * words rather than zod's "too small". Keyed by row index.
 */
export function eventPropertyRowIssues(rows: readonly EventPropertyRow[]): Map<number, string> {
  const issues = new Map<number, string>();
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (name === "") issues.set(index, "Name the property or remove the row");
    else if (seen.has(name)) issues.set(index, `"${name}" is listed twice`);
    else if (row.kind === "enum" && row.values.length === 0) issues.set(index, "List at least one allowed value");
    seen.add(name);
  });
  return issues;
}

export interface DeclaredEventProperty {
  name: string;
  /** The reference's kind: date, enum, list … */
  kind: string;
  required: boolean;
  /** Allowed values of an enum. */
  values: (string | number)[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function kindOf(property: Record<string, unknown>): string {
  if (Array.isArray(property.enum)) return "enum";
  if (property.type === "string" && typeof property.format === "string")
    return property.format === "date-time" ? "datetime" : property.format;
  if (
    property.type === "array" &&
    isRecord(property.items) &&
    property.items.type === "string" &&
    property.items.format === undefined
  )
    return "list";
  return typeof property.type === "string" ? property.type : "unknown";
}

/**
 * The declared properties of a stored schema by name, for listing; null schema (any properties) gives none.
 * By name because the declared order does not survive storage (PostgreSQL jsonb reorders object keys).
 */
export function declaredEventProperties(schema: Record<string, unknown> | null): DeclaredEventProperty[] {
  if (!schema || !isRecord(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const entries = Object.entries(schema.properties).sort(([a], [b]) => a.localeCompare(b));
  return entries.map(([name, property]) => {
    const definition = isRecord(property) ? property : {};
    return {
      name,
      kind: kindOf(definition),
      required: required.has(name),
      values: Array.isArray(definition.enum)
        ? definition.enum.filter((v): v is string | number => typeof v === "string" || typeof v === "number")
        : [],
    };
  });
}

export function eventPropertyKindLabel(kind: string): string {
  return (EVENT_PROPERTY_KIND_LABEL as Record<string, string>)[kind] ?? kind;
}

/** Whether events of a stored schema may carry undeclared properties (JSON Schema's default: yes). */
export function allowsOtherProperties(schema: Record<string, unknown> | null): boolean {
  return schema?.additionalProperties !== false;
}
