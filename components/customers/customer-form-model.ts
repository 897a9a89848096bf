// The create and edit forms of a customer, kept pure: which fields they offer, their values as text (what
// inputs hold), and the request they make — a CustomerWrite to create, a merge patch of only what changed
// to edit. Every field of the standard base is here: scalars below, lists in customer-form-lists.ts.
// Values are sent as typed, so the API's validation (422 with field paths) is what the form shows.
import { isMaskedField } from "@/lib/schemas/customer-base";
import type { Customer } from "@/lib/schemas/customers";
import type { ExtendedProperty } from "@/lib/schemas/extended-schema";
import { BASE_LIST_FIELDS, itemValuesOf, listBodyOf, type ListItemValues } from "./customer-form-lists";

export type FieldInput = "text" | "email" | "date" | "gender" | "country" | "url" | "number";

export interface FormField {
  path: string;
  label: string;
  input: FieldInput;
  group: "Profile" | "Contacts" | "Address" | "Social profiles";
}

/** Every scalar field of the base; its lists are in customer-form-lists.ts. */
export const BASE_FORM_FIELDS: readonly FormField[] = [
  { path: "base.firstName", label: "First name", input: "text", group: "Profile" },
  { path: "base.lastName", label: "Last name", input: "text", group: "Profile" },
  { path: "base.middleName", label: "Middle name", input: "text", group: "Profile" },
  { path: "base.prefix", label: "Prefix", input: "text", group: "Profile" },
  { path: "base.title", label: "Title", input: "text", group: "Profile" },
  { path: "base.gender", label: "Gender", input: "gender", group: "Profile" },
  { path: "base.dob", label: "Birth date", input: "date", group: "Profile" },
  { path: "base.locale", label: "Locale", input: "text", group: "Profile" },
  { path: "base.timezone", label: "Time zone", input: "text", group: "Profile" },
  { path: "base.pictureUrl", label: "Picture URL", input: "url", group: "Profile" },
  { path: "base.credential.username", label: "Username", input: "text", group: "Profile" },
  { path: "externalId", label: "External id", input: "text", group: "Profile" },
  { path: "base.contacts.email", label: "E-mail", input: "email", group: "Contacts" },
  { path: "base.contacts.mobilePhone", label: "Mobile phone", input: "text", group: "Contacts" },
  { path: "base.contacts.phone", label: "Phone", input: "text", group: "Contacts" },
  { path: "base.contacts.fax", label: "Fax", input: "text", group: "Contacts" },
  { path: "base.address.street", label: "Street", input: "text", group: "Address" },
  { path: "base.address.zip", label: "Postcode", input: "text", group: "Address" },
  { path: "base.address.city", label: "City", input: "text", group: "Address" },
  { path: "base.address.province", label: "Province", input: "text", group: "Address" },
  { path: "base.address.region", label: "Region", input: "text", group: "Address" },
  { path: "base.address.country", label: "Country", input: "country", group: "Address" },
  { path: "base.address.geo.lat", label: "Latitude", input: "number", group: "Address" },
  { path: "base.address.geo.lon", label: "Longitude", input: "number", group: "Address" },
  { path: "base.socialProfile.facebook", label: "Facebook", input: "text", group: "Social profiles" },
  { path: "base.socialProfile.instagram", label: "Instagram", input: "text", group: "Social profiles" },
  { path: "base.socialProfile.linkedin", label: "LinkedIn", input: "text", group: "Social profiles" },
  { path: "base.socialProfile.twitter", label: "Twitter / X", input: "text", group: "Social profiles" },
  { path: "base.socialProfile.google", label: "Google", input: "text", group: "Social profiles" },
  { path: "base.socialProfile.qzone", label: "Qzone", input: "text", group: "Social profiles" },
];

/** A point needs both coordinates (geo's schema requires them), so a change to one sends the pair. */
const GEO = "base.address.geo";

/** What the inputs hold: text per path (extended.<name> too), and the tags. */
export interface CustomerFormValues {
  fields: Record<string, string>;
  /** The list fields' items, by path (BASE_LIST_FIELDS). */
  lists: Record<string, ListItemValues[]>;
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
    fields[field.path] = typeof value === "string" || typeof value === "number" ? String(value) : "";
  }
  for (const { name } of declarations) fields[`extended.${name}`] = extendedText(customer?.extended[name]);
  const lists: Record<string, ListItemValues[]> = {};
  for (const list of BASE_LIST_FIELDS) {
    const stored = customer ? valueAt(customer, list.path) : undefined;
    lists[list.path] = Array.isArray(stored) ? stored.map((item) => itemValuesOf(list, item)) : [];
  }
  return { fields, lists, tags: customer ? [...customer.tags] : [] };
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

/** A scalar's text as sent: numbers typed when they parse, otherwise as typed for the API to name. */
function scalarValue(field: FormField, text: string): unknown {
  if (field.input !== "number") return text;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

/** The coordinates with a value, or null when both are empty. */
function geoOf(values: CustomerFormValues): Record<string, unknown> | null {
  const geo: Record<string, unknown> = {};
  for (const field of BASE_FORM_FIELDS.filter(({ path }) => path.startsWith(`${GEO}.`))) {
    const text = values.fields[field.path]?.trim() ?? "";
    if (text) geo[field.path.slice(GEO.length + 1)] = scalarValue(field, text);
  }
  return Object.keys(geo).length > 0 ? geo : null;
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
    if (text && !lockedForMasked(field.path, masked)) setAt(body, field.path, scalarValue(field, text));
  }
  for (const list of BASE_LIST_FIELDS) {
    const items = values.lists[list.path] ?? [];
    if (items.length > 0 && !lockedForMasked(list.path, masked)) setAt(body, list.path, listBodyOf(list, items));
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
    if (lockedForMasked(field.path, masked) || field.path.startsWith(`${GEO}.`)) continue;
    const before = original.fields[field.path] ?? "";
    const text = values.fields[field.path]?.trim() ?? "";
    if (text !== before.trim()) setAt(patch, field.path, text === "" ? null : scalarValue(field, text));
  }
  const geo = geoOf(values);
  if (!lockedForMasked(`${GEO}.lat`, masked) && !sameJson(geoOf(original), geo)) setAt(patch, GEO, geo);
  // A merge patch replaces a list whole: a changed list is sent with all its items, an emptied one as null.
  for (const list of BASE_LIST_FIELDS) {
    if (lockedForMasked(list.path, masked)) continue;
    const before = listBodyOf(list, original.lists[list.path] ?? []);
    const after = listBodyOf(list, values.lists[list.path] ?? []);
    if (!sameJson(before, after)) setAt(patch, list.path, after.length > 0 ? after : null);
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
    ...BASE_LIST_FIELDS.map((list) => list.path),
    ...declarations.map(({ name }) => `extended.${name}`),
    "tags",
  ];
}
