// The create and edit forms of a customer, kept pure: which fields they offer, their values as text (what
// inputs hold), and the request they make — a CustomerWrite to create, a merge patch of only what changed
// to edit. Values are sent as typed, so the API's validation (422 with field paths) is what the form shows.
import { isMaskedField } from "@/lib/schemas/customer-base";
import type { Customer } from "@/lib/schemas/customers";
import type { ExtendedProperty } from "@/lib/schemas/extended-schema";

export type FieldInput = "text" | "email" | "date" | "gender" | "country" | "url";

export interface FormField {
  path: string;
  label: string;
  input: FieldInput;
  group: "Profile" | "Contacts" | "Address";
}

/** The base fields the forms edit; lists (jobs, likes…) and social profiles are left as they are. */
export const BASE_FORM_FIELDS: readonly FormField[] = [
  { path: "base.firstName", label: "First name", input: "text", group: "Profile" },
  { path: "base.lastName", label: "Last name", input: "text", group: "Profile" },
  { path: "base.middleName", label: "Middle name", input: "text", group: "Profile" },
  { path: "base.title", label: "Title", input: "text", group: "Profile" },
  { path: "base.gender", label: "Gender", input: "gender", group: "Profile" },
  { path: "base.dob", label: "Birth date", input: "date", group: "Profile" },
  { path: "base.locale", label: "Locale", input: "text", group: "Profile" },
  { path: "base.timezone", label: "Time zone", input: "text", group: "Profile" },
  { path: "externalId", label: "External id", input: "text", group: "Profile" },
  { path: "base.contacts.email", label: "E-mail", input: "email", group: "Contacts" },
  { path: "base.contacts.mobilePhone", label: "Mobile phone", input: "text", group: "Contacts" },
  { path: "base.contacts.phone", label: "Phone", input: "text", group: "Contacts" },
  { path: "base.address.street", label: "Street", input: "text", group: "Address" },
  { path: "base.address.zip", label: "Postcode", input: "text", group: "Address" },
  { path: "base.address.city", label: "City", input: "text", group: "Address" },
  { path: "base.address.province", label: "Province", input: "text", group: "Address" },
  { path: "base.address.region", label: "Region", input: "text", group: "Address" },
  { path: "base.address.country", label: "Country", input: "country", group: "Address" },
];

/** What the inputs hold: text per path (extended.<name> too), and the tags. */
export interface CustomerFormValues {
  fields: Record<string, string>;
  tags: string[];
}

/**
 * A member who sees personal data masked reads masked values ("M***"): saving them would overwrite the
 * data with its mask, and typing a new one would change data they may not see. The same fields the server
 * masks and refuses to filter by (MASKED_FIELDS) are therefore read-only for them.
 */
export function lockedForMasked(path: string, masked: boolean): boolean {
  return masked && isMaskedField(path);
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split("."))
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** An extended value as its input's text: JSON for lists and objects. */
function extendedText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function formValuesOf(
  customer: Pick<Customer, "externalId" | "base" | "extended" | "tags"> | null,
  declarations: readonly Pick<ExtendedProperty, "name">[],
): CustomerFormValues {
  const fields: Record<string, string> = {};
  for (const field of BASE_FORM_FIELDS) {
    const value = customer ? valueAt(customer, field.path) : undefined;
    fields[field.path] = typeof value === "string" ? value : "";
  }
  for (const { name } of declarations) fields[`extended.${name}`] = extendedText(customer?.extended[name]);
  return { fields, tags: customer ? [...customer.tags] : [] };
}

/**
 * The typed value of an extended property's text; text that does not parse as the type is sent as it is,
 * so the server names the problem under the field ("Must be a number").
 */
export function extendedValue(type: ExtendedProperty["type"], text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  switch (type) {
    case "number":
    case "integer": {
      const number = Number(trimmed);
      return Number.isFinite(number) ? number : trimmed;
    }
    case "boolean":
      return trimmed === "true" ? true : trimmed === "false" ? false : trimmed;
    case "datetime": {
      // <input type="datetime-local"> gives local time without a zone; the API takes an instant.
      const time = Date.parse(trimmed);
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed) &&
        !Number.isNaN(time) &&
        !/Z|[+-]\d{2}:\d{2}$/.test(trimmed)
        ? new Date(time).toISOString()
        : trimmed;
    }
    case "array":
    case "object":
      try {
        return JSON.parse(trimmed);
      } catch {
        return trimmed;
      }
    default:
      return text;
  }
}

function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The body of POST …/customers: only fields with a value. */
export function createBodyOf(
  values: CustomerFormValues,
  declarations: readonly Pick<ExtendedProperty, "name" | "type">[],
  masked: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of BASE_FORM_FIELDS) {
    const text = values.fields[field.path]?.trim() ?? "";
    if (text && !lockedForMasked(field.path, masked)) setAt(body, field.path, text);
  }
  for (const { name, type } of declarations) {
    const value = extendedValue(type, values.fields[`extended.${name}`] ?? "");
    if (value !== null) setAt(body, `extended.${name}`, value);
  }
  if (values.tags.length > 0) body.tags = values.tags;
  return body;
}

/** The merge patch of PATCH …/customers/{id}: what changed, null for what was cleared. */
export function patchOf(
  original: CustomerFormValues,
  values: CustomerFormValues,
  declarations: readonly Pick<ExtendedProperty, "name" | "type">[],
  masked: boolean,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of BASE_FORM_FIELDS) {
    if (lockedForMasked(field.path, masked)) continue;
    const before = original.fields[field.path] ?? "";
    const text = values.fields[field.path]?.trim() ?? "";
    if (text !== before.trim()) setAt(patch, field.path, text === "" ? null : text);
  }
  for (const { name, type } of declarations) {
    const path = `extended.${name}`;
    const before = extendedValue(type, original.fields[path] ?? "");
    const after = extendedValue(type, values.fields[path] ?? "");
    if (!sameJson(before, after)) setAt(patch, path, after);
  }
  if (!sameJson(original.tags, values.tags)) patch.tags = values.tags;
  return patch;
}

/** Every path the form shows an error under. */
export function formPaths(declarations: readonly Pick<ExtendedProperty, "name">[]): string[] {
  return [
    ...BASE_FORM_FIELDS.map((field) => field.path),
    ...declarations.map(({ name }) => `extended.${name}`),
    "tags",
  ];
}
