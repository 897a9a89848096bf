// The extended property form's state, and the PUT body built from it. PUT …/schema/customer/extended
// takes the workspace's whole list, so one edit is sent as every stored declaration with this one
// replaced (or appended). A property the form cannot fully show (a nested object inside an array, say)
// keeps its stored options for everything the form does not edit, so a save never drops a definition.
import {
  EXTENDED_PROPERTY_TYPES,
  type ExtendedProperty,
  type ExtendedPropertyDeclaration,
  type ExtendedPropertyType,
  type ExtendedSchemaUpdate,
  type MERGE_POLICY_NAMES,
} from "@/lib/schemas/extended-schema";

export type MergePolicy = (typeof MERGE_POLICY_NAMES)[number];

/** Types a nested definition (array items, object properties) can take in this form: plain values only. */
export const NESTED_TYPES = [
  "string",
  "number",
  "integer",
  "boolean",
  "date",
  "datetime",
  "email",
  "uri",
] as const satisfies readonly ExtendedPropertyType[];
export type NestedType = (typeof NESTED_TYPES)[number];

export const PROPERTY_TYPE_LABEL: Record<ExtendedPropertyType, string> = {
  string: "Text",
  number: "Number",
  integer: "Whole number",
  boolean: "Yes / no",
  date: "Date",
  datetime: "Date and time",
  email: "E-mail address",
  uri: "Web address (URI)",
  enum: "One of a list",
  array: "List",
  object: "Group of fields",
};

export const MERGE_POLICY_LABEL: Record<MergePolicy, { label: string; hint: string }> = {
  latest: { label: "Latest", hint: "Keep the value of the most recently updated profile." },
  priority: {
    label: "Source priority",
    hint: "Keep the value from the source with the higher priority (Settings → Sources).",
  },
  concatenate: { label: "Concatenate", hint: "Join both texts or lists, oldest first." },
  union: { label: "Union", hint: "Combine both lists, without duplicates." },
  sum: { label: "Sum", hint: "Add both numbers, e.g. loyalty points." },
  min: { label: "Smallest / earliest", hint: "Keep the smaller number or the earlier date." },
  max: { label: "Largest / latest date", hint: "Keep the larger number or the later date." },
};

// The server accepts any policy for any type and falls back to "latest" when values do not fit (a sum of
// texts), so the form only offers the policies that do something for the type.
const ORDERED: readonly MergePolicy[] = ["latest", "priority", "min", "max"];
const POLICIES_BY_TYPE: Record<ExtendedPropertyType, readonly MergePolicy[]> = {
  string: ["latest", "priority", "concatenate"],
  email: ["latest", "priority"],
  uri: ["latest", "priority"],
  enum: ["latest", "priority"],
  boolean: ["latest", "priority"],
  number: [...ORDERED, "sum"],
  integer: [...ORDERED, "sum"],
  date: ORDERED,
  datetime: ORDERED,
  array: ["latest", "priority", "union", "concatenate"],
  object: ["latest", "priority"],
};

/** The policies offered for `type`, plus `current` when a property already uses another one. */
export function mergePoliciesFor(type: ExtendedPropertyType, current?: MergePolicy): MergePolicy[] {
  const offered = [...POLICIES_BY_TYPE[type]];
  return current && !offered.includes(current) ? [...offered, current] : offered;
}

export interface NestedField {
  name: string;
  /** A NestedType for new fields; a saved one shows whatever type it was declared with. */
  type: ExtendedPropertyType;
  /** Already saved: its definition is kept as stored and cannot change. */
  saved: boolean;
}

export interface ExtendedPropertyFormValues {
  name: string;
  type: ExtendedPropertyType;
  label: string;
  description: string;
  mergePolicy: MergePolicy;
  enabled: boolean;
  /** enum */
  enumValues: string[];
  /** array: the items' type, or null for items of any type. Fixed once saved. */
  itemType: ExtendedPropertyType | null;
  /** object: its declared fields; none means any fields are accepted. */
  fields: NestedField[];
}

export const EMPTY_EXTENDED_PROPERTY: ExtendedPropertyFormValues = {
  name: "",
  type: "string",
  label: "",
  description: "",
  mergePolicy: "latest",
  enabled: true,
  enumValues: [],
  itemType: null,
  fields: [],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The type of a nested definition: a type name, or { type, options }. */
export function nestedTypeOf(definition: unknown): string | null {
  if (typeof definition === "string") return definition;
  return isRecord(definition) && typeof definition.type === "string" ? definition.type : null;
}

const asPropertyType = (type: string | null): ExtendedPropertyType | null =>
  (EXTENDED_PROPERTY_TYPES as readonly string[]).includes(type ?? "") ? (type as ExtendedPropertyType) : null;

export function formValuesOf(property: ExtendedProperty): ExtendedPropertyFormValues {
  const { options } = property;
  const values = Array.isArray(options.values) ? options.values.filter((v): v is string => typeof v === "string") : [];
  const fields = isRecord(options.properties)
    ? Object.entries(options.properties).map(([name, definition]) => ({
        name,
        type: asPropertyType(nestedTypeOf(definition)) ?? "string",
        saved: true,
      }))
    : [];
  return {
    name: property.name,
    type: property.type,
    label: property.label ?? "",
    description: property.description ?? "",
    mergePolicy: property.mergePolicy,
    enabled: property.enabled,
    enumValues: values,
    itemType: asPropertyType(nestedTypeOf(options.items)),
    fields,
  };
}

function optionsOf(
  values: ExtendedPropertyFormValues,
  stored: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (values.type === "enum") return { values: values.enumValues };
  if (values.type === "array") {
    // A stored definition of the same type may carry options the form does not show: keep it whole.
    if (values.itemType && nestedTypeOf(stored.items) === values.itemType) return { items: stored.items };
    return values.itemType ? { items: values.itemType } : {};
  }
  if (values.type === "object") {
    const saved = isRecord(stored.properties) ? stored.properties : {};
    const fields = values.fields
      .map((field) => ({ ...field, name: field.name.trim() }))
      .filter((field) => field.name !== "");
    if (fields.length === 0 && !isRecord(stored.properties)) return {};
    const properties: Record<string, unknown> = { ...saved };
    for (const field of fields) if (!Object.hasOwn(saved, field.name)) properties[field.name] = field.type;
    return { properties };
  }
  return undefined;
}

const textOrNull = (text: string) => (text.trim() === "" ? null : text.trim());

/** The declaration for the form's values; `stored` is the saved property being edited, if any. */
export function declarationOf(
  values: ExtendedPropertyFormValues,
  stored?: ExtendedProperty,
): ExtendedPropertyDeclaration {
  const options = optionsOf(values, stored?.type === values.type ? stored.options : {});
  return {
    name: values.name.trim(),
    type: values.type,
    label: textOrNull(values.label),
    description: textOrNull(values.description),
    ...(options ? { options } : {}),
    mergePolicy: values.mergePolicy,
    enabled: values.enabled,
  };
}

/** A stored property as PUT takes it back, unchanged. */
export function storedDeclaration({
  name,
  type,
  label,
  description,
  options,
  mergePolicy,
  enabled,
}: ExtendedProperty): ExtendedPropertyDeclaration {
  return { name, type, label, description, options, mergePolicy, enabled };
}

/**
 * The PUT body with `declaration` in place of the stored property `replacing` (or appended when new), and
 * its index in the list: the API reports problems with it at `properties.<index>.…`.
 */
export function extendedSchemaUpdate(
  stored: readonly ExtendedProperty[],
  declaration: ExtendedPropertyDeclaration,
  replacing?: string,
): { body: ExtendedSchemaUpdate; index: number } {
  const properties = stored.map(storedDeclaration);
  const at = replacing === undefined ? -1 : properties.findIndex((property) => property.name === replacing);
  if (at < 0) return { body: { properties: [...properties, declaration] }, index: properties.length };
  properties[at] = declaration;
  return { body: { properties }, index: at };
}

/** One short line on a property's shape: its enum values, item type or fields. */
export function optionsSummary(property: Pick<ExtendedProperty, "type" | "options">): string {
  const { options } = property;
  if (property.type === "enum" && Array.isArray(options.values)) return options.values.join(", ");
  if (property.type === "array") {
    const itemType = nestedTypeOf(options.items);
    return itemType
      ? `of ${PROPERTY_TYPE_LABEL[itemType as ExtendedPropertyType]?.toLowerCase() ?? itemType}`
      : "of any values";
  }
  if (property.type === "object")
    return isRecord(options.properties) ? Object.keys(options.properties).join(", ") : "any fields";
  return "";
}
